// Parses what the officer types at a prompt: ratios (0.75, 3/4, 75%), deduction counts and evidence lists.
import { evidencePath, type Evidence } from '../model/answers.js';

/** Why a typed ratio was refused; the walk turns it into a localised message. */
export type RatioProblem = 'empty' | 'format' | 'range' | 'percentHint' | 'zeroDenominator';

/** A parsed ratio, or the reason it was refused. */
export type ParsedRatio = { ok: true; value: number } | { ok: false; problem: RatioProblem };

/** Ratios are kept to 4 decimals: enough for "2/3" and stable in the YAML file. */
const RATIO_DECIMALS = 4;

function roundRatio(value: number): number {
  const f = 10 ** RATIO_DECIMALS;
  return Math.round(value * f) / f;
}

/**
 * Parses a ratio typed as a fraction `0.75`, a quotient `3/4` or a percentage `75%`, accepting
 * full-width digits and signs (Chinese input methods produce them) and spaces.
 */
export function parseRatio(raw: string): ParsedRatio {
  const text = toHalfWidth(raw).replace(/\s+/g, '');
  if (text === '') return { ok: false, problem: 'empty' };
  const number = String.raw`\d+(?:\.\d+)?|\.\d+`;
  let value: number;
  let m: RegExpExecArray | null;
  if ((m = new RegExp(`^(${number})%$`).exec(text))) {
    value = Number(m[1]) / 100;
  } else if ((m = new RegExp(`^(${number})/(${number})$`).exec(text))) {
    const denominator = Number(m[2]);
    if (denominator === 0) return { ok: false, problem: 'zeroDenominator' };
    value = Number(m[1]) / denominator;
  } else if (new RegExp(`^(${number})$`).test(text)) {
    value = Number(text);
    // "75" almost always means 75 %: say so rather than a bare "out of range".
    if (value > 1 && value <= 100) return { ok: false, problem: 'percentHint' };
  } else {
    return { ok: false, problem: 'format' };
  }
  if (!Number.isFinite(value) || value < 0 || value > 1) return { ok: false, problem: 'range' };
  return { ok: true, value: roundRatio(value) };
}

/** Parses a deduction count: a whole number ≥ 0 (empty means 0). */
export function parseCount(raw: string): number | undefined {
  const text = toHalfWidth(raw).trim();
  if (text === '') return 0;
  if (!/^\d{1,6}$/.test(text)) return undefined;
  return Number(text);
}

/**
 * Splits an evidence list typed on one line: commas, semicolons (half- or full-width), 、 and
 * newlines separate entries. Entries already recorded with a digest keep it when named again.
 */
export function parseEvidence(raw: string, previous: readonly Evidence[] = []): Evidence[] {
  const names = raw
    .split(/[,;，；、\n]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const out: Evidence[] = [];
  for (const name of names) {
    if (out.some((e) => evidencePath(e) === name)) continue;
    const kept = previous.find((e) => typeof e !== 'string' && e.path === name);
    out.push(kept ?? name);
  }
  return out;
}

/** Shows an evidence list the way {@link parseEvidence} reads it back. */
export function formatEvidence(list: readonly Evidence[] | undefined): string {
  return (list ?? []).map(evidencePath).join('; ');
}

/** Full-width digits, point, slash and percent sign to ASCII. */
function toHalfWidth(text: string): string {
  return text.replace(/[\uff10-\uff19\uff0e\uff0f\uff05]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/。/g, '.');
}

// Hints for full-width punctuation typed into YAML by a Chinese input method: said so, and where.
import { localized } from '../i18n/translate.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** A full-width colon right after a key (`status：pass`), or a full-width comma before the next key (`pass，note: x`). */
const FULL_WIDTH: { re: RegExp; hint: (line: number, column: number) => { zh: string; en: string } }[] = [
  {
    re: /(?:^|[\s{,])[A-Za-z_][\w.-]*\s*(：)/,
    hint: (line, column) => localized('diag.hint.fullWidthColon', { line, column }),
  },
  {
    re: /(，)\s*[A-Za-z_][\w.-]*\s*[:：]/,
    hint: (line, column) => localized('diag.hint.fullWidthComma', { line, column }),
  },
];

/**
 * Adds the full-width hint to the errors on a line where such punctuation stands in YAML's place,
 * and keeps one error for that line (the one nearest before the character): the others are the
 * same slip seen from elsewhere (a missing field, an unknown one). Notes may hold full-width
 * punctuation freely; only a colon after a key or a comma before one is taken for a slip.
 */
export function withFullWidthHints(diagnostics: readonly Diagnostic[], source: string): Diagnostic[] {
  // Most files with errors have no full-width punctuation at all: nothing to look for line by line.
  if (!source.includes('：') && !source.includes('，')) return [...diagnostics];
  const lines = source.split('\n');
  const found = new Map<number, { column: number; hint: { zh: string; en: string } }>();
  for (const d of diagnostics) {
    if (d.severity !== 'error' || d.line === undefined || found.has(d.line)) continue;
    const text = (lines[d.line - 1] ?? '').replace(/\r$/, '');
    if (!text.includes('：') && !text.includes('，')) continue;
    for (const { re, hint } of FULL_WIDTH) {
      const m = re.exec(text);
      if (m) {
        const column = m.index + m[0].indexOf(m[1]) + 1;
        found.set(d.line, { column, hint: hint(d.line, column) });
        break;
      }
    }
  }
  if (found.size === 0) return [...diagnostics];
  const keep = new Map<number, Diagnostic>();
  for (const d of diagnostics) {
    const f = d.line !== undefined && d.severity === 'error' ? found.get(d.line) : undefined;
    if (!f) continue;
    const best = keep.get(d.line!);
    const before = (x: Diagnostic): number => ((x.column ?? 0) <= f.column ? (x.column ?? 0) : -1);
    if (!best || before(d) > before(best)) keep.set(d.line!, d);
  }
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const f = d.line !== undefined && d.severity === 'error' ? found.get(d.line) : undefined;
    if (!f) out.push(d);
    else if (keep.get(d.line!) === d) out.push({ ...d, message: { zh: d.message.zh + f.hint.zh, en: d.message.en + f.hint.en } });
  }
  return out;
}

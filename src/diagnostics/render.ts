// Renders diagnostics for people (file:line:col, message, code frame with a caret) and for tools (JSON).
import type { Lang } from '../i18n/lang.js';
import type { Diagnostic } from './diagnostic.js';
import { EXCERPT_CHARS, excerpt } from '../util/excerpt.js';
import { makeVisible } from '../util/safe-text.js';

/** Colour functions; identity functions when colour is off. */
export interface Paint {
  red(s: string): string;
  yellow(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  green(s: string): string;
  cyan(s: string): string;
}

/** Paint that leaves text as it is. */
export const NO_PAINT: Paint = {
  red: (s) => s,
  yellow: (s) => s,
  dim: (s) => s,
  bold: (s) => s,
  green: (s) => s,
  cyan: (s) => s,
};

/**
 * Text from a file quoted in a message (a unit name, a type, a value): an excerpt (one line,
 * at most EXCERPT_CHARS characters) made visible. Reports and screens show such text whole;
 * messages never carry more than this of it.
 */
export function quoteText(text: string): string {
  return makeVisible(excerpt(text));
}

/** Terminal columns a string takes: East Asian wide and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    width += isWide(cp) ? 2 : 1;
  }
  return width;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

// A file with 100,000 findings renders 100,000 frames; splitting the whole source for
// each made that quadratic. The lines of the last source are kept (frames come file by file).
let cachedSource: string | undefined;
let cachedLines: string[] = [];

function linesOf(source: string): string[] {
  if (source !== cachedSource) {
    cachedSource = source;
    cachedLines = source.split(/\r?\n/);
  }
  return cachedLines;
}

/**
 * A code frame: up to two lines before the offending line, the line itself, and a caret under
 * the offending columns. Lines are cut to keep frames readable when a line is very long.
 */
export function renderCodeFrame(source: string, d: Diagnostic, paint: Paint = NO_PAINT): string {
  if (d.line === undefined) return '';
  const lines = linesOf(source);
  const target = d.line;
  if (target < 1 || target > lines.length) return '';
  const first = Math.max(1, target - 2);
  const gutter = String(target).length;
  const out: string[] = [];
  // A frame quotes an excerpt of each line, like a message (see util/excerpt.ts).
  const maxCols = EXCERPT_CHARS;
  // Enough of a line for maxCols columns (a column is at least one UTF-16 unit, a character at most two).
  const window = 2 * maxCols + 2;
  for (let n = first; n <= target; n++) {
    const raw = lines[n - 1];
    let text = makeVisible(raw.slice(0, window));
    let shift = 0;
    const col = d.column ?? 1;
    if (n === target && displayWidth(makeVisible(raw.slice(Math.max(0, col - 1 - maxCols), col - 1))) > maxCols - 20) {
      // Long line: show a window around the caret.
      const start = Math.max(0, col - 1 - 40);
      text = '…' + makeVisible(raw.slice(start, start + window));
      shift = start;
    }
    if (displayWidth(text) > maxCols || raw.length - shift > window) text = cut(text, maxCols) + '…';
    const mark = n === target ? paint.red('>') : ' ';
    out.push(`${mark} ${String(n).padStart(gutter)} | ${text}`);
    if (n === target) {
      const prefix = (shift ? '…' : '') + makeVisible(raw.slice(shift, col - 1));
      const endCol =
        d.endLine === d.line && d.endColumn !== undefined && d.endColumn > col ? d.endColumn : col + 1;
      const span = Math.min(
        Math.max(1, displayWidth(makeVisible(raw.slice(col - 1, Math.min(endCol - 1, col - 1 + window))))),
        Math.max(1, maxCols - displayWidth(prefix)),
      );
      out.push(`  ${' '.repeat(gutter)} | ${' '.repeat(displayWidth(prefix))}${paint.red('^'.repeat(span))}`);
    }
  }
  return out.join('\n');
}

function cut(text: string, width: number): string {
  let w = 0;
  let out = '';
  for (const ch of text) {
    w += isWide(ch.codePointAt(0)!) ? 2 : 1;
    if (w > width) break;
    out += ch;
  }
  return out;
}

/** Where a diagnostic points, as `file:line:col` (or just the file). */
export function formatLocation(d: Diagnostic): string {
  if (d.cell !== undefined) return `${d.file}:${d.cell}`;
  return d.line === undefined ? d.file : `${d.file}:${d.line}:${d.column ?? 1}`;
}

/** Options for rendering diagnostics as text. */
export interface RenderOptions {
  lang: Lang;
  paint?: Paint;
  /** The text of each file by name, for code frames. */
  sources?: ReadonlyMap<string, string>;
  /** Leave out code frames (e.g. in summaries). */
  frames?: boolean;
}

/** Renders diagnostics as text for a terminal or a log, one block per diagnostic. */
export function renderDiagnostics(list: readonly Diagnostic[], options: RenderOptions): string {
  const paint = options.paint ?? NO_PAINT;
  const blocks: string[] = [];
  for (const d of list) {
    const severity =
      d.severity === 'error'
        ? paint.red(options.lang === 'zh' ? '错误' : 'error')
        : paint.yellow(options.lang === 'zh' ? '警告' : 'warning');
    const head = `${paint.bold(makeVisible(formatLocation(d)))}  ${severity}  ${makeVisible(d.message[options.lang])}  ${paint.dim(d.code)}`;
    const source = options.sources?.get(d.file);
    // A workbook cell has no line of text to frame.
    const frame = options.frames !== false && source !== undefined && d.cell === undefined ? renderCodeFrame(source, d, paint) : '';
    blocks.push(frame ? `${head}\n${frame}` : head);
  }
  return blocks.join('\n\n');
}

/** The JSON form of a diagnostic, for `--format json` (message in the chosen language). */
export function toJsonDiagnostic(d: Diagnostic, lang: Lang): Record<string, unknown> {
  return {
    file: d.file,
    line: d.line ?? null,
    column: d.column ?? null,
    ...(d.cell !== undefined ? { cell: d.cell } : {}),
    endLine: d.endLine ?? null,
    endColumn: d.endColumn ?? null,
    severity: d.severity,
    code: d.code,
    pointer: d.pointer ?? null,
    message: d.message[lang],
  };
}

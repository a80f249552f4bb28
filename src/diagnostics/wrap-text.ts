// Wraps text for a terminal of a given width: English at spaces, Chinese between any two characters.
import { displayWidth } from './render.js';

/** ANSI colour sequences: they take no columns and are never split. */
const ANSI = /\u001b\[[0-9;]*m/y;

/** CJK characters (and full-width forms) after or before which a line may break. */
const CJK = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Punctuation that never starts a line (it stays with the character before it). */
const NO_LINE_START = /[，。、；：！？）」』】〉》”’,.;:!?)\]}…%·]/;

/** Punctuation that never ends a line (it goes with the character after it). */
const NO_LINE_END = /[（「『【〈《“‘([{]/;

/** One piece of a line: a character or an ANSI sequence (width 0). */
interface Piece {
  text: string;
  width: number;
}

function splitPieces(line: string): Piece[] {
  const pieces: Piece[] = [];
  let i = 0;
  while (i < line.length) {
    ANSI.lastIndex = i;
    const m = ANSI.exec(line);
    if (m) {
      pieces.push({ text: m[0], width: 0 });
      i += m[0].length;
      continue;
    }
    const ch = String.fromCodePoint(line.codePointAt(i)!);
    pieces.push({ text: ch, width: displayWidth(ch) });
    i += ch.length;
  }
  return pieces;
}

/** Whether a line may break between `before` and `after` (both visible characters). */
function mayBreakBetween(before: string, after: string): boolean {
  if (after === ' ') return false; // the break comes after the space run
  if (before === ' ') return true;
  if (NO_LINE_START.test(after) || NO_LINE_END.test(before)) return false;
  return CJK.test(before) || CJK.test(after);
}

/**
 * Wraps one line to `width` columns. A line breaks at a space (the space is dropped) or between
 * two characters of which one is Chinese, never inside an English word unless the word alone is
 * wider than the line. `indent` starts the continuation lines.
 */
function wrapLine(line: string, width: number, indent: string): string[] {
  if (displayWidth(line.replace(/\u001b\[[0-9;]*m/g, '')) <= width) return [line];
  const pieces = splitPieces(line);
  const out: string[] = [];
  let current: Piece[] = [];
  let used = 0;
  /** Index in `current` after which the last allowed break lies (-1: none yet). */
  let lastBreak = -1;
  let lastVisible = '';
  const indentWidth = displayWidth(indent);
  const flush = (upTo: number): void => {
    // The spaces at the break are dropped (colour sequences among them are kept).
    const head = current.slice(0, upTo);
    for (let k = head.length - 1; k >= 0 && (head[k].text === ' ' || head[k].width === 0); k--) if (head[k].text === ' ') head.splice(k, 1);
    out.push(head.map((p) => p.text).join(''));
    let rest = current.slice(upTo);
    while (rest.length > 0 && rest[0].text === ' ') rest = rest.slice(1);
    current = indent ? [{ text: indent, width: indentWidth }, ...rest] : rest;
    used = current.reduce((n, p) => n + p.width, 0);
    lastBreak = -1;
  };
  for (const piece of pieces) {
    if (piece.width === 0) {
      current.push(piece);
      continue;
    }
    if (lastVisible && mayBreakBetween(lastVisible, piece.text)) lastBreak = current.length;
    if (used + piece.width > width && piece.text !== ' ') {
      if (lastBreak > 0) flush(lastBreak);
      // A word wider than the line: cut it where it reaches the edge.
      else if (used > indentWidth) flush(current.length);
    }
    current.push(piece);
    used += piece.width;
    lastVisible = piece.text;
  }
  out.push(current.map((p) => p.text).join(''));
  return out;
}

/**
 * Wraps `text` (lines separated by `\n`) to `width` terminal columns; a continuation line starts
 * with the leading spaces of the line it continues. Width undefined or too small: unchanged.
 */
export function wrapText(text: string, width: number | undefined): string {
  if (width === undefined || !Number.isFinite(width) || width < 20) return text;
  return text
    .split('\n')
    .flatMap((line) => wrapLine(line, width, /^ */.exec(line)![0]))
    .join('\n');
}

// A purpose-built parser for the restricted YAML that answer files use in practice, bailing out on anything else.
import { BOOL, FLOAT, FLOAT_EXP, FLOAT_NAN, INT_DEC, INT_HEX, INT_OCT, NULL } from './core-schema.js';

/*
 * What it reads: a block mapping at column 0, nested block mappings indented with spaces, block
 * sequences of scalars or one-line flow collections, one-line flow mappings and sequences (nested),
 * plain scalars, single-quoted and double-quoted scalars without escapes, `#` comments and blank
 * lines. Anything else (tabs, CR, anchors, aliases, tags, directives, document markers, block
 * scalars, multi-line scalars or collections, complex or non-string keys, duplicate keys, odd
 * indentation …) makes it return `undefined`, and the caller uses a general parser instead.
 *
 * Whenever it answers, the value is identical to `parseYaml(text).value` (the `yaml` package, core
 * schema, `stringKeys: true`); test/batch/fast-parse.test.ts checks this differentially. A bail-out
 * only costs speed, a wrong answer could change a verdict, so every doubt bails.
 */


/** Characters that make the whole text someone else's job: tabs, CR, controls, unusual line breaks, BOM, non-BMP. */
const UNUSUAL_CHAR = /[\t\r\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]/;

/** Nesting (block and flow together) deeper than this bails; answer files need 4. */
const MAX_DEPTH = 16;
/** yaml refuses implicit keys longer than 1024 characters; stay well below. */
const MAX_KEY_LENGTH = 512;

const SPACE = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const DOT = 46;
const COMMA = 44;
const SQUOTE = 39;
const DQUOTE = 34;
const LBRACKET = 91;
const RBRACKET = 93;
const LBRACE = 123;
const RBRACE = 125;
const BACKSLASH = 92;

/** Thrown (and caught in {@link tinyParse}) to abandon the parse; never escapes this module. */
const BAIL: unique symbol = Symbol('bail');

function bail(): never {
  throw BAIL;
}

/**
 * Resolves a plain scalar (already trimmed, not empty) exactly as the `yaml` core schema does.
 * @param s The scalar as written.
 */
export function resolvePlainScalar(s: string): unknown {
  const c = s.charCodeAt(0);
  if ((c === 126 || c === 110 || c === 78) && NULL.test(s)) return null; // ~ n N
  if ((c === 116 || c === 84 || c === 102 || c === 70) && BOOL.test(s)) return c === 116 || c === 84; // t T f F
  // Numbers start with a digit, a sign or a dot; anything else is a string without more tests.
  if ((c >= 48 && c <= 57) || c === 43 || c === DASH || c === DOT) {
    if (INT_OCT.test(s)) return parseInt(s.substring(2), 8);
    if (INT_DEC.test(s)) return parseInt(s, 10);
    if (INT_HEX.test(s)) return parseInt(s.substring(2), 16);
    if (FLOAT_NAN.test(s)) {
      if (s.slice(-3).toLowerCase() === 'nan') return NaN;
      return s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    }
    if (FLOAT_EXP.test(s) || FLOAT.test(s)) return parseFloat(s);
  }
  return s;
}

/**
 * Whether a plain scalar may start with this character: not an indicator (`-?:,[]{}#&*!|>'"%@` and
 * backquote). A `-` or `.` is allowed only before a digit or dot (`-1`, `.5`, `.inf`), never as `- `, `---` or `...`.
 */
function canStartPlain(s: string, p: number): boolean {
  const c = s.charCodeAt(p);
  switch (c) {
    case DASH: {
      const n = s.charCodeAt(p + 1);
      return (n >= 48 && n <= 57) || n === DOT;
    }
    case DOT: {
      const n = s.charCodeAt(p + 1);
      return n !== DOT;
    }
    case 63: // ?
    case COLON:
    case COMMA:
    case LBRACKET:
    case RBRACKET:
    case LBRACE:
    case RBRACE:
    case HASH:
    case 38: // &
    case 42: // *
    case 33: // !
    case 124: // |
    case 62: // >
    case SQUOTE:
    case DQUOTE:
    case 37: // %
    case 64: // @
    case 96: // `
    case SPACE:
      return false;
    default:
      return !Number.isNaN(c);
  }
}

/** A key that yaml's `stringKeys` keeps as written but that a YAML 1.1 reader or js-yaml would not: bail on it. */
function checkKey(key: string, map: Record<string, unknown>): void {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH || key === '__proto__' || key === '<<') bail();
  if (Object.hasOwn(map, key)) bail(); // duplicate key: the positioned parse reports it
}

/** Whether a plain key would resolve to something other than a string without `stringKeys`. */
function isNonStringScalar(s: string): boolean {
  return typeof resolvePlainScalar(s) !== 'string';
}

/** Index of the first non-space character at or after `p`. */
function skipSpaces(s: string, p: number): number {
  while (s.charCodeAt(p) === SPACE) p++;
  return p;
}

/** Drops trailing spaces (only U+0020: yaml does not trim other white space such as U+3000). */
function trimEnd(s: string, from: number, to: number): string {
  while (to > from && s.charCodeAt(to - 1) === SPACE) to--;
  return s.slice(from, to);
}

/** The rest of a line after a value must be spaces, then nothing or a comment that follows a space. */
function expectLineEnd(s: string, p: number): void {
  const q = skipSpaces(s, p);
  if (q === s.length) return;
  if (s.charCodeAt(q) === HASH && s.charCodeAt(q - 1) === SPACE) return;
  bail();
}

/** A quoted scalar starting at `p` (the quote): its string and the index after the closing quote. */
function readQuoted(s: string, p: number): [string, number] {
  const quote = s.charCodeAt(p);
  if (quote === DQUOTE) {
    const end = s.indexOf('"', p + 1);
    if (end === -1) bail();
    const value = s.slice(p + 1, end);
    if (value.includes('\\')) bail(); // escapes are the general parser's business
    return [value, end + 1];
  }
  let value = '';
  let from = p + 1;
  for (;;) {
    const end = s.indexOf("'", from);
    if (end === -1) bail();
    if (s.charCodeAt(end + 1) === SQUOTE) {
      value += s.slice(from, end + 1); // '' stands for one quote
      from = end + 2;
      continue;
    }
    return [value + s.slice(from, end), end + 1];
  }
}

/** A plain key in block context: up to `: ` or `:` at the end of the line. Returns the key and the index after the colon. */
function readBlockKey(s: string, p: number): [string, number] {
  if (!canStartPlain(s, p)) bail();
  for (let j = p; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c === COLON) {
      const n = s.charCodeAt(j + 1);
      if (j + 1 !== s.length && n !== SPACE) bail(); // `a:b` inside a key: leave it alone
      if (s.charCodeAt(j - 1) === SPACE) bail(); // `a : b`
      const key = s.slice(p, j);
      if (isNonStringScalar(key)) bail();
      return [key, j + 1];
    }
    if (c === COMMA || c === LBRACKET || c === RBRACKET || c === LBRACE || c === RBRACE || c === DQUOTE || c === SQUOTE || c === BACKSLASH) bail();
    if (c === HASH && s.charCodeAt(j - 1) === SPACE) bail();
  }
  return bail();
}

/** A plain key in flow context: up to `: `. Returns the key and the index after the colon. */
function readFlowKey(s: string, p: number): [string, number] {
  if (!canStartPlain(s, p)) bail();
  for (let j = p; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c === COLON) {
      if (s.charCodeAt(j + 1) !== SPACE || s.charCodeAt(j - 1) === SPACE) bail();
      const key = s.slice(p, j);
      if (isNonStringScalar(key)) bail();
      return [key, j + 1];
    }
    if (c === COMMA || c === LBRACKET || c === RBRACKET || c === LBRACE || c === RBRACE || c === DQUOTE || c === SQUOTE || c === BACKSLASH) bail();
    if (c === HASH && s.charCodeAt(j - 1) === SPACE) bail();
  }
  return bail();
}

/** A key in either context, quoted or plain: the key and the index after its colon (which a space or the line end follows). */
function readKey(s: string, p: number, flow: boolean): [string, number] {
  const c = s.charCodeAt(p);
  if (c === DQUOTE || c === SQUOTE) {
    const [key, end] = readQuoted(s, p);
    if (s.charCodeAt(end) !== COLON) bail();
    const n = s.charCodeAt(end + 1);
    if (n !== SPACE && (flow || end + 1 !== s.length)) bail();
    return [key, end + 1];
  }
  return flow ? readFlowKey(s, p) : readBlockKey(s, p);
}

/**
 * A plain scalar in block context (a mapping value or sequence item on its line): up to a comment
 * or the line end. A `: ` inside would make a mapping: bail.
 */
function readBlockPlain(s: string, p: number): [unknown, number] {
  if (!canStartPlain(s, p)) bail();
  let j = p;
  for (; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c === HASH && s.charCodeAt(j - 1) === SPACE) break;
    if (c === COLON) {
      const n = s.charCodeAt(j + 1);
      if (j + 1 === s.length || n === SPACE) bail();
    }
  }
  return [resolvePlainScalar(trimEnd(s, p, j)), j];
}

/** A plain scalar in flow context: up to `,`, `]`, `}` or `: `; brackets, quotes and odd colons inside bail. */
function readFlowPlain(s: string, p: number): [unknown, number] {
  if (!canStartPlain(s, p)) bail();
  let j = p;
  for (; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c === COMMA || c === RBRACKET || c === RBRACE) break;
    if (c === LBRACKET || c === LBRACE || c === DQUOTE || c === SQUOTE || c === BACKSLASH) bail();
    if (c === HASH && s.charCodeAt(j - 1) === SPACE) bail(); // a comment inside a one-line collection
    if (c === COLON) {
      const n = s.charCodeAt(j + 1);
      // `12:30`, `https://…` read as one scalar; anything else next to a colon is left alone.
      const safe = n === 47 || (n >= 48 && n <= 57) || (n >= 65 && n <= 90) || (n >= 97 && n <= 122);
      if (!safe) bail();
    }
  }
  if (j === s.length) bail(); // the collection is not closed on this line
  return [resolvePlainScalar(trimEnd(s, p, j)), j];
}

/** A value in flow context: a nested collection, a quoted or a plain scalar. */
function readFlowValue(s: string, p: number, depth: number): [unknown, number] {
  const c = s.charCodeAt(p);
  if (c === LBRACE || c === LBRACKET) return readFlow(s, p, depth + 1);
  if (c === DQUOTE || c === SQUOTE) return readQuoted(s, p);
  return readFlowPlain(s, p);
}

/** A one-line flow collection starting at `p` (`{` or `[`): its value and the index after its closing bracket. */
function readFlow(s: string, p: number, depth: number): [unknown, number] {
  if (depth > MAX_DEPTH) bail();
  if (s.charCodeAt(p) === LBRACKET) {
    const list: unknown[] = [];
    let q = skipSpaces(s, p + 1);
    if (s.charCodeAt(q) === RBRACKET) return [list, q + 1];
    for (;;) {
      const [value, end] = readFlowValue(s, q, depth);
      list.push(value);
      q = skipSpaces(s, end);
      const c = s.charCodeAt(q);
      if (c === RBRACKET) return [list, q + 1];
      if (c !== COMMA) bail();
      q = skipSpaces(s, q + 1);
      if (s.charCodeAt(q) === RBRACKET || s.charCodeAt(q) === COMMA) bail(); // trailing or empty entry
    }
  }
  const map: Record<string, unknown> = {};
  let q = skipSpaces(s, p + 1);
  if (s.charCodeAt(q) === RBRACE) return [map, q + 1];
  for (;;) {
    const [key, afterColon] = readKey(s, q, true);
    checkKey(key, map);
    q = skipSpaces(s, afterColon);
    const v = s.charCodeAt(q);
    if (v === COMMA || v === RBRACE || Number.isNaN(v)) bail(); // an empty value
    const [value, end] = readFlowValue(s, q, depth);
    map[key] = value;
    q = skipSpaces(s, end);
    const c = s.charCodeAt(q);
    if (c === RBRACE) return [map, q + 1];
    if (c !== COMMA) bail();
    q = skipSpaces(s, q + 1);
    if (s.charCodeAt(q) === RBRACE || s.charCodeAt(q) === COMMA) bail();
  }
}

/** A value written on the same line as its key or dash, in block context; bails unless the line ends after it. */
function readInlineValue(s: string, p: number, depth: number): unknown {
  const c = s.charCodeAt(p);
  let value: unknown;
  let end: number;
  if (c === LBRACE || c === LBRACKET) [value, end] = readFlow(s, p, depth + 1);
  else if (c === DQUOTE || c === SQUOTE) [value, end] = readQuoted(s, p);
  else [value, end] = readBlockPlain(s, p);
  expectLineEnd(s, end);
  return value;
}

/** The parser's walk over the lines; block structure is told by indentation. */
class Lines {
  private readonly lines: string[];
  /** Index of the current line. */
  i = 0;

  constructor(text: string) {
    this.lines = text.split('\n');
  }

  /** The current line. */
  get line(): string {
    return this.lines[this.i];
  }

  /** Moves to the next line with content (skipping blank and comment lines); its indent, or -1 at the end. */
  nextContent(): number {
    const lines = this.lines;
    for (; this.i < lines.length; this.i++) {
      const s = lines[this.i];
      const p = skipSpaces(s, 0);
      if (p === s.length || s.charCodeAt(p) === HASH) continue;
      return p;
    }
    return -1;
  }

  /** A block mapping whose keys are at column `indent`. */
  readMap(indent: number, depth: number): Record<string, unknown> {
    if (depth > MAX_DEPTH) bail();
    const map: Record<string, unknown> = {};
    for (;;) {
      const at = this.nextContent();
      if (at < indent) return map; // the end, or back to an outer level (-1 included)
      if (at > indent) bail(); // odd indentation, or a continuation line
      const s = this.line;
      const [key, afterColon] = readKey(s, at, false);
      checkKey(key, map);
      const p = skipSpaces(s, afterColon);
      if (p < s.length && s.charCodeAt(p) !== HASH) {
        map[key] = readInlineValue(s, p, depth);
        this.i++;
        continue;
      }
      // Nothing after the colon: a nested block, or null.
      this.i++;
      const next = this.nextContent();
      if (next > indent) {
        map[key] = this.isDash(next) ? this.readSeq(next, depth + 1) : this.readMap(next, depth + 1);
      } else if (next === indent && this.isDash(next)) {
        map[key] = this.readSeq(next, depth + 1); // a sequence may sit at its key's indentation
      } else {
        map[key] = null;
      }
    }
  }

  /** Whether the current line has a `-` at `at` (an entry of a block sequence, or something to bail on). */
  private isDash(at: number): boolean {
    const s = this.line;
    return s.charCodeAt(at) === DASH && (at + 1 === s.length || s.charCodeAt(at + 1) === SPACE);
  }

  /** A block sequence whose dashes are at column `indent`; entries are one-line values only. */
  readSeq(indent: number, depth: number): unknown[] {
    if (depth > MAX_DEPTH) bail();
    const list: unknown[] = [];
    for (;;) {
      const at = this.nextContent();
      if (at < indent) return list;
      if (at > indent) bail();
      if (!this.isDash(at)) {
        // A line at the sequence's indentation that is no entry: the parent mapping's next key,
        // or (when the sequence is more indented than its key) odd indentation the parent bails on.
        if (this.line.charCodeAt(at) === DASH) bail();
        return list;
      }
      const s = this.line;
      const p = skipSpaces(s, at + 1);
      if (p === s.length || s.charCodeAt(p) === HASH) bail(); // an empty entry, or a nested block
      list.push(readInlineValue(s, p, depth));
      this.i++;
    }
  }
}

/**
 * Parses an answer file written in the restricted YAML described above; `undefined` when the text
 * uses anything else (the caller then uses a general parser). The value, a mapping, is identical to
 * what `parseYaml(text).value` gives.
 * @param text The file's text (decoded).
 */
export function tinyParse(text: string): Record<string, unknown> | undefined {
  if (UNUSUAL_CHAR.test(text)) return undefined;
  const lines = new Lines(text);
  try {
    const first = lines.nextContent();
    if (first !== 0) return undefined; // empty, or an indented top level
    const s = lines.line;
    if (s.startsWith('---') || s.startsWith('...') || s.charCodeAt(0) === 37) return undefined;
    const value = lines.readMap(0, 1);
    if (lines.nextContent() !== -1) return undefined; // a line the top mapping did not take
    return value;
  } catch (error) {
    if (error === BAIL) return undefined;
    throw error;
  }
}

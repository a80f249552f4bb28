// A purpose-built parser for the restricted YAML that answer files use in practice, bailing out on anything else.
import { BOOL, FLOAT, FLOAT_EXP, FLOAT_NAN, INT_DEC, INT_HEX, INT_OCT, NULL } from './core-schema.js';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { duplicateKeyDiagnostic, type ParsedYaml } from './yaml-parser.js';
import { LineStarts, tinyLocator, tinyNode, type TinyNode } from './tiny-positions.js';
import { yamlErrorText } from '../i18n/diagnostics/yaml-errors.js';

/*
 * What it reads: a block mapping at column 0, nested block mappings indented with spaces, block
 * sequences of scalars or one-line flow collections, one-line flow mappings and sequences (nested),
 * plain scalars (a mapping's plain value also folded over more indented lines), single-quoted and
 * double-quoted scalars without escapes, `#` comments and blank lines, with LF or CR LF line ends
 * and an optional BOM. Anything else (tabs, a lone CR, anchors, aliases, tags, directives, document
 * markers, block scalars, other multi-line scalars or collections, complex or non-string keys,
 * duplicate keys, odd indentation …) makes it return `undefined`, and the caller uses a general
 * parser instead.
 *
 * Whenever it answers, the value is identical to `parseWithYaml(text).value` (the `yaml` package, core
 * schema, `stringKeys: true`); test/load/tiny-parse.test.ts checks this differentially. A bail-out
 * only costs speed, a wrong answer could change a verdict, so every doubt bails.
 *
 * With positions ({@link tinyParsePositioned}) it also records every node's range as yaml gives it,
 * and reports duplicate keys as yaml's path does; it then bails on the few layouts where yaml's
 * ranges take in trailing blank or comment lines (see `Reader.gap`). It reads CR LF line ends in
 * place (offsets count the CR, as yaml's do) and notes folded over lines (see `Reader.readFolded`).
 */


/** Characters that make the whole text someone else's job: tabs, CR, controls, unusual line breaks, BOM, non-BMP. */
const UNUSUAL_CHAR = /[\t\r\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]/;
/** The same but CR, for a positioned parse (which reads CR LF line ends itself, and checks for a CR alone apart). */
const UNUSUAL_CHAR_BUT_CR = /[\t\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]/;
/** A CR that is not part of a CR LF line end. */
const LONE_CR = /\r(?!\n)/;

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

interface Tracker {
  base: number;
  /** Index of the current line. */
  line: number;
  node: TinyNode;
  duplicates: TinyNode[];
  /** The one syntax error read past (see {@link Fault}). */
  fault?: Fault;
}

/**
 * The two commonest syntax errors in hand-edited answer files, which a positioned parse reports
 * exactly as yaml does (test/load/tiny-positions.test.ts compares them on mutated files) so that
 * such a file does not need yaml: a flow collection left open at the end of its line, and one line
 * indented with tabs. Only one per file, in a file otherwise clean; anything else bails.
 */
type Fault = { kind: 'unclosed'; line: number; close: string } | { kind: 'tab'; line: number };

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

/** Adds a pair to a map node of a positioned parse (the first of repeated keys wins, as in yaml's lookup). */
function addPair(node: TinyNode, key: string, keyNode: TinyNode, value: TinyNode): void {
  if (!node.pairs!.has(key)) node.pairs!.set(key, { key: keyNode, value });
}

/** Whether a plain key would resolve to something other than a string without `stringKeys`. */
function isNonStringScalar(s: string): boolean {
  return typeof resolvePlainScalar(s) !== 'string';
}

/**
 * Plain keys already read, by a hash of their characters. The same few hundred keys (item ids,
 * `status`, `note`, `evidence`) come back in every answer file of a batch, and a key taken from
 * here is a string V8 already knows as a property name, where a new slice must be hashed and
 * looked up as one again: making and storing the keys of each file's mappings was a good part of
 * the parse. A slot keeps the last key that hashed to it (a collision costs only a slice); only
 * keys that passed every check of a plain key are kept. Shared by every parse of the thread, as a
 * cache: a hit gives the very string a slice would.
 */
const KNOWN_KEYS: (string | undefined)[] = new Array<string | undefined>(4096).fill(undefined);

/** The slot of KNOWN_KEYS for the key `s[p, end)`. */
function keySlot(s: string, p: number, end: number): number {
  let h = end - p;
  for (let j = p; j < end; j++) h = (Math.imul(h, 31) + s.charCodeAt(j)) | 0;
  return (h ^ (h >>> 12)) & (KNOWN_KEYS.length - 1);
}

/** Index of the first non-space character at or after `p`. */
function skipSpaces(s: string, p: number): number {
  while (s.charCodeAt(p) === SPACE) p++;
  return p;
}

/** Where a scalar ends without its trailing spaces (only U+0020: yaml does not trim other white space such as U+3000). */
function trimmedEnd(s: string, from: number, to: number): number {
  while (to > from && s.charCodeAt(to - 1) === SPACE) to--;
  return to;
}

/** The rest of a line after a value must be spaces, then nothing or a comment that follows a space. */
function expectLineEnd(s: string, p: number): void {
  const q = skipSpaces(s, p);
  if (q === s.length) return;
  if (s.charCodeAt(q) === HASH && s.charCodeAt(q - 1) === SPACE) return;
  bail();
}

/**
 * The parse of one text: its walk over the lines (block structure is told by indentation), the
 * readers of scalars and flow collections, and all their state, so that parses never share any.
 */
class Reader {
  /**
   * Set only during a positioned parse: the current line's start offset, the node the last reader
   * read (readers return values; their nodes are left here so the plain parse allocates none), and
   * the keys that repeat an earlier key of their map.
   */
  track: Tracker | undefined;
  /**
   * Where the last reader stopped: the index after what it read. Readers return their value and
   * leave this, rather than a `[value, index]` pair: an answer file has hundreds of tokens, and the
   * pairs were a good part of the parse's garbage.
   */
  after = 0;
  /**
   * In a positioned parse, where yaml ends a value that ends the current line: after its line
   * break (LF or CR LF), or at the end of the text on a last line without one.
   */
  lineEnd = 0;
  /** Whether a note folded over lines was read (a positioned parse leaves such a file with a fault to yaml). */
  folded = false;

  readonly lines: string[];
  /** Index of the current line. */
  i = 0;
  /** Line start offsets, in a positioned parse only. */
  readonly positions: LineStarts | undefined;
  private readonly starts: number[] | undefined;
  /**
   * Whether blank or comment lines were skipped since the last line read. yaml's range of a block
   * collection ended by such lines (before a less indented line or the end) takes them in, in
   * ways not worth mirroring: a positioned parse bails there.
   */
  gap = false;

  /**
   * @param text The text; with positions it may have CR LF line ends (never a CR alone: the caller
   * checks), which are read as LF while the offsets still count each CR.
   */
  constructor(text: string, withPositions = false) {
    const lines = text.split('\n');
    this.positions = withPositions ? new LineStarts(lines) : undefined;
    this.starts = this.positions?.starts;
    if (withPositions && text.includes('\r')) {
      for (let i = 0; i < lines.length; i++) {
        const s = lines[i];
        if (s.charCodeAt(s.length - 1) === 13) lines[i] = s.slice(0, -1);
      }
    }
    this.lines = lines;
  }

  /** Where a value ending line `i` ends for yaml, with its line break (see `lineEnd`). */
  private endOfLine(i: number): number {
    return i + 1 < this.lines.length ? this.starts![i + 1] : this.starts![i] + this.lines[i].length;
  }

  /** Moves past the current line (read). */
  advance(): void {
    this.i++;
    this.gap = false;
  }

  /** Points the tracker at the current line (positioned parse only). */
  private enterLine(): void {
    this.track!.base = this.starts![this.i];
    this.track!.line = this.i;
    this.lineEnd = this.endOfLine(this.i);
  }

  /** Bails, in a positioned parse, where a collection ends after skipped lines (see `gap`). */
  private endAfterGap(): void {
    if (this.track && this.gap && !this.track.fault) bail(); // a file with a fault has no value to locate in
  }

  /** A line to read past as if it were blank (the tab-indented line of a fault), or -1. */
  skip = -1;

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
      if (p === s.length || s.charCodeAt(p) === HASH || this.i === this.skip) {
        // The empty string after a final line break is no line of its own.
        if (s.length > 0 || this.i + 1 < lines.length) this.gap = true;
        continue;
      }
      return p;
    }
    return -1;
  }

  /** A block mapping whose keys are at column `indent`. */
  readMap(indent: number, depth: number): Record<string, unknown> {
    if (depth > MAX_DEPTH) bail();
    const map: Record<string, unknown> = {};
    const node = this.track ? tinyNode(0, 0) : undefined;
    if (node) node.pairs = new Map();
    for (;;) {
      const at = this.nextContent();
      if (at < indent) {
        // The end, or back to an outer level (-1 included).
        this.endAfterGap();
        if (node) this.track!.node = node;
        return map;
      }
      if (at > indent) bail(); // odd indentation, or a continuation line
      const s = this.line;
      if (this.track) this.enterLine();
      if (node && node.pairs!.size === 0) node.range[0] = this.track!.base + at;
      const key = this.readKey(s, at, false);
      const afterColon = this.after;
      const keyNode = this.track?.node;
      const isNew = this.checkKey(key, map, keyNode);
      let value: unknown;
      const p = skipSpaces(s, afterColon);
      if (p < s.length && s.charCodeAt(p) !== HASH) {
        value = this.readInlineValue(s, p, depth, true);
        this.advance();
        if (this.continues(indent)) value = this.readFolded(s, p, indent);
      } else {
        // Nothing after the colon: a nested block, or null.
        // yaml's null starts right after the colon; with spaces or a comment there, leave it to yaml.
        const nullNode = this.track ? tinyNode(this.track.base + afterColon, this.track.base + afterColon) : undefined;
        if (nullNode && afterColon !== s.length) bail();
        this.advance();
        const next = this.nextContent();
        if (next > indent) {
          value = this.isDash(next) ? this.readSeq(next, depth + 1) : this.readMap(next, depth + 1);
        } else if (next === indent && this.isDash(next)) {
          value = this.readSeq(next, depth + 1); // a sequence may sit at its key's indentation
        } else {
          value = null;
          if (this.track) this.track.node = nullNode!;
        }
      }
      if (isNew) map[key] = value;
      if (node) {
        addPair(node, key, keyNode!, this.track!.node);
        node.range[1] = node.nodeEnd = this.track!.node.nodeEnd; // a block collection ends where its last value does
      }
    }
  }

  /**
   * Whether the current line (right after a value's line, no blank or comment line between)
   * continues that value: indented deeper than its key, with content.
   */
  private continues(indent: number): boolean {
    if (this.i >= this.lines.length) return false;
    const t = this.lines[this.i];
    const q = skipSpaces(t, 0);
    return q > indent && q < t.length;
  }

  /**
   * A plain scalar folded over lines (a long note, as people and some writers wrap it), whose first
   * line starts at `p` of `s` and whose next line the reader is at: each line trimmed, the line
   * breaks folded to spaces. Only continuation lines that cannot be anything else: no comment, no
   * `: `, no blank line between, nothing a plain scalar may not start with. Anything else bails.
   * In a positioned parse its node is yaml's: from its first character to the end of its last
   * line's text (trailing spaces not included), the node ending after that line's break; a
   * positioned parse of a file with a fault (whose recovery yaml may read otherwise) bails.
   */
  readFolded(s: string, p: number, indent: number): string {
    if ((this.track && this.track.fault) || !canStartPlain(s, p) || s.charCodeAt(p) === DASH || s.charCodeAt(p) === DOT) bail();
    let end = s.length;
    for (let j = p; j < end; j++) if (s.charCodeAt(j) === HASH) bail(); // a comment ends the scalar: the next line is an error
    end = trimmedEnd(s, p, end);
    let text = s.slice(p, end);
    // The first line was read (and passed) before this was called.
    const first = this.i - 1;
    let last = first;
    while (this.continues(indent)) {
      const t = this.lines[this.i];
      const q = skipSpaces(t, 0);
      if (!canStartPlain(t, q) || t.charCodeAt(q) === DASH || t.charCodeAt(q) === DOT || t.includes('#') || t.charCodeAt(t.length - 1) === COLON || t.includes(': ')) bail();
      end = trimmedEnd(t, q, t.length);
      text += ' ' + t.slice(q, end);
      last = this.i;
      this.advance();
    }
    if (this.track) {
      this.folded = true;
      const node = tinyNode(this.starts![first] + p, this.starts![last] + end);
      node.nodeEnd = this.endOfLine(last);
      this.track.node = node;
    }
    return text;
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
    const node = this.track ? tinyNode(0, 0) : undefined;
    if (node) node.items = [];
    for (;;) {
      const at = this.nextContent();
      if (at < indent) {
        this.endAfterGap();
        return this.closeSeq(node, list);
      }
      if (at > indent) bail();
      if (!this.isDash(at)) {
        // A line at the sequence's indentation that is no entry: the parent mapping's next key,
        // or (when the sequence is more indented than its key) odd indentation the parent bails on.
        if (this.line.charCodeAt(at) === DASH) bail();
        this.endAfterGap();
        return this.closeSeq(node, list);
      }
      const s = this.line;
      if (this.track) this.enterLine();
      if (node && node.items!.length === 0) node.range[0] = this.track!.base + at;
      const p = skipSpaces(s, at + 1);
      if (p === s.length || s.charCodeAt(p) === HASH) bail(); // an empty entry, or a nested block
      list.push(this.readInlineValue(s, p, depth, false));
      if (node) {
        node.items!.push(this.track!.node);
        node.range[1] = node.nodeEnd = this.track!.node.nodeEnd;
      }
      this.advance();
    }
  }

  /** Returns a read sequence, leaving its node, if any, as the one read. */
  private closeSeq(node: TinyNode | undefined, list: unknown[]): unknown[] {
    if (node) this.track!.node = node;
    return list;
  }

  /** Records a node read on the current line from `p` to `end` (indexes in that line). */
  leaf(p: number, end: number): void {
    this.track!.node = tinyNode(this.track!.base + p, this.track!.base + end);
  }

  /**
   * Bails on a key that yaml's `stringKeys` keeps as written but that a YAML 1.1 reader
   * would not (the tiny reader keeps to keys every reader takes as the same string). Returns whether the key is new to `map`: a repeated key bails in the plain parse (the
   * positioned one reports it) and is recorded in a positioned parse, its value then ignored.
   */
  checkKey(key: string, map: Record<string, unknown>, keyNode: TinyNode | undefined): boolean {
    if (key.length === 0 || key.length > MAX_KEY_LENGTH || key === '__proto__' || key === '<<') bail();
    if (!Object.hasOwn(map, key)) return true;
    if (!this.track) bail();
    this.track.duplicates.push(keyNode!);
    return false;
  }

  /** A quoted scalar starting at `p` (the quote): its string; `after` is the index after the closing quote. */
  readQuoted(s: string, p: number): string {
    const quote = s.charCodeAt(p);
    if (quote === DQUOTE) {
      const end = s.indexOf('"', p + 1);
      if (end === -1) bail();
      const value = s.slice(p + 1, end);
      if (value.includes('\\')) bail(); // escapes are the general parser's business
      if (this.track) this.leaf(p, end + 1);
      this.after = end + 1;
      return value;
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
      if (this.track) this.leaf(p, end + 1);
      this.after = end + 1;
      return value + s.slice(from, end);
    }
  }

  /**
   * A plain key: up to its colon, which a space follows (or, in block context, the line end).
   * Returns the key; `after` is the index after the colon.
   */
  readPlainKey(s: string, p: number, flow: boolean): string {
    if (!canStartPlain(s, p)) bail();
    for (let j = p; j < s.length; j++) {
      const c = s.charCodeAt(j);
      if (c === COLON) {
        const n = s.charCodeAt(j + 1);
        if (n !== SPACE && (flow || j + 1 !== s.length)) bail(); // `a:b` inside a key: leave it alone
        if (s.charCodeAt(j - 1) === SPACE) bail(); // `a : b`
        this.after = j + 1;
        const slot = keySlot(s, p, j);
        const known = KNOWN_KEYS[slot];
        if (known !== undefined && known.length === j - p && s.startsWith(known, p)) return known;
        const key = s.slice(p, j);
        if (isNonStringScalar(key)) bail();
        KNOWN_KEYS[slot] = key;
        return key;
      }
      if (c === COMMA || c === LBRACKET || c === RBRACKET || c === LBRACE || c === RBRACE || c === DQUOTE || c === SQUOTE || c === BACKSLASH) bail();
      if (c === HASH && s.charCodeAt(j - 1) === SPACE) bail();
    }
    return bail();
  }

  /** A key in either context, quoted or plain: the key; `after` is the index after its colon (which a space or the line end follows). */
  readKey(s: string, p: number, flow: boolean): string {
    const c = s.charCodeAt(p);
    if (c === DQUOTE || c === SQUOTE) {
      const key = this.readQuoted(s, p);
      const end = this.after;
      if (s.charCodeAt(end) !== COLON) bail();
      const n = s.charCodeAt(end + 1);
      if (n !== SPACE && (flow || end + 1 !== s.length)) bail();
      this.after = end + 1;
      return key;
    }
    const key = this.readPlainKey(s, p, flow);
    if (this.track) this.leaf(p, this.after - 1); // a plain key ends at its colon
    return key;
  }

  /**
   * A plain scalar in block context (a mapping value or sequence item on its line): up to a comment
   * or the line end. A `: ` inside would make a mapping: bail.
   */
  readBlockPlain(s: string, p: number): unknown {
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
    const end = trimmedEnd(s, p, j);
    if (this.track) this.leaf(p, end);
    this.after = j;
    return resolvePlainScalar(s.slice(p, end));
  }

  /** A plain scalar in flow context: up to `,`, `]`, `}` or `: `; brackets, quotes and odd colons inside bail. */
  readFlowPlain(s: string, p: number): unknown {
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
    const end = trimmedEnd(s, p, j);
    if (this.track) this.leaf(p, end);
    this.after = j;
    return resolvePlainScalar(s.slice(p, end));
  }

  /** A value in flow context: a nested collection, a quoted or a plain scalar. */
  readFlowValue(s: string, p: number, depth: number): unknown {
    const c = s.charCodeAt(p);
    if (c === LBRACE || c === LBRACKET) return this.readFlow(s, p, depth + 1);
    if (c === DQUOTE || c === SQUOTE) return this.readQuoted(s, p);
    return this.readFlowPlain(s, p);
  }

  /** A one-line flow collection starting at `p` (`{` or `[`): its value; `after` is the index after its closing bracket. */
  readFlow(s: string, p: number, depth: number): unknown {
    if (depth > MAX_DEPTH) bail();
    if (s.charCodeAt(p) === LBRACKET) {
      const list: unknown[] = [];
      const node = this.track ? tinyNode(this.track.base + p, 0) : undefined;
      if (node) node.items = [];
      let q = skipSpaces(s, p + 1);
      if (s.charCodeAt(q) === RBRACKET) return this.closeFlow(node, list, q);
      for (;;) {
        list.push(this.readFlowValue(s, q, depth));
        if (node) node.items!.push(this.track!.node);
        q = skipSpaces(s, this.after);
        const c = s.charCodeAt(q);
        if (c === RBRACKET) return this.closeFlow(node, list, q);
        if (c !== COMMA) bail();
        q = skipSpaces(s, q + 1);
        if (s.charCodeAt(q) === RBRACKET || s.charCodeAt(q) === COMMA) bail(); // trailing or empty entry
      }
    }
    const map: Record<string, unknown> = {};
    const node = this.track ? tinyNode(this.track.base + p, 0) : undefined;
    if (node) node.pairs = new Map();
    let q = skipSpaces(s, p + 1);
    if (s.charCodeAt(q) === RBRACE) return this.closeFlow(node, map, q);
    for (;;) {
      const key = this.readKey(s, q, true);
      const keyNode = this.track?.node;
      const isNew = this.checkKey(key, map, keyNode);
      q = skipSpaces(s, this.after);
      const v = s.charCodeAt(q);
      if (v === COMMA || v === RBRACE || Number.isNaN(v)) bail(); // an empty value
      const value = this.readFlowValue(s, q, depth);
      if (isNew) map[key] = value;
      if (node) addPair(node, key, keyNode!, this.track!.node);
      q = skipSpaces(s, this.after);
      const c = s.charCodeAt(q);
      if (c === RBRACE) return this.closeFlow(node, map, q);
      if (c !== COMMA) bail();
      q = skipSpaces(s, q + 1);
      if (s.charCodeAt(q) === RBRACE || s.charCodeAt(q) === COMMA) bail();
    }
  }

  /** Ends a flow collection at its closing bracket (at `q`), leaving its node, if any, as the one read. */
  closeFlow<T>(node: TinyNode | undefined, value: T, q: number): T {
    if (node) {
      node.range[1] = node.nodeEnd = this.track!.base + q + 1;
      this.track!.node = node;
    }
    this.after = q + 1;
    return value;
  }

  /**
   * A value written on the same line as its key or dash (`mapEntry` false), in block context; bails
   * unless the line ends after it.
   */
  readInlineValue(s: string, p: number, depth: number, mapEntry: boolean): unknown {
    const c = s.charCodeAt(p);
    let value: unknown;
    if ((c === LBRACE || c === LBRACKET) && mapEntry && this.track && !this.track.fault) value = this.readFlowMaybeOpen(s, p, depth);
    else if (c === LBRACE || c === LBRACKET) value = this.readFlow(s, p, depth + 1);
    else if (c === DQUOTE || c === SQUOTE) value = this.readQuoted(s, p);
    else value = this.readBlockPlain(s, p);
    expectLineEnd(s, this.after);
    // yaml ends a value in block context with its line: trailing spaces, comment and line break.
    if (this.track) this.track.node.nodeEnd = this.lineEnd;
    return value;
  }

  /**
   * A flow collection in a positioned parse, which may be left open at the end of its line: then it
   * must read whole with its closing bracket added there, and is recorded as the file's fault.
   */
  readFlowMaybeOpen(s: string, p: number, depth: number): unknown {
    try {
      return this.readFlow(s, p, depth + 1);
    } catch (error) {
      if (error !== BAIL) throw error;
    }
    const close = s.charCodeAt(p) === LBRACE ? '}' : ']';
    const closed = `${s} ${close}`;
    const value = this.readFlow(closed, p, depth + 1);
    if (this.after !== closed.length) bail();
    this.track!.fault = { kind: 'unclosed', line: this.track!.line, close };
    this.after = s.length; // the line ends after it
    return value;
  }
}

/**
 * Parses an answer file written in the restricted YAML described above; `undefined` when the text
 * uses anything else (the caller then uses a general parser). The value, a mapping, is identical to
 * what `parseWithYaml(text).value` gives.
 * @param text The file's text (decoded).
 */
export function tinyParse(text: string): Record<string, unknown> | undefined {
  const plain = withoutWindowsMarks(text);
  if (plain === undefined || UNUSUAL_CHAR.test(plain)) return undefined;
  return readDocument(new Reader(plain));
}

/**
 * The text as yaml reads it when Windows editors wrote it: a BOM at the start is no content, and
 * CR LF is one line break (yaml folds it to LF in every scalar). The tiny reader only reads
 * one-line scalars, so LF for CR LF changes no value. A CR alone (old Mac line ends, or a stray one
 * inside a line) is `undefined`: yaml's business.
 */
function withoutWindowsMarks(text: string): string | undefined {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!text.includes('\r')) return text;
  const lf = text.replaceAll('\r\n', '\n');
  return lf.includes('\r') ? undefined : lf;
}

/** Reads the whole text as one top-level block mapping; `undefined` on any doubt. */
function readDocument(lines: Reader): Record<string, unknown> | undefined {
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

/**
 * The tiny parser with positions: a `ParsedYaml` whose value, diagnostics and located spans are
 * identical to `parseWithYaml(text, file)`'s (see the differential tests), about twenty times cheaper;
 * `undefined` when the text uses anything the tiny parser does not read. Repeated keys are read
 * here and reported as `parseWithYaml` reports them; that is the only diagnostic it can give.
 * @param text The file's text (decoded).
 * @param file The file name shown in diagnostics.
 */
export function tinyParsePositioned(text: string, file: string): ParsedYaml | undefined {
  const tab = text.indexOf('\t');
  if (UNUSUAL_CHAR_BUT_CR.test(tab === -1 ? text : text.replaceAll('\t', ' '))) return undefined;
  if (text.includes('\r') && LONE_CR.test(text)) return undefined;
  const lines = new Reader(text, true);
  const positions = lines.positions!;
  let tabFault: Fault | undefined;
  if (tab !== -1) {
    const line = positions.linePos(tab).line - 1;
    if (!isTabFault(lines.lines, line)) return undefined;
    tabFault = { kind: 'tab', line };
    lines.skip = line;
  }
  const track: Tracker = { base: 0, line: 0, node: tinyNode(0, 0), duplicates: [], fault: tabFault };
  lines.track = track;
  const value = readDocument(lines);
  if (value === undefined) return undefined;
  const { node: root, duplicates, fault } = track;
  if (fault) {
    // A note folded over lines before the fault: yaml's recovery is not mirrored there.
    if (lines.folded) return undefined;
    // yaml would also report what its recovery makes of repeated keys: leave such files to it.
    if (duplicates.length > 0) return undefined;
    const diagnostic = faultDiagnostic(fault, lines.lines, positions, file);
    return diagnostic && { file, source: text, diagnostics: [diagnostic] };
  }
  const parsed: ParsedYaml = { file, source: text, diagnostics: [], locate: tinyLocator(root, positions) };
  if (duplicates.length === 0) {
    parsed.value = value;
    return parsed;
  }
  // As parseWithYaml: each repeated key in source order, and no value.
  duplicates.sort((a, b) => a.range[0] - b.range[0]);
  parsed.diagnostics = duplicates.map((key) => duplicateKeyDiagnostic(file, text, key.range[0], key.range[1], positions));
  return parsed;
}

/**
 * Whether the tabs of a text make the tab fault yaml reports alone (TAB_AS_INDENT on the line's
 * leading white space): all on one line, only in its leading white space, which starts with one;
 * the rest of the line one entry with an inline value; and the next content line, if any, a
 * top-level key (yaml reports the lines after it too where they stay indented or make a sequence).
 */
function isTabFault(lines: readonly string[], line: number): boolean {
  const s = lines[line];
  if (s.charCodeAt(0) !== 9) return false;
  let ws = 0;
  while (s.charCodeAt(ws) === 9 || s.charCodeAt(ws) === SPACE) ws++;
  if (s.indexOf('\t', ws) !== -1) return false;
  // No other tab in the text (each would be a fault of its own).
  for (let i = line + 1; i < lines.length; i++) if (lines[i].includes('\t')) return false;
  for (let i = line + 1; i < lines.length; i++) {
    const p = skipSpaces(lines[i], 0);
    if (p === lines[i].length || lines[i].charCodeAt(p) === HASH) continue;
    if (p !== 0 || lines[i].charCodeAt(0) === DASH) return false; // a top-level key must follow
    break;
  }
  // The entry itself, read alone: `key: value` on the line.
  const entry = tinyParse(s.slice(ws));
  if (entry === undefined) return false;
  const keys = Object.keys(entry);
  return keys.length === 1 && entry[keys[0]] !== null;
}

/**
 * Whether the line holds, at `p`, a `key: value` entry whose value is quoted or a flow collection.
 * After an open flow collection, yaml reads a following deeper, shallower or sequence line, or a
 * plain value that more lines follow, as a continuation of something: more errors, left to yaml.
 */
function startsQuotedOrFlowEntry(s: string, p: number): boolean {
  const reader = new Reader(s);
  try {
    reader.readKey(s, p, false);
  } catch (error) {
    if (error === BAIL) return false;
    throw error;
  }
  const c = s.charCodeAt(skipSpaces(s, reader.after));
  return c === LBRACE || c === LBRACKET || c === DQUOTE || c === SQUOTE;
}

/**
 * The diagnostic yaml gives for a fault. An open flow collection: YAML_SYNTAX with yaml's message,
 * at the first character after it that is not space or line break (the next content line,
 * which must be a sibling entry with a quoted or flow value; or the end of the text). A tab: YAML_TAB_INDENT
 * on the leading white space. `undefined` where yaml would read it otherwise.
 */
function faultDiagnostic(fault: Fault, lines: readonly string[], positions: LineStarts, file: string): Diagnostic | undefined {
  const start = positions.starts[fault.line];
  const span = (from: number, to: number): { line: number; column: number; endLine: number; endColumn: number } => {
    const a = positions.linePos(from);
    const b = positions.linePos(to);
    return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
  };
  if (fault.kind === 'tab') {
    const s = lines[fault.line];
    let ws = 0;
    while (s.charCodeAt(ws) === 9 || s.charCodeAt(ws) === SPACE) ws++;
    return createDiagnostic('YAML_TAB_INDENT', file, {}, span(start, start + ws));
  }
  const indent = skipSpaces(lines[fault.line], 0);
  let offset = positions.starts[lines.length - 1] + lines[lines.length - 1].length; // the end of the text
  for (let i = fault.line + 1; i < lines.length; i++) {
    const p = skipSpaces(lines[i], 0);
    if (p === lines[i].length) continue;
    // Comment lines are read inside the open collection, where yaml may object to them: leave it.
    if (lines[i].charCodeAt(p) === HASH || p !== indent || !startsQuotedOrFlowEntry(lines[i], p)) return undefined;
    offset = positions.starts[i] + p;
    break;
  }
  const name = fault.close === '}' ? 'Flow map' : 'Flow sequence';
  return createDiagnostic('YAML_SYNTAX', file, { detail: yamlErrorText(undefined, `${name} in block collection must be sufficiently indented and end with a ${fault.close}`) }, span(offset, offset + 1));
}

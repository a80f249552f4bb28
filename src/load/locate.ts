// Maps a path inside a parsed YAML document (e.g. ajv's instancePath) to line:col in the file.
import type { Alias, Document, LineCounter, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';

// The yaml package marks its nodes with these registered symbols; testing them here instead of
// importing yaml's isMap/isSeq keeps yaml off the start-up path of files that need no positions.
const NODE_TYPE = Symbol.for('yaml.node.type');
const typeOf = (node: unknown): symbol | undefined =>
  node !== null && typeof node === 'object' ? (node as Record<symbol, symbol>)[NODE_TYPE] : undefined;
const isMap = (n: unknown): n is YAMLMap => typeOf(n) === Symbol.for('yaml.map');
const isSeq = (n: unknown): n is YAMLSeq => typeOf(n) === Symbol.for('yaml.seq');
const isPair = (n: unknown): n is Pair => typeOf(n) === Symbol.for('yaml.pair');
const isScalar = (n: unknown): n is Scalar => typeOf(n) === Symbol.for('yaml.scalar');
const isAlias = (n: unknown): n is Alias => typeOf(n) === Symbol.for('yaml.alias');

/** A located span: 1-based start and end. */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** In a workbook: the cell (`Sheet!I14`); line and column are then its row and column. */
  cell?: string;
}

/** Finds the span of a path in a parsed file; with `key: true` the span of the map key holding it. */
export type Locator = (segments: readonly (string | number)[], options?: { key?: boolean }) => Span | undefined;

/** What turns an offset into a 1-based line and column: yaml's `LineCounter`, or the tiny parser's line table. */
export interface LinePositions {
  linePos(offset: number): { line: number; col: number };
}

/** Splits a JSON pointer (`/answers/A1.1.1/status`) into its segments. */
export function splitPointer(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Joins segments into a JSON pointer. */
export function joinPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/**
 * Finds the node at `segments` and returns its span; with `key: true` the span of the map key
 * holding it. Where the path leaves the document (a missing property), the deepest node reached
 * is used, so a "required" error points at the map that lacks the property.
 */
export function locate(
  doc: Document | undefined,
  lineCounter: LineCounter | undefined,
  segments: readonly (string | number)[],
  options: { key?: boolean } = {},
): Span | undefined {
  // A fast parse has no document: no positions (such results are re-done with positions when they matter).
  if (!doc || !lineCounter) return undefined;
  let node: Node | null | undefined = doc.contents as Node | null;
  let keyNode: Node | undefined;
  for (const segment of segments) {
    node = resolve(doc, node);
    if (isMap(node)) {
      const pair = pairsOf(node).get(String(segment));
      if (!pair) break;
      keyNode = (pair.key as Node | null) ?? undefined;
      node = pair.value as Node | null;
      if (node === null || node === undefined) {
        // `key:` with no value: point at the key.
        node = keyNode;
      }
    } else if (isSeq(node)) {
      const index = Number(segment);
      const item = node.items[index] as Node | undefined;
      if (item === undefined) break;
      keyNode = undefined;
      node = item;
    } else {
      break;
    }
  }
  const target = options.key && keyNode ? keyNode : node;
  return spanOf(target ?? undefined, lineCounter);
}

// A file with 100,000 unknown answers gets a diagnostic per answer; finding each key by a
// linear search made that quadratic (minutes). Each map's keys are indexed once instead.
const PAIR_INDEX = new WeakMap<YAMLMap, Map<string, Pair>>();

/** The pairs of a map by key text; the first pair wins, as the linear search did. */
function pairsOf(map: YAMLMap): Map<string, Pair> {
  let index = PAIR_INDEX.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.items) {
      if (!isPair(p)) continue;
      const text = keyText(p.key);
      if (text !== undefined && !index.has(text)) index.set(text, p);
    }
    PAIR_INDEX.set(map, index);
  }
  return index;
}

function resolve(doc: Document, node: Node | null | undefined): Node | null | undefined {
  // Aliases are followed so a path through `*ref` still finds its value.
  let seen = 0;
  while (node && isAlias(node) && seen++ < 100) node = node.resolve(doc) as Node | undefined;
  return node;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  if (key === null || key === undefined) return undefined;
  return String(key);
}

/** The span of a node, from its source range. */
export function spanOf(node: { range?: readonly number[] | null } | undefined, lineCounter: LinePositions): Span | undefined {
  const range = node?.range;
  if (!range) return undefined;
  const start = lineCounter.linePos(range[0]);
  // A block collection's range may run to the start of the next line: end the span at its value end.
  const end = lineCounter.linePos(Math.max(range[0], range[1]));
  return { line: start.line, column: start.col, endLine: end.line, endColumn: end.col };
}

/** The 1-based position of a character offset. */
export function positionAt(lineCounter: LinePositions, offset: number): { line: number; column: number } {
  const pos = lineCounter.linePos(offset);
  return { line: pos.line, column: pos.col };
}

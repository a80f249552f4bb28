// Source positions for the tiny parser: node ranges as the yaml package gives them, and a locator over them.
import { spanOf, type Locator } from './locate.js';

/**
 * A node read by the tiny parser, with the offsets the `yaml` package gives the same node:
 * `range` is yaml's `[start, end of value]`, `nodeEnd` its `range[2]` (a value at the end of a
 * block line ends with the line break). A map has `pairs`, a sequence `items`.
 */
export interface TinyNode {
  range: [number, number];
  nodeEnd: number;
  pairs?: Map<string, { key: TinyNode; value: TinyNode }>;
  items?: TinyNode[];
}

/** A node covering `[start, end)`. */
export function tinyNode(start: number, end: number): TinyNode {
  return { range: [start, end], nodeEnd: end };
}

/**
 * The start offset of every line, and the same offset-to-line:col rule as yaml's `LineCounter`
 * (a line starts at 0 and after every `\n`), so spans come out identical.
 */
export class LineStarts {
  readonly starts: number[];

  /** @param lines The text split at `\n`. */
  constructor(lines: readonly string[]) {
    const starts = new Array<number>(lines.length);
    let offset = 0;
    for (let i = 0; i < lines.length; i++) {
      starts[i] = offset;
      offset += lines[i].length + 1;
    }
    this.starts = starts;
  }

  /** The 1-based `{ line, col }` of `offset`, as `LineCounter.linePos` computes it. */
  linePos(offset: number): { line: number; col: number } {
    const starts = this.starts;
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (starts[mid] < offset) low = mid + 1;
      else high = mid;
    }
    if (starts[low] === offset) return { line: low + 1, col: 1 };
    if (low === 0) return { line: 0, col: offset };
    return { line: low, col: offset - starts[low - 1] + 1 };
  }
}

/**
 * Locates paths in a tiny-parsed document the way `locate` does in a yaml Document: follow map
 * keys and sequence indexes as far as they go, then the span of the node reached (or of its key).
 */
export function tinyLocator(root: TinyNode, lines: LineStarts): Locator {
  return (segments, options = {}) => {
    let node = root;
    let keyNode: TinyNode | undefined;
    for (const segment of segments) {
      if (node.pairs) {
        const pair = node.pairs.get(String(segment));
        if (!pair) break;
        keyNode = pair.key;
        node = pair.value;
      } else if (node.items) {
        const item = node.items[Number(segment)];
        if (item === undefined) break;
        keyNode = undefined;
        node = item;
      } else {
        break;
      }
    }
    return spanOf(options.key && keyNode ? keyNode : node, lines);
  };
}

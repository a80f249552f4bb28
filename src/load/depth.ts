// A cheap pre-scan for flow nesting depth, run before any YAML parser (deep flow nesting exhausts their memory).

/** Flow collections (`[`, `{`) may nest at most this deep; deeper input can exhaust the parser's memory. */
export const MAX_FLOW_DEPTH = 64;

/**
 * Returns the offset where flow nesting exceeds {@link MAX_FLOW_DEPTH}, or -1. Quotes and
 * comments are skipped; block scalars are not parsed, so brackets in long notes only count
 * when they reach the limit unbalanced, which real files never do.
 */
export function findTooDeep(source: string): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (quote !== null) {
      if (quote === '"' && c === 92 /* \ */) i++;
      else if (c === quote.charCodeAt(0)) quote = null;
      continue;
    }
    if (c === 35 /* # */ && (i === 0 || /\s/.test(source[i - 1]))) {
      const nl = source.indexOf('\n', i);
      if (nl === -1) break;
      i = nl;
    } else if (depth > 0 && (c === 34 || c === 39)) {
      quote = source[i];
    } else if (c === 91 || c === 123) {
      if (++depth > MAX_FLOW_DEPTH) return i;
    } else if ((c === 93 || c === 125) && depth > 0) {
      depth--;
    } else if (c === 10 && depth === 0) {
      quote = null;
    }
  }
  return -1;
}

/**
 * Where block nesting (by indentation) first exceeds {@link MAX_FLOW_DEPTH}, or -1: where to
 * point when a parser ran out of stack on a deeply indented file. Each content line deeper than
 * the one before opens a level; a line as deep as an open level closes those inside it.
 */
export function findTooDeepBlock(source: string): number {
  const open: number[] = [];
  let lineStart = 0;
  while (lineStart < source.length) {
    const end = source.indexOf('\n', lineStart);
    const lineEnd = end === -1 ? source.length : end;
    let p = lineStart;
    while (p < lineEnd && source.charCodeAt(p) === 32) p++;
    if (p < lineEnd && source.charCodeAt(p) !== 35) {
      const indent = p - lineStart;
      while (open.length > 0 && open[open.length - 1] >= indent) open.pop();
      open.push(indent);
      if (open.length > MAX_FLOW_DEPTH) return p;
    }
    lineStart = lineEnd + 1;
  }
  return -1;
}

/** Whether `error` is V8's stack overflow (a RangeError), which very deep nesting causes in a recursive parser. */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

// The one way into YAML: the tiny reader for the common answer-file layouts, `yaml` for everything else.
import { tinyParse, tinyParsePositioned } from './tiny-parse.js';
import { parseWithYaml, type ParsedYaml } from './yaml-parser.js';

export type { ParsedYaml } from './yaml-parser.js';
export { MAX_ALIAS_COUNT, MAX_FLOW_DEPTH } from './yaml-parser.js';

/** How {@link parseYaml} reads a text. */
export interface ParseOptions {
  /**
   * Whether the result must be able to locate paths (`locate`) — true by default. With `false`,
   * a text the tiny reader reads comes back with its value only, about three times cheaper than
   * with positions; a caller that then finds something to report parses again with positions
   * ({@link withPositions}).
   */
  positions?: boolean;
}

/**
 * Parses `source` strictly (one document, unique keys, no tags, bounded aliases and nesting) and
 * never throws: every problem is a located diagnostic, and `value` is absent when there is one.
 * The tiny reader (src/load/tiny-parse.ts) reads the usual answer file; whatever it does not know
 * goes to the `yaml` package. Both give the same value, diagnostics and spans (the differential
 * tests in test/load and test/batch check this), so which one read a text never shows.
 * @param source The file's text (decoded).
 * @param file The file name shown in diagnostics.
 */
export function parseYaml(source: string, file: string, options: ParseOptions = {}): ParsedYaml {
  if (options.positions === false) {
    const value = tinyParse(source);
    if (value !== undefined) return { file, source, value, diagnostics: [] };
  }
  return tinyParsePositioned(source, file) ?? parseWithYaml(source, file);
}

/** `parsed` itself when it can locate paths or has its diagnostics already, else the text parsed again with positions. */
export function withPositions(parsed: ParsedYaml): ParsedYaml {
  return parsed.locate || parsed.value === undefined ? parsed : parseYaml(parsed.source, parsed.file);
}

// The positioned parse (the tiny parser's when it reads the file, else yaml's), and the cheapest read that settles a file.
import { jsYamlParse } from './fast-parse.js';
import { parseYaml, type ParsedYaml } from './parse-yaml.js';
import { tinyParse, tinyParsePositioned } from './tiny-parse.js';

/**
 * Parses `source` with positions, as `parseYaml` does. The tiny parser reads the usual answer
 * file (an invalid one included) about twenty times faster, with the same value, diagnostics and
 * spans (test/load/tiny-positions.test.ts checks this differentially); anything else goes to yaml.
 * @param source The file's text (decoded).
 * @param file The file name shown in diagnostics.
 */
export function parsePositioned(source: string, file: string): ParsedYaml {
  return tinyParsePositioned(source, file) ?? parseYaml(source, file);
}

/** What {@link parseQuickly} made of a text: its plain value, or already its located parse, or neither. */
export interface QuickParse {
  /** The plain value, read without positions (identical to `parseYaml`'s). */
  value?: unknown;
  /** The value came from the tiny parser (else its positioned parse was tried, and failed or is `located`). */
  tiny?: true;
  /** The tiny parser's positioned parse, when only that one read the text: it always has errors. */
  located?: ParsedYaml;
}

/**
 * Reads a text the cheapest way that settles it: the tiny parser (a value); else the tiny parser
 * with positions, which also reads repeated keys and the two commonest syntax errors (a located
 * parse, with its errors); else js-yaml (a value, for an unusual but perhaps clean file). js-yaml
 * is not tried on what the tiny parser can locate: it could only fail there, slowly.
 */
export function parseQuickly(source: string, file: string): QuickParse {
  const tiny = tinyParse(source);
  if (tiny !== undefined) return { value: tiny, tiny: true };
  const located = tinyParsePositioned(source, file);
  if (located !== undefined) return { located };
  const quick = jsYamlParse(source);
  return quick.ok ? { value: quick.value } : {};
}

/** The positioned parse of a text {@link parseQuickly} read: the one it made, else the tiny parser's, else yaml's. */
export function parseLocated(read: QuickParse, source: string, file: string): ParsedYaml {
  if (read.located) return read.located;
  // Unless the tiny parser read the text, its positioned parse was tried already, and failed.
  return read.tiny ? parsePositioned(source, file) : parseYaml(source, file);
}

// The positioned parse: the tiny parser's when it reads the file, else the yaml package's; either way located diagnostics.
import { parseYaml, type ParsedYaml } from './parse-yaml.js';
import { tinyParsePositioned } from './tiny-parse.js';

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

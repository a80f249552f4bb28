// Reads and parses one YAML file: the read checks, then the positioned parse.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { parseYaml, type ParsedYaml } from './parse-yaml.js';
import { readText } from './read-text.js';

/** A parsed file, or the diagnostic saying why it could not be read. */
export type LoadedYaml = { ok: true; parsed: ParsedYaml } | { ok: false; diagnostic: Diagnostic };

/** Reads `file` as UTF-8 and parses it as strict YAML; never throws. */
export async function loadYamlFile(file: string): Promise<LoadedYaml> {
  const read = await readText(file);
  if (!read.ok) return read;
  return { ok: true, parsed: parseYaml(read.text, file) };
}

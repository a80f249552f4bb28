// The tool's own version, read once from package.json, for the reports it writes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';

let cached: string | undefined;

/** The version in package.json ("0.0.0" when it cannot be read). */
export function readToolVersion(): string {
  if (cached === undefined) {
    try {
      cached = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      cached = '0.0.0';
    }
  }
  return cached;
}

// Where the package's own files (schemas, built-in checklists) are, whether run from src/ or dist/.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The package root: one level above this file in both src/ and dist/. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../', import.meta.url));
/** The JSON Schemas shipped with the package. */
export const SCHEMAS_DIR = join(PACKAGE_ROOT, 'schemas');
/** The built-in checklists. */
export const CHECKLISTS_DIR = join(PACKAGE_ROOT, 'checklists');

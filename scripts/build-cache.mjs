// Build step after tsc: precompiles the JSON Schema validators and caches the valid built-in checklists as JSON,
// so that start-up needs neither ajv's compiler nor a YAML parse of the built-in checklist.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { generatePrecompiled, precompiledFile, PRECOMPILED_DIR } from '../dist/validate/ajv-factory.js';
import { writeBuiltinCache } from '../dist/checklist/write-builtin-cache.js';

mkdirSync(PRECOMPILED_DIR, { recursive: true });
for (const [name, code] of generatePrecompiled()) {
  writeFileSync(precompiledFile(name), code);
  // The V8 code cache of the previous validator (src/fs/require-cached.ts): V8 checks only that the
  // source has the same length, so a validator that changed only its digest would run the old code.
  rmSync(`${precompiledFile(name)}.cache`, { force: true });
}
const cached = await writeBuiltinCache();
console.log(`precompiled validators → ${PRECOMPILED_DIR}; cached built-in checklists: ${cached.join(', ') || 'none'}`);

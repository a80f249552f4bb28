// Build step after tsc: precompiles the JSON Schema validators and caches the valid built-in checklists as JSON,
// so that start-up needs neither ajv's compiler nor a YAML parse of the built-in checklist.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatePrecompiled, PRECOMPILED_FILE } from '../dist/validate/ajv-factory.js';
import { writeBuiltinCache } from '../dist/load/builtin-cache.js';

writeFileSync(PRECOMPILED_FILE, generatePrecompiled());
const cached = await writeBuiltinCache();
console.log(`precompiled validators → ${PRECOMPILED_FILE}; cached built-in checklists: ${cached.join(', ') || 'none'}`);

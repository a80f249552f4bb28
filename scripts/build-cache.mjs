// Build step after tsc: precompiles the JSON Schema validators and caches the valid built-in checklists as JSON,
// so that start-up needs neither ajv's compiler nor a YAML parse of the built-in checklist.
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { builtSchemaFile, generatePrecompiled, precompiledFile, PRECOMPILED_DIR, schemaFile } from '../dist/validate/ajv-factory.js';
import { writeBuiltinCache } from '../dist/checklist/write-builtin-cache.js';

mkdirSync(PRECOMPILED_DIR, { recursive: true });
for (const [name, code] of generatePrecompiled()) {
  // With the two small ajv modules the generated code requires bundled in: resolving and loading
  // them from node_modules took half of the first validator's load (~4 ms of every command).
  const bundled = buildSync({
    stdin: { contents: code, resolveDir: fileURLToPath(new URL('../', import.meta.url)), sourcefile: `${name}.cjs`, loader: 'js' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    write: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
  writeFileSync(precompiledFile(name), bundled.outputFiles[0].text);
  // The schema it was built from, which getValidator compares byte for byte with schemas/.
  copyFileSync(schemaFile(name), builtSchemaFile(name));
  // The V8 code cache of the previous validator (src/fs/require-cached.ts): V8 checks only that the
  // source has the same length, so a validator changed to another of the same length would run the old code.
  rmSync(`${precompiledFile(name)}.cache`, { force: true });
}
const cached = await writeBuiltinCache();
console.log(`precompiled validators → ${PRECOMPILED_DIR}; cached built-in checklists: ${cached.join(', ') || 'none'}`);

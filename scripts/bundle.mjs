// Build step: bundles the compiled CLI into dist/wangxin.mjs (+ lazily loaded chunks) so start-up resolves a
// handful of files instead of hundreds. bin/wangxin.js uses the bundle when present, dist/cli/main.js otherwise.
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';

// Chunks are content-hashed: drop the previous build's so stale ones never linger.
for (const f of readdirSync('dist')) if (/^(chunk-.*|wangxin)\.mjs$/.test(f)) rmSync(`dist/${f}`);

await build({
  entryPoints: { wangxin: 'dist/cli/main.js' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // ajv is loaded through createRequire (CommonJS, precompiled validators need its runtime);
  // @inquirer is only loaded by `run`, and stays a normal dependency.
  external: ['ajv', 'ajv/*', 'ajv-formats', 'ajv-i18n', 'ajv-i18n/*', '@inquirer/*'],
  logLevel: 'warning',
  legalComments: 'none',
  // Bundled CommonJS packages (commander, cli-progress) call require() for Node built-ins.
  banner: { js: "import { createRequire as __wxCreateRequire } from 'node:module'; const require = __wxCreateRequire(import.meta.url);" },
});

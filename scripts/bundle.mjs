// Build step: bundles the compiled CLI into one CommonJS file, dist/wangxin.cjs, which bin/wangxin.js
// compiles with a V8 code cache (see bin/). Start-up then reads two files instead of resolving hundreds.
import { build } from 'esbuild';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

// The code cache belongs to the previous bundle.
rmSync('dist/wangxin.cjs.cache', { force: true });

/** commander loads child_process for git-style executable subcommands, which wangxin never uses; the
 * stub keeps net, dgram and friends off the start-up path and fails loudly if ever reached. */
const stubChildProcessForCommander = {
  name: 'stub-child-process-for-commander',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'wangxin-stub' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'wangxin-stub' }, () => ({
      contents: "module.exports = new Proxy({}, { get() { throw new Error('wangxin: executable subcommands are not supported'); } });",
      loader: 'js',
    }));
  },
};

const shared = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // Loaded on demand from node_modules: yaml only for located diagnostics and writing answer
  // files, @inquirer only by `run` (through io.importModule: the bundle must not use import()), ajv only where precompiled
  // validators are stale (and its small runtime by the precompiled ones); exceljs, yauzl and docx only for
  // the office formats (answer workbooks, batch --format xlsx, score --format docx).
  external: ['exceljs', 'yauzl', 'docx', 'yaml', 'ajv', 'ajv/*', 'ajv-formats', 'ajv-formats/*', 'ajv-i18n', 'ajv-i18n/*', '@inquirer/*'],
  // Every module's import.meta.url becomes the bundle's own: src/paths.ts resolves the package
  // root from it, which is one folder up from dist/ either way.
  define: { 'import.meta.url': '__wxImportMetaUrl' },
  banner: { js: "var __wxImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [stubChildProcessForCommander],
  logLevel: 'warning',
  legalComments: 'none',
  // Whitespace and syntax only (names are kept, so errors and classes read as written): a quarter
  // less text for every command to read and compile at start-up (~7 ms of `score`'s ~260 ms here).
  minifyWhitespace: true,
  minifySyntax: true,
};

await build({ ...shared, entryPoints: ['dist/cli/main.js'], outfile: 'dist/wangxin.cjs' });
writeFileSync('dist/wangxin.cjs', prepareForScript(readFileSync('dist/wangxin.cjs', 'utf8')));
// The batch worker thread, bundled too: a worker started from the tsc output resolves dozens of
// modules before its first file (src/batch/pool.ts prefers this file when it exists).
await build({ ...shared, entryPoints: ['dist/batch/worker.js'], outfile: 'dist/batch-worker.cjs' });

// The bundle runs inside vm.Script, where import() has no loader: every import() left in it must be
// one that is never reached there (the guarded fallback in src/walk/inquirer-prompter.ts).
const leftovers = readFileSync('dist/wangxin.cjs', 'utf8').match(/\bimport\(["'][^"']+["']\)/g) ?? [];
const unexpected = leftovers.filter((m) => !m.includes('@inquirer/prompts'));
if (unexpected.length > 0) {
  console.error(`bundle: import() would fail inside vm.Script: ${unexpected.join(', ')}`);
  process.exit(1);
}

/**
 * Makes the main bundle the exact text bin/wangxin.js hands to vm.Script, for reading it costs
 * less: pure ASCII (esbuild escapes strings, but leaves Chinese in regular expressions and
 * comments, and one such character makes V8 decode the whole file into a two-byte string, twice
 * the memory and several ms slower), and already wrapped in the CommonJS function (wrapping it at
 * run time copied the whole megabyte once more).
 */
function prepareForScript(code) {
  // A \uXXXX escape means the same character in a string, a regular expression (also in a class)
  // and a comment; only after a backslash (an identity escape) would it change the meaning.
  const escaped = code.replace(/(\\?)([^\x00-\x7f])/g, (whole, backslash, char) => {
    if (backslash) throw new Error(`bundle: cannot escape ${JSON.stringify(whole)} (an escaped non-ASCII character)`);
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  return `(function (exports, require, module, __filename, __dirname) {${escaped}\n})`;
}

// Build step: bundles the compiled CLI into CommonJS files that bin/wangxin.js compiles with a V8 code cache (see
// bin/): dist/wangxin.cjs, the whole CLI, and dist/commands/NAME.cjs, each command alone. Start-up then reads two
// files instead of resolving hundreds.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

// The code caches belong to the previous bundles.
rmSync('dist/wangxin.cjs.cache', { force: true });
rmSync('dist/commands', { recursive: true, force: true });

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
  // Whitespace, syntax and local names: less than two thirds of the text for every command to read
  // and compile at start-up (~7 ms of `score`'s ~260 ms for whitespace and syntax, ~4 ms of ~170
  // for the names). A stack trace (WANGXIN_DEBUG) then shows short names; errors shown to users
  // are messages, never names.
  minifyWhitespace: true,
  minifySyntax: true,
  minifyIdentifiers: true,
};

/** The command registry (tsc output), whose table of lazily loaded commands each command's bundle cuts to its own entry. */
const REGISTRY = resolve('dist/cli/registry.js');
const registrySource = readFileSync(REGISTRY, 'utf8');
const ENTRY = /^ *\{ name: '([a-z]+)', load: async \(\) => \(await import\('\.\/[a-z-]+\.js'\)\)\.\w+ \},\n/gm;
const commands = [...registrySource.matchAll(ENTRY)].map((m) => m[1]);
if (commands.length === 0 || commands.length !== registrySource.split("{ name: '").length - 1) {
  console.error('bundle: the command table of dist/cli/registry.js is not laid out as expected (one entry a line)');
  process.exit(1);
}

/** Makes the registry hold `name` alone: esbuild then leaves every other command's modules out of the bundle. */
const onlyCommand = (name) => ({
  name: 'only-command',
  setup(b) {
    b.onLoad({ filter: /registry\.js$/ }, (args) =>
      resolve(args.path) === REGISTRY ? { contents: registrySource.replace(ENTRY, (line, entry) => (entry === name ? line : '')), loader: 'js' } : undefined,
    );
  },
});

await bundleMain('dist/wangxin.cjs');
// A command named first (`wangxin score FILE`) runs from a bundle of its own, which bin/ prefers:
// `score` alone is half the whole CLI, and start-up reads and compiles all of a bundle.
mkdirSync('dist/commands');
for (const name of commands) await bundleMain(`dist/commands/${name}.cjs`, onlyCommand(name));
// The batch worker thread, bundled too: a worker started from the tsc output resolves dozens of
// modules before its first file (src/batch/pool.ts prefers this file when it exists).
await build({ ...shared, entryPoints: ['dist/batch/worker.js'], outfile: 'dist/batch-worker.cjs' });

/** Bundles the CLI's entry into `outfile`, ready for bin/ (see prepareForScript). */
async function bundleMain(outfile, ...plugins) {
  // A command's bundle, one folder down in dist/commands/, takes the URL of the whole CLI's, so that
  // src/paths.ts finds the package root one folder up from it, as everywhere else.
  const banner = outfile === 'dist/wangxin.cjs' ? shared.banner : { js: "var __wxImportMetaUrl = require('node:url').pathToFileURL(require('node:path').join(__dirname, '..', 'wangxin.cjs')).href;" };
  await build({ ...shared, banner, plugins: [...shared.plugins, ...plugins], entryPoints: ['dist/cli/main.js'], outfile });
  const code = readFileSync(outfile, 'utf8');
  // The bundle runs inside vm.Script, where import() has no loader: every import() left in it must be
  // one that is never reached there (the guarded fallback in src/walk/inquirer-prompter.ts).
  const leftovers = code.match(/\bimport\(["'][^"']+["']\)/g) ?? [];
  const unexpected = leftovers.filter((m) => !m.includes('@inquirer/prompts'));
  if (unexpected.length > 0) {
    console.error(`bundle: import() would fail inside vm.Script in ${outfile}: ${unexpected.join(', ')}`);
    process.exit(1);
  }
  writeFileSync(outfile, prepareForScript(code));
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

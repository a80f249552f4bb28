#!/usr/bin/env node
// The wangxin executable: hands argv and the process streams to main() and sets the exit code.
// CommonJS (see bin/package.json): it starts sooner than an ES module, and start-up is most of a one-file command.
'use strict';
const { existsSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const vm = require('node:vm');

// A closed pipe (`wangxin ... | head`) is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const whole = join(__dirname, '..', 'dist', 'wangxin.cjs');
const bundle = commandBundle(process.argv[2]) ?? whole;
const cacheFile = `${bundle}.cache`;
let script;
let cachedData;

/**
 * The bundle of the command `first` names when the build made one (scripts/bundle.mjs): it holds
 * that command alone, less to read and compile than the whole CLI. Only a command named first
 * (`wangxin score FILE`) is looked up; help, options before the command, an unknown name run from
 * the whole CLI, which behaves the same with more commands on hand.
 */
function commandBundle(first) {
  if (first === undefined || !/^[a-z]+$/.test(first)) return undefined;
  const file = join(__dirname, '..', 'dist', 'commands', `${first}.cjs`);
  return existsSync(file) ? file : undefined;
}

/**
 * Loads the bundle through vm.Script with a V8 code cache: compiling ~0.6 MB of JavaScript is
 * most of a one-file command's start-up, and the cache skips it (Node 20 has no
 * module.enableCompileCache). Without the bundle (a fresh checkout before `npm run build`, say),
 * the plain tsc output is used.
 */
async function loadMain() {
  if (!existsSync(whole)) return import('../dist/cli/main.js');
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  // The build wrapped the bundle in the CommonJS function and made it pure ASCII (scripts/bundle.mjs):
  // it is compiled as read, a one-byte string no copy of which is made.
  script = new vm.Script(readFileSync(bundle, 'utf8'), { filename: bundle, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  return module.exports;
}

/** Saves the code cache after a run (it then holds the functions this run compiled); best effort. */
function saveCodeCache() {
  if (!script || (cachedData && !script.cachedDataRejected)) return;
  try {
    const temp = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(temp, script.createCachedData());
    renameSync(temp, cacheFile);
  } catch {
    // A read-only installation simply runs without the cache.
  }
}

(async () => {
  const { main } = await loadMain();
  process.exitCode = await main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    // A getter: touching process.stdin sets up a stream (and tty, net) that only `run` needs.
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    cwd: process.cwd(),
    // The bundle runs inside vm.Script, where import() has no loader: ES modules come through here.
    importModule: (specifier) => import(specifier),
  });
  saveCodeCache();
})();

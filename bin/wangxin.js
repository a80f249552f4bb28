#!/usr/bin/env node
// The wangxin executable: hands argv and the process streams to main() and sets the exit code.
import { existsSync } from 'node:fs';

// A closed pipe (`wangxin ... | head`) is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

// The bundle starts faster; the plain tsc output is the fallback (e.g. during development).
const bundle = new URL('../dist/wangxin.mjs', import.meta.url);
const { main } = await import(existsSync(bundle) ? bundle.href : new URL('../dist/cli/main.js', import.meta.url).href);

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
});

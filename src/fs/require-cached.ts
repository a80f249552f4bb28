// Requires a CommonJS file through vm.Script with a V8 code cache beside it (as bin/ does for the bundle).
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import vm from 'node:vm';

const pending: (() => void)[] = [];

/**
 * Loads the CommonJS module `file` like `require`, compiling it with `<file>.cache` when V8
 * accepts that cache. A missing or rejected cache is rewritten after the command (see
 * {@link saveCodeCaches}); a read-only installation just runs without one.
 */
export function requireCached<T>(file: string): T {
  const cacheFile = `${file}.cache`;
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const source = readFileSync(file, 'utf8');
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    cachedData,
  });
  const module = { exports: {} as T };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file));
  if (!cachedData || script.cachedDataRejected) {
    pending.push(() => {
      const temp = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(temp, script.createCachedData());
      renameSync(temp, cacheFile);
    });
  }
  return module.exports;
}

/** Writes the code caches that {@link requireCached} found missing; best effort, never throws. */
export function saveCodeCaches(): void {
  for (const save of pending.splice(0)) {
    try {
      save();
    } catch {
      // Read-only installation: no cache.
    }
  }
}

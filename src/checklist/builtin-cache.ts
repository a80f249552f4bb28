// A JSON cache of the valid built-in checklists, written at build time and used only while it matches the YAML.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { CHECKLISTS_DIR, PACKAGE_ROOT } from '../paths.js';
import type { Checklist } from '../model/checklist.js';

/** Where the cache lives. */
export const BUILTIN_CACHE_DIR = join(PACKAGE_ROOT, 'dist', 'checklists');

/** The cache file of a built-in reference (`id` or `id@version`). */
export function cacheFile(id: string): string {
  return join(BUILTIN_CACHE_DIR, `${id}.json`);
}

/**
 * The copy of the YAML a cache entry was made from. The bytes are compared whole, rather than a
 * digest of them: the comparison is native, where hashing the ~130 KB in JavaScript, still
 * unoptimised at start-up, cost every one-file command several ms.
 */
export function cacheSourceFile(id: string): string {
  return join(BUILTIN_CACHE_DIR, `${id}.yaml`);
}

/**
 * The cached checklist for a built-in file, when the cache was made from exactly these bytes
 * (it is only ever written for a checklist that validated clean).
 */
export function readBuiltinCache(file: string, bytes: Uint8Array): Checklist | undefined {
  const full = resolve(file);
  if (!isBuiltinPath(full)) return undefined;
  const id = full.slice(resolve(CHECKLISTS_DIR).length + 1).replace(/\.ya?ml$/, '');
  const cached = cacheFile(id);
  const source = cacheSourceFile(id);
  if (!existsSync(cached) || !existsSync(source)) return undefined;
  try {
    if (!readFileSync(source).equals(bytes)) return undefined;
    return (JSON.parse(readFileSync(cached, 'utf8')) as { checklist: Checklist }).checklist;
  } catch {
    return undefined;
  }
}

/** Whether a file is in the package's `checklists/` folder (only those can have a cached copy). */
export function isBuiltinPath(file: string): boolean {
  return resolve(file).startsWith(resolve(CHECKLISTS_DIR) + sep);
}

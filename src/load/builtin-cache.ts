// A JSON cache of the valid built-in checklists, written at build time and used only while it matches the YAML.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { quickDigest } from '../fs/digest.js';
import { join, resolve, sep } from 'node:path';
import { CHECKLISTS_DIR, PACKAGE_ROOT } from '../paths.js';
import type { Checklist } from '../model/checklist.js';

/** Where the cache lives. */
export const BUILTIN_CACHE_DIR = join(PACKAGE_ROOT, 'dist', 'checklists');

function digest(bytes: Uint8Array): string {
  return quickDigest(bytes);
}

function cacheFile(id: string): string {
  return join(BUILTIN_CACHE_DIR, `${id}.json`);
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
  if (!existsSync(cached)) return undefined;
  try {
    const entry = JSON.parse(readFileSync(cached, 'utf8')) as { digest: string; checklist: Checklist };
    return entry.digest === digest(bytes) ? entry.checklist : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a file is in the package's `checklists/` folder (only those can have a cached copy). */
export function isBuiltinPath(file: string): boolean {
  return resolve(file).startsWith(resolve(CHECKLISTS_DIR) + sep);
}

/** Validates every built-in checklist (earlier versions included) and caches the valid ones; returns their references. */
export async function writeBuiltinCache(): Promise<string[]> {
  const { builtinRefs, builtinFile } = await import('./resolve-checklist.js');
  const { parseYaml } = await import('./parse-yaml.js');
  const { validateChecklist } = await import('../validate/validate.js');
  mkdirSync(BUILTIN_CACHE_DIR, { recursive: true });
  const done: string[] = [];
  for (const id of builtinRefs()) {
    const file = builtinFile(id)!;
    const bytes = readFileSync(file);
    const result = validateChecklist(parseYaml(bytes.toString('utf8').replace(/^\ufeff/, ''), file));
    if (!result.value || result.warnings.length > 0) continue; // never cache what would print a diagnostic
    writeFileSync(cacheFile(id), JSON.stringify({ digest: digest(bytes), checklist: result.value }));
    done.push(id);
  }
  return done;
}

// Build step: validates every built-in checklist and writes the JSON cache of the valid ones (see builtin-cache.ts).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { parseYaml } from '../load/parse-yaml.js';
import { BUILTIN_CACHE_DIR, cacheFile, cacheSourceFile } from './builtin-cache.js';
import { validateChecklist } from './extend-checklist.js';
import { builtinFile, builtinRefs } from './resolve-checklist.js';

/** Validates every built-in checklist (earlier versions included) and caches the valid ones; returns their references. */
export async function writeBuiltinCache(): Promise<string[]> {
  mkdirSync(BUILTIN_CACHE_DIR, { recursive: true });
  const done: string[] = [];
  for (const id of builtinRefs()) {
    const file = builtinFile(id)!;
    const bytes = readFileSync(file);
    const result = validateChecklist(parseYaml(bytes.toString('utf8').replace(/^\ufeff/, ''), file));
    rmSync(cacheSourceFile(id), { force: true });
    if (!result.value || result.warnings.length > 0) continue; // never cache what would print a diagnostic
    writeFileSync(cacheFile(id), JSON.stringify({ checklist: result.value }));
    writeFileSync(cacheSourceFile(id), bytes);
    done.push(id);
  }
  return done;
}

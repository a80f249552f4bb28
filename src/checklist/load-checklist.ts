// Loads and validates a checklist file once per process: from the build-time cache for an unchanged built-in, else parsed and checked (extends resolved).
import { resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Checklist } from '../model/checklist.js';
import type { ParsedYaml } from '../load/parse-yaml.js';
import { MAX_FILE_BYTES } from '../load/read-text.js';
import { readInputSync } from '../fs/read-input.js';
import { isBuiltinPath, readBuiltinCache } from './builtin-cache.js';
import { validateChecklist } from './extend-checklist.js';

/**
 * A built-in checklist from the build-time cache, when it is still the same file. Any other
 * file is not even opened here: it is read once, with every check, by loadYamlFile.
 */
async function readCachedBuiltin(file: string): Promise<Checklist | undefined> {
  if (!isBuiltinPath(file)) return undefined;
  // Synchronously: a file of the package, read once per process; four trips through the thread
  // pool (open, stat, read, close) cost a one-file command more than the reading.
  const read = readInputSync(file, MAX_FILE_BYTES);
  return read.ok ? readBuiltinCache(file, read.bytes) : undefined;
}

/** A checklist that was loaded and validated, or the diagnostics that stopped it. */
export interface LoadedChecklist {
  file: string;
  checklist?: Checklist;
  parsed?: ParsedYaml;
  /** Every diagnostic: read failures, YAML, schema and semantic errors, warnings. */
  diagnostics: Diagnostic[];
}

const cache = new Map<string, Promise<LoadedChecklist>>();

/** Loads and validates a checklist file; each file is read once per process. */
export function loadChecklist(file: string): Promise<LoadedChecklist> {
  const key = resolve(file);
  let pending = cache.get(key);
  if (!pending) {
    pending = (async () => {
      const cached = await readCachedBuiltin(file);
      if (cached) return { file, checklist: cached, diagnostics: [] };
      // The positioned parse (and yaml with it) is loaded only for checklists not in the build cache.
      const { loadYamlFile } = await import('../load/load-yaml-file.js');
      const loaded = await loadYamlFile(file);
      if (!loaded.ok) return { file, diagnostics: [loaded.diagnostic] };
      const result = validateChecklist(loaded.parsed);
      return { file, checklist: result.value, parsed: loaded.parsed, diagnostics: [...result.errors, ...result.warnings] };
    })();
    cache.set(key, pending);
  }
  return pending;
}

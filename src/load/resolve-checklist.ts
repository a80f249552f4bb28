// Finds the checklist to use: a path, a built-in id, or the id an answer file names.
import { readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CHECKLISTS_DIR } from '../paths.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Checklist } from '../model/checklist.js';
import { validateChecklist } from '../validate/validate.js';
import type { ParsedYaml } from './parse-yaml.js';
import { isBuiltinPath, readBuiltinCache } from './builtin-cache.js';
import { readInput } from '../fs/read-input.js';
import { MAX_FILE_BYTES } from './read-text.js';

/**
 * A built-in checklist from the build-time cache, when it is still the same file. Any other
 * file is not even opened here: it is read once, with every check, by loadYamlFile.
 */
async function readCachedBuiltin(file: string): Promise<Checklist | undefined> {
  if (!isBuiltinPath(file)) return undefined;
  const read = await readInput(file, MAX_FILE_BYTES);
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
      const { loadYamlFile } = await import('./load-yaml-file.js');
      const loaded = await loadYamlFile(file);
      if (!loaded.ok) return { file, diagnostics: [loaded.diagnostic] };
      const result = validateChecklist(loaded.parsed);
      return { file, checklist: result.value, parsed: loaded.parsed, diagnostics: [...result.errors, ...result.warnings] };
    })();
    cache.set(key, pending);
  }
  return pending;
}

/** The ids of the built-in checklists (file names in `checklists/`). */
export function builtinIds(): string[] {
  if (!existsSync(CHECKLISTS_DIR)) return [];
  return readdirSync(CHECKLISTS_DIR)
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => name.replace(/\.ya?ml$/, ''))
    .sort();
}

const builtinFiles = new Map<string, string | undefined>();

/** The file of a built-in checklist, by id (looked up once per id: batch asks for every file). */
export function builtinFile(id: string): string | undefined {
  if (builtinFiles.has(id)) return builtinFiles.get(id);
  let found: string | undefined;
  for (const ext of ['.yaml', '.yml']) {
    const file = join(CHECKLISTS_DIR, id + ext);
    if (/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id) && existsSync(file)) {
      found = file;
      break;
    }
  }
  builtinFiles.set(id, found);
  return found;
}

/** Whether `--checklist` names a file rather than a built-in id. */
export function looksLikePath(ref: string): boolean {
  return isPathRef(ref) || (existsSync(ref) && !builtinFile(ref));
}

/** Whether a reference is written as a file (a folder separator or a YAML extension), not an id. */
export function isPathRef(ref: string): boolean {
  return /[\\/]/.test(ref) || /\.ya?ml$/i.test(ref);
}

/**
 * The checklist file an answer file is checked against: `--checklist` as given (an id or a
 * path), else the built-in the file names by id (never a path written in the file).
 */
export function answersChecklistFile(ref: string | undefined, id: string): string | undefined {
  return ref ? checklistFileFor(ref) : /[\\/]/.test(id) ? undefined : checklistFileFor(id);
}

const refFiles = new Map<string, string | undefined>();

/** Resolves `--checklist ID|PATH` to a file, or undefined for an unknown id (once per ref: batch asks for every file). */
export function checklistFileFor(ref: string): string | undefined {
  if (!refFiles.has(ref)) refFiles.set(ref, looksLikePath(ref) ? ref : builtinFile(ref));
  return refFiles.get(ref);
}

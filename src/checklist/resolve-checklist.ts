// Finds the checklist file to use: a path, a built-in id, or the id an answer file names.
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKLISTS_DIR } from '../paths.js';

/**
 * A built-in reference: a checklist id (its current version, `checklists/<id>.yaml`), or
 * `<id>@<version>` for an earlier version kept beside it (`checklists/<id>@<version>.yaml`), so
 * that answer files made for that version still validate and score against it.
 */
const BUILTIN_REF = /^[a-z0-9]+(-[a-z0-9]+)*(@[0-9A-Za-z.+-]+)?$/;

/** The built-in file names without extension: current ids and `id@version` references. */
function builtinNames(): string[] {
  if (!existsSync(CHECKLISTS_DIR)) return [];
  return readdirSync(CHECKLISTS_DIR)
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => name.replace(/\.ya?ml$/, ''))
    .filter((name) => BUILTIN_REF.test(name));
}

/** The ids of the built-in checklists in their current versions (file names in `checklists/` without `@`). */
export function builtinIds(): string[] {
  return builtinNames()
    .filter((name) => !name.includes('@'))
    .sort();
}

/**
 * Every built-in reference: each id, followed by its earlier versions (`id@version`), newest
 * first. `list` shows them all; the other commands offer only the current ids.
 */
export function builtinRefs(): string[] {
  const earlier = builtinNames().filter((name) => name.includes('@'));
  return builtinIds().flatMap((id) => [
    id,
    ...earlier
      .filter((ref) => ref.startsWith(id + '@'))
      .sort((a, b) => compareVersions(b.slice(id.length + 1), a.slice(id.length + 1))),
  ]);
}

/** Orders two version strings by their dotted numbers (1.10.0 after 1.9.0); enough for file names. */
function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.+-]/);
  const pb = b.split(/[.+-]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    const diff = /^\d+$/.test(x) && /^\d+$/.test(y) ? Number(x) - Number(y) : x.localeCompare(y);
    if (diff !== 0) return diff;
  }
  return 0;
}

const builtinFiles = new Map<string, string | undefined>();

/**
 * The file of a built-in checklist by reference: `id` (the current version) or `id@version` (an
 * earlier version kept in `checklists/`). Looked up once per reference: batch asks for every file.
 */
export function builtinFile(ref: string): string | undefined {
  if (builtinFiles.has(ref)) return builtinFiles.get(ref);
  let found: string | undefined;
  if (BUILTIN_REF.test(ref)) {
    for (const ext of ['.yaml', '.yml']) {
      const file = join(CHECKLISTS_DIR, ref + ext);
      if (existsSync(file)) {
        found = file;
        break;
      }
    }
  }
  builtinFiles.set(ref, found);
  return found;
}

/**
 * The built-in reference for the checklist an answer file names: the earlier version kept as
 * `id@version` when there is one, else the current `id` (which then reports a version mismatch
 * if it is not that version); undefined when no built-in has that id.
 */
export function builtinRefFor(id: string, version: string): string | undefined {
  const earlier = typeof version === 'string' && /^[0-9A-Za-z.+-]+$/.test(version) ? `${id}@${version}` : undefined;
  if (earlier !== undefined && builtinFile(earlier)) return earlier;
  return builtinFile(id) ? id : undefined;
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
 * path), else the built-in the file names by id and version (never a path written in the file).
 */
export function answersChecklistFile(ref: string | undefined, id: string, version: string): string | undefined {
  if (ref) return checklistFileFor(ref);
  const builtin = /[\\/@]/.test(id) ? undefined : builtinRefFor(id, version);
  return builtin === undefined ? undefined : builtinFile(builtin);
}

const refFiles = new Map<string, string | undefined>();

/** Resolves `--checklist ID|PATH` to a file, or undefined for an unknown id (once per ref: batch asks for every file). */
export function checklistFileFor(ref: string): string | undefined {
  if (!refFiles.has(ref)) refFiles.set(ref, looksLikePath(ref) ? ref : builtinFile(ref));
  return refFiles.get(ref);
}

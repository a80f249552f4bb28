// Finds the answer files of a batch: files as given, folders searched for *.yaml/*.yml, in a stable order.
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';

/** One file to score: how it is shown (as reached from the command line) and where it is. */
export interface BatchFile {
  /** The path as shown in reports: the command-line argument joined with the path below it. */
  file: string;
  /** The absolute path used to read it. */
  path: string;
}

/** What discovery found: files to score, entries that could not be searched, and arguments that do not exist. */
export interface Discovery {
  files: BatchFile[];
  /** Unreadable folders, symlink loops: findings about the batch, not reasons to stop. */
  findings: Diagnostic[];
  /** Command-line arguments that do not exist (a usage error). */
  missing: string[];
}

const YAML_FILE = /\.ya?ml$/i;

/** Code-point order (not locale order), so the same tree gives the same order on every machine. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Expands `args` (files and folders, relative to `cwd`) into answer files. Folders are searched
 * recursively for `*.yaml`/`*.yml`, skipping dot-folders and `node_modules`; symlinked folders are
 * followed unless they lead back into a folder being searched (a loop, reported). A file named
 * directly is taken whatever its extension. The result is sorted by path and has no duplicates.
 */
export async function discoverFiles(args: readonly string[], cwd: string, options: { pattern?: RegExp } = {}): Promise<Discovery> {
  // `pattern`: which names a folder search takes (the baseline also takes `*.json` reports).
  const pattern = options.pattern ?? YAML_FILE;
  const files: BatchFile[] = [];
  const findings: Diagnostic[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  // `key` is where the file really is: the same file reached twice (given twice, or through a
  // symlink) is scored once, as it was first reached.
  const add = (file: string, path: string, key: string): void => {
    if (seen.has(key)) return;
    seen.add(key);
    files.push({ file, path });
  };
  // Folders are walked by their real path, so only an entry that is itself a link needs resolving.
  const addLinked = async (file: string, path: string): Promise<void> => add(file, path, await realpath(path).catch(() => path));

  /**
   * Searches one folder. `real` is its real path, already known: a plain sub-folder's is its
   * parent's real path joined with its name, so only arguments and symlinked folders cost a
   * realpath call. `listing` is its readdir when already under way (see below).
   */
  const walk = async (shown: string, path: string, real: string, ancestors: readonly string[], listing?: Promise<Listing>): Promise<void> => {
    if (ancestors.includes(real)) {
      findings.push(createDiagnostic('FILE_UNREADABLE', shown, { reason: { zh: '符号链接循环（指回上级文件夹）', en: 'symbolic link loop (points back to a parent folder)' } }));
      return;
    }
    const listed = await (listing ?? list(path));
    if (listed.entries === undefined) {
      findings.push(unreadable(shown, listed.error));
      return;
    }
    const entries = listed.entries.sort((a, b) => comparePaths(a.name, b.name));
    const inner = [...ancestors, real];
    const shownOf = joinerFor(shown);
    const pathOf = joinerFor(path);
    const realOf = joinerFor(real);
    // One readdir at a time left the main thread waiting on each folder in turn: the listings of
    // the next few plain sub-folders are started ahead (at most PREFETCH, so memory stays bounded).
    // They are still consumed in order, so findings and first-reached duplicates do not change.
    const folders = entries.filter((e) => e.isDirectory() && searched(e.name));
    const ahead = new Map<Dirent, Promise<Listing>>();
    let next = 0;
    const prefetch = (): void => {
      for (; next < folders.length && ahead.size < PREFETCH; next++) ahead.set(folders[next], list(realOf(folders[next].name)));
    };
    prefetch();
    for (const entry of entries) {
      const name = entry.name;
      if (entry.isSymbolicLink()) {
        const childPath = pathOf(name);
        let info;
        try {
          info = await stat(childPath);
        } catch (error) {
          if (pattern.test(name) || (error as NodeJS.ErrnoException).code === 'ELOOP') findings.push(unreadable(shownOf(name), error));
          continue;
        }
        if (info.isDirectory()) {
          if (!searched(name)) continue;
          const target = realOf(name);
          let targetReal: string;
          try {
            targetReal = await realpath(target);
          } catch (error) {
            findings.push(unreadable(shownOf(name), error));
            continue;
          }
          await walk(shownOf(name), target, targetReal, inner);
        } else if (info.isFile() && pattern.test(name)) {
          await addLinked(shownOf(name), realOf(name));
        }
      } else if (entry.isDirectory()) {
        const listing = ahead.get(entry);
        if (listing === undefined) continue; // a dot-folder or node_modules
        ahead.delete(entry);
        prefetch();
        const childReal = realOf(name);
        await walk(shownOf(name), childReal, childReal, inner, listing);
      } else if (entry.isFile() && pattern.test(name)) {
        const childReal = realOf(name);
        add(shownOf(name), childReal, childReal);
      }
    }
  };

  for (const arg of args) {
    const path = resolve(cwd, arg);
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') missing.push(arg);
      else findings.push(unreadable(arg, error));
      continue;
    }
    if (info.isDirectory()) {
      let real: string;
      try {
        real = await realpath(path);
      } catch (error) {
        findings.push(unreadable(arg, error));
        continue;
      }
      await walk(arg, path, real, []);
    } else {
      const real = await realpath(path).catch(() => path);
      add(arg, real, real);
    }
  }
  files.sort((a, b) => comparePaths(a.file, b.file));
  findings.sort((a, b) => comparePaths(a.file, b.file));
  return { files, findings, missing };
}

/** A folder's entries, or why they could not be read. */
type Listing = { entries: Dirent[]; error?: undefined } | { entries?: undefined; error: unknown };

/** Sub-folders listed ahead of time; enough to keep the libuv thread pool busy. */
const PREFETCH = 8;

/** Lists a folder; never rejects, so a listing started ahead and never awaited cannot go unhandled. */
function list(path: string): Promise<Listing> {
  return readdir(path, { withFileTypes: true }).then(
    (entries) => ({ entries }),
    (error: unknown) => ({ error }),
  );
}

/** Whether a folder search goes into a sub-folder of this name (not dot-folders, not node_modules). */
function searched(name: string): boolean {
  return !name.startsWith('.') && name !== 'node_modules';
}

/**
 * `join(base, name)` for the plain entry names of one folder. path.join normalises the whole path
 * on every call, which was a large part of discovery's time; a name from readdir has no separator
 * and is never `.` or `..`, so the normalised prefix can be worked out once per folder.
 */
function joinerFor(base: string): (name: string) => string {
  const prefix = join(base, 'x').slice(0, -1);
  return (name) => prefix + name;
}

function unreadable(file: string, error: unknown): Diagnostic {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ELOOP'
      ? { zh: '符号链接循环', en: 'symbolic link loop' }
      : code === 'EACCES' || code === 'EPERM'
        ? { zh: '没有读取权限', en: 'permission denied' }
        : code ?? String(error);
  return createDiagnostic('FILE_UNREADABLE', file, { reason });
}

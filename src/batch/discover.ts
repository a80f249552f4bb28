// Finds the answer files of a batch: files as given, folders searched for *.yaml/*.yml, in a stable order.
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
  const add = async (file: string, path: string, linked: boolean): Promise<void> => {
    // The same file reached twice (given twice, or through a symlink) is scored once. Folders are
    // walked by their real path, so only an entry that is itself a link needs resolving.
    const key = linked ? await realpath(path).catch(() => path) : path;
    if (seen.has(key)) return;
    seen.add(key);
    files.push({ file, path });
  };

  const walk = async (shown: string, path: string, ancestors: readonly string[]): Promise<void> => {
    let real: string;
    try {
      real = await realpath(path);
    } catch (error) {
      findings.push(unreadable(shown, error));
      return;
    }
    if (ancestors.includes(real)) {
      findings.push(createDiagnostic('FILE_UNREADABLE', shown, { reason: { zh: '符号链接循环（指回上级文件夹）', en: 'symbolic link loop (points back to a parent folder)' } }));
      return;
    }
    let entries;
    try {
      entries = await readdir(path, { withFileTypes: true });
    } catch (error) {
      findings.push(unreadable(shown, error));
      return;
    }
    entries.sort((a, b) => comparePaths(a.name, b.name));
    const inner = [...ancestors, real];
    for (const entry of entries) {
      const childShown = join(shown, entry.name);
      const childPath = join(path, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const info = await stat(childPath);
          isDir = info.isDirectory();
          isFile = info.isFile();
        } catch (error) {
          if (pattern.test(entry.name) || (error as NodeJS.ErrnoException).code === 'ELOOP') findings.push(unreadable(childShown, error));
          continue;
        }
      }
      if (isDir) {
        if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
        await walk(childShown, join(real, entry.name), inner);
      } else if (isFile && pattern.test(entry.name)) {
        await add(childShown, join(real, entry.name), entry.isSymbolicLink());
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
    if (info.isDirectory()) await walk(arg, path, []);
    else await add(arg, await realpath(path).catch(() => path), false);
  }
  files.sort((a, b) => comparePaths(a.file, b.file));
  findings.sort((a, b) => comparePaths(a.file, b.file));
  return { files, findings, missing };
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

// Finds the answer files of a batch: files as given, folders searched for *.yaml/*.yml/*.xlsx, each real folder once, never outside the folder given.
import { localized } from '../i18n/translate.js';
import { comparePaths } from '../util/compare-paths.js';
import { isUtf8 } from 'node:buffer';
import type { Dirent } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { showPath } from '../fs/path-text.js';
import { defaultReviewPath } from '../model/review.js';

/** One file to score: how it is shown (as reached from the command line) and where it is. */
export interface BatchFile {
  /** The path as shown in reports: the command-line argument joined with the path below it (bytes that are not UTF-8 escaped). */
  file: string;
  /** The path used to read it: its real path, as bytes when the name is not UTF-8. */
  path: string | Buffer;
  /**
   * Whether its folder's listing has an entry named as its review (`<name>.review.yaml`): found in
   * a folder search, so that the batch need not look for a review beside every file; absent when
   * the file was named directly (the batch then looks).
   */
  reviewListed?: boolean;
}

/** What discovery found: files to score, entries that could not be searched, and arguments that do not exist. */
export interface Discovery {
  files: BatchFile[];
  /** Unreadable folders, symlink loops, links leaving the folder: findings about the batch, not reasons to stop. */
  findings: Diagnostic[];
  /** Command-line arguments that do not exist (a usage error). */
  missing: string[];
}

// Answer workbooks too (`.xlsm` is found so that it is refused by name rather than skipped);
// `~$name.xlsx` is the lock file Excel keeps beside a workbook it has open, not a submission.
const YAML_FILE = /^(?!~\$).*\.(ya?ml|xlsx|xlsm)$/i;

/** A path as the system names it: text when it is UTF-8, else its bytes. */
type SysPath = string | Buffer;

/** The folder given on the command line: its real path, and as the user wrote it (for messages). */
interface Root {
  real: SysPath;
  shown: string;
}

/** A folder entry: its name as text, or as bytes when it is not UTF-8; the name to show; its type. */
interface Entry {
  /** The name as text (valid UTF-8), or undefined when only the bytes name it. */
  text: string | undefined;
  /** The name's bytes, when it is not UTF-8. */
  bytes?: Buffer;
  /** The name to show and sort by (undecodable bytes escaped). */
  shown: string;
  dirent: Pick<Dirent, 'isDirectory' | 'isSymbolicLink'>;
}

/**
 * Expands `args` (files and folders, relative to `cwd`) into answer files. Folders are searched
 * recursively for `*.yaml`/`*.yml`/`*.xlsx` (and FIFOs, devices or sockets so named, which scoring then
 * refuses), skipping dot-folders and `node_modules`. Symbolic links are followed only while they
 * stay inside the folder given on the command line: one that leads outside is a finding naming
 * the link (`SYMLINK_OUTSIDE`), and nothing behind it is read; one that leads back to a folder
 * being searched is a loop (a finding). Each real folder is searched once, however many links
 * lead to it. A file named directly is taken whatever its extension, unless it is a link that
 * leaves its own folder. Names are kept as bytes, so names that are not UTF-8 (GBK from a
 * Windows zip) are each found and read. The result is sorted by path and has no duplicates.
 */
export async function discoverFiles(args: readonly string[], cwd: string, options: { pattern?: RegExp } = {}): Promise<Discovery> {
  // `pattern`: which names a folder search takes (the baseline also takes `*.json` reports).
  const pattern = options.pattern ?? YAML_FILE;
  const files: BatchFile[] = [];
  const findings: Diagnostic[] = [];
  const missing: string[] = [];
  // Where files and folders really are (real paths, as keys): a file reached twice (given twice,
  // or through a link) is scored once, a folder searched once, as first reached.
  const seenFiles = new Set<string>();
  const seenFolders = new Set<string>();
  const add = (file: string, real: SysPath, reviewListed?: boolean): void => {
    const key = keyOf(real);
    if (seenFiles.has(key)) return;
    seenFiles.add(key);
    files.push(reviewListed === undefined ? { file, path: real } : { file, path: real, reviewListed });
  };

  /**
   * Searches one folder. `real` is its real path: a plain sub-folder's is its parent's real path
   * joined with its name, so only arguments and linked folders cost a realpath call. `root` is
   * the folder given on the command line. `listing` is its readdir when already
   * under way (see below).
   */
  const walk = async (shown: string, real: SysPath, root: Root, ancestors: readonly string[], listing?: Promise<Listing>): Promise<void> => {
    const key = keyOf(real);
    if (ancestors.includes(key)) {
      findings.push(createDiagnostic('FILE_UNREADABLE', shown, { reason: localized('diag.reason.linkLoopParent') }));
      return;
    }
    if (seenFolders.has(key)) return; // searched already, under another name
    seenFolders.add(key);
    const listed = await (listing ?? list(real));
    if (listed.entries === undefined) {
      findings.push(unreadable(shown, listed.error));
      return;
    }
    const entries = listed.entries.sort((a, b) => comparePaths(a.shown, b.shown));
    const inner = [...ancestors, key];
    const shownOf = joinerFor(shown);
    const realOf = childOf(real);
    // One readdir at a time left the main thread waiting on each folder in turn: the listings of
    // the next few plain sub-folders are started ahead (at most PREFETCH, so memory stays bounded).
    // They are still consumed in order, so findings and first-reached duplicates do not change.
    const folders = entries.filter((e) => e.dirent.isDirectory() && searched(e.shown));
    const reviews = reviewNames(entries);
    const ahead = new Map<Entry, Promise<Listing>>();
    let next = 0;
    const prefetch = (): void => {
      for (; next < folders.length && ahead.size < PREFETCH; next++) ahead.set(folders[next], list(realOf(folders[next])));
    };
    prefetch();
    for (const entry of entries) {
      const d = entry.dirent;
      if (d.isSymbolicLink()) {
        await followLink(shownOf(entry.shown), realOf(entry), entry.shown, root, inner);
      } else if (d.isDirectory()) {
        const pending = ahead.get(entry);
        if (pending === undefined) continue; // a dot-folder or node_modules
        ahead.delete(entry);
        prefetch();
        await walk(shownOf(entry.shown), realOf(entry), root, inner, pending);
      } else if (pattern.test(entry.shown)) {
        // Regular files, and FIFOs, devices and sockets under a submission's name: reading refuses those, as a finding.
        add(shownOf(entry.shown), realOf(entry), reviews.size > 0 && reviews.has(defaultReviewPath(entry.shown)));
      }
    }
  };

  /** A link met in a folder search: followed when it stays inside `root`, else reported. */
  const followLink = async (shown: string, link: SysPath, name: string, root: Root, ancestors: readonly string[]): Promise<void> => {
    let target: SysPath;
    try {
      target = asSysPath(await realpath(link, { encoding: 'buffer' }));
    } catch (error) {
      if (pattern.test(name) || (error as NodeJS.ErrnoException).code === 'ELOOP') findings.push(unreadable(shown, error, true));
      return;
    }
    let info;
    try {
      info = await stat(target);
    } catch (error) {
      if (pattern.test(name)) findings.push(unreadable(shown, error));
      return;
    }
    if (info.isDirectory() ? !searched(name) : !pattern.test(name)) return;
    // The root itself (a loop) and anything under it are inside; ancestors are judged as a loop by walk.
    if (!isInside(target, root.real) && keyOf(target) !== keyOf(root.real)) {
      findings.push(createDiagnostic('SYMLINK_OUTSIDE', shown, { folder: root.shown }));
      return;
    }
    if (info.isDirectory()) await walk(shown, target, root, ancestors);
    else add(shown, target);
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
    let real: SysPath;
    try {
      real = asSysPath(await realpath(path, { encoding: 'buffer' }));
    } catch (error) {
      findings.push(unreadable(arg, error));
      continue;
    }
    if (info.isDirectory()) {
      await walk(arg, real, { real, shown: arg }, []);
      continue;
    }
    // A file given directly that is a link leaving its own folder (`answers/*.yaml` expands to it) is not read either.
    if ((await lstat(path)).isSymbolicLink()) {
      const folder = asSysPath(await realpath(dirname(path), { encoding: 'buffer' }).catch(() => Buffer.from(dirname(path))));
      if (!isInside(real, folder)) {
        findings.push(createDiagnostic('SYMLINK_OUTSIDE', arg, { folder: dirname(arg) }));
        continue;
      }
    }
    add(arg, real);
  }
  files.sort((a, b) => comparePaths(a.file, b.file));
  // One finding per name and code: a link both found in a folder and given directly is one finding.
  const once = new Map(findings.map((d) => [`${d.file}\u0000${d.code}`, d]));
  return { files, findings: [...once.values()].sort((a, b) => comparePaths(a.file, b.file)), missing };
}

/** A folder's entries, or why they could not be read. */
type Listing = { entries: Entry[]; error?: undefined } | { entries?: undefined; error: unknown };

/** Sub-folders listed ahead of time; enough to keep the libuv thread pool busy. */
const PREFETCH = 8;

/**
 * Lists a folder; never rejects, so a listing started ahead and never awaited cannot go unhandled.
 * Names come as text (the fast, common case); a folder where one did not decode (U+FFFD in its
 * place) is listed again as bytes, so that every name still names its file.
 */
async function list(path: SysPath): Promise<Listing> {
  try {
    const dirents = await readdir(path, { withFileTypes: true });
    if (!dirents.some((d) => d.name.includes('\ufffd'))) {
      return { entries: dirents.map((dirent): Entry => ({ text: dirent.name, shown: dirent.name, dirent })) };
    }
    const raw = await readdir(path, { withFileTypes: true, encoding: 'buffer' });
    return {
      entries: raw.map((dirent): Entry => {
        const bytes = dirent.name;
        const text = isUtf8(bytes) ? bytes.toString('utf8') : undefined;
        return { text, bytes: text === undefined ? bytes : undefined, shown: text ?? showPath(bytes), dirent };
      }),
    };
  } catch (error) {
    return { error };
  }
}

/**
 * The names of the entries of one folder that are named as reviews (`*.review.yaml`), whatever
 * their type: the batch then reads only those it finds a regular file.
 */
function reviewNames(entries: readonly Entry[]): Set<string> {
  const names = new Set<string>();
  for (const e of entries) if (e.shown.endsWith('.review.yaml')) names.add(e.shown);
  return names;
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

/** The path of an entry of the folder `base`: text while both are UTF-8, bytes otherwise. */
function childOf(base: SysPath): (entry: Entry) => SysPath {
  if (typeof base === 'string') {
    const prefix = join(base, 'x').slice(0, -1);
    const bytePrefix = Buffer.from(prefix);
    return (entry) => (entry.text !== undefined ? prefix + entry.text : Buffer.concat([bytePrefix, entry.bytes!]));
  }
  const prefix = base[base.length - 1] === 0x2f ? base : Buffer.concat([base, Buffer.from('/')]);
  return (entry) => Buffer.concat([prefix, entry.bytes ?? Buffer.from(entry.text!)]);
}

/** A path the system gave as bytes, as text when it is UTF-8 (the common case). */
function asSysPath(bytes: Buffer): SysPath {
  return isUtf8(bytes) ? bytes.toString('utf8') : bytes;
}

/** A key for a path: the same file always gets the same key, whether reached as text or bytes. */
function keyOf(path: SysPath): string {
  return typeof path === 'string' ? path : `\u0000${path.toString('latin1')}`;
}

function bytesOf(path: SysPath): Buffer {
  return typeof path === 'string' ? Buffer.from(path) : path;
}

/** Whether the real path `path` lies strictly inside the real folder `root`, compared as bytes. */
export function isInside(path: SysPath, root: SysPath): boolean {
  const p = bytesOf(path);
  const r = bytesOf(root);
  if (r.length === 1 && r[0] === 0x2f) return p.length > 1;
  return p.length > r.length + 1 && p[r.length] === 0x2f && p.subarray(0, r.length).equals(r);
}

/** A file or link the search cannot read; `link`: met as a symbolic link, so a missing target is a dangling link. */
function unreadable(file: string, error: unknown, link = false): Diagnostic {
  const code = (error as NodeJS.ErrnoException).code;
  let reason: string | ReturnType<typeof localized> = code ?? String(error);
  if (code === 'ELOOP') reason = localized('diag.reason.linkLoop');
  else if (code === 'ENOENT' && link) reason = localized('diag.reason.danglingLink');
  else if (code === 'EACCES' || code === 'EPERM') reason = localized('diag.reason.permission');
  return createDiagnostic('FILE_UNREADABLE', file, { reason });
}

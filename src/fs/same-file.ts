// Finds an output that names one of the command's inputs or another output (by device and inode, through links), before anything is written.
import { statSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { followLinks } from './write-output.js';

/** A path as the command knows it: `path` to look at (absolute, or `-`), `shown` to name it in messages. */
export interface NamedPath {
  path: string | Buffer;
  shown: string;
  /** `path` is the file's real path (no symbolic link in it), as a batch's discovery gives it. */
  real?: boolean;
}

/** Two names of one file: an output that is an input, or two outputs. */
export type SameFile = { kind: 'input'; output: NamedPath; input: NamedPath } | { kind: 'outputs'; output: NamedPath; other: NamedPath };

/**
 * The first output that is the same file as one of `inputs`, or as an earlier output; undefined
 * when none is. Existing files are compared by device and inode (so a symbolic or hard link to an
 * input counts); outputs that do not exist yet by the path they would be created at (links
 * followed, the folder's real path). `-` (standard output) is the same as another `-`. Inputs
 * that cannot be looked at are skipped: they fail when read.
 */
export async function findSameFile(outputs: readonly NamedPath[], inputs: readonly NamedPath[]): Promise<SameFile | undefined> {
  const keys: string[] = [];
  const files: { output: NamedPath; dev: number; ino: number; links: number; name: string }[] = [];
  for (const output of outputs) {
    const key = await identify(output.path);
    const earlier = keys.indexOf(key.key);
    if (earlier !== -1) return { kind: 'outputs', output, other: outputs[earlier] };
    keys.push(key.key);
    // Only an existing regular file can be an input: FIFOs and devices are never read as one.
    if (key.file) files.push({ output, ...key.file });
  }
  if (files.length === 0) return undefined;
  // A file with one link has one name: a real path can only lead to it under that name (by a
  // bind mount, say), so a real path with another name need not be looked at. A batch's inputs
  // are real paths, thousands of them, and looking at each took longer than discovering them.
  const oneName = files.every((f) => f.links === 1);
  const names = new Set(files.map((f) => f.name));
  for (const input of inputs) {
    if (input.path === '-') continue;
    if (oneName && input.real && !names.has(nameOf(input.path))) continue;
    let info;
    try {
      // Synchronous: a batch may have thousands of inputs, and this runs only when an output exists.
      info = statSync(input.path);
    } catch {
      continue;
    }
    const hit = files.find((f) => f.dev === info.dev && f.ino === info.ino);
    if (hit) return { kind: 'input', output: hit.output, input };
  }
  return undefined;
}

/** The identity of a path: `-`, a file by device and inode, or where a new file would be made. */
async function identify(path: string | Buffer): Promise<{ key: string; file?: { dev: number; ino: number; links: number; name: string } }> {
  if (path === '-') return { key: '-' };
  try {
    const info = await stat(path);
    // The name the file has where links lead (an output may be a link to an input).
    const real = info.nlink === 1 ? await realpath(path, { encoding: 'buffer' }).catch(() => undefined) : undefined;
    // Without its real name, the file is compared with every input (as one of several links is).
    const file = { dev: info.dev, ino: info.ino, links: real ? 1 : Math.max(2, info.nlink), name: real ? nameOf(real) : '' };
    return { key: `inode:${info.dev}:${info.ino}`, file: info.isFile() ? file : undefined };
  } catch {
    // Not there yet (or a dangling link): the path the output would create.
    const text = typeof path === 'string' ? path : path.toString('latin1');
    let end = resolve(text);
    try {
      end = await followLinks(end);
    } catch {
      /* a link loop: the write will say so */
    }
    let folder = dirname(end);
    try {
      folder = await realpath(folder);
    } catch {
      /* a missing folder: compare as written */
    }
    return { key: `path:${join(folder, basename(end))}` };
  }
}

/** The last part of a path, as bytes read as latin1 (so that names that are not UTF-8 compare too). */
function nameOf(path: string | Buffer): string {
  const bytes = typeof path === 'string' ? Buffer.from(path) : path;
  return basename(bytes.toString('latin1'));
}

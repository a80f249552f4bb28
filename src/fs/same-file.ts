// Finds an output that names one of the command's inputs or another output (by device and inode, through links), before anything is written.
import { statSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { followLinks } from './write-output.js';

/** A path as the command knows it: `path` to look at (absolute, or `-`), `shown` to name it in messages. */
export interface NamedPath {
  path: string | Buffer;
  shown: string;
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
  const files: { output: NamedPath; dev: number; ino: number }[] = [];
  for (const output of outputs) {
    const key = await identify(output.path);
    const earlier = keys.indexOf(key.key);
    if (earlier !== -1) return { kind: 'outputs', output, other: outputs[earlier] };
    keys.push(key.key);
    // Only an existing regular file can be an input: FIFOs and devices are never read as one.
    if (key.file) files.push({ output, dev: key.file.dev, ino: key.file.ino });
  }
  if (files.length === 0) return undefined;
  for (const input of inputs) {
    if (input.path === '-') continue;
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
async function identify(path: string | Buffer): Promise<{ key: string; file?: { dev: number; ino: number } }> {
  if (path === '-') return { key: '-' };
  try {
    const info = await stat(path);
    return { key: `inode:${info.dev}:${info.ino}`, file: info.isFile() ? { dev: info.dev, ino: info.ino } : undefined };
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

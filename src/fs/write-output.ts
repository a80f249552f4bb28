// Writes a command's output by what its path names: `-` standard output, a file or new path atomically, a device or FIFO through, a symlink's target.
import { closeSync, constants, fstatSync, openSync, writeSync } from 'node:fs';
import { lstat, mkdir, readlink } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { lineBytes, writeFileAtomic, type ContentProducer } from './write-atomic.js';

/** What an output holds: one text, bytes, lines to be joined by `\n`, or parts made while it is written. */
export type OutputContent = string | Uint8Array | Iterable<string> | ContentProducer;

/** Where `-` goes. */
export interface OutputStream {
  write(chunk: string): unknown;
}

/**
 * Why an output could not be written, as data: `directory` (a folder), `special` (a socket or a
 * block device, never written), `fifoNoReader` (a FIFO nobody opened for reading within the
 * wait), `linkLoop` (symbolic links that never end), `system` (the operating system said no:
 * `errno` says why).
 */
export type OutputFailure = 'directory' | 'special' | 'fifoNoReader' | 'linkLoop' | 'system';

/** An output that could not be written; nothing was written to it. */
export class OutputError extends Error {
  constructor(
    readonly reason: OutputFailure,
    readonly errno?: string,
  ) {
    super(errno ? `${reason} (${errno})` : reason);
    this.name = 'OutputError';
  }
}

/** How long a FIFO is given to get a reader before the write is given up (documented in the README). */
export const FIFO_WAIT_MS = 10_000;

/** Symbolic links followed before an output is called a loop (Linux's own limit is 40). */
const MAX_LINKS = 40;

/** Options of {@link writeOutput}. */
export interface WriteOutputOptions {
  /** Where `-` is written; required when `file` may be `-`. */
  stdout?: OutputStream;
  /** How long to wait for a FIFO's reader (default {@link FIFO_WAIT_MS}). */
  fifoWaitMs?: number;
  /** Create the folder of a new file when it is missing. */
  makeFolder?: boolean;
}

/**
 * Writes `content` to `file` (absolute, or `-`), choosing by what the path names:
 * - `-`: `options.stdout`;
 * - a regular file or a path that does not exist: replaced atomically (see writeFileAtomic),
 *   keeping the old file's permissions;
 * - a symbolic link: its target (followed to the end) is replaced atomically in the target's
 *   folder, so the link stays a link;
 * - a character device or a FIFO: opened and written through, never replaced (a FIFO waits up to
 *   `fifoWaitMs` for a reader, then fails with `fifoNoReader` rather than hang);
 * - a folder, a socket or a block device: {@link OutputError}, nothing written.
 * Throws {@link OutputError} or the error of the failed write (an `errno` code).
 */
export async function writeOutput(file: string, content: OutputContent, options: WriteOutputOptions = {}): Promise<void> {
  if (file === '-') {
    if (!options.stdout) throw new OutputError('system', 'ENOSTDOUT');
    if (typeof content === 'function') return produceToStream(options.stdout, content);
    const text = typeof content === 'string' ? content : content instanceof Uint8Array ? Buffer.from(content).toString('utf8') : Array.from(content).join('\n');
    options.stdout.write(text);
    return;
  }
  const target = await followLinks(resolve(file));
  const kind = await kindOf(target);
  if (kind.type === 'directory') throw new OutputError('directory');
  if (kind.type === 'special') throw new OutputError('special');
  if (kind.type === 'stream') {
    const written = await writeThrough(target, content, options.fifoWaitMs ?? FIFO_WAIT_MS);
    if (written) return;
    // Swapped for a regular file between the look and the open: replace it like one.
  }
  try {
    if (kind.type === 'missing' && options.makeFolder) await mkdir(dirname(target), { recursive: true });
    await writeFileAtomic(target, content, kind.type === 'file' ? { mode: kind.mode } : {});
  } catch (error) {
    throw systemError(error);
  }
}

/** What a path (not a link) is, as far as writing goes. */
type Kind = { type: 'missing' } | { type: 'file'; mode: number } | { type: 'directory' } | { type: 'stream' } | { type: 'special' };

async function kindOf(path: string): Promise<Kind> {
  try {
    const info = await lstat(path);
    if (info.isFile()) return { type: 'file', mode: info.mode & 0o7777 };
    if (info.isDirectory()) return { type: 'directory' };
    if (info.isFIFO() || info.isCharacterDevice()) return { type: 'stream' };
    return { type: 'special' };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { type: 'missing' };
    throw systemError(error);
  }
}

/**
 * Follows `path` while it is a symbolic link and returns the path it ends at (which may not
 * exist: a dangling link's output creates its target). Only the last component is followed; the
 * folders above are whatever the system makes of them, and the temporary file goes beside the end.
 */
export async function followLinks(path: string): Promise<string> {
  let current = path;
  for (let hops = 0; hops <= MAX_LINKS; hops++) {
    let isLink: boolean;
    try {
      isLink = (await lstat(current)).isSymbolicLink();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return current;
      throw systemError(error);
    }
    if (!isLink) return current;
    current = resolve(dirname(current), await readlink(current));
  }
  throw new OutputError('linkLoop');
}

/**
 * Opens a FIFO or character device without blocking and writes `content` through it. A FIFO
 * without a reader is retried until `waitMs` has passed. Returns false, writing nothing, when
 * the path turned out to be a regular file once opened (the caller replaces it instead).
 */
async function writeThrough(path: string, content: OutputContent, waitMs: number): Promise<boolean> {
  const flags = constants.O_WRONLY | constants.O_NONBLOCK | constants.O_NOCTTY;
  const deadline = Date.now() + waitMs;
  let fd: number;
  for (;;) {
    try {
      fd = openSync(path, flags);
      break;
    } catch (error) {
      // ENXIO: a FIFO that no process has open for reading (yet).
      if ((error as NodeJS.ErrnoException).code !== 'ENXIO') throw systemError(error);
      if (Date.now() >= deadline) throw new OutputError('fifoNoReader');
      await sleep(50);
    }
  }
  try {
    const info = fstatSync(fd);
    if (info.isFile()) return false;
    if (!info.isFIFO() && !info.isCharacterDevice()) throw new OutputError('special');
    if (typeof content === 'function') await produceThrough(path, content);
    else for (const part of parts(content)) await writeAll(fd, part);
    return true;
  } finally {
    closeSync(fd);
  }
}

/**
 * Runs a producer into a FIFO or device that has a reader. Its writes are synchronous, so the
 * path is opened again without O_NONBLOCK (at once: the reader is there) and the reader sets the pace.
 */
async function produceThrough(path: string, produce: ContentProducer): Promise<void> {
  const fd = openSync(path, constants.O_WRONLY | constants.O_NOCTTY);
  let failure: { error: unknown } | undefined;
  try {
    await produce((part) => {
      if (failure) return;
      const bytes = typeof part === 'string' ? Buffer.from(part) : part;
      try {
        for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset);
      } catch (error) {
        failure = { error };
      }
    });
  } finally {
    closeSync(fd);
  }
  if (failure) throw systemError(failure.error);
}

/** Runs a producer into a text stream (standard output), decoding its bytes as UTF-8 across parts. */
async function produceToStream(stream: OutputStream, produce: ContentProducer): Promise<void> {
  const decoder = new StringDecoder('utf8');
  await produce((part) => {
    const text = typeof part === 'string' ? part : decoder.write(Buffer.from(part.buffer, part.byteOffset, part.byteLength));
    if (text) stream.write(text);
  });
  const tail = decoder.end();
  if (tail) stream.write(tail);
}

/** The content as byte parts of up to 256 KiB (each written before the next is made), never as one joined string. */
function* parts(content: Exclude<OutputContent, ContentProducer>): Generator<Uint8Array> {
  if (typeof content === 'string') {
    yield Buffer.from(content);
    return;
  }
  if (content instanceof Uint8Array) {
    yield content;
    return;
  }
  yield* lineBytes(content);
}

/** Writes all of `bytes` to a non-blocking descriptor, waiting a little whenever the reader is behind. */
async function writeAll(fd: number, bytes: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw systemError(error);
      await sleep(5);
    }
  }
}

function systemError(error: unknown): Error {
  if (error instanceof OutputError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') return new OutputError('linkLoop');
  return code ? new OutputError('system', code) : (error as Error);
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

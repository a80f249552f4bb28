// Reads input files safely: opened without blocking, judged by fstat of the open descriptor, only regular files, never past a size limit.
import { close, closeSync, constants, fstat, fstatSync, open, openSync, read, readlinkSync, readSync, type PathLike, type Stats } from 'node:fs';
import { promisify } from 'node:util';

// The callback API, promisified, rather than node:fs/promises: that module loads eight more
// internal ones (readline among them) on every one-file command's start-up path.
const openAsync = promisify(open);
const fstatAsync = promisify(fstat);
const readAsync = promisify(read);
const closeAsync = promisify(close);

/** Why an input could not be read, as data (rendered by the caller). */
export type ReadFailure =
  | { reason: 'missing' }
  | { reason: 'directory' }
  /** A FIFO, a device or a socket: never read (a FIFO would wait for a writer, a device never end). */
  | { reason: 'special'; kind: SpecialKind }
  | { reason: 'tooLarge'; size: number; limit: number }
  | { reason: 'system'; errno: string };

/** What a special file is, for messages. */
export type SpecialKind = 'fifo' | 'characterDevice' | 'blockDevice' | 'socket';

/** The bytes of an input and which file they came from, or why not. */
export type InputBytes = { ok: true; bytes: Buffer; dev: number; ino: number } | { ok: false; failure: ReadFailure };

/**
 * O_NONBLOCK: opening a FIFO for reading does not wait for a writer (it is then refused by its
 * fstat). O_NOCTTY: a terminal named as input never becomes the controlling one. Neither changes
 * how a regular file reads.
 */
const FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY;

/** A reusable read buffer: {@link readInputSync} grows it as needed (up to one byte past the limit). */
export interface Scratch {
  buffer: Buffer;
}

/**
 * Opens `path` and checks, on the open descriptor, that it is a regular file within `maxBytes`
 * (so a file swapped between a check and the open cannot slip through). Returns the descriptor
 * and its stats, or the failure (the descriptor then closed).
 */
export function openInputSync(path: PathLike, maxBytes: number): { ok: true; fd: number; info: Stats } | { ok: false; failure: ReadFailure } {
  let fd: number;
  try {
    fd = openSync(path, FLAGS);
  } catch (error) {
    return { ok: false, failure: failureOf(error) };
  }
  let info: Stats;
  try {
    info = fstatSync(fd);
  } catch (error) {
    closeSync(fd);
    return { ok: false, failure: failureOf(error) };
  }
  const refused = refusal(info, maxBytes);
  if (refused) {
    closeSync(fd);
    return { ok: false, failure: refused };
  }
  return { ok: true, fd, info };
}

/**
 * Reads a whole regular file of at most `maxBytes` synchronously. With `scratch`, the bytes are
 * read into its buffer (grown as needed) and the result is a view valid until the next call:
 * reading thousands of files each into a buffer of its own left glibc's heaps holding memory
 * long after they were freed. A file that grows past the limit while it is read is refused too.
 */
export function readInputSync(path: PathLike, maxBytes: number, scratch?: Scratch): InputBytes {
  const opened = openInputSync(path, maxBytes);
  if (!opened.ok) return opened;
  const { fd, info } = opened;
  try {
    const holder = scratch ?? { buffer: Buffer.allocUnsafe(Math.min(maxBytes + 1, Math.max(info.size + 1, 4096))) };
    let length = 0;
    for (;;) {
      if (length === holder.buffer.length) {
        if (holder.buffer.length > maxBytes) break;
        const bigger = Buffer.allocUnsafe(Math.min(Math.max(holder.buffer.length * 2, 4096), maxBytes + 1));
        holder.buffer.copy(bigger, 0, 0, length);
        holder.buffer = bigger;
      }
      const n = readSync(fd, holder.buffer, length, holder.buffer.length - length, null);
      if (n === 0) break;
      length += n;
      // All the bytes fstat saw: a batch reads thousands of files, and the read that finds the end
      // was one system call in five. A file that grew meanwhile is still read on to its end.
      if (length === info.size && info.isFile()) break;
    }
    if (length > maxBytes) return { ok: false, failure: { reason: 'tooLarge', size: Math.max(length, info.size), limit: maxBytes } };
    return { ok: true, bytes: holder.buffer.subarray(0, length), dev: info.dev, ino: info.ino };
  } catch (error) {
    return { ok: false, failure: failureOf(error) };
  } finally {
    closeSync(fd);
  }
}

/** {@link readInputSync} without blocking the thread (the reads go to the thread pool). */
export async function readInput(path: PathLike, maxBytes: number): Promise<InputBytes> {
  let fd: number;
  try {
    fd = await openAsync(path, FLAGS);
  } catch (error) {
    return { ok: false, failure: failureOf(error) };
  }
  try {
    const info = await fstatAsync(fd);
    const refused = refusal(info, maxBytes);
    if (refused) return { ok: false, failure: refused };
    const chunks: Buffer[] = [];
    let length = 0;
    // One byte past the limit is enough to know a file is too large.
    while (length <= maxBytes) {
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(info.size - length + 1, 65536), maxBytes + 1 - length));
      const { bytesRead } = await readAsync(fd, chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead));
      length += bytesRead;
    }
    if (length > maxBytes) return { ok: false, failure: { reason: 'tooLarge', size: Math.max(length, info.size), limit: maxBytes } };
    return { ok: true, bytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, length), dev: info.dev, ino: info.ino };
  } catch (error) {
    return { ok: false, failure: failureOf(error) };
  } finally {
    await closeAsync(fd);
  }
}

/** Reads a stream (standard input as `-`) to its end, refusing it once it passes `maxBytes`. */
export async function readStream(stream: NodeJS.ReadableStream, maxBytes: number): Promise<InputBytes> {
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer | string>) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      length += bytes.length;
      if (length > maxBytes) return { ok: false, failure: { reason: 'tooLarge', size: length, limit: maxBytes } };
      chunks.push(bytes);
    }
  } catch (error) {
    return { ok: false, failure: failureOf(error) };
  }
  return { ok: true, bytes: Buffer.concat(chunks, length), dev: 0, ino: 0 };
}

/**
 * Where an open descriptor really is, by the kernel's own record (Linux's /proc/self/fd), so a
 * folder swapped for a link between a check and the open cannot move a read elsewhere unseen.
 * Undefined where the system does not say.
 */
export function pathOfDescriptor(fd: number): Buffer | undefined {
  try {
    return readlinkSync(`/proc/self/fd/${fd}`, { encoding: 'buffer' });
  } catch {
    return undefined;
  }
}

/** The failure for an opened file that is not a regular file within the limit, if any. */
function refusal(info: Stats, maxBytes: number): ReadFailure | undefined {
  if (info.isFile()) return info.size > maxBytes ? { reason: 'tooLarge', size: info.size, limit: maxBytes } : undefined;
  if (info.isDirectory()) return { reason: 'directory' };
  return { reason: 'special', kind: specialKind(info) };
}

function specialKind(info: Stats): SpecialKind {
  if (info.isFIFO()) return 'fifo';
  if (info.isCharacterDevice()) return 'characterDevice';
  if (info.isBlockDevice()) return 'blockDevice';
  return 'socket';
}

/** The failure for an error of open, fstat or read. */
export function failureOf(error: unknown): ReadFailure {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { reason: 'missing' };
  if (code === 'EISDIR') return { reason: 'directory' };
  // A socket cannot be opened at all: ENXIO says so.
  if (code === 'ENXIO') return { reason: 'special', kind: 'socket' };
  return { reason: 'system', errno: code ?? String(error) };
}

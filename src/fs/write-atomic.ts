// Writes files so that a crash leaves either the old complete file or the new one, never half of either.
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

let counter = 0;

function tempNameFor(file: string): string {
  // Same folder as the target, so the rename never crosses file systems. pid + counter make the
  // name unique within this machine, the random part across machines sharing a folder; the file
  // is opened with 'wx', so a clash fails instead of overwriting.
  const unique = `${process.pid}.${++counter}.${Math.random().toString(36).slice(2, 10)}`;
  return join(dirname(file), `.${basename(file)}.${unique}.tmp`);
}

/**
/**
 * Content produced while it is written: the function is given `write`, which appends a part (text,
 * or bytes it may reuse once `write` returns) to the file at once, synchronously; the file is
 * complete when the returned promise settles. A write that fails makes the later ones do nothing;
 * the error is raised when the producer is done.
 */
export type ContentProducer = (write: (part: string | Uint8Array) => void) => Promise<void>;

/**
 * Writes `content` to a temporary file beside `file`, flushes it to disk, then renames it over
 * `file`. Lines (`string[]`) are written joined by `
`, a part at a time, never as one string;
 * a {@link ContentProducer} writes its parts as it makes them. `mode` gives the new file those
 * permissions (the file it replaces had them); otherwise 0644 less the umask. Callers that may
 * meet a link, device or FIFO go through writeOutput instead.
 */
export async function writeFileAtomic(
  file: string,
  content: string | Uint8Array | Iterable<string> | ContentProducer,
  options: { mode?: number } = {},
): Promise<void> {
  const temp = tempNameFor(file);
  const handle = await open(temp, 'wx', 0o644);
  try {
    if (options.mode !== undefined) await handle.chmod(options.mode);
    if (typeof content === 'string' || content instanceof Uint8Array) await handle.writeFile(content);
    else if (typeof content === 'function') await produceInto(handle, content);
    else await writeLines(handle, content);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/**
 * Writes lines joined by `\n` in parts (see {@link lineBytes}), taking them as they come (a
 * generator's lines are never all held). The parts are written synchronously: each is a copy
 * into the page cache, and a round trip to the thread pool per part left the caller idle longer
 * than the writing took. (The flush to disk stays asynchronous.) Between two parts the thread
 * takes its other callbacks: another output's flush, close and rename (replacing a file of a
 * hundred megabytes takes the system a tenth of a second) then go on in the thread pool while
 * these lines are made, rather than after them.
 */
async function writeLines(handle: FileHandle, lines: Iterable<string>): Promise<void> {
  for (const bytes of lineBytes(lines)) {
    for (let offset = 0; offset < bytes.length; ) offset += writeSync(handle.fd, bytes, offset);
    await new Promise((resolveTurn) => setImmediate(resolveTurn));
  }
}

/** The size of the buffer {@link lineBytes} encodes into. */
const LINE_PART_BYTES = 1 << 18;

/**
 * Lines joined by `\n` as UTF-8, in parts of up to 256 KiB: together the bytes of `join('\n')`.
 * Each line is encoded on its own into one buffer, and each part is a view of it, valid until
 * the next part is asked for: write it before. Joining the lines into strings of 64 K characters
 * first cost eight times the encoding (V8 copies such a string flat before it encodes it).
 */
export function* lineBytes(lines: Iterable<string>): Generator<Uint8Array> {
  const buffer = Buffer.allocUnsafe(LINE_PART_BYTES);
  let at = 0;
  let first = true;
  for (const line of lines) {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit; one more for the line break.
    const most = line.length * 3 + 1;
    if (at + most > LINE_PART_BYTES && at > 0) {
      yield buffer.subarray(0, at);
      at = 0;
    }
    if (!first) buffer[at++] = 0x0a;
    first = false;
    if (at + most > LINE_PART_BYTES) {
      // A line longer than the buffer: its own part (after the line break, if any, before it).
      if (at > 0) yield buffer.subarray(0, at);
      at = 0;
      yield Buffer.from(line);
      continue;
    }
    at += buffer.write(line, at);
  }
  if (at > 0) yield buffer.subarray(0, at);
}

/**
 * Runs a producer with a `write` that appends to the file (see {@link ContentProducer}). Each part
 * is encoded into one buffer kept for the whole file: a new buffer per part was, for a batch
 * summary of a hundred megabytes, slower than making the text.
 */
async function produceInto(handle: FileHandle, produce: ContentProducer): Promise<void> {
  let failure: { error: unknown } | undefined;
  let scratch = Buffer.allocUnsafe(1 << 18);
  // A long file is flushed to disk as it grows, in the background, so that the flush at the end
  // (which the caller waits for) finds little left: a batch summary of a hundred megabytes
  // otherwise waited a quarter of a second for the disk after all the work was done.
  let unflushed = 0;
  let flushing: Promise<void> | undefined;
  await produce((part) => {
    if (failure) return;
    try {
      let bytes: Uint8Array;
      if (typeof part === 'string') {
        // UTF-8 takes at most 3 bytes per UTF-16 code unit.
        if (part.length * 3 > scratch.length) scratch = Buffer.allocUnsafe(part.length * 3);
        bytes = scratch.subarray(0, scratch.write(part, 0, 'utf8'));
      } else bytes = part;
      for (let offset = 0; offset < bytes.length; ) offset += writeSync(handle.fd, bytes, offset, bytes.length - offset);
      unflushed += bytes.length;
      if (unflushed >= FLUSH_EVERY && !flushing) {
        unflushed = 0;
        flushing = handle.datasync().then(
          () => (flushing = undefined),
          (error: unknown) => {
            failure ??= { error };
            flushing = undefined;
          },
        );
      }
    } catch (error) {
      failure = { error };
    }
  });
  await flushing;
  if (failure) throw failure.error;
}

/** Bytes written between two background flushes of a produced file. */
const FLUSH_EVERY = 8 << 20;

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
 * Writes `content` to a temporary file beside `file`, flushes it to disk, then renames it over
 * `file`. Lines (`string[]`) are written joined by `\n`, a part at a time, never as one string.
 * `mode` gives the new file those permissions (the file it replaces had them); otherwise 0644
 * less the umask. Callers that may meet a link, device or FIFO go through writeOutput instead.
 */
export async function writeFileAtomic(file: string, content: string | Uint8Array | readonly string[], options: { mode?: number } = {}): Promise<void> {
  const temp = tempNameFor(file);
  const handle = await open(temp, 'wx', 0o644);
  try {
    if (options.mode !== undefined) await handle.chmod(options.mode);
    if (typeof content === 'string' || content instanceof Uint8Array) await handle.writeFile(content);
    else writeLines(handle, content);
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
 * Writes lines joined by `\n` in parts of about 64 K characters. The parts are written
 * synchronously: each is a copy into the page cache, and a round trip to the thread pool per part
 * left the caller idle longer than the writing took. (The flush to disk stays asynchronous.)
 */
function writeLines(handle: FileHandle, lines: readonly string[]): void {
  let part = '';
  for (let i = 0; i < lines.length; i++) {
    part += i === 0 ? lines[i] : '\n' + lines[i];
    if (part.length >= 65536 || i === lines.length - 1) {
      const bytes = Buffer.from(part);
      for (let offset = 0; offset < bytes.length; ) offset += writeSync(handle.fd, bytes, offset);
      part = '';
    }
  }
}

// The one lock every command that writes an answer file takes (run, review, evidence, migrate, init), its refusal as a message, and the interactive session that holds it.
import { makeVisible } from '../util/safe-text.js';
import { translate } from '../i18n/translate.js';
import { statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, isAbsolute, relative } from 'node:path';
import type { Lang } from '../i18n/lang.js';
import { acquireLock, type HeldLock, type LockOptions, type LockResult } from '../walk/lock.js';
import { followLinks } from '../fs/write-output.js';
import { formatLocalTime } from '../util/local-time.js';
import { describeWriteFailure } from './outputs.js';

/** Whether writing an answer file to `path` needs the lock: a regular file (also through links) or a new path, not a FIFO or device. */
export function locksAsAnswerFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

/** The lock, or the message saying why it cannot be had (in the command's language). */
export type AnswerLock = { ok: true; lock: HeldLock } | { ok: false; message: string };

/**
 * Locks the answer file `absolute` (shown as `shown`) for writing: its `.lock` beside the file a
 * symbolic link leads to, so two names of one file share one lock; the folder is made first.
 * `held` words the refusal when a live owner holds it (run has its own wording).
 */
export async function lockAnswerFile(
  absolute: string,
  shown: string,
  lang: Lang,
  options: { lock?: LockOptions; held?: (params: Record<string, string | number>) => string; cwd?: string } = {},
): Promise<AnswerLock> {
  let target = absolute;
  try {
    target = await followLinks(absolute);
    await mkdir(dirname(target), { recursive: true });
  } catch {
    /* a loop or an unwritable folder: the lock (or the write after it) says so */
  }
  // A file made read-only (no one may write it: a submission the office froze) is never rewritten:
  // the rename every save is made by would replace it regardless of its permissions.
  const mode = existingMode(target);
  if (mode !== undefined && (mode & 0o222) === 0) return { ok: false, message: translate(lang, 'lock.readOnly', { file: makeVisible(shown) }) };
  let got: LockResult;
  try {
    got = acquireLock(target, options.lock);
  } catch (error) {
    const reason = describeWriteFailure(error, lang);
    return { ok: false, message: translate(lang, 'lock.cannotCreate', { lock: makeVisible(`${shown}.lock`), reason }) };
  }
  if (got.ok) return got;
  const params = {
    file: makeVisible(shown),
    // As a person reads them: the lock from the working folder, the time in local time.
    lock: makeVisible(options.cwd !== undefined ? shownPath(options.cwd, got.file) : got.file),
    pid: got.holder?.pid ?? '?',
    host: makeVisible(got.holder?.hostname ?? '?'),
    since: makeVisible(got.holder?.startedAt !== undefined ? formatLocalTime(got.holder.startedAt) : '?'),
  };
  if (got.notAFile) return { ok: false, message: translate(lang, 'lock.notAFile', params) };
  if (!got.holder) return { ok: false, message: translate(lang, 'lock.heldUnknown', params) };
  return { ok: false, message: options.held ? options.held(params) : translate(lang, 'lock.held', params) };
}

/** `file` relative to `cwd` when it lies inside it, else as it is (absolute). */
export function shownPath(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

/** What an interactive command holds while it walks: the abort signal for its prompts and its lock. */
export interface WalkSession {
  /** Aborted by SIGINT, SIGTERM or SIGHUP: the prompt in progress ends and the walk saves and leaves. */
  signal: AbortSignal;
  /** The lock to release on every exit, `process.exit` included. */
  hold(lock: HeldLock): void;
  /** Releases the lock and removes the handlers: call in `finally`. */
  end(): void;
}

/**
 * Starts an interactive session (`run`, `review`). SIGINT between prompts (the terminal is not in
 * raw mode then) and SIGTERM/SIGHUP abort the prompt in progress, so every exit goes through the
 * same path: what was entered kept, the lock removed.
 */
export function startWalkSession(): WalkSession {
  const abort = new AbortController();
  const onSignal = (): void => abort.abort();
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const s of signals) process.on(s, onSignal);
  let lock: HeldLock | undefined;
  const releaseOnExit = (): void => lock?.release();
  process.on('exit', releaseOnExit);
  return {
    signal: abort.signal,
    hold: (held) => {
      lock = held;
    },
    end: () => {
      lock?.release();
      process.removeListener('exit', releaseOnExit);
      for (const s of signals) process.removeListener(s, onSignal);
    },
  };
}

/** The permission bits of an existing regular file; undefined when there is none. */
function existingMode(path: string): number | undefined {
  try {
    const info = statSync(path);
    return info.isFile() ? info.mode : undefined;
  } catch {
    return undefined;
  }
}

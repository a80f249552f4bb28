// The `<answers>.lock` file that keeps two `run`s from editing one answer file, taken over when its owner is gone.
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname as osHostname } from 'node:os';

/** What a lock file records about its owner. */
export interface LockInfo {
  pid: number;
  hostname: string;
  /** ISO 8601 start time. */
  startedAt: string;
}

/** A lock we hold. */
export interface HeldLock {
  file: string;
  info: LockInfo;
  /** True when a stale lock (dead owner, or too old) was replaced. */
  tookOver?: LockInfo;
  /** Removes the lock if it is still ours; safe to call more than once. */
  release(): void;
}

/** The outcome of trying to lock. */
export type LockResult = { ok: true; lock: HeldLock } | { ok: false; holder: LockInfo | undefined; file: string };

/** Options, mostly for tests. */
export interface LockOptions {
  pid?: number;
  hostname?: string;
  now?: Date;
  /** A lock older than this is taken over whatever its pid (a forgotten terminal, a reboot). */
  staleAfterMs?: number;
  /** Whether a pid on this host is alive; defaults to `process.kill(pid, 0)`. */
  isAlive?: (pid: number) => boolean;
}

/** Twelve hours: longer than any sitting, shorter than "left it locked overnight". */
export const DEFAULT_STALE_MS = 12 * 60 * 60 * 1000;

/** The lock file of an answer file. */
export function lockFileFor(answersFile: string): string {
  return `${answersFile}.lock`;
}

/** Whether a process exists: signal 0 checks without sending anything; EPERM means it exists. */
export function isPidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** Reads a lock file; undefined when it is missing or not ours to understand. */
export function readLock(file: string): LockInfo | undefined {
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockInfo>;
    if (typeof info.pid === 'number' && typeof info.hostname === 'string' && typeof info.startedAt === 'string') {
      return info as LockInfo;
    }
  } catch {
    /* missing or unreadable: handled by the caller */
  }
  return undefined;
}

/**
 * Whether a lock can be taken over: its owner on this host is dead, or it is older than the
 * stale limit. An unreadable lock counts as stale once it is a few seconds old (a crash while
 * writing it); a fresh one may be another run writing it right now.
 */
function isStale(file: string, info: LockInfo | undefined, options: Required<Omit<LockOptions, 'now'>> & { now: Date }): boolean {
  if (!info) {
    try {
      return options.now.getTime() - statSync(file).mtimeMs > 5000;
    } catch {
      return true;
    }
  }
  const started = Date.parse(info.startedAt);
  if (!Number.isFinite(started) || options.now.getTime() - started > options.staleAfterMs) return true;
  // A pid on another host (a shared folder) cannot be checked: only age frees such a lock.
  return info.hostname === options.hostname && !options.isAlive(info.pid);
}

/**
 * Creates the lock with the `wx` flag (fails if it exists), so two runs can never both win.
 * A stale lock is removed and creation retried once.
 */
export function acquireLock(answersFile: string, options: LockOptions = {}): LockResult {
  const opts = {
    pid: options.pid ?? process.pid,
    hostname: options.hostname ?? osHostname(),
    now: options.now ?? new Date(),
    staleAfterMs: options.staleAfterMs ?? DEFAULT_STALE_MS,
    isAlive: options.isAlive ?? isPidAlive,
  };
  const file = lockFileFor(answersFile);
  const info: LockInfo = { pid: opts.pid, hostname: opts.hostname, startedAt: opts.now.toISOString() };
  const content = JSON.stringify(info) + '\n';
  let tookOver: LockInfo | undefined;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o644);
      try {
        writeSync(fd, content);
      } finally {
        closeSync(fd);
      }
      return { ok: true, lock: makeHeld(file, info, content, tookOver) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readLock(file);
    if (attempt > 0 || !isStale(file, holder, opts)) return { ok: false, holder, file };
    tookOver = holder ?? { pid: 0, hostname: '?', startedAt: '?' };
    try {
      unlinkSync(file);
    } catch {
      /* another run removed it first; the retry decides */
    }
  }
  return { ok: false, holder: readLock(file), file };
}

function makeHeld(file: string, info: LockInfo, content: string, tookOver: LockInfo | undefined): HeldLock {
  let released = false;
  return {
    file,
    info,
    tookOver,
    release() {
      if (released) return;
      released = true;
      try {
        // Only remove our own lock: if it was taken over meanwhile, it is someone else's now.
        if (readFileSync(file, 'utf8') === content) unlinkSync(file);
      } catch {
        /* already gone */
      }
    },
  };
}

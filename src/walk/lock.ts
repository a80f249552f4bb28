// The `<answers>.lock` file that keeps two commands from editing one answer file, taken over when its owner is gone.
import { closeSync, lstatSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname as osHostname } from 'node:os';
import { readInputSync } from '../fs/read-input.js';

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

/**
 * The outcome of trying to lock: held by another (`holder` when its lock can be read), or
 * `notAFile` when something else (a folder, a FIFO) sits where the lock file goes.
 */
export type LockResult = { ok: true; lock: HeldLock } | { ok: false; holder: LockInfo | undefined; file: string; notAFile?: boolean };

/** Options, mostly for tests. */
export interface LockOptions {
  pid?: number;
  hostname?: string;
  now?: Date;
  /** A lock older than this is taken over whatever its pid (a forgotten terminal, a reboot). */
  staleAfterMs?: number;
  /** Whether a pid on this host is alive; defaults to `process.kill(pid, 0)`. */
  isAlive?: (pid: number) => boolean;
  /** When the process with this pid on this host started (ms since the epoch), if the system says; defaults to {@link processStartTime}. */
  processStart?: (pid: number) => number | undefined;
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

/**
 * When a process started, in ms since the epoch, from Linux's /proc (its start in clock ticks
 * after boot, and the boot time); undefined elsewhere or for a process that is gone. The tick is
 * USER_HZ, 100 on every Linux that Node runs on.
 */
export function processStartTime(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]);
    const boot = /^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'));
    if (!Number.isFinite(ticks) || !boot) return undefined;
    return Number(boot[1]) * 1000 + ticks * 10;
  } catch {
    return undefined;
  }
}

/** Reads a lock file (never waiting on a FIFO, never more than a few KiB); undefined when it is missing or not ours to understand. */
export function readLock(file: string): LockInfo | undefined {
  try {
    const read = readInputSync(file, 4096);
    if (!read.ok) return undefined;
    const info = JSON.parse(read.bytes.toString('utf8')) as Partial<LockInfo>;
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
  if (info.hostname !== options.hostname) return false;
  if (!options.isAlive(info.pid)) return true;
  // A live process with that pid is the owner only if it was already running when the lock was
  // taken: PID 1 is always alive in a container, and a restarted container (same host name) or
  // a reused pid has started since. A second's slack for clocks and rounding.
  const processStarted = options.processStart(info.pid);
  return processStarted !== undefined && processStarted > started + 1000;
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
    processStart: options.processStart ?? processStartTime,
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
    if (!isRegularOrGone(file)) return { ok: false, holder: undefined, file, notAFile: true };
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

/** Whether the lock path is a regular file (or gone since): a folder or FIFO there is no lock anyone can take over. */
function isRegularOrGone(file: string): boolean {
  try {
    return lstatSync(file).isFile();
  } catch {
    return true;
  }
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
        const read = readInputSync(file, 4096);
        if (read.ok && read.bytes.toString('utf8') === content) unlinkSync(file);
      } catch {
        /* already gone */
      }
    },
  };
}

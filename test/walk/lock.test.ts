// The <answers>.lock file: refused while a live run holds it, taken over when its owner is gone or it is stale.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireLock, isPidAlive, lockFileFor, processStartTime, readLock } from '../../src/walk/lock.js';
import { makeTempDir } from './helpers.js';

/** A pid that does not exist: above Linux's pid_max default range and checked. */
function deadPid(): number {
  for (let pid = 4_000_000; pid < 4_000_100; pid++) if (!isPidAlive(pid)) return pid;
  throw new Error('no dead pid found');
}

describe('answer file lock', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let answers: string;
  beforeEach(() => {
    tmp = makeTempDir('wangxin-lock-');
    answers = join(tmp.dir, 'a.yaml');
  });
  afterEach(() => tmp.remove());

  it('creates <answers>.lock with pid, hostname and start time, and removes it on release', () => {
    const got = acquireLock(answers, { now: new Date('2026-05-01T08:00:00Z') });
    expect(got.ok).toBe(true);
    if (!got.ok) return;
    expect(got.lock.file).toBe(lockFileFor(answers));
    expect(readLock(got.lock.file)).toEqual({ pid: process.pid, hostname: hostname(), startedAt: '2026-05-01T08:00:00.000Z' });
    got.lock.release();
    expect(existsSync(got.lock.file)).toBe(false);
    got.lock.release(); // twice is harmless
  });

  it('refuses while a live process on this host holds it', () => {
    const first = acquireLock(answers);
    expect(first.ok).toBe(true);
    const second = acquireLock(answers, { pid: process.pid + 1 });
    expect(second.ok).toBe(false);
    if (!second.ok) expect(second.holder?.pid).toBe(process.pid);
    if (first.ok) first.lock.release();
    expect(acquireLock(answers).ok).toBe(true);
  });

  it('takes over a lock whose process is gone (ESRCH)', () => {
    const pid = deadPid();
    writeFileSync(lockFileFor(answers), JSON.stringify({ pid, hostname: hostname(), startedAt: new Date().toISOString() }));
    const got = acquireLock(answers);
    expect(got.ok).toBe(true);
    if (!got.ok) return;
    expect(got.lock.tookOver?.pid).toBe(pid);
    expect(readLock(got.lock.file)?.pid).toBe(process.pid);
  });

  it('takes over a lock older than the stale limit even if its pid is alive', () => {
    writeFileSync(lockFileFor(answers), JSON.stringify({ pid: process.pid, hostname: hostname(), startedAt: '2026-01-01T00:00:00Z' }));
    const got = acquireLock(answers, { now: new Date('2026-01-01T13:00:00Z'), pid: 42 });
    expect(got.ok).toBe(true);
    const fresh = acquireLock(answers, { now: new Date('2026-01-01T13:00:01Z'), pid: 43, isAlive: () => true, processStart: () => undefined });
    expect(fresh.ok).toBe(false);
  });

  it('judges a live pid on this host by when it started: PID 1 of a restarted container is not the owner', () => {
    // A container's PID 1 took the lock; the container was restarted (same host name), and its new PID 1 is alive.
    writeFileSync(lockFileFor(answers), JSON.stringify({ pid: 1, hostname: hostname(), startedAt: '2026-05-01T08:00:00.000Z' }));
    const at = { now: new Date('2026-05-01T09:00:00Z'), isAlive: () => true };
    const restarted = acquireLock(answers, { ...at, processStart: () => Date.parse('2026-05-01T08:30:00Z') });
    expect(restarted.ok).toBe(true);
    if (restarted.ok) expect(restarted.lock.tookOver?.pid).toBe(1);
    // The PID 1 that took it and still runs (it started before the lock) keeps it.
    writeFileSync(lockFileFor(answers), JSON.stringify({ pid: 1, hostname: hostname(), startedAt: '2026-05-01T08:00:00.000Z' }));
    expect(acquireLock(answers, { ...at, processStart: () => Date.parse('2026-05-01T07:00:00Z') }).ok).toBe(false);
  });

  it('reads the real start time of a process from /proc: this one started before now, PID 1 before this one', () => {
    const self = processStartTime(process.pid);
    expect(self).toBeDefined();
    expect(Math.abs(self! - (Date.now() - process.uptime() * 1000))).toBeLessThan(5_000);
    expect(processStartTime(1)!).toBeLessThanOrEqual(self! + 1000);
    // This machine's real PID 1, alive, started after a lock taken before it: the lock is taken over.
    writeFileSync(lockFileFor(answers), JSON.stringify({ pid: 1, hostname: hostname(), startedAt: new Date(processStartTime(1)! - 60_000).toISOString() }));
    expect(acquireLock(answers, { now: new Date(processStartTime(1)! + 60_000) }).ok).toBe(true);
  });

  it('a folder or FIFO where the lock file goes is reported as such, never waited on or taken for a holder', () => {
    mkdirSync(lockFileFor(answers));
    const got = acquireLock(answers, { now: new Date(Date.now() + 60_000) });
    expect(got).toMatchObject({ ok: false, notAFile: true, holder: undefined });
    rmSync(lockFileFor(answers), { recursive: true });
    execFileSync('mkfifo', [lockFileFor(answers)]);
    expect(acquireLock(answers)).toMatchObject({ ok: false, notAFile: true });
  });

  it('cannot check a pid on another host: such a lock holds until it is stale', () => {
    writeFileSync(lockFileFor(answers), JSON.stringify({ pid: deadPid(), hostname: 'other-host', startedAt: new Date().toISOString() }));
    const got = acquireLock(answers);
    expect(got.ok).toBe(false);
    if (!got.ok) expect(got.holder?.hostname).toBe('other-host');
  });

  it('does not remove a lock that another run has taken over since', () => {
    const got = acquireLock(answers);
    if (!got.ok) throw new Error('no lock');
    writeFileSync(got.lock.file, JSON.stringify({ pid: 7, hostname: 'h', startedAt: new Date().toISOString() }));
    got.lock.release();
    expect(readFileSync(got.lock.file, 'utf8')).toContain('"pid":7');
  });

  it('treats a fresh unreadable lock as held and an old one as stale', () => {
    writeFileSync(lockFileFor(answers), 'garbage');
    expect(acquireLock(answers).ok).toBe(false);
    expect(acquireLock(answers, { now: new Date(Date.now() + 60_000) }).ok).toBe(true);
  });
});

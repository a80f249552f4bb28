// Drives a real terminal (tmux) for the end-to-end tests of the interactive commands: sittings, keys, and waiting for what the screen shows.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The built executable. */
export const BIN = join(ROOT, 'bin', 'wangxin.js');
/** Whether tmux is on PATH (the terminal tests are skipped without it). */
export const HAS_TMUX = spawnSync('tmux', ['-V']).status === 0;

const TIMEOUT_MS = 15_000;
const SETTLE_MS = 60;

/** A tmux server of its own (`name` tells the test files apart), one session per sitting. */
export function tmuxDriver(name: string) {
  const SOCKET = `wangxin-${name}-${process.pid}`;
  /** The session of the current sitting; each sitting gets its own. */
  let session = 'wx0';

  function tmux(...args: string[]): string {
    // -u: the panes hold UTF-8 (Chinese) whatever the locale of the test runner.
    return execFileSync('tmux', ['-u', '-L', SOCKET, ...args], {
      encoding: 'utf8',
      env: { ...process.env, LANG: 'C.UTF-8' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }

  function screen(): string {
    try {
      return tmux('capture-pane', '-p', '-t', session);
    } catch {
      return '';
    }
  }

  /**
   * Polls the pane until `test` passes; fails with the last screen after the timeout instead of hanging.
   * inquirer draws a prompt before its key handlers are attached (they are effects run after the
   * first render), so a short settle time follows: a key sent in that gap would be lost.
   */
  async function waitFor(test: RegExp | string, timeout = TIMEOUT_MS): Promise<string> {
    const deadline = Date.now() + timeout;
    let last = '';
    while (Date.now() < deadline) {
      last = screen();
      if (typeof test === 'string' ? last.includes(test) : test.test(last)) {
        await new Promise((r) => setTimeout(r, SETTLE_MS));
        return last;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for ${String(test)}; the screen was:\n${last}`);
  }

  /** Polls until a file exists and returns its content. */
  async function waitForFile(file: string, timeout = TIMEOUT_MS): Promise<string> {
    const deadline = Date.now() + timeout;
    while (Date.now() < deadline) {
      if (existsSync(file)) {
        const text = readFileSync(file, 'utf8');
        if (text.endsWith('\n')) return text;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for ${file}; the screen was:\n${screen()}`);
  }

  /** Starts a sitting in a new session, `columns` wide (retried: a tmux server that is just exiting refuses briefly). */
  async function start(command: string, cwd: string, columns = 120): Promise<void> {
    session = `wx${Number(session.slice(2)) + 1}`;
    for (let attempt = 0; ; attempt++) {
      try {
        tmux('new-session', '-d', '-s', session, '-x', String(columns), '-y', '40', '-c', cwd, `${command}; sleep 60`);
        return;
      } catch (error) {
        if (attempt >= 10) throw error;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }

  function stop(): void {
    try {
      tmux('kill-server');
    } catch {
      /* already gone */
    }
  }

  return {
    screen,
    waitFor,
    waitForFile,
    start,
    stop,
    keys: (...k: string[]): void => void tmux('send-keys', '-t', session, ...k),
    type: (text: string): void => void tmux('send-keys', '-t', session, '-l', text),
    /** Ends the current sitting's session (the server stays). */
    endSitting: (): void => void tmux('kill-session', '-t', session),
    /** Removes the socket file tmux leaves behind after kill-server. */
    removeSocket: (): void => rmSync(join(process.env.TMUX_TMPDIR ?? '/tmp', `tmux-${process.getuid?.() ?? 0}`, SOCKET), { force: true }),
  };
}

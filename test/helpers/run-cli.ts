// Runs the CLI in-process (main with captured streams) or as the real binary, with the same result shape.
import { spawnSync } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';

/** What a CLI run produced. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The built executable. */
export const BIN = fileURLToPath(new URL('../../bin/wangxin.js', import.meta.url));

const BASE_ENV = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8', NO_COLOR: '1' };

/** Runs `main` in this process with captured output. */
export async function runInProcess(args: string[], env: Record<string, string | undefined> = {}, cwd = ROOT): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const stdin = new PassThrough() as PassThrough & { isTTY?: boolean };
  const code = await main(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin,
    env: { ...BASE_ENV, ...env },
    cwd,
  });
  return { code, stdout, stderr };
}

/** Runs the built binary as a child process with no stdin. */
export function runBinary(args: string[], env: Record<string, string | undefined> = {}, cwd = ROOT): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...BASE_ENV, ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

// Inputs that are not regular files or are too big: FIFOs, devices and sockets are located errors at once, every read keeps its size limit.
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRun } from '../../src/cli/run.js';
import { captureContext } from '../helpers/command-context.js';
import { createScriptedPrompter } from '../../src/walk/scripted-prompter.js';
import { BIN, ROOT, runInProcess } from '../helpers/run-cli.js';

const EXAMPLE = join(ROOT, 'examples/answers/township.yaml');
/** A command that waits on its input or reads a device forever is stopped here (and fails the test). */
const TIMEOUT_MS = 20_000;
let tmp = '';

/**
 * Runs the built binary with its address space capped (a command reading /dev/zero once grew to
 * 24 GB and stalled the machine: capped, it dies instead) and a time limit.
 */
function runCapped(args: string[], cwd: string, input?: string): { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; ms: number } {
  const started = Date.now();
  const quoted = [BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('bash', ['-c', `ulimit -v 3000000; exec "${process.execPath}" ${quoted}`], {
    cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'en_US.UTF-8', NO_COLOR: '1' },
    encoding: 'utf8',
    input,
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    timeout: TIMEOUT_MS,
    killSignal: 'SIGKILL',
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - started };
}

function node(path: string, kind: 'fifo' | 'zero' | 'null'): string {
  if (kind === 'fifo') execFileSync('mkfifo', [path]);
  else execFileSync('mknod', [path, 'c', '1', kind === 'zero' ? '5' : '3']);
  return path;
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'wangxin-inputs-'));
  copyFileSync(EXAMPLE, join(tmp, 'a.yaml'));
  node(join(tmp, 'fifo.yaml'), 'fifo');
  node(join(tmp, 'zero.yaml'), 'zero');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('a FIFO or a device as input is refused at once (FILE_NOT_REGULAR), never waited on or read', () => {
  it.each([
    ['validate', ['validate', 'fifo.yaml']],
    ['validate', ['validate', 'zero.yaml']],
    ['score', ['score', 'fifo.yaml']],
    ['score', ['score', 'zero.yaml']],
    ['compare', ['compare', 'a.yaml', 'fifo.yaml']],
    ['migrate', ['migrate', 'zero.yaml', '--to', 'county-cyber-2018']],
    ['evidence', ['evidence', 'fifo.yaml']],
    ['score --checklist', ['score', 'a.yaml', '--checklist', './fifo.yaml']],
  ])('%s %j: exit 2', (_label, args) => {
    const r = runCapped(args, tmp);
    expect(r.signal, `killed after ${r.ms} ms: ${r.stderr.slice(0, 300)}`).toBeNull();
    expect(r.code, r.stderr.slice(0, 500)).toBe(2);
    expect(r.stderr).toMatch(/FILE_NOT_REGULAR/);
    expect(r.stderr).toMatch(/not a regular file \(it is a (FIFO \(named pipe\)|character device)\)/);
  });

  it('batch: given directly or found in a folder, each is a failing file, and the rest is scored', () => {
    const dir = join(tmp, 'batch');
    mkdirSync(dir);
    copyFileSync(EXAMPLE, join(dir, 'ok.yaml'));
    node(join(dir, 'pipe.yaml'), 'fifo');
    node(join(dir, 'dev.yaml'), 'zero');
    const r = runCapped(['batch', 'batch', 'zero.yaml', '--format', 'json', '--jobs', '1'], tmp);
    expect(r.signal, r.stderr.slice(0, 300)).toBeNull();
    expect(r.code, r.stderr.slice(0, 500)).toBe(1);
    const summary = JSON.parse(r.stdout) as { counts: { files: number; valid: number; unreadable: number }; files: { file: string; errors: { code: string }[] }[] };
    expect(summary.counts).toMatchObject({ files: 4, valid: 1, unreadable: 3 });
    for (const f of summary.files.filter((x) => x.file !== join('batch', 'ok.yaml'))) expect(f.errors[0].code, f.file).toBe('FILE_NOT_REGULAR');
  });

  it('a checklist that extends a FIFO says so on its extends line (exit 1), at once', () => {
    const dir = join(tmp, 'extends-fifo');
    mkdirSync(dir);
    node(join(dir, 'base.yaml'), 'fifo');
    writeFileSync(join(dir, 'mine.yaml'), 'schemaVersion: 1\nid: mine\nversion: 1.0.0\ntitle: 我的\nextends: ./base.yaml\n');
    const r = runCapped(['validate', join('extends-fifo', 'mine.yaml')], tmp);
    expect(r.signal, r.stderr.slice(0, 300)).toBeNull();
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toMatch(/mine\.yaml:5:\d+ .*EXTEND_BASE_UNREADABLE/);
    expect(r.stdout).toMatch(/not a regular file/);
  });

  it('run refuses an answer file that is a FIFO (exit 2) instead of waiting for a writer', async () => {
    const c = captureContext(tmp);
    const code = await runRun({ answers: 'fifo.yaml' }, c.ctx, { prompter: createScriptedPrompter([]) });
    expect(code).toBe(2);
    expect(c.err()).toMatch(/FILE_NOT_REGULAR/);
  }, 10_000);
});

describe('the size limit holds for every read', () => {
  it('a 200 MB base of an extends is refused by its size, not read whole', () => {
    const dir = join(tmp, 'extends-big');
    mkdirSync(dir);
    const fd = openSync(join(dir, 'base.yaml'), 'w');
    writeSync(fd, 'schemaVersion: 1\n');
    ftruncateSync(fd, 200 * 1024 * 1024); // sparse: no disk used
    closeSync(fd);
    writeFileSync(join(dir, 'mine.yaml'), 'schemaVersion: 1\nid: mine\nversion: 1.0.0\ntitle: 我的\nextends: ./base.yaml\n');
    const r = runCapped(['validate', join('extends-big', 'mine.yaml')], tmp);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toMatch(/EXTEND_BASE_UNREADABLE/);
    expect(r.stdout).toMatch(/file too large \(200\.0 MiB\); the limit is 10\.0 MiB/);
  });

  it('standard input as `-` is read within the same limit, for validate and score', () => {
    const text = readFileSync(EXAMPLE, 'utf8');
    const v = runCapped(['validate', '-'], tmp, text);
    expect(v.code, v.stderr).toBe(0);
    const s = runCapped(['score', '-', '--format', 'json'], tmp, text);
    expect(s.code, s.stderr).toBe(0);
    expect((JSON.parse(s.stdout) as { unit: { name: string } }).unit.name).toBe('某某镇党委');
    const big = runCapped(['validate', '-'], tmp, 'a: ' + 'x'.repeat(11 * 1024 * 1024) + '\n');
    expect(big.code).toBe(2);
    expect(big.stderr).toMatch(/FILE_TOO_LARGE/);
  });

  it('in-process, validate of a FIFO returns (the descriptor is never waited on)', async () => {
    const r = await runInProcess(['validate', '--format', 'json', join(tmp, 'fifo.yaml')], {}, tmp);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('FILE_NOT_REGULAR');
  }, 10_000);
});

describe('evidence is read only inside the answer file\'s folder, only as regular files, within its own limit', () => {
  const head = 'schemaVersion: 1\nchecklist: { id: county-cyber-2018, version: 1.0.0 }\nunit: { name: 某某镇党委, type: township }\nanswers:\n';

  it('a link leaving the folder is never hashed (no digest of what it points to is recorded)', () => {
    const dir = join(tmp, 'evidence-link');
    mkdirSync(join(dir, 'unit'), { recursive: true });
    writeFileSync(join(dir, 'secret.txt'), 'root:x:0:0');
    execFileSync('ln', ['-s', join(dir, 'secret.txt'), join(dir, 'unit', 'passwd.pdf')]);
    writeFileSync(join(dir, 'unit', 'a.yaml'), head + '  A1.1.1: { status: pass, evidence: [passwd.pdf] }\n');
    const r = runCapped(['evidence', join('evidence-link', 'unit', 'a.yaml')], tmp);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/passwd\.pdf is outside the answer file's folder/);
    const text = readFileSync(join(dir, 'unit', 'a.yaml'), 'utf8');
    expect(text).not.toMatch(/sha256/);
  });

  it('a FIFO or a device as evidence is a finding at once, for evidence and batch --verify-evidence', () => {
    const dir = join(tmp, 'evidence-fifo');
    mkdirSync(join(dir, 'unit'), { recursive: true });
    writeFileSync(join(dir, 'unit', 'a.pdf'), 'A');
    writeFileSync(join(dir, 'unit', 'a.yaml'), head + '  A1.1.1: { status: pass, evidence: [a.pdf, pipe.pdf, dev.pdf] }\n');
    node(join(dir, 'unit', 'pipe.pdf'), 'fifo');
    node(join(dir, 'unit', 'dev.pdf'), 'zero');
    const r = runCapped(['evidence', join('evidence-fifo', 'unit', 'a.yaml')], tmp);
    expect(r.signal, r.stderr).toBeNull();
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/pipe\.pdf is not a regular file/);
    expect(r.stderr).toMatch(/dev\.pdf is not a regular file/);
    const b = runCapped(['batch', '--verify-evidence', '--allow-incomplete', '--format', 'json', join('evidence-fifo', 'unit')], tmp);
    expect(b.signal, b.stderr).toBeNull();
    expect(b.code).toBe(1);
    const json = JSON.parse(b.stdout) as { files: { evidence?: { path: string; problem: string }[] }[] };
    expect(json.files[0].evidence?.map((e) => [e.path, e.problem])).toEqual([
      ['pipe.pdf', 'notRegular'],
      ['dev.pdf', 'notRegular'],
    ]);
  });

  it('evidence over its own size limit is refused by its size, not hashed', async () => {
    const { MAX_EVIDENCE_BYTES } = await import('../../src/evidence/evidence.js');
    expect(MAX_EVIDENCE_BYTES).toBe(2 * 1024 ** 3);
    const dir = join(tmp, 'evidence-big');
    mkdirSync(dir);
    const fd = openSync(join(dir, 'big.mp4'), 'w');
    ftruncateSync(fd, MAX_EVIDENCE_BYTES + 1); // sparse
    closeSync(fd);
    writeFileSync(join(dir, 'a.yaml'), head + '  A1.1.1: { status: pass, evidence: [big.mp4] }\n');
    const r = runCapped(['evidence', join('evidence-big', 'a.yaml')], tmp);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/big\.mp4 is larger than the 2\.0 GiB limit for evidence/);
    expect(r.ms).toBeLessThan(TIMEOUT_MS);
  });
});

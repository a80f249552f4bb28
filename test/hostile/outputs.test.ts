// Outputs aimed at devices, FIFOs, links and inputs: written through, target replaced, `-` on stdout, and an output that is an input refused.
import { spawn, execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRun } from '../../src/cli/run.js';
import { captureContext } from '../helpers/command-context.js';
import { createScriptedPrompter, type ScriptStep } from '../../src/walk/scripted-prompter.js';
import { ROOT, runInProcess } from '../helpers/run-cli.js';

const EXAMPLE = join(ROOT, 'examples/answers/township.yaml');
let tmp = '';
let n = 0;

/** A fresh folder inside the test's temporary folder, with a copy of the example answer file as a.yaml. */
function fresh(): string {
  const dir = join(tmp, `case-${++n}`);
  mkdirSync(dir);
  copyFileSync(EXAMPLE, join(dir, 'a.yaml'));
  return dir;
}

/** A character device like /dev/null (major 1, minor 3), made inside the test folder: writes vanish, and it is never the real one. */
function nullDevice(path: string): string {
  execFileSync('mknod', [path, 'c', '1', '3']);
  return path;
}

function fifo(path: string): string {
  execFileSync('mkfifo', [path]);
  return path;
}

function expectDevice(path: string): void {
  const info = lstatSync(path);
  expect(info.isCharacterDevice(), `${path} is still a character device`).toBe(true);
  expect(info.rdev).toBe(statSync(path).rdev);
}

/** Reads a FIFO with `cat` in a child process; resolves with what it read once the writer closes it. */
function readFifo(path: string): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn('cat', [path], { stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    child.on('error', fail);
    child.on('exit', () => done(text));
  });
}

/** Temporary files the atomic writer would leave behind. */
const strays = (dir: string): string[] => readdirSync(dir).filter((name) => name.endsWith('.tmp'));

/** `run` on an existing answer file, finishing at once (the example is complete). */
async function runFinish(cwd: string, report: string, answers = 'a.yaml'): Promise<{ code: number; out: string; err: string }> {
  const c = captureContext(cwd);
  const steps: ScriptStep[] = [{ select: '@finish' }];
  const code = await runRun({ answers, report, format: 'md' }, c.ctx, { prompter: createScriptedPrompter(steps), generatedAt: '2026-06-01T00:00:00Z' });
  return { code, out: c.out(), err: c.err() };
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'wangxin-outputs-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('an output that names a character device is written through, never replaced', () => {
  it('score --out, batch --out and --junit, compare --out, init --out, migrate --out, schema --out and run --report', async () => {
    const dir = fresh();
    mkdirSync(join(dir, 'sub'));
    copyFileSync(EXAMPLE, join(dir, 'sub', 'b.yaml'));
    const dev = (name: string): string => nullDevice(join(dir, name));
    const runs: [string, string[]][] = [
      ['score', ['score', 'a.yaml', '--out', dev('score-out'), '--format', 'md']],
      ['batch', ['batch', 'sub', '--format', 'json', '--out', dev('batch-out'), '--junit', dev('batch-junit')]],
      ['compare', ['compare', 'a.yaml', 'sub/b.yaml', '--out', dev('compare-out')]],
      ['init', ['init', '--unit-type', 'township', '--out', dev('init-out')]],
      ['migrate', ['migrate', 'a.yaml', '--to', 'county-cyber-2018', '--out', dev('migrate-out')]],
    ];
    for (const [label, args] of runs) {
      const r = await runInProcess(args, {}, dir);
      expect(r.code, `${label}: ${r.stderr}`).toBe(0);
    }
    mkdirSync(join(dir, 'schemas'));
    dev('schemas/checklist.schema.json');
    const s = await runInProcess(['schema', 'checklist', '--out', 'schemas'], {}, dir);
    expect(s.code, s.stderr).toBe(0);
    const r = await runFinish(dir, dev('run-report.md'));
    expect(r.code, r.err).toBe(0);
    for (const name of ['score-out', 'batch-out', 'batch-junit', 'compare-out', 'init-out', 'migrate-out', 'schemas/checklist.schema.json', 'run-report.md']) {
      expectDevice(join(dir, name));
    }
    expect(strays(dir)).toEqual([]);
  });
});

describe('an output that names a FIFO is written into it', () => {
  it('the reader gets the whole report, and the FIFO stays a FIFO', async () => {
    const dir = fresh();
    const pipe = fifo(join(dir, 'report.pipe'));
    const reading = readFifo(pipe);
    const r = await runInProcess(['score', 'a.yaml', '--out', pipe, '--format', 'json'], {}, dir);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(await reading) as { unit: { name: string }; score: number };
    expect(report.unit.name).toBe('某某镇党委');
    expect(lstatSync(pipe).isFIFO()).toBe(true);
  });

  it('batch writes its JUnit into a FIFO while the summary goes to a file', async () => {
    const dir = fresh();
    const pipe = fifo(join(dir, 'junit.pipe'));
    const reading = readFifo(pipe);
    const r = await runInProcess(['batch', 'a.yaml', '--out', 'summary.md', '--junit', pipe], {}, dir);
    expect(r.code, r.stderr).toBe(0);
    expect(await reading).toMatch(/^<\?xml[\s\S]*<\/testsuites>/);
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toContain('某某镇党委');
    expect(lstatSync(pipe).isFIFO()).toBe(true);
  });
});

describe('an output that is a symbolic link: the target is replaced, the link kept', () => {
  it('score --out through a link into another folder', async () => {
    const dir = fresh();
    mkdirSync(join(dir, 'real'));
    writeFileSync(join(dir, 'real', 'report.md'), 'old report\n');
    symlinkSync(join('real', 'report.md'), join(dir, 'link.md'));
    const r = await runInProcess(['score', 'a.yaml', '--out', 'link.md'], {}, dir);
    expect(r.code, r.stderr).toBe(0);
    expect(lstatSync(join(dir, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'link.md'))).toBe(join('real', 'report.md'));
    expect(readFileSync(join(dir, 'real', 'report.md'), 'utf8')).toContain('某某镇党委');
    expect(strays(dir)).toEqual([]);
    expect(strays(join(dir, 'real'))).toEqual([]);
  });

  it('a dangling link creates its target; a chain of links is followed to its end', async () => {
    const dir = fresh();
    mkdirSync(join(dir, 'real'));
    symlinkSync(join('real', 'new.md'), join(dir, 'dangling.md'));
    symlinkSync('dangling.md', join(dir, 'chain.md'));
    const r = await runInProcess(['batch', 'a.yaml', '--out', 'chain.md'], {}, dir);
    expect(r.code, r.stderr).toBe(0);
    expect(lstatSync(join(dir, 'chain.md')).isSymbolicLink()).toBe(true);
    expect(lstatSync(join(dir, 'dangling.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real', 'new.md'), 'utf8')).toContain('某某镇党委');
  });

  it('evidence rewrites a linked answer file in place, keeping the link', async () => {
    const dir = fresh();
    mkdirSync(join(dir, 'store'));
    const text = readFileSync(EXAMPLE, 'utf8').replace(/^ {2}A1\.1\.1: .*$/m, '  A1.1.1: { status: pass, evidence: [a.pdf] }');
    writeFileSync(join(dir, 'store', 'answers.yaml'), text);
    writeFileSync(join(dir, 'a.pdf'), 'pdf');
    symlinkSync(join('store', 'answers.yaml'), join(dir, 'mine.yaml'));
    const r = await runInProcess(['evidence', 'mine.yaml'], {}, dir);
    // 1: the example's other evidence files do not exist here; a.pdf does and gets its digest.
    expect(r.code, r.stderr).toBe(1);
    expect(lstatSync(join(dir, 'mine.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'store', 'answers.yaml'), 'utf8')).toMatch(/sha256: [0-9a-f]{64}/);
  });
});

describe('`-` is standard output for every writing option', () => {
  it('score, batch, compare, init, migrate, schema and run --report print instead of writing a file named -', async () => {
    const dir = fresh();
    const score = await runInProcess(['score', 'a.yaml', '--out', '-', '--format', 'json'], {}, dir);
    expect(score.code, score.stderr).toBe(0);
    expect((JSON.parse(score.stdout) as { score: number }).score).toBeGreaterThan(0);
    const batch = await runInProcess(['batch', 'a.yaml', '--out', '-', '--junit', 'j.xml'], {}, dir);
    expect(batch.code, batch.stderr).toBe(0);
    expect(batch.stdout).toContain('某某镇党委');
    const junitOut = await runInProcess(['batch', 'a.yaml', '--out', 's.md', '--junit', '-'], {}, dir);
    expect(junitOut.stdout).toMatch(/^<\?xml/);
    const compare = await runInProcess(['compare', 'a.yaml', 'a.yaml', '--out', '-'], {}, dir);
    expect(compare.code, compare.stderr).toBe(0);
    expect(compare.stdout).toContain('某某镇党委');
    const init = await runInProcess(['init', '--unit-type', 'township', '--out', '-'], {}, dir);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toMatch(/^# yaml-language-server/);
    const migrate = await runInProcess(['migrate', 'a.yaml', '--to', 'county-cyber-2018', '--out', '-'], {}, dir);
    expect(migrate.code, migrate.stderr).toBe(0);
    expect(migrate.stdout).toMatch(/^# yaml-language-server[\s\S]*^answers:/m);
    const schema = await runInProcess(['schema', 'answers', '--out', '-'], {}, dir);
    expect(schema.code, schema.stderr).toBe(0);
    expect(JSON.parse(schema.stdout)).toHaveProperty('$schema');
    const run = await runFinish(dir, '-');
    expect(run.code, run.err).toBe(0);
    expect(run.out).toContain('# ');
    expect(existsSync(join(dir, '-'))).toBe(false);
  });

  it('schema --out - without a name, and two outputs both on standard output, are usage errors', async () => {
    const dir = fresh();
    expect((await runInProcess(['schema', '--out', '-'], {}, dir)).code).toBe(2);
    const both = await runInProcess(['batch', 'a.yaml', '--out', '-', '--junit', '-', '--lang', 'en'], {}, dir);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/- \(--junit\) and - \(--out\) are the same file/);
  });
});

describe('an output that is an input, or two outputs naming one file, is refused before anything is written', () => {
  const refused = (r: { code: number; stderr: string }, ...names: string[]): void => {
    expect(r.code, r.stderr).toBe(2);
    for (const name of names) expect(r.stderr).toContain(name);
    expect(r.stderr).toMatch(/Nothing was written/);
  };

  it('score: the answer file itself, a symbolic link to it and a hard link to it', async () => {
    const dir = fresh();
    const before = readFileSync(join(dir, 'a.yaml'), 'utf8');
    symlinkSync('a.yaml', join(dir, 'sym.yaml'));
    linkSync(join(dir, 'a.yaml'), join(dir, 'hard.yaml'));
    for (const out of ['a.yaml', 'sym.yaml', 'hard.yaml']) {
      refused(await runInProcess(['score', 'a.yaml', '--out', out, '--format', 'md', '--lang', 'en'], {}, dir), out, 'a.yaml', '--out');
    }
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe(before);
  });

  it('batch: a submission found in the folder, the --checklist file, and --out and --junit naming one file', async () => {
    const dir = fresh();
    mkdirSync(join(dir, 'in'));
    copyFileSync(EXAMPLE, join(dir, 'in', 't.yaml'));
    const before = readFileSync(join(dir, 'in', 't.yaml'), 'utf8');
    refused(await runInProcess(['batch', 'in', '--format', 'md', '--out', join('in', 't.yaml'), '--lang', 'en'], {}, dir), join('in', 't.yaml'));
    expect(readFileSync(join(dir, 'in', 't.yaml'), 'utf8')).toBe(before);
    const list = join(ROOT, 'checklists/county-cyber-2018.yaml');
    copyFileSync(list, join(dir, 'list.yaml'));
    refused(await runInProcess(['batch', 'in', '--checklist', 'list.yaml', '--junit', 'list.yaml', '--lang', 'en'], {}, dir), 'list.yaml', '--junit');
    refused(await runInProcess(['batch', 'in', '--out', 's.md', '--junit', 's.md', '--lang', 'en'], {}, dir), 's.md', '--out', '--junit');
    expect(existsSync(join(dir, 's.md'))).toBe(false);
  });

  it('run: --report naming the answer file', async () => {
    const dir = fresh();
    const before = readFileSync(join(dir, 'a.yaml'), 'utf8');
    const r = await runFinish(dir, 'a.yaml');
    refused({ code: r.code, stderr: r.err }, 'a.yaml', '--report', '--answers');
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe(before);
  });

  it('migrate, init and compare: their inputs through links, with --force', async () => {
    const dir = fresh();
    const before = readFileSync(join(dir, 'a.yaml'), 'utf8');
    symlinkSync('a.yaml', join(dir, 'sym.yaml'));
    refused(await runInProcess(['migrate', 'a.yaml', '--to', 'county-cyber-2018', '--out', 'sym.yaml', '--force', '--lang', 'en'], {}, dir), 'sym.yaml', 'a.yaml');
    copyFileSync(join(ROOT, 'checklists/county-cyber-2018.yaml'), join(dir, 'list.yaml'));
    const listBefore = readFileSync(join(dir, 'list.yaml'), 'utf8');
    refused(await runInProcess(['init', '--checklist', 'list.yaml', '--unit-type', 'township', '--out', 'list.yaml', '--force', '--lang', 'en'], {}, dir), 'list.yaml');
    refused(await runInProcess(['compare', 'a.yaml', 'sym.yaml', '--format', 'md', '--out', 'sym.yaml', '--lang', 'en'], {}, dir), 'sym.yaml');
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe(before);
    expect(readFileSync(join(dir, 'list.yaml'), 'utf8')).toBe(listBefore);
  });
});

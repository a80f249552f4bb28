// Every example of every --help is run from the repository root, as printed, and does what it says.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { makePaint } from '../../src/io/io.js';
import { translate } from '../../src/i18n/translate.js';
import { BIN, ROOT, runInProcess } from '../helpers/run-cli.js';

/** The examples as `--help` prints them (Chinese), for every registered command. */
async function helpExamples(): Promise<string[]> {
  const io = { stdout: { write: () => true }, stderr: { write: () => true }, stdin: new PassThrough(), env: {}, cwd: ROOT };
  const program = await buildProgram({ io, lang: 'zh', paint: await makePaint(false), paintErr: await makePaint(false) }, () => undefined);
  const names = program.commands.map((c) => c.name()).filter((n) => n !== 'help');
  const all: string[] = [];
  for (const name of names) {
    const help = (await runInProcess([name, '--help'])).stdout;
    const block = help.split('\n示例：\n')[1] ?? '';
    for (const line of block.trimEnd().split('\n')) if (line.trim()) all.push(line.trim().split(/ +# /)[0].trim());
  }
  return all;
}

const EXAMPLES = await helpExamples();

/** Options whose value is a file or folder the example writes: redirected into a temporary folder. */
const OUTPUT_OPTIONS = new Set(['--out', '--junit', '--report']);

/** Splits an example into words (they hold no quotes) and points its outputs into `dir`. */
function redirect(command: string, dir: string): { words: string[]; outputs: string[] } {
  const words = command.split(/ +/);
  const outputs: string[] = [];
  for (let i = 1; i < words.length; i++) {
    if (OUTPUT_OPTIONS.has(words[i - 1])) {
      words[i] = join(dir, words[i]);
      outputs.push(words[i]);
    }
  }
  return { words, outputs };
}

/** Runs an example through sh from the repository root (so globs expand as a user's shell does), stdin not a terminal. */
function runExample(words: string[]): { code: number; stdout: string; stderr: string } {
  const line = ['node', JSON.stringify(BIN), ...words.slice(1).map((w) => (w.includes('*') ? w : JSON.stringify(w)))].join(' ');
  const r = spawnSync('sh', ['-c', line], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'zh_CN.UTF-8', LC_ALL: '', LC_MESSAGES: '', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The repository's files as they are now: path, size and modification time (nothing may change). */
function snapshot(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(join(ROOT, dir))) {
      const rel = dir ? join(dir, name) : name;
      if (['node_modules', '.git', 'dist'].includes(rel)) continue;
      const st = statSync(join(ROOT, rel));
      if (st.isDirectory()) walk(rel);
      else out.push(`${rel} ${st.size} ${st.mtimeMs}`);
    }
  };
  walk('');
  return out.sort();
}

describe('every --help example works from the repository root', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'wangxin-examples-'));
  const before = snapshot();
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('there are examples for every command, and each names only files that are in the repository', () => {
    expect(EXAMPLES.length).toBeGreaterThan(30);
    for (const example of EXAMPLES) {
      const { words } = redirect(example, tmp);
      expect(words[0]).toBe('wangxin');
      // Every input that looks like a path (a folder in it, or a file extension) is in the
      // repository; a glob matches files there. Outputs were redirected and are not looked for.
      for (const word of words.slice(1)) {
        if (word.startsWith(tmp) || word.startsWith('-') || !/\/|\.(ya?ml|xlsx|json)$/.test(word)) continue;
        if (word.includes('*')) {
          const [folder, pattern] = [word.slice(0, word.lastIndexOf('/')), word.slice(word.lastIndexOf('/') + 1)];
          const suffix = pattern.replace(/^\*/, '');
          expect(readdirSync(join(ROOT, folder)).filter((f) => f.endsWith(suffix)).length, `${example}: ${word}`).toBeGreaterThan(0);
        } else {
          expect(existsSync(join(ROOT, word)), `${example}: ${word}`).toBe(true);
        }
      }
    }
  });

  /** The interactive commands: they need a terminal, tested below. */
  const interactive = (e: string): boolean => e.startsWith('wangxin run ') || e.startsWith('wangxin review ');

  it.each(EXAMPLES.filter((e) => !interactive(e)).map((e) => [e]))('%s', (example) => {
    const dir = mkdtempSync(join(tmp, 'x-'));
    const { words, outputs } = redirect(example, dir);
    const r = runExample(words);
    // Each example shows the command doing its job: they all succeed on the sample files.
    expect(r.code, `${example}\n${r.stderr}`).toBe(0);
    expect(r.stderr).not.toMatch(/错误|error/i);
    // What it was asked to write is there (a file, or a folder with files in it).
    for (const out of outputs) {
      expect(existsSync(out), `${example} wrote no ${out}`).toBe(true);
      if (statSync(out).isDirectory()) expect(readdirSync(out).length).toBeGreaterThan(0);
      else expect(statSync(out).size).toBeGreaterThan(0);
    }
    // Without --out the result is on standard output.
    if (outputs.length === 0 && !words.includes('evidence')) expect(r.stdout.length).toBeGreaterThan(0);
  });

  // `run` needs a terminal: without one it exits 2 with its advice, which it gives only after
  // commander has accepted every option (a wrong one would be a usage error naming it). The
  // checklist an example names is checked to load, and the answer file it names to be valid.
  it.each(EXAMPLES.filter((e) => e.startsWith('wangxin run ')).map((e) => [e]))('%s gets past its arguments (no terminal here)', (example) => {
    const dir = mkdtempSync(join(tmp, 'run-'));
    const { words } = redirect(example, dir);
    const r = runExample(words);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(translate('zh', 'run.noTty'));
    const checklist = words[words.indexOf('--checklist') + 1];
    const answers = words[words.indexOf('--answers') + 1];
    for (const [option, file] of [['--checklist', checklist], ['--answers', answers]] as const) {
      if (!words.includes(option)) continue;
      const checked = runExample(['wangxin', 'validate', file]);
      expect(checked.code, checked.stdout + checked.stderr).toBe(0);
    }
  });

  // `review` likewise: past its arguments, its answer file is read only after the terminal check, so it is validated here.
  it.each(EXAMPLES.filter((e) => e.startsWith('wangxin review ')).map((e) => [e]))('%s gets past its arguments (no terminal here)', (example) => {
    const { words } = redirect(example, mkdtempSync(join(tmp, 'review-')));
    const r = runExample(words);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(translate('zh', 'review.cli.error.noTty'));
    const checked = runExample(['wangxin', 'validate', words[2]]);
    expect(checked.code, checked.stdout + checked.stderr).toBe(0);
  });

  it('leaves the repository as it was (outputs went to the temporary folder, inputs untouched)', () => {
    expect(snapshot()).toEqual(before);
    expect(readFileSync(join(ROOT, 'examples/evidence/township.yaml'), 'utf8')).toContain('sha256');
  });
});

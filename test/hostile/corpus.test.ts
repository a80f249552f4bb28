// Hostile-input corpus: every file through validate, score and batch in-process, with its exact exit code and diagnostic code, in bounded time.
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, openSync, closeSync, ftruncateSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODES } from '../../src/diagnostics/codes.js';
import { ROOT, runBinary, runInProcess, type CliResult } from '../helpers/run-cli.js';

const FIXTURES = join(ROOT, 'test/fixtures/hostile');
/**
 * Every command must finish well inside this much CPU time, whatever the input. CPU time, not wall
 * time: the bound is there to catch runaway (quadratic, looping) work, and a busy machine stretches
 * wall time without the command doing more.
 */
const TIME_LIMIT_MS = 10_000;
/** Heap in use after a command: hostile input must not leave memory behind or balloon. */
const HEAP_LIMIT = 1.5 * 1024 ** 3;

let tmp = '';
const HEAD = 'schemaVersion: 1\nchecklist: { id: county-cyber-2018, version: 1.0.0 }\nunit: { name: 测试镇党委, type: township }\n';

/** Files made at test time: too big to commit, or names that tools stumble over. */
function generate(): void {
  tmp = mkdtempSync(join(tmpdir(), 'wangxin-hostile-'));
  // 50 MB: a sparse file, so the test costs no disk; refused by size before it is read.
  const fd = openSync(join(tmp, 'big-50mb.yaml'), 'w');
  writeSync(fd, HEAD);
  ftruncateSync(fd, 50 * 1024 * 1024);
  closeSync(fd);
  // 2,000 nested block mappings (2 MB of indentation): block nesting has no brackets to count.
  let block = HEAD + 'answers:\n';
  for (let i = 0; i < 2000; i++) block += ' '.repeat(i + 2) + 'a:\n';
  writeFileSync(join(tmp, 'deep-block-map.yaml'), block + ' '.repeat(2002) + 'x\n');
  // 10,000 levels of block mappings, one space each: 50 MB, so the size limit stops it first.
  // (Checked here with a 6,000-level, 18 MB file for the same reason at lower cost.)
  let deeper = HEAD + 'answers:\n';
  for (let i = 0; i < 6000; i++) deeper += ' '.repeat(i + 2) + 'a:\n';
  writeFileSync(join(tmp, 'deep-block-6000.yaml'), deeper);
  // 100,000 answers: the checklist has 53 items, so 99,947+ unknown item ids, each a located error.
  let many = HEAD + 'answers:\n';
  for (let i = 0; i < 100_000; i++) many += `  X${i}.1.1: { status: pass }\n`;
  writeFileSync(join(tmp, 'answers-100k.yaml'), many);
  // 100,000 comment lines around valid answers: a valid file.
  let comments = HEAD + 'answers:\n';
  for (let i = 0; i < 100_000; i++) comments += `  # 备注 ${i}\n`;
  writeFileSync(join(tmp, 'comments-100k.yaml'), comments + '  A1.1.1: { status: pass }\n');
  // A 1 MB line (a note on one line) and a 3 MB block-scalar note.
  writeFileSync(join(tmp, 'line-1mb.yaml'), HEAD + `answers:\n  A1.1.1: { status: pass, note: ${'长'.repeat(350_000)} }\n`);
  writeFileSync(join(tmp, 'note-3mb.yaml'), HEAD + 'answers:\n  A1.1.1:\n    status: pass\n    note: |\n' + ('      ' + 'x'.repeat(1000) + '\n').repeat(3000));
  // File names: spaces, Chinese, leading dashes.
  const example = join(ROOT, 'examples/answers/township.yaml');
  for (const name of ['-rf.yaml', '-x.yaml', 'a b 乡镇 答卷.yaml', '--help.yaml']) copyFileSync(example, join(tmp, name));
}

beforeAll(generate);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Expect {
  /** Exit codes of validate, score, batch (batch runs with --allow-incomplete). */
  exits: [number, number, number];
  /** The diagnostic code every command must report (first error), or null for a valid file. */
  code: keyof typeof CODES | null;
  /** Where the first error is, when it has a position. */
  line?: number;
}

const READ = (code: keyof typeof CODES): Expect => ({ exits: [2, 2, 1], code });
const BAD = (code: keyof typeof CODES, line?: number): Expect => ({ exits: [1, 1, 1], code, line });
const OK: Expect = { exits: [0, 0, 0], code: null };

/** Every committed fixture, with its outcome. A fixture without a row fails the completeness test. */
const COMMITTED: Record<string, Expect> = {
  'alias-bomb.yaml': BAD('YAML_ALIAS_LIMIT', 3),
  'deep-flow.yaml': BAD('YAML_TOO_DEEP', 5),
  'deep-flow-map.yaml': BAD('YAML_TOO_DEEP', 5),
  'deep-block-seq.yaml': BAD('YAML_TOO_DEEP', 7),
  'binary.yaml': READ('BINARY_FILE'),
  'nul-byte.yaml': READ('BINARY_FILE'),
  'nul-escape.yaml': OK,
  'gbk.yaml': READ('ENCODING_NOT_UTF8'),
  'utf16le-bom.yaml': READ('ENCODING_UTF16'),
  'utf16be-bom.yaml': READ('ENCODING_UTF16'),
  'utf16le.yaml': READ('ENCODING_UTF16'),
  'utf16be.yaml': READ('ENCODING_UTF16'),
  'utf16le-chinese-first.yaml': READ('ENCODING_UTF16'),
  'utf8-bom.yaml': OK,
  'empty.yaml': BAD('YAML_EMPTY', 1),
  'only-comments.yaml': BAD('YAML_EMPTY', 1),
  'proto-key.yaml': BAD('SCHEMA_UNKNOWN_PROPERTY', 4),
  'proto-nested.yaml': BAD('SCHEMA_UNKNOWN_PROPERTY', 3),
  'proto-item-ids.yaml': BAD('SCHEMA_PATTERN', 5),
  'proto-values.yaml': BAD('UNIT_TYPE_UNDECLARED', 3),
  'proto-deductions.yaml': BAD('SCHEMA_PATTERN', 5),
  'proto-checklist-id.yaml': BAD('UNKNOWN_CHECKLIST', 2),
  'tag-js-function.yaml': BAD('YAML_TAG', 5),
  'tag-binary.yaml': BAD('YAML_TAG', 5),
  'tag-timestamp.yaml': BAD('YAML_TAG', 4),
  'tag-include.yaml': BAD('YAML_TAG', 4),
  // YAML 1.2 has no merge keys: `<<` is an ordinary (unknown) field, and the answer it was meant to fill is empty.
  'merge-key.yaml': BAD('SCHEMA_INVALID', 6),
  'number-id.yaml': BAD('UNKNOWN_ITEM', 5),
  'number-version.yaml': BAD('SCHEMA_TYPE', 2),
  'number-unit-name.yaml': BAD('SCHEMA_TYPE', 3),
  'string-numbers.yaml': BAD('SCHEMA_TYPE', 1),
  'duplicate-keys.yaml': BAD('YAML_DUPLICATE_KEY', 7),
  // A count past the documented maximum is its own error, not "100000000000000000000 × 0.5" in a report.
  'deduction-count-huge.yaml': BAD('DEDUCTION_COUNT_TOO_LARGE', 5),
};

/** Generated at test time (see generate()). */
const GENERATED: Record<string, Expect> = {
  'big-50mb.yaml': READ('FILE_TOO_LARGE'),
  'deep-block-map.yaml': BAD('YAML_TOO_DEEP', 68),
  'deep-block-6000.yaml': READ('FILE_TOO_LARGE'),
  'answers-100k.yaml': BAD('UNKNOWN_ITEM', 5),
  'comments-100k.yaml': OK,
  'line-1mb.yaml': OK,
  'note-3mb.yaml': OK,
  '-rf.yaml': OK,
  '-x.yaml': OK,
  'a b 乡镇 答卷.yaml': OK,
  '--help.yaml': OK,
};

interface Run extends CliResult {
  ms: number;
}

async function timed(args: string[], cwd: string): Promise<Run> {
  const start = process.cpuUsage();
  const r = await runInProcess(args, {}, cwd);
  const used = process.cpuUsage(start);
  return { ...r, ms: (used.user + used.system) / 1000 };
}

/** What every run must be: no stack trace, no internal error, bounded time and heap, no pollution. */
function expectSane(r: Run, label: string): void {
  expect(r.stderr, label).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  expect(r.stderr + r.stdout, label).not.toMatch(/internal error|内部错误/i);
  expect(r.ms, label).toBeLessThan(TIME_LIMIT_MS);
  expect(process.memoryUsage().heapUsed, label).toBeLessThan(HEAP_LIMIT);
  expect(({} as Record<string, unknown>).polluted, label).toBeUndefined();
  expect((Object.prototype as unknown as Record<string, unknown>).polluted, label).toBeUndefined();
}

/** Runs one file through the three commands and checks the expected outcome. */
async function runCorpusFile(dir: string, name: string, want: Expect): Promise<void> {
  // Absolute paths (validate reads relative ones against process.cwd(), not the in-process cwd),
  // and `--` all the same, so that nothing in a name is taken for an option.
  const file = join(dir, name);
  const v = await timed(['validate', '--lang', 'en', '--format', 'json', '--', file], dir);
  expectSane(v, `validate ${name}`);
  expect(v.code, `validate ${name}: ${v.stderr}`).toBe(want.exits[0]);
  const json = JSON.parse(v.stdout) as { files: { errors: { code: string; line: number | null }[] }[] };
  const errors = json.files[0].errors;
  if (want.code === null) expect(errors).toEqual([]);
  else {
    expect(errors[0]?.code, JSON.stringify(errors.slice(0, 3))).toBe(want.code);
    for (const e of errors) expect(Object.keys(CODES)).toContain(e.code);
    if (want.line !== undefined) expect(errors[0].line).toBe(want.line);
  }

  const s = await timed(['score', '--lang', 'en', '--format', 'json', '--', file], dir);
  expectSane(s, `score ${name}`);
  expect(s.code, `score ${name}: ${s.stderr.slice(0, 500)}`).toBe(want.exits[1]);
  if (want.code === null) {
    const report = JSON.parse(s.stdout) as { schemaVersion: number; score: number };
    expect(report.schemaVersion).toBe(1);
    expect(Number.isFinite(report.score)).toBe(true);
  } else {
    expect(s.stdout).toBe('');
    expect(s.stderr).toContain(want.code);
  }

  const b = await timed(['batch', '--lang', 'en', '--format', 'json', '--allow-incomplete', '--jobs', '1', '--', file], dir);
  expectSane(b, `batch ${name}`);
  expect(b.code, `batch ${name}: ${b.stderr.slice(0, 500)}`).toBe(want.exits[2]);
  const summary = JSON.parse(b.stdout) as { counts: { files: number; failed: number }; files: { errors?: { code: string }[] }[] };
  expect(summary.counts.files).toBe(1);
  if (want.code === null) expect(summary.counts.failed).toBe(0);
  else expect(summary.files[0].errors?.[0]?.code).toBe(want.code);
}

describe('hostile corpus (committed fixtures)', () => {
  it('has a row for every fixture file', () => {
    expect(readdirSync(FIXTURES).sort()).toEqual(Object.keys(COMMITTED).sort());
  });

  it.each(Object.entries(COMMITTED))('%s', async (name, want) => {
    await runCorpusFile(FIXTURES, name, want);
  });
});

describe('hostile corpus (generated at test time)', () => {
  // Three commands on 100,000 answers take ~15 s on a loaded machine; each stays under TIME_LIMIT_MS.
  it.each(Object.entries(GENERATED))('%s', async (name, want) => {
    await runCorpusFile(tmp, name, want);
  }, 90_000);

  it('the real binary takes relative names with leading dashes after -- and as ./-x.yaml; bare, they are options (exit 2)', () => {
    const after = runBinary(['validate', '--', '-rf.yaml', '-x.yaml', '--help.yaml', 'a b 乡镇 答卷.yaml'], {}, tmp);
    expect(after.code, after.stderr).toBe(0);
    expect(after.stdout).toContain('4 个文件');
    expect(runBinary(['validate', './-x.yaml'], {}, tmp).code).toBe(0);
    expect(runBinary(['score', '--format', 'json', '--', '-rf.yaml'], {}, tmp).code).toBe(0);
    // The two files are copies of one unit: a duplicate, which --allow-duplicates lets pass.
    expect(runBinary(['batch', '--allow-incomplete', '--allow-duplicates', '--format', 'json', '--', '-rf.yaml', '--help.yaml'], {}, tmp).code).toBe(0);
    const bare = runBinary(['validate', '-rf.yaml'], {}, tmp);
    expect(bare.code).toBe(2);
    expect(bare.stderr).not.toMatch(/\n\s+at /);
  });

  it('a 100,000-answer file counts every unknown item, and validate --format json lists the first 1,000 with their lines', async () => {
    const v = await timed(['validate', '--format', 'json', '--', join(tmp, 'answers-100k.yaml')], tmp);
    const json = JSON.parse(v.stdout) as { files: { errorCount: number; warningCount: number; errors: { line: number; code: string }[] }[]; summary: { errors: number } };
    const file = json.files[0];
    expect(file.errorCount).toBe(100_000);
    expect(json.summary.errors).toBe(100_000);
    expect(file.errors.length).toBe(1_000);
    expect(file.errors.every((e) => e.code === 'UNKNOWN_ITEM')).toBe(true);
    expect(file.errors[999].line).toBe(1_004);
    // The document stays small: the first thousand diagnostics, not a hundred thousand.
    expect(v.stdout.length).toBeLessThan(1_000_000);
    // The text output still names every one, each on its line.
    const text = await timed(['validate', '--lang', 'en', '--', join(tmp, 'answers-100k.yaml')], tmp);
    expect(text.stdout).toContain(':100004:3');
    expect(text.stdout).toContain('100000 error(s)');
  }, 90_000);

  it('the escaped NUL and ESC of a valid note reach no terminal raw', async () => {
    const s = await timed(['score', '--format', 'md', '--', join(FIXTURES, 'nul-escape.yaml')], FIXTURES);
    expect(s.code).toBe(0);
    expect(s.stdout).not.toMatch(/[\u0000\u001b]/);
  });
});

describe('the other commands that read answer files survive the corpus too', () => {
  it.each(Object.keys(COMMITTED))('compare, migrate and evidence on %s: an exit code, never a crash', async (name) => {
    // Copies, since migrate and evidence write files beside their input.
    const dir = mkdtempSync(join(tmp, 'other-'));
    const file = join(dir, name);
    copyFileSync(join(FIXTURES, name), file);
    const example = join(ROOT, 'examples/answers/township.yaml');
    const runs = [
      await timed(['compare', '--lang', 'en', '--', file, example], dir),
      await timed(['migrate', '--lang', 'en', '--to', 'county-cyber-2018', '--out', join(dir, 'migrated.yaml'), '--', file], dir),
      await timed(['evidence', '--lang', 'en', '--', file], dir),
    ];
    for (const r of runs) {
      expectSane(r, name);
      expect([0, 1, 2]).toContain(r.code);
    }
    // A file that cannot be read is exit 2 for every one of them; an invalid one is never 0.
    const want = COMMITTED[name];
    if (want.exits[0] === 2) expect(runs.map((r) => r.code)).toEqual([2, 2, 2]);
    // (migrate carries an answer file whose checklist id is unknown over to --to, by design of
    // migrate: only its checklist reference was wrong, so it is left out of this check.)
    if (want.exits[0] === 1) for (const r of name === 'proto-checklist-id.yaml' ? runs.slice(0, 1).concat(runs[2]) : runs) expect(r.code).not.toBe(0);
  });
});

describe('the committed fixtures are what their names say', () => {
  it('binary and encoding fixtures have the bytes they claim', () => {
    const bytes = (n: string): Buffer => readFileSync(join(FIXTURES, n));
    expect(bytes('utf16le-bom.yaml').subarray(0, 2)).toEqual(Buffer.from([0xff, 0xfe]));
    expect(bytes('utf16be-bom.yaml').subarray(0, 2)).toEqual(Buffer.from([0xfe, 0xff]));
    expect(bytes('utf16le.yaml')[1]).toBe(0);
    expect(bytes('utf16be.yaml')[0]).toBe(0);
    expect(bytes('utf16le-chinese-first.yaml').subarray(0, 4).includes(0)).toBe(false);
    expect(bytes('nul-byte.yaml').includes(0)).toBe(true);
    expect(bytes('gbk.yaml').includes(Buffer.from([0xb2, 0xe2]))).toBe(true);
    expect(bytes('utf8-bom.yaml').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});

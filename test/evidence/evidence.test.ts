// Evidence integrity with real files: recording digests (wangxin evidence, run --record-evidence) and verifying them.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CommandContext, Io } from '../../src/io/io.js';
import { runRun } from '../../src/cli/run.js';
import { NO_PAINT } from '../../src/diagnostics/render.js';
import { createEvidenceHasher, hashFile, isUrl, recordEvidence, resolveEvidence, verifyEvidence } from '../../src/evidence/evidence.js';
import type { Answers } from '../../src/model/answers.js';
import type { Checklist } from '../../src/model/checklist.js';
import { checkFile } from '../../src/check/check-file.js';
import { saveAnswers } from '../../src/walk/answer-file.js';
import { createScriptedPrompter } from '../../src/walk/scripted-prompter.js';
import { runInProcess } from '../helpers/run-cli.js';
import { blankAnswers, builtinChecklist, makeTempDir } from '../walk/helpers.js';

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

let checklist: Checklist;
beforeAll(async () => {
  checklist = await builtinChecklist();
});

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  tmp = makeTempDir('wangxin-evidence-');
});
afterEach(() => tmp.remove());

/** A submission folder `unit/` with an answer file whose A1.1.1 lists `evidence`. */
async function submission(evidence: Answers['answers'][string]['evidence']): Promise<{ dir: string; file: string; answers: Answers }> {
  const dir = join(tmp.dir, 'unit');
  mkdirSync(dir, { recursive: true });
  const answers = blankAnswers(checklist);
  answers.answers['A1.1.1'] = { status: 'pass', evidence };
  answers.answers['A1.1.2'] = { status: 'partial', note: '无材料' };
  const file = join(dir, 'answers.yaml');
  await saveAnswers(file, answers, checklist);
  return { dir, file, answers };
}

describe('isUrl and resolveEvidence', () => {
  it('tells URLs from file names (a Windows drive is a file)', () => {
    expect(isUrl('https://example.org/a.pdf')).toBe(true);
    expect(isUrl('ftp://x/y')).toBe(true);
    expect(isUrl('a.pdf')).toBe(false);
    expect(isUrl('C:\\docs\\a.pdf')).toBe(false);
    expect(isUrl('会议纪要 2026.pdf')).toBe(false);
  });

  it('judges containment on real paths: ../, absolute paths and symlinks leaving the folder are outside', async () => {
    const { dir, file } = await submission([]);
    writeFileSync(join(dir, 'in.pdf'), 'in');
    writeFileSync(join(tmp.dir, 'secret.txt'), 'secret');
    symlinkSync(join(tmp.dir, 'secret.txt'), join(dir, 'link.pdf'));
    symlinkSync(join(dir, 'in.pdf'), join(dir, 'inner-link.pdf'));
    expect(await resolveEvidence(file, 'in.pdf')).toMatchObject({ exists: true, inside: true });
    expect(await resolveEvidence(file, 'inner-link.pdf')).toMatchObject({ exists: true, inside: true });
    expect(await resolveEvidence(file, '../secret.txt')).toMatchObject({ exists: true, inside: false });
    expect(await resolveEvidence(file, join(tmp.dir, 'secret.txt'))).toMatchObject({ exists: true, inside: false });
    expect(await resolveEvidence(file, 'link.pdf')).toMatchObject({ exists: true, inside: false });
    expect(await resolveEvidence(file, 'sub/../../secret.txt')).toMatchObject({ inside: false });
    expect(await resolveEvidence(file, 'nope.pdf')).toMatchObject({ exists: false, inside: true });
    expect(await resolveEvidence(file, '.')).toMatchObject({ exists: false });
  });
});

describe('recordEvidence and verifyEvidence', () => {
  it('records digests of local files, leaves URLs and missing files as strings', async () => {
    const { dir, file, answers } = await submission(['a.pdf', 'sub/b.pdf', 'https://example.org/x', 'gone.pdf']);
    writeFileSync(join(dir, 'a.pdf'), 'AAA');
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'b.pdf'), 'BBB');
    const out = await recordEvidence(file, answers);
    expect(out.answers.answers['A1.1.1'].evidence).toEqual([
      { path: 'a.pdf', sha256: sha('AAA') },
      { path: 'sub/b.pdf', sha256: sha('BBB') },
      'https://example.org/x',
      'gone.pdf',
    ]);
    expect([out.recorded, out.unchanged, out.updated.length, out.urls]).toEqual([2, 0, 0, 1]);
    expect(out.findings).toEqual([{ item: 'A1.1.1', path: 'gone.pdf', problem: 'missing' }]);
    // The input is not changed.
    expect(answers.answers['A1.1.1'].evidence?.[0]).toBe('a.pdf');
    expect(await hashFile(join(dir, 'a.pdf'))).toBe(sha('AAA'));
  });

  it('verifies: unchanged is clean; a changed, deleted or escaping file is a finding', async () => {
    const { dir, file, answers } = await submission(['a.pdf', 'b.pdf', 'c.pdf', '../outside.pdf', 'link.pdf', 'https://example.org/x']);
    for (const n of ['a.pdf', 'b.pdf', 'c.pdf']) writeFileSync(join(dir, n), n);
    writeFileSync(join(tmp.dir, 'outside.pdf'), 'o');
    symlinkSync(join(tmp.dir, 'outside.pdf'), join(dir, 'link.pdf'));
    const recorded = (await recordEvidence(file, answers)).answers;
    expect(await verifyEvidence(file, { ...recorded, answers: { 'A1.1.1': { status: 'pass', evidence: ['a.pdf'] } } })).toEqual([]);
    writeFileSync(join(dir, 'b.pdf'), 'tampered');
    const { unlinkSync } = await import('node:fs');
    unlinkSync(join(dir, 'c.pdf'));
    const findings = await verifyEvidence(file, recorded);
    expect(findings).toEqual([
      { item: 'A1.1.1', path: 'b.pdf', problem: 'changed', recorded: sha('b.pdf'), actual: sha('tampered') },
      { item: 'A1.1.1', path: 'c.pdf', problem: 'missing' },
      { item: 'A1.1.1', path: '../outside.pdf', problem: 'outside' },
      { item: 'A1.1.1', path: 'link.pdf', problem: 'outside' },
    ]);
  });
});

describe('each evidence file is hashed once per run', () => {
  it('ten entries naming one file, in two answers, read it once; a changed file is read again', async () => {
    const { dir, file, answers } = await submission(Array.from({ length: 10 }, () => 'big.pdf'));
    answers.answers['A1.1.2'] = { status: 'pass', evidence: ['big.pdf', './big.pdf'] };
    writeFileSync(join(dir, 'big.pdf'), 'x'.repeat(100_000));
    const hasher = createEvidenceHasher();
    const recorded = await recordEvidence(file, answers, hasher);
    expect(recorded.recorded).toBe(12);
    expect(hasher.filesRead).toBe(1);
    expect(await verifyEvidence(file, recorded.answers, hasher)).toEqual([]);
    expect(hasher.filesRead).toBe(1);
    writeFileSync(join(dir, 'big.pdf'), 'changed, and longer than before');
    const findings = await verifyEvidence(file, recorded.answers, hasher);
    expect(findings).toHaveLength(12);
    expect(hasher.filesRead).toBe(2);
  });
});

describe('wangxin evidence', () => {
  it('rewrites the answer file atomically with { path, sha256 } and exits 0 when every file is there', async () => {
    const { dir, file } = await submission(['纪要 2026.pdf', 'https://example.org/x']);
    writeFileSync(join(dir, '纪要 2026.pdf'), '纪要');
    const r = await runInProcess(['evidence', '--lang', 'en', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 digest(s) recorded');
    const check = await checkFile(file, {}, 'answers');
    expect(check.errors).toEqual([]);
    expect(check.answers?.answers['A1.1.1'].evidence).toEqual([{ path: '纪要 2026.pdf', sha256: sha('纪要') }, 'https://example.org/x']);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    // A second run changes nothing and does not rewrite.
    const before = readFileSync(file, 'utf8');
    const again = await runInProcess(['evidence', '--lang', 'en', file]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('0 digest(s) recorded, 1 unchanged');
    expect(again.stderr).toContain('did not need rewriting');
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('exits 1 and names a missing file, keeping it as a string; updates a digest that changed', async () => {
    const { dir, file } = await submission(['a.pdf', 'missing.pdf']);
    writeFileSync(join(dir, 'a.pdf'), 'v1');
    const r = await runInProcess(['evidence', '--lang', 'en', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('A1.1.1: evidence missing.pdf does not exist');
    const zh = await runInProcess(['evidence', file]);
    expect(zh.stderr).toContain('佐证材料 missing.pdf 不存在');
    writeFileSync(join(dir, 'a.pdf'), 'v2');
    const u = await runInProcess(['evidence', '--lang', 'en', file]);
    expect(u.stderr).toContain('the digest of a.pdf was updated');
    const check = await checkFile(file, {}, 'answers');
    expect(check.answers?.answers['A1.1.1'].evidence).toEqual([{ path: 'a.pdf', sha256: sha('v2') }, 'missing.pdf']);
  });

  it('refuses an invalid answer file (exit 1, file untouched) and an unreadable one (exit 2)', async () => {
    const bad = join(tmp.dir, 'bad.yaml');
    writeFileSync(bad, 'schemaVersion: 1\nunit: { name: x }\nanswers: {}\n');
    const r = await runInProcess(['evidence', '--lang', 'en', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no digests were recorded');
    expect(readFileSync(bad, 'utf8')).toBe('schemaVersion: 1\nunit: { name: x }\nanswers: {}\n');
    const missing = await runInProcess(['evidence', '--lang', 'en', join(tmp.dir, 'nope.yaml')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('FILE_NOT_FOUND');
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('run --record-evidence', () => {
  it('records the digests after the walk, before the report', async () => {
    const answers = blankAnswers(checklist);
    answers.answers['A1.1.1'] = { status: 'pass', evidence: ['e.pdf', 'none.pdf'] };
    await saveAnswers(join(tmp.dir, 'r.yaml'), answers, checklist);
    writeFileSync(join(tmp.dir, 'e.pdf'), 'evidence');
    let err = '';
    const io: Io = {
      stdout: { write: () => true },
      stderr: { write: (s: string) => ((err += s), true) },
      stdin: { isTTY: true } as unknown as Io['stdin'],
      env: { LANG: 'en_US.UTF-8' },
      cwd: tmp.dir,
    };
    const ctx: CommandContext = { io, lang: 'en', paint: NO_PAINT, paintErr: NO_PAINT };
    // The file has no assessor or period yet: run offers the four questions first (skipped here).
    const prompter = createScriptedPrompter([{ input: '' }, { input: '' }, { input: '' }, { input: '' }, { select: '@finish' }, { confirm: true }]);
    const code = await runRun({ answers: 'r.yaml', report: 'r.json', recordEvidence: true }, ctx, { prompter, generatedAt: '2026-06-01T00:00:00Z' });
    expect(code).toBe(0);
    expect(err).toContain('none.pdf does not exist');
    const check = await checkFile(join(tmp.dir, 'r.yaml'), {}, 'answers');
    expect(check.answers?.answers['A1.1.1'].evidence).toEqual([{ path: 'e.pdf', sha256: sha('evidence') }, 'none.pdf']);
    const report = JSON.parse(readFileSync(join(tmp.dir, 'r.json'), 'utf8')) as { items: { id: string; evidence: unknown[] }[] };
    expect(report.items.find((i) => i.id === 'A1.1.1')?.evidence).toEqual([{ path: 'e.pdf', sha256: sha('evidence') }, 'none.pdf']);
  });
});

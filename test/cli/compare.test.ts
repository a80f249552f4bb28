// `wangxin compare`: answer files and JSON reports, Markdown and JSON output, --out, warnings, exit codes 0/1/2.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runBinary, runInProcess } from '../helpers/run-cli.js';

const TOWNSHIP = 'examples/answers/township.yaml';
const STACK = /\n\s+at .+:\d+:\d+/;
let tmp = '';
let older = '';

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'wangxin-compare-'));
  older = join(tmp, '2025.yaml');
  const text = readFileSync(join(ROOT, TOWNSHIP), 'utf8')
    .replace(/^ {2}A1\.1\.1: .*$/m, '  A1.1.1: { status: fail }')
    .replace(/^ {2}A2\.2\.1: .*$/m, '  A2.2.1: { status: pass }')
    .replace('period: "2026"', 'period: "2025"');
  writeFileSync(older, text);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('wangxin compare --out follows its extension', () => {
  it('d.json is JSON; d.html is a usage error naming .md and .json', async () => {
    const json = join(tmp, 'd.json');
    expect((await runInProcess(['compare', older, TOWNSHIP, '--out', json])).code).toBe(0);
    expect(() => JSON.parse(readFileSync(json, 'utf8'))).not.toThrow();
    const bad = await runInProcess(['compare', older, TOWNSHIP, '--out', join(tmp, 'd.html'), '--lang', 'en']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/cannot write a "\.html" file; it writes \.md, \.markdown, \.json/);
  });
});

describe('wangxin compare', () => {
  it('compares two answer files as Markdown (exit 0)', async () => {
    const r = await runInProcess(['compare', older, TOWNSHIP]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^# 自查结果对比：某某镇党委/);
    expect(r.stdout).toMatch(/## 进步的条目（1）[\s\S]*\| A1\.1\.1 \|[^\n]*\| 不符合 \| 符合 \|/);
    expect(r.stdout).toMatch(/## 退步的条目（1）[\s\S]*\| A2\.2\.1 \|[^\n]*\| 符合 \| 部分符合 \|/);
    expect(r.stdout).toMatch(/## 新增的待整改条目（1）[\s\S]*\| A2\.2\.1 \|/);
    expect(r.stdout).toMatch(/\| 总分 \| [\d.]+ \| 85\.5 \| \+[\d.]+ \|/);
  });

  it('prints the same comparison in English', async () => {
    const r = await runInProcess(['compare', '--lang', 'en', older, TOWNSHIP]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# Self-check comparison: 某某镇党委/);
    expect(r.stdout).toMatch(/## Improved items \(1\)[\s\S]*\| Fail \| Pass \|/);
    expect(r.stdout).toMatch(/Items that newly need work \(1\)/);
  });

  it('--format json has the documented shape', async () => {
    const r = await runInProcess(['compare', '--format', 'json', older, TOWNSHIP]);
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(Object.keys(c)).toEqual([
      'schemaVersion', 'old', 'new', 'warnings', 'score', 'baseScore', 'bonusScore', 'grade', 'areas',
      'improved', 'regressed', 'newlyOpen', 'otherChanges', 'onlyInOld', 'onlyInNew', 'followUp',
    ]);
    expect(c.old).toMatchObject({ kind: 'answers', period: '2025', checklist: { id: 'county-cyber-2018', version: '1.1.0' }, unit: { name: '某某镇党委', type: 'township' } });
    expect(c.new).toMatchObject({ file: TOWNSHIP, score: 85.54, grade: { index: 1, label: '良好' }, vetoed: false, complete: true, unanswered: 0 });
    expect(c.score).toEqual({ old: expect.any(Number), new: 85.54, delta: expect.any(Number) });
    expect(c.improved[0]).toEqual({ id: 'A1.1.1', area: 'A1', text: expect.any(String), kind: 'status', old: { status: 'fail', earned: 0, max: 1.5 }, new: { status: 'pass', earned: 1.5, max: 1.5 } });
    expect(c.areas[0]).toEqual({ id: 'A1', title: expect.any(String), old: expect.any(Number), new: expect.any(Number), delta: expect.any(Number) });
    expect(c.newlyOpen[0]).toMatchObject({ id: 'A2.2.1', kind: 'status', state: { status: 'partial' } });
  });

  it('compares two JSON reports (told apart by content) and a report with an answer file', async () => {
    const a = await runInProcess(['score', older, '--format', 'json']);
    const b = await runInProcess(['score', TOWNSHIP, '--format', 'json']);
    writeFileSync(join(tmp, 'a.json'), a.stdout);
    writeFileSync(join(tmp, 'b.report'), b.stdout);
    const r = await runInProcess(['compare', join(tmp, 'a.json'), join(tmp, 'b.report'), '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const c = JSON.parse(r.stdout);
    expect([c.old.kind, c.new.kind]).toEqual(['report', 'report']);
    expect(c.improved.map((i: { id: string }) => i.id)).toEqual(['A1.1.1']);
    const mixed = runBinary(['compare', join(tmp, 'a.json'), TOWNSHIP]);
    expect(mixed.code).toBe(0);
    expect(mixed.stdout).toMatch(/JSON 报告/);
  });

  it('--out writes the file (format from the extension) and says so', async () => {
    const r = await runInProcess(['compare', older, join(ROOT, TOWNSHIP), '--out', 'change.json'], {}, tmp);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/已写入对比结果 change\.json/);
    expect(JSON.parse(readFileSync(join(tmp, 'change.json'), 'utf8')).schemaVersion).toBe(1);
    const md = await runInProcess(['compare', older, TOWNSHIP, '--out', join(tmp, 'change.md')]);
    expect(md.code).toBe(0);
    expect(readFileSync(join(tmp, 'change.md'), 'utf8')).toMatch(/^# 自查结果对比/);
  });

  it('warns (stderr) when the unit names or types differ, still exit 0', async () => {
    const r = await runInProcess(['compare', TOWNSHIP, 'examples/answers/department.yaml']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/两个文件的单位名称不同/);
    expect(r.stderr).toMatch(/两个文件的单位类型不同：township → department/);
    expect(r.stdout).toMatch(/> \[!WARNING\]/);
  });

  it('an invalid answer file: exit 1 with located diagnostics, nothing on stdout', async () => {
    const bad = join(tmp, 'bad.yaml');
    writeFileSync(bad, readFileSync(join(ROOT, TOWNSHIP), 'utf8').replace(/^ {2}A1\.1\.1: .*$/m, '  A1.1.1: { status: done }'));
    const r = await runInProcess(['compare', bad, TOWNSHIP]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/bad\.yaml:9:\d+ .*SCHEMA_ENUM/);
    expect(r.stderr).toMatch(/bad\.yaml 有错误，无法对比/);
    expect(r.stderr).not.toMatch(STACK);
  });

  it('an invalid JSON report: exit 1', async () => {
    writeFileSync(join(tmp, 'bad.json'), JSON.stringify({ schemaVersion: 1, items: [], score: 5 }));
    const r = await runInProcess(['compare', '--lang', 'en', join(tmp, 'bad.json'), TOWNSHIP]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.json has errors and cannot be compared/);
  });

  it('a missing file or bad --format: exit 2', async () => {
    const missing = await runInProcess(['compare', 'nope.yaml', TOWNSHIP]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/FILE_NOT_FOUND/);
    expect((await runInProcess(['compare', older, TOWNSHIP, '--format', 'html'])).code).toBe(2);
    expect((await runInProcess(['compare', older])).code).toBe(2);
    const bin = runBinary(['compare', 'examples', TOWNSHIP]);
    expect(bin.code).toBe(2);
    expect(bin.stderr).toMatch(/FILE_IS_DIRECTORY/);
    expect(bin.stderr).not.toMatch(STACK);
  });
});

// `wangxin ledger`: open and overdue tasks across units on fixtures with known counts, grouped by unit and area, and its exit codes.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBinary, runInProcess } from '../helpers/run-cli.js';

const UNITS = 'test/fixtures/ledger/units';
const tmp = mkdtempSync(join(tmpdir(), 'wangxin-ledger-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('wangxin ledger', () => {
  it('counts the tasks of every valid file on --as-of, lists the invalid one, and exits 1 for it', async () => {
    const r = await runInProcess(['ledger', UNITS, '--as-of', '2026-07-12', '--format', 'json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    // a: 3 tasks (in progress overdue 12 days, open not yet due, done 2026-05-20); b: 2 (open overdue 103 days, done in 2025); d: none.
    expect(doc.counts).toEqual({ units: 3, tasks: 5, open: 3, overdue: 2, doneThisPeriod: 1 });
    expect(doc.asOf).toBe('2026-07-12');
    expect(doc.since).toBe('2026-01-01');
    expect(doc.open.map((t: { item: string; unit: string; overdueDays: number }) => [t.unit, t.item, t.overdueDays])).toEqual([
      ['测试镇党委', 'A1.2.2', 12],
      ['测试镇党委', 'A2.2.2', 0],
      ['县某局', 'A1.1.1', 103],
    ]);
    expect(doc.open[0]).toMatchObject({ area: 'A1', pointsLost: 0.5, measures: '修订问题清单，逐条明确责任人和时限', owner: '王芳', due: '2026-06-30', status: 'in-progress' });
    expect(doc.open[1].pointsLost).toBe(0.38);
    expect(doc.done.map((t: { item: string }) => t.item)).toEqual(['A3.2.3']);
    expect(doc.byUnit).toEqual([
      { file: `${UNITS}/a-township.yaml`, unit: '测试镇党委', open: 2, overdue: 1 },
      { file: `${UNITS}/b-department.yaml`, unit: '县某局', open: 1, overdue: 1 },
    ]);
    expect(doc.byArea.map((g: { area: string; open: number; overdue: number }) => [g.area, g.open, g.overdue])).toEqual([
      ['A1', 2, 2],
      ['A2', 1, 0],
    ]);
    expect(doc.problems).toEqual([{ file: `${UNITS}/c-invalid.yaml`, codes: ['RECTIFY_NOT_NEEDED'], message: expect.stringContaining('不需要整改计划') }]);
    // The invalid file's diagnostic is located on stderr, with the counts and why it exits 1.
    expect(r.stderr).toContain('c-invalid.yaml:5:27');
    expect(r.stderr).toContain('截至 2026-07-12：3 个单位，整改任务 5 项；未完成 3 项，其中逾期 2 项；2026-01-01 以来已完成 1 项。');
    expect(r.stderr).toContain('1 个答卷无法读取或有错误');
  });

  it('counts differently on another day and period: nothing overdue early on, the 2025 task done in a period from 2025', async () => {
    const files = [`${UNITS}/a-township.yaml`, `${UNITS}/b-department.yaml`, `${UNITS}/d-no-tasks.yaml`];
    const early = JSON.parse((await runInProcess(['ledger', ...files, '--as-of', '2026-03-31', '--format', 'json'])).stdout);
    // The task done on 2026-05-20 was still open on 2026-03-31.
    expect(early.counts).toEqual({ units: 3, tasks: 5, open: 4, overdue: 0, doneThisPeriod: 0 });
    const wide = await runInProcess(['ledger', ...files, '--as-of', '2026-07-12', '--since', '2025-12-01', '--format', 'json']);
    expect(wide.code).toBe(0);
    expect(JSON.parse(wide.stdout).counts.doneThisPeriod).toBe(2);
  });

  it('--fail-overdue makes an overdue task a finding (exit 1), and is quiet when none is overdue', async () => {
    const files = [`${UNITS}/a-township.yaml`, `${UNITS}/b-department.yaml`];
    const late = await runInProcess(['ledger', ...files, '--as-of', '2026-07-12', '--fail-overdue']);
    expect(late.code).toBe(1);
    expect(late.stderr).toContain('有 2 项整改任务逾期未完成');
    const onTime = await runInProcess(['ledger', ...files, '--as-of', '2026-03-01', '--fail-overdue']);
    expect(onTime.code).toBe(0);
    const noFlag = await runInProcess(['ledger', ...files, '--as-of', '2026-07-12']);
    expect(noFlag.code).toBe(0);
  });

  it('groups the Markdown ledger by unit and by area, counts on top, overdue marked; English too', async () => {
    const files = [`${UNITS}/a-township.yaml`, `${UNITS}/b-department.yaml`];
    const zh = await runInProcess(['ledger', ...files, '--as-of', '2026-07-12']);
    const md = zh.stdout;
    expect(md.indexOf('**截至 2026-07-12')).toBeLessThan(md.indexOf('## 按单位'));
    expect(md.indexOf('## 按单位')).toBeLessThan(md.indexOf('## 按一级指标'));
    expect(md).toContain('### 测试镇党委（test/fixtures/ledger/units/a-township.yaml） — 未完成 2 项，逾期 1 项');
    expect(md).toContain('| 县某局 | A1.1.1 | 1.5 | 补开中心组专题学习 | 赵局长 | 2026-03-31 | 未开始 | ⏰ 103 |');
    expect(md).toContain('## 本期已完成');
    const en = await runInProcess(['ledger', ...files, '--as-of', '2026-07-12', '--lang', 'en']);
    expect(en.stdout).toContain('**As of 2026-07-12: 2 unit(s), 5 rectification task(s); 3 open, 2 of them overdue; 1 done since 2026-01-01.**');
    expect(en.stdout).toContain('| in progress | ⏰ 12 |');
  });

  it('writes --out (the format from its extension) and never over an input', async () => {
    const out = join(tmp, 'ledger.json');
    const r = await runInProcess(['ledger', `${UNITS}/a-township.yaml`, '--as-of', '2026-07-12', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).counts.open).toBe(2);
    const same = await runInProcess(['ledger', `${UNITS}/a-township.yaml`, '--out', `${UNITS}/a-township.yaml`]);
    expect(same.code).toBe(2);
  });

  it('refuses an --out whose extension it cannot write, or that --format contradicts, before writing anything', async () => {
    const cases: [string[], string][] = [
      [['--out', join(tmp, 'l.html')], 'cannot write a ".html" file; it writes .md, .markdown, .json, .xlsx'],
      [['--format', 'json', '--out', join(tmp, 'l.md')], '--format json'],
      [['--format', 'md', '--out', join(tmp, 'l.xlsx')], '--format md'],
    ];
    for (const [args, message] of cases) {
      const r = await runInProcess(['ledger', UNITS, '--as-of', '2026-07-12', ...args, '--lang', 'en']);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
      expect(existsSync(args[args.length - 1])).toBe(false);
    }
    // The extension decides when --format is not given; a name without one is Markdown.
    const md = join(tmp, 'ledger-noext');
    expect((await runInProcess(['ledger', UNITS, '--as-of', '2026-07-12', '--out', md])).code).toBe(1);
    expect(readFileSync(md, 'utf8')).toMatch(/^# 整改台账/);
  });

  it('counts the tasks a batch counts when the office reviewed the unit: an item verified as met has no open task', async () => {
    const dir = join(tmp, 'reviewed');
    mkdirSync(dir);
    for (const ext of ['yaml', 'review.yaml']) writeFileSync(join(dir, `township.${ext}`), readFileSync(`examples/loop/2026/township.${ext}`, 'utf8'));
    const reviewFile = join(dir, 'township.review.yaml');
    writeFileSync(reviewFile, readFileSync(reviewFile, 'utf8').replace('  A1.2.2: { verdict: confirmed }', '  A1.2.2: { verdict: adjusted, status: pass, reason: 现场查看已修订问题清单 }'));
    const ledger = JSON.parse((await runInProcess(['ledger', dir, '--as-of', '2026-11-15', '--format', 'json'])).stdout);
    const batch = JSON.parse((await runInProcess(['batch', dir, '--as-of', '2026-11-15', '--format', 'json'])).stdout);
    expect(ledger.counts).toEqual({ units: 1, tasks: 4, open: 3, overdue: 2, doneThisPeriod: 1 });
    expect(batch.rectification).toMatchObject(ledger.counts);
    expect(ledger.open.map((t: { item: string }) => t.item)).not.toContain('A1.2.2');
    // A review that does not fit the answers is a problem of the file, as in a batch.
    writeFileSync(reviewFile, 'schemaVersion: 1\nkind: review\n');
    const broken = await runInProcess(['ledger', dir, '--as-of', '2026-11-15', '--format', 'json']);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout).counts.units).toBe(0);
  });

  it('shows a task as it stood on --as-of: done later, it was open then, and overdue after its due date', async () => {
    const dir = join(tmp, 'as-of');
    mkdirSync(dir);
    const file = join(dir, 't.yaml');
    writeFileSync(file, 'schemaVersion: 1\nchecklist: { id: county-cyber-2018, version: 1.1.0 }\nunit: { name: 测试镇党委, type: township }\nanswers:\n  A1.2.2: { status: partial, note: x, rectify: { measures: 修订问题清单, owner: 王芳, due: 2026-06-30, status: done, doneOn: 2026-07-10, evidence: [清单.pdf] } }\n');
    const before = await runInProcess(['ledger', file, '--as-of', '2026-07-05', '--fail-overdue', '--format', 'json']);
    expect(before.code).toBe(1);
    expect(JSON.parse(before.stdout).counts).toEqual({ units: 1, tasks: 1, open: 1, overdue: 1, doneThisPeriod: 0 });
    expect(JSON.parse(before.stdout).open[0]).toMatchObject({ item: 'A1.2.2', overdueDays: 5 });
    const after = await runInProcess(['ledger', file, '--as-of', '2026-07-10', '--fail-overdue', '--format', 'json']);
    expect(after.code).toBe(0);
    expect(JSON.parse(after.stdout).counts).toEqual({ units: 1, tasks: 1, open: 0, overdue: 0, doneThisPeriod: 1 });
  });

  it('refuses bad usage with exit 2 and a message in the user language', async () => {
    expect((await runInProcess(['ledger', UNITS, '--as-of', '2026-13-01'])).stderr).toContain('--as-of 须为真实存在的日期');
    const since = await runInProcess(['ledger', UNITS, '--as-of', '2026-07-12', '--since', '2026-08-01', '--lang', 'en']);
    expect(since.code).toBe(2);
    expect(since.stderr).toContain('--since 2026-08-01 is after --as-of 2026-07-12');
    expect((await runInProcess(['ledger', UNITS, '--since', 'x'])).stderr).toContain('--since 须为真实存在的日期');
    expect((await runInProcess(['ledger', 'no/such/folder'])).code).toBe(2);
    const empty = join(tmp, 'empty');
    mkdirSync(empty);
    expect((await runInProcess(['ledger', empty])).code).toBe(2);
  });

  it('reads answer workbooks beside YAML answer files, as every command does', async () => {
    const dir = join(tmp, 'mixed');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.yaml'), readFileSync(`${UNITS}/a-township.yaml`));
    const init = await runInProcess(['init', '--format', 'xlsx', '--unit-type', 'township', '--unit', '某某乡', '--out', join(dir, 'b.xlsx')]);
    expect(init.code, init.stderr).toBe(0);
    const r = await runInProcess(['ledger', dir, '--as-of', '2026-07-12', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.counts).toEqual({ units: 2, tasks: 3, open: 2, overdue: 1, doneThisPeriod: 1 });
    expect(doc.problems).toEqual([]);
  });

  it('runs from the real binary, SOURCE_DATE_EPOCH fixing the day', () => {
    const dir = join(tmp, 'bin');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.yaml'), readFileSync(`${UNITS}/a-township.yaml`));
    const r = runBinary(['ledger', dir, '--format', 'json', '--fail-overdue'], { SOURCE_DATE_EPOCH: String(Date.UTC(2026, 6, 12) / 1000) });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ asOf: '2026-07-12', generatedAt: '2026-07-12T00:00:00.000Z', counts: { overdue: 1 } });
  });
});

// `score` shows rectification tasks: measures, owner, due date, status, and overdue days against --as-of.
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/run-cli.js';
import { getValidator } from '../../src/validate/ajv-factory.js';

const FILE = 'test/fixtures/rectify/township-plans.yaml';

describe('score with rectification tasks', () => {
  it('marks the tasks overdue on --as-of in the JSON report, which stays valid', async () => {
    const r = await runInProcess(['score', FILE, '--format', 'json', '--as-of', '2026-07-12']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(getValidator('report')(report)).toBe(true);
    expect(report.rectification).toEqual({ asOf: '2026-07-12', tasks: 3, open: 1, inProgress: 1, done: 1, overdue: 1 });
    const plan = (id: string) => report.items.find((i: { id: string }) => i.id === id).rectify;
    expect(plan('A1.2.2')).toEqual({ measures: '修订问题清单，逐条明确责任人和时限', owner: '王芳', due: '2026-06-30', status: 'in-progress', overdueDays: 12 });
    expect(plan('A2.2.2').overdueDays).toBeUndefined();
    // Done before its due date, and done is never overdue.
    expect(plan('A3.2.3')).toMatchObject({ status: 'done', doneOn: '2026-05-20', evidence: ['值班制度.pdf'] });
    expect(plan('A3.2.3').overdueDays).toBeUndefined();
    expect(plan('A3.3.2')).toBeUndefined();
  });

  it('is due, not overdue, on the due date itself', async () => {
    const r = await runInProcess(['score', FILE, '--format', 'json', '--as-of', '2026-06-30']);
    expect(JSON.parse(r.stdout).rectification.overdue).toBe(0);
  });

  it('lists measures, owner, due date, status and overdue days in the Markdown 整改清单, in both languages', async () => {
    const zh = await runInProcess(['score', FILE, '--as-of', '2026-07-12']);
    const list = zh.stdout.slice(zh.stdout.indexOf('## 整改清单'), zh.stdout.indexOf('## 提分建议'));
    expect(list).toContain('整改任务 3 项：未开始 1，整改中 1，已完成 1；截至 2026-07-12，逾期 1 项。');
    expect(list).toContain('**整改措施**：修订问题清单，逐条明确责任人和时限（责任人：王芳；期限：2026-06-30；整改中；⏰ **已逾期 12 天**）');
    expect(list).toContain('（责任人：李明；期限：2026-05-31；已完成；完成于 2026-05-20）');
    expect(list).toContain('整改佐证：值班制度.pdf');
    // A shortfall without a plan says so once the unit keeps plans.
    expect(list).toMatch(/\*\*A3\.3\.2\*\*[^\n]*\n(?:   - [^\n]*\n)*?   - 尚无整改计划/);
    const en = await runInProcess(['score', FILE, '--as-of', '2026-07-12', '--lang', 'en']);
    expect(en.stdout).toContain('3 rectification task(s): 1 open, 1 in progress, 1 done; 1 overdue as of 2026-07-12.');
    expect(en.stdout).toContain('(owner: 王芳; due 2026-06-30; in progress; ⏰ **12 day(s) overdue**)');
  });

  it('marks the overdue task in the HTML report', async () => {
    const r = await runInProcess(['score', FILE, '--format', 'html', '--as-of', '2026-07-12']);
    expect(r.stdout).toContain('<span class="overdue">已逾期 12 天</span>');
  });

  it('takes the day from SOURCE_DATE_EPOCH when --as-of is not given', async () => {
    // 2026-07-12T23:00:00Z: the UTC day, whatever the local time zone.
    const r = await runInProcess(['score', FILE, '--format', 'json'], { SOURCE_DATE_EPOCH: String(Date.UTC(2026, 6, 12, 23) / 1000) });
    expect(JSON.parse(r.stdout).rectification).toMatchObject({ asOf: '2026-07-12', overdue: 1 });
  });

  it('refuses a malformed or impossible --as-of with a usage error (exit 2) in the user language', async () => {
    for (const bad of ['2026-7-12', '2026-02-30', 'today', '']) {
      const r = await runInProcess(['score', FILE, '--as-of', bad]);
      expect(r.code, bad).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('--as-of 须为真实存在的日期');
    }
    const en = await runInProcess(['score', FILE, '--as-of', '2026-13-01', '--lang', 'en']);
    expect(en.stderr).toContain('--as-of must be a real date written YYYY-MM-DD');
  });

  it('leaves reports without tasks as they were: no counts, no plan lines', async () => {
    const r = await runInProcess(['score', 'examples/answers/department.yaml', '--format', 'json', '--as-of', '2026-07-12']);
    expect(JSON.parse(r.stdout).rectification).toBeUndefined();
  });
});

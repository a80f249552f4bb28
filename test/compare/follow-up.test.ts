// Round over round: fixed, newly failing, still failing (repeat findings), and last round's tasks closed on time, late or not at all.
import { describe, expect, it } from 'vitest';
import type { Rectify } from '../../src/model/answers.js';
import type { ItemOutcome } from '../../src/model/score-result.js';
import { followUp, judgeTask } from '../../src/compare/follow-up.js';
import { runInProcess } from '../helpers/run-cli.js';

const plan = (due: string, status: Rectify['status'], doneOn?: string): Rectify => ({ measures: 'm', owner: 'o', due, status, ...(doneOn ? { doneOn, evidence: ['e.pdf'] } : {}) });

describe('followUp', () => {
  // [last, now, bucket]
  const ROWS: [ItemOutcome | undefined, ItemOutcome | undefined, 'fixed' | 'newlyFailing' | 'stillFailing' | 'none'][] = [
    ['fail', 'pass', 'fixed'],
    ['partial', 'pass', 'fixed'],
    ['fail', 'partial', 'stillFailing'],
    ['partial', 'partial', 'stillFailing'],
    ['partial', 'fail', 'stillFailing'],
    ['pass', 'fail', 'newlyFailing'],
    ['na', 'partial', 'newlyFailing'],
    ['unanswered', 'fail', 'newlyFailing'],
    [undefined, 'fail', 'newlyFailing'],
    ['fail', 'na', 'none'],
    ['fail', 'unanswered', 'none'],
    ['fail', undefined, 'none'],
    ['pass', 'pass', 'none'],
  ];
  it.each(ROWS.map((r) => [`${r[0]} → ${r[1]}`, r] as const))('%s', (_name, [last, now, bucket]) => {
    const f = followUp(new Map(last ? [['X', last]] : []), new Map(now ? [['X', now]] : []), new Map(), ['X']);
    const found = (['fixed', 'newlyFailing', 'stillFailing'] as const).filter((k) => f[k].some((i) => i.id === 'X'));
    expect(found).toEqual(bucket === 'none' ? [] : [bucket]);
    if (bucket !== 'none') expect(f[bucket][0]).toEqual({ id: 'X', last: last ?? null, now: now ?? null });
  });

  it('judges last round’s tasks by their due dates, and says whether the item is met now', () => {
    expect(judgeTask('A', plan('2025-06-30', 'done', '2025-06-30'), true)).toMatchObject({ verdict: 'onTime', doneOn: '2025-06-30', fixedNow: true });
    expect(judgeTask('A', plan('2025-06-30', 'done', '2025-07-02'), false)).toMatchObject({ verdict: 'late', daysLate: 2, fixedNow: false });
    expect(judgeTask('A', plan('2025-06-30', 'in-progress'), false)).toMatchObject({ verdict: 'open' });
    const f = followUp(
      new Map<string, ItemOutcome>([['A', 'fail'], ['B', 'fail'], ['C', 'partial']]),
      new Map<string, ItemOutcome>([['A', 'pass'], ['B', 'fail'], ['C', 'pass']]),
      new Map([['A', plan('2025-06-30', 'done', '2025-06-01')], ['B', plan('2025-06-30', 'open')], ['C', plan('2025-06-30', 'done', '2025-08-01')]]),
      ['A', 'B', 'C'],
    );
    expect(f.taskCounts).toEqual({ total: 3, onTime: 1, late: 1, open: 1 });
    expect(f.tasks.map((t) => [t.item, t.verdict, t.fixedNow])).toEqual([['A', 'onTime', true], ['B', 'open', false], ['C', 'late', true]]);
  });
});

describe('wangxin compare: the follow-up of two rounds', () => {
  const OLD = 'examples/loop/2025/township.yaml';
  const NEW = 'examples/loop/2026/township.yaml';
  it('lists fixed, newly failing and repeat findings, and last round’s tasks, in JSON, on the verified answers where the office reviewed them', async () => {
    const r = await runInProcess(['compare', OLD, NEW, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    // Both rounds of the example were reviewed (township.review.yaml beside each): as in a batch's follow-up.
    expect(r.stderr).toContain('township.review.yaml');
    const f = JSON.parse(r.stdout).followUp;
    expect(f.fixed.map((i: { id: string }) => i.id)).toEqual(['A3.1.1', 'A4.1.2']);
    // A1.1.2 and A4.4.2 the unit rated as met, the office did not.
    expect(f.newlyFailing.map((i: { id: string; last: string; now: string }) => `${i.id} ${i.last}→${i.now}`)).toEqual(['A1.1.2 pass→partial', 'A4.4.2 pass→fail', 'A5.2.4 pass→partial']);
    const batch = JSON.parse((await runInProcess(['batch', 'examples/loop/2026', '--baseline', 'examples/loop/2025', '--format', 'json'])).stdout);
    const unit = batch.ranking.find((u: { unit: { name: string } }) => u.unit.name === '某某镇党委');
    expect(unit.baseline.followUp.newlyFailing).toEqual(f.newlyFailing.map((i: { id: string }) => i.id));
    expect(f.stillFailing.map((i: { id: string }) => i.id)).toContain('A4.4.3');
    expect(f.stillFailing).toHaveLength(13);
    // A3.2.5 and A4.1.7 are bonus items answered fail both years: a bonus not earned is no shortfall.
    expect(f.stillFailing.map((i: { id: string }) => i.id)).not.toContain('A3.2.5');
    expect(f.stillFailing.map((i: { id: string }) => i.id)).not.toContain('A4.1.7');
    expect(f.taskCounts).toEqual({ total: 4, onTime: 2, late: 1, open: 1 });
    expect(f.tasks.find((t: { item: string }) => t.item === 'A1.2.2')).toMatchObject({ verdict: 'late', daysLate: 20, doneOn: '2025-11-20', fixedNow: false });
  });

  it('shows the follow-up in Markdown, repeat findings first, in both languages', async () => {
    const zh = (await runInProcess(['compare', OLD, NEW])).stdout;
    expect(zh).toContain('已整改 2 项，新出现问题 3 项，仍未整改 13 项（重复发现）。');
    expect(zh.indexOf('### ⚠ 重复发现')).toBeLessThan(zh.indexOf('### 新出现的问题'));
    expect(zh).toContain('上一轮整改任务 4 项：按期完成 2，逾期完成 1，未完成 1。');
    expect(zh).toContain('| A1.2.2 | 对照“五个不”开展自查，形成问题清单 | 王芳（党政办主任） | 2025-10-31 | ⏰ 逾期 20 天完成（2025-11-20） | 仍未符合 |');
    const en = (await runInProcess(['compare', OLD, NEW, '--lang', 'en'])).stdout;
    expect(en).toContain('2 fixed, 3 newly failing, 13 still failing (repeat findings).');
    expect(en).toContain("Last round's rectification tasks: 4; 2 closed by the due date, 1 closed late, 1 not closed.");
  });
});

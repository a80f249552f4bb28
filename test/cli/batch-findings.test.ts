// `wangxin batch` on a small county whose every figure is worked out by hand: rankings, areas, items, types.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getValidator } from '../../src/validate/ajv-factory.js';
import { runInProcess } from '../helpers/run-cli.js';

const COUNTY = join('test', 'fixtures', 'batch', 'county');
const CHECKLIST = join(COUNTY, 'checklist.yaml');
const EPOCH = { SOURCE_DATE_EPOCH: '1767225600' };

interface Json {
  counts: Record<string, number>;
  ranking: { rank: number; typeRank: number; file: string; unit: { name: string }; score: number; why: string[] }[];
  findings: {
    areas: { id: string; units: number; average: number; min: number; max: number; weakest: { name: string; score: number }[] }[];
    items: { id: string; applying: number; failed: number; partial: number; unanswered: number; lost: number }[];
  };
  distribution: { byType: { type: string; count: number; averageScore: number; byGrade: number[] }[] };
}

async function json(args: string[] = []): Promise<Json> {
  const r = await runInProcess(['batch', COUNTY, '--checklist', CHECKLIST, '--format', 'json', ...args], EPOCH);
  return JSON.parse(r.stdout) as Json;
}

const r2 = (x: number): number => Math.round(x * 100) / 100;

// The units, scored by hand (partial earns half; A1 weighs 10 points, A2 11 for a township, 6 for
// a department, where A2.2 does not apply):
// 甲镇: A1 = (4 + 3)/10 = 70; A2 = (5 + 0 + 1)/11 = 54.55; score = 13/21 = 61.90 (合格)
// 乙镇: everything met: 100 (优秀). Its older copy (z-yi-older.yaml, an earlier date though later
//       in path order) fails four items and must count nowhere.
// 丙局: A1 = 6/10 = 60; A2 = (2.5 + 0)/6 = 41.67; score = 8.5/16 = 53.13, vetoed by A2.3 (不合格)
// 丁局: A1 = 100; A2 = (0 + 1)/6 = 16.67 (A2.1 unanswered); score = 11/16 = 68.75 (合格)
const JIA = r2((100 * 13) / 21);
const BING = 53.13; // 100 × 8.5 / 16 = 53.125, rounded half away from zero
const DING = (100 * 11) / 16;

describe('batch county-wide figures, worked out by hand', () => {
  it('ranks verdict first overall and within each unit type', async () => {
    const j = await json();
    expect(j.ranking.map((r) => [r.unit.name, r.rank, r.typeRank, r.score])).toEqual([
      ['乙镇', 1, 1, 100],
      ['丁局', 2, 1, DING],
      ['甲镇', 3, 2, JIA],
      // 53.13 points, but vetoed: below every unit that is not, and below 丁局 in its type.
      ['丙局', 4, 2, BING],
    ]);
    expect(j.ranking.find((r) => r.unit.name === '丙局')!.why).toEqual(['一票否决：A2.3（年内未发生重大网络安全事件）']);
    expect(j.ranking.find((r) => r.unit.name === '丁局')!.why).toEqual(['1 项未作答']);
    expect(j.counts).toMatchObject({ files: 5, valid: 5, superseded: 1, vetoed: 1, incomplete: 1, other: 1 });
  });

  it('gives each area its average over the units, its lowest and highest score, and its weakest units', async () => {
    const j = await json();
    const [a1, a2] = j.findings.areas;
    expect(a1).toMatchObject({ id: 'A1', units: 4, average: r2((70 + 100 + 60 + 100) / 4), min: 60, max: 100 });
    expect(a1.weakest).toMatchObject([
      { name: '丙局', score: 60 },
      { name: '甲镇', score: 70 },
      // 乙镇 and 丁局 tie at 100: the ranking's order decides.
      { name: '乙镇', score: 100 },
    ]);
    expect(a2).toMatchObject({ id: 'A2', units: 4, average: r2((54.55 + 100 + 41.67 + 16.67) / 4), min: 16.67, max: 100 });
    expect(a2.weakest.map((w) => w.name)).toEqual(['丁局', '丙局', '甲镇']);
  });

  it('counts per item how many applying units failed, met in part or skipped it, by points lost', async () => {
    const j = await json();
    expect(j.findings.items.map((i) => [i.id, i.failed, i.partial, i.unanswered, i.applying, i.lost])).toEqual([
      // 丙局 partial (5 × 0.5 lost) and 丁局 unanswered (5 lost)
      ['A2.1', 0, 1, 1, 4, 2.5 + 5],
      // townships only: 甲镇 failed it
      ['A2.2', 1, 0, 0, 2, 5],
      ['A1.1', 1, 0, 0, 4, 4],
      ['A1.2', 0, 1, 0, 4, 3],
      // the veto item 丙局 failed
      ['A2.3', 1, 0, 0, 4, 1],
    ]);
  });

  it('gives each unit type its average and grade distribution, the superseded copy left out', async () => {
    const j = await json();
    expect(j.distribution.byType).toEqual([
      { type: 'township', label: '乡镇', count: 2, averageScore: r2((JIA + 100) / 2), byGrade: [1, 1, 0] },
      { type: 'department', label: '部门', count: 2, averageScore: r2((DING + BING) / 2), byGrade: [0, 1, 1] },
    ]);
  });

  it('gives the same figures in JSON, JSON Lines and Markdown, in both languages', async () => {
    const one = await json();
    const validate = getValidator('batch');
    expect(validate(one), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const lines = (await runInProcess(['batch', COUNTY, '--checklist', CHECKLIST, '--format', 'jsonl'], EPOCH)).stdout.trimEnd().split('\n');
    expect((JSON.parse(lines[lines.length - 1]) as Json).findings).toEqual(one.findings);
    const zh = (await runInProcess(['batch', COUNTY, '--checklist', CHECKLIST], EPOCH)).stdout;
    expect(zh).toContain('| A2.1 | 终端安装防病毒软件 | 0 | 1 | 1 | 4 | 7.5 |');
    expect(zh).toContain('| A1 一、责任落实 | 4 | 82.5 | 60.0 | 100.0 | 丙局 60.0；甲镇 70.0；乙镇 100.0 |');
    expect(zh).toContain('| 乡镇 | 2 | 81.0 | 1 | 1 | 0 |');
    const en = (await runInProcess(['batch', COUNTY, '--checklist', CHECKLIST, '--lang', 'en'], EPOCH)).stdout;
    expect(en).toContain('## County-wide findings');
    expect(en).toContain('| A2.2 | Village websites are registered | 1 | 0 | 0 | 2 | 5.0 |');
  });
});

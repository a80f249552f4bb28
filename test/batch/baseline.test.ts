// batch --baseline: loading a baseline folder (answers, JSON reports, bad files, duplicates), matching units, deltas, the Markdown section.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  applyBaseline,
  compareToBaseline,
  describeBaselineWarnings,
  loadBaseline,
  unitKey,
  type BaselineOptions,
  type BaselineUnit,
  type LoadedBaseline,
} from '../../src/batch/baseline.js';
import type { FileOutcome, UnitSummary } from '../../src/model/batch.js';
import { summarizeBatch } from '../../src/batch/summary.js';
import { formatBatchMarkdown } from '../../src/report/batch-markdown.js';
import { ROOT } from '../helpers/run-cli.js';

const OLD = join('test', 'fixtures', 'batch', 'baseline', 'old');
const OPTIONS: BaselineOptions = { cwd: ROOT, lang: 'zh', generatedAt: '2026-01-01T00:00:00.000Z', jobs: 1 };
const dir = mkdtempSync(join(tmpdir(), 'wangxin-baseline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadBaseline', () => {
  it('scores answer files, reads JSON reports, and skips invalid files with a warning', async () => {
    const b = await loadBaseline(OLD, OPTIONS);
    expect(b.missing).toBe(false);
    const units = [...b.units.values()].map((u) => [u.name, u.type, u.score, u.grade.index, u.file.replace(/\\/g, '/').replace(`${OLD}/`, '')]);
    expect(units).toEqual(
      expect.arrayContaining([
        ['某某县供电公司', 'cii-operator', 73.66, 2, 'cii-operator.yaml'],
        ['县教育体育局', 'department', 62.71, 2, 'department.yaml'],
        ['某某网络科技有限公司', 'internet-enterprise', 88.1, 1, 'internet-enterprise.json'],
        ['某某镇党委', 'township', 47.4, 3, 'township.yaml'],
      ]),
    );
    // broken.yaml names an unknown item: left out; notes.txt is not a submission at all.
    expect(b.units.size).toBe(4);
    expect(b.warnings).toHaveLength(1);
    const w = b.warnings[0];
    expect(w.kind).toBe('skipped');
    if (w.kind !== 'skipped') return;
    expect(w.file.replace(/\\/g, '/')).toBe(`${OLD.replace(/\\/g, '/')}/broken.yaml`);
    expect(w.diagnostic.code).toBe('UNKNOWN_ITEM');
    expect(describeBaselineWarnings(b.warnings, 'en')[0]).toMatch(/^baseline: skipped .*broken\.yaml:9:3: the checklist has no item "A9\.9\.9"$/);
    expect(describeBaselineWarnings(b.warnings, 'zh')[0]).toMatch(/^基线：已跳过 .*broken\.yaml:9:3：/);
  });

  it('says so when the baseline does not exist, and warns about an empty one', async () => {
    expect((await loadBaseline('no-such-baseline', OPTIONS)).missing).toBe(true);
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    const b = await loadBaseline(empty, OPTIONS);
    expect(b.missing).toBe(false);
    expect(b.units.size).toBe(0);
    expect(b.warnings).toEqual([{ kind: 'empty', dir: empty }]);
    expect(describeBaselineWarnings(b.warnings, 'en')[0]).toContain('no answer files or reports');
  });

  it('uses the last file in path order for a unit found twice, with a warning naming both', async () => {
    const twice = join(dir, 'twice');
    cpSync(join(ROOT, OLD, 'township.yaml'), join(twice, 'a', 'township.yaml'), { recursive: true });
    cpSync(join(ROOT, 'examples', 'answers', 'township.yaml'), join(twice, 'b', 'township-v2.yaml'), { recursive: true }); // answered on 1.1.0, the other on 1.0.0: each scored on its own version
    const b = await loadBaseline(twice, OPTIONS);
    const u = b.units.get(unitKey('某某镇党委', 'township'))!;
    expect(u.score).toBe(85.54);
    expect(u.file).toBe(join(twice, 'b', 'township-v2.yaml'));
    expect(b.warnings).toEqual([
      { kind: 'duplicate', name: '某某镇党委', type: 'township', used: join(twice, 'b', 'township-v2.yaml'), ignored: [join(twice, 'a', 'township.yaml')] },
    ]);
    expect(describeBaselineWarnings(b.warnings, 'en')[0]).toContain('is in several files; using');
  });

  it('skips a JSON file that is not a valid report, and an unreadable one, without throwing', async () => {
    const odd = join(dir, 'odd');
    mkdirSync(odd);
    writeFileSync(join(odd, 'bad-report.json'), JSON.stringify({ schemaVersion: 1, items: [], score: 'x' }));
    writeFileSync(join(odd, 'half-report.json'), JSON.stringify({ schemaVersion: 1, items: [], score: 50 }));
    writeFileSync(join(odd, 'gbk.yaml'), Buffer.from([0xc4, 0xe3, 0xba, 0xc3, 0xff, 0xfe]));
    const b = await loadBaseline(odd, OPTIONS);
    expect(b.units.size).toBe(0);
    expect(b.warnings.map((w) => (w.kind === 'skipped' ? [basename(w.file), w.diagnostic.file === w.file] : w.kind))).toEqual([
      ['bad-report.json', true],
      ['gbk.yaml', true],
      ['half-report.json', true],
    ]);
  });
});

function unit(name: string, type: string, score: number, grade: number): UnitSummary {
  return {
    checklist: { id: 'c', version: '1.0.0' },
    unit: { name, type, typeLabel: type },
    score,
    baseScore: score,
    bonusScore: 0,
    grade: { index: grade, label: `g${grade}`, min: 0 },
    vetoed: false,
    vetoItems: [],
    complete: true,
    unanswered: [],
    areaIds: [],
    areaScores: [],
  };
}

function valid(file: string, summary: UnitSummary): FileOutcome {
  return { file, status: 'valid', fast: true, summary, errors: [], errorCount: 0, warnings: [], warningCount: 0 };
}

function base(name: string, type: string, score: number, grade: number): [string, BaselineUnit] {
  return [unitKey(name, type), { name, type, typeLabel: type, score, grade: { index: grade, label: `g${grade}` }, file: `old/${name}.yaml` }];
}

describe('applyBaseline', () => {
  it('computes the change, the grade change, new and missing units, and the top five each way', () => {
    const outcomes = [
      valid('new/up.yaml', unit('升', 'township', 88.76, 1)),
      valid('new/down.yaml', unit('降', 'township', 50.85, 3)),
      valid('new/same.yaml', unit('平', 'department', 70, 2)),
      valid('new/fresh.yaml', unit('新来', 'township', 90, 0)),
      // Same name, other type: not the baseline's 升.
      valid('new/other-type.yaml', unit('升', 'department', 60, 2)),
      // Name padded with spaces still matches (as batch's duplicate check trims).
      valid('new/padded.yaml', unit(' 小升 ', 'township', 61, 2)),
      ...Array.from({ length: 6 }, (_, i) => valid(`new/d${i}.yaml`, unit(`降${i}`, 'township', 40 + i, 3))),
    ];
    const summary = summarizeBatch(outcomes, [], { allowIncomplete: false }, { generatedAt: 'now', lang: 'zh' });
    const loaded: LoadedBaseline = {
      dir: 'old',
      missing: false,
      warnings: [],
      units: new Map([
        base('升', 'township', 47.4, 3),
        base('降', 'township', 62.71, 2),
        base('平', 'department', 70, 2),
        base('小升', 'township', 60, 2),
        base('走了', 'cii-operator', 80, 1),
        base('甲走了', 'township', 80, 1),
        ...Array.from({ length: 6 }, (_, i) => base(`降${i}`, 'township', 60, 2)),
      ]),
    };
    applyBaseline(summary, loaded);
    const byFile = new Map(summary.ranking.map((r) => [summary.files[r.index].file, r.baseline]));
    expect(byFile.get('new/up.yaml')).toEqual({ score: 47.4, delta: 41.36, gradeChange: 'up', grade: { index: 3, label: 'g3' }, file: 'old/升.yaml' });
    expect(byFile.get('new/down.yaml')).toMatchObject({ delta: -11.86, gradeChange: 'down' });
    expect(byFile.get('new/same.yaml')).toMatchObject({ delta: 0, gradeChange: 'same' });
    expect(byFile.get('new/padded.yaml')).toMatchObject({ delta: 1, gradeChange: 'same' });
    expect(byFile.get('new/fresh.yaml')).toBeUndefined();
    expect(byFile.get('new/other-type.yaml')).toBeUndefined();
    const b = summary.baseline!;
    expect(b).toMatchObject({ dir: 'old', matched: 10, newUnits: 2 });
    expect(b.missingUnits.map((u) => [u.name, u.type])).toEqual([
      ['甲走了', 'township'],
      ['走了', 'cii-operator'],
    ]);
    expect(b.improvements.map((c) => [c.name, c.delta])).toEqual([
      ['升', 41.36],
      [' 小升 ', 1],
    ]);
    // Seven declines, five shown: the biggest first.
    expect(b.declines.map((c) => [c.name, c.delta])).toEqual([
      ['降0', -20],
      ['降1', -19],
      ['降2', -18],
      ['降3', -17],
      ['降4', -16],
    ]);

    const md = formatBatchMarkdown(summary, { lang: 'en' });
    expect(md).toContain('| Rank | Unit | Type | Score | Change | Grade |');
    expect(md).toMatch(/\| 升 \| township \| 88\.8 \| \+41\.4 ↑ \|/);
    expect(md).toMatch(/\| 降 \| township \| 50\.9 \| −11\.9 ↓ \|/);
    expect(md).toMatch(/\| 平 \| department \| 70\.0 \| 0\.0 \|/);
    expect(md).toMatch(/\| 新来 \| township \| 90\.0 \| new \|/);
    expect(md).toContain('## Compared with the baseline');
    expect(md).toContain('Baseline: old. Units with a baseline: 10; new units: 2; units missing now: 2.');
    expect(md).toContain('### Biggest improvements');
    expect(md).toContain('| 升 | township | 47.4 | 88.8 | +41.4 |');
    expect(md).toContain('### In the baseline but not validly submitted now (2)');
    expect(md).toContain('| 走了 | cii-operator | old/走了.yaml |');
    expect(md).not.toContain('降5 | township | 60.0');
    const zh = formatBatchMarkdown(summary, { lang: 'zh' });
    expect(zh).toContain('| 名次 | 单位 | 类型 | 得分 | 变化 | 等次 |');
    expect(zh).toMatch(/\| 新来 \| township \| 90\.0 \| 新 \|/);
    expect(zh).toContain('## 与基线比较');
    expect(zh).toContain('### 进步最大');
    expect(zh).toContain('### 退步最大');
  });

  it('leaves the Markdown and the summary as they were without a baseline', () => {
    const summary = summarizeBatch([valid('a.yaml', unit('甲', 'township', 80, 1))], [], { allowIncomplete: false }, { generatedAt: 'now', lang: 'en' });
    const md = formatBatchMarkdown(summary, { lang: 'en' });
    expect(summary.baseline).toBeUndefined();
    expect(summary.ranking[0].baseline).toBeUndefined();
    expect(md).not.toContain('Change');
    expect(md).not.toContain('baseline');
  });

  it('with an empty baseline: every unit is new, "none" in the lists', () => {
    const summary = summarizeBatch([valid('a.yaml', unit('甲', 'township', 80, 1))], [], { allowIncomplete: false }, { generatedAt: 'now', lang: 'en' });
    applyBaseline(summary, { dir: 'empty', missing: false, warnings: [], units: new Map() });
    expect(summary.baseline).toEqual({ dir: 'empty', matched: 0, newUnits: 1, missingUnits: [], improvements: [], declines: [] });
    const md = formatBatchMarkdown(summary, { lang: 'en' });
    expect(md).toContain('### Biggest improvements\n\nnone');
    expect(md).toContain('### In the baseline but not validly submitted now (0)\n\nnone');
  });
});

describe('compareToBaseline', () => {
  it('rounds the delta to 2 decimals and compares grades by their index (0 is the best)', () => {
    const b: BaselineUnit = { name: 'x', type: 't', typeLabel: 't', score: 84.3, grade: { index: 1, label: '良好' }, file: 'f' };
    expect(compareToBaseline(87.5, 1, b)).toMatchObject({ delta: 3.2, gradeChange: 'same' });
    expect(compareToBaseline(90, 0, b).gradeChange).toBe('up');
    expect(compareToBaseline(70, 2, b)).toMatchObject({ delta: -14.3, gradeChange: 'down' });
  });
});

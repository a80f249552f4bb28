// `batch --baseline`: item by item per unit (fixed, newly failing, repeat findings) and last round's tasks, from answer files or JSON reports.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/run-cli.js';
import { getValidator } from '../../src/validate/ajv-factory.js';

const NOW = 'examples/loop/2026';
const LAST = 'examples/loop/2025';
const tmp = mkdtempSync(join(tmpdir(), 'wangxin-follow-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The ranking's follow-up by unit name. */
function byUnit(doc: { ranking: { unit: { name: string }; baseline: { followUp?: unknown } | null }[] }): Record<string, unknown> {
  return Object.fromEntries(doc.ranking.map((r) => [r.unit.name, r.baseline?.followUp]));
}

describe('batch --baseline: the follow-up', () => {
  it('gives each unit its fixed, newly failing and repeat items and last round’s tasks, valid against the schema', async () => {
    for (const jobs of ['1', '2']) {
      const r = await runInProcess(['batch', NOW, '--baseline', LAST, '--format', 'json', '--jobs', jobs]);
      const doc = JSON.parse(r.stdout);
      expect(getValidator('batch')(doc)).toBe(true);
      const units = byUnit(doc) as Record<string, { fixed: string[]; newlyFailing: string[]; stillFailing: string[]; tasks: unknown }>;
      expect(units['某某镇党委'].fixed).toEqual(['A3.1.1', 'A4.1.2']);
      // On the verified answers: the office's review (township.review.yaml) found A1.1.2 and A4.4.2 short this year.
      expect(units['某某镇党委'].newlyFailing).toEqual(['A1.1.2', 'A4.4.2', 'A5.2.4']);
      expect(units['某某镇党委'].stillFailing).toHaveLength(13);
      expect(units['某某镇党委'].stillFailing).toContain('A4.4.3');
      expect(units['某某镇党委'].tasks).toEqual({ total: 4, onTime: 2, late: 1, open: 1 });
      expect(units['县教育体育局'].tasks).toEqual({ total: 1, onTime: 0, late: 0, open: 1 });
      expect(doc.baseline.followUp).toEqual({ fixed: 2, newlyFailing: 4, stillFailing: 37, repeatUnits: 2, tasks: { total: 5, onTime: 2, late: 1, open: 2 } });
    }
  });

  it('gives the same follow-up against last round’s JSON reports', async () => {
    const dir = join(tmp, 'reports');
    mkdirSync(dir);
    for (const unit of ['township', 'department']) {
      const r = await runInProcess(['score', `${LAST}/${unit}.yaml`, '--format', 'json']);
      writeFileSync(join(dir, `${unit}.json`), r.stdout);
    }
    const fromReports = JSON.parse((await runInProcess(['batch', NOW, '--baseline', dir, '--format', 'json'])).stdout);
    const fromAnswers = JSON.parse((await runInProcess(['batch', NOW, '--baseline', LAST, '--format', 'json'])).stdout);
    expect(byUnit(fromReports)).toEqual(byUnit(fromAnswers));
    expect(fromReports.baseline.followUp).toEqual(fromAnswers.baseline.followUp);
  });

  it('shows a follow-up table in the Markdown summary, repeat findings flagged', async () => {
    const md = (await runInProcess(['batch', NOW, '--baseline', LAST])).stdout;
    expect(md).toContain('## 整改跟踪');
    expect(md).toContain('与基线相比：已整改 2 项，新出现问题 4 项，重复发现 37 项（涉及 2 个单位）；基线中的整改任务 5 项：按期完成 2，逾期完成 1，未完成 2。');
    expect(md).toMatch(/\| 某某镇党委 \| 2 \| 3 \| ⚠ 13：A1\.2\.2, [^|]*A4\.4\.3 \| 4 项：按期 2，逾期 1，未完成 1 \|/);
    const en = (await runInProcess(['batch', NOW, '--baseline', LAST, '--lang', 'en'])).stdout;
    expect(en).toContain("the baseline's 5 rectification tasks: 2 closed by the due date, 1 late, 2 not closed.");
    expect(en).toMatch(/\| ⚠ 13: A1\.2\.2, /);
  });

  it('leaves the follow-up out without --baseline', async () => {
    const doc = JSON.parse((await runInProcess(['batch', NOW, '--format', 'json'])).stdout);
    expect(doc.baseline).toBeUndefined();
    expect(doc.ranking[0].baseline).toBeUndefined();
  });
});

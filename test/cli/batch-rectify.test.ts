// `batch` adds the ledger's counts (open, overdue, done this period) to its summary, on --as-of, in every output.
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/run-cli.js';
import { getValidator } from '../../src/validate/ajv-factory.js';

const UNITS = 'test/fixtures/ledger/units';

describe('batch with rectification tasks', () => {
  it('counts the valid units’ tasks in the JSON summary and in each report, valid against the schema; in threads too', async () => {
    for (const jobs of ['1', '2']) {
      const r = await runInProcess(['batch', UNITS, '--format', 'json', '--as-of', '2026-07-12', '--jobs', jobs]);
      expect(r.code).toBe(1); // the invalid file fails the batch
      const doc = JSON.parse(r.stdout);
      expect(getValidator('batch')(doc)).toBe(true);
      // The same counts as the ledger: the invalid file's task is not counted; d has none.
      expect(doc.rectification).toEqual({ asOf: '2026-07-12', since: '2026-01-01', units: 2, tasks: 5, open: 3, overdue: 2, doneThisPeriod: 1 });
      const a = doc.files.find((f: { file: string }) => f.file.endsWith('a-township.yaml'));
      expect(a.report.rectification).toEqual({ asOf: '2026-07-12', tasks: 3, open: 1, inProgress: 1, done: 1, overdue: 1 });
    }
  });

  it('puts the counts in the JSON Lines summary line and under the Markdown counts', async () => {
    const lines = (await runInProcess(['batch', UNITS, '--format', 'jsonl', '--as-of', '2026-03-31', '--since', '2025-12-01'])).stdout.trim().split('\n');
    const last = JSON.parse(lines[lines.length - 1]);
    // The task done on 2026-05-20 was still open on 2026-03-31.
    expect(last.rectification).toEqual({ asOf: '2026-03-31', since: '2025-12-01', units: 2, tasks: 5, open: 4, overdue: 0, doneThisPeriod: 1 });
    const md = (await runInProcess(['batch', UNITS, '--as-of', '2026-07-12'])).stdout;
    expect(md).toContain('整改任务（截至 2026-07-12）：2 个单位共 5 项；未完成 3 项，其中逾期 2 项；2026-01-01 以来已完成 1 项。');
    expect(md.indexOf('整改任务（截至')).toBeLessThan(md.indexOf('## 排名'));
  });

  it('says nothing about tasks when no unit has one, and refuses a bad --as-of', async () => {
    const r = await runInProcess(['batch', 'examples/answers', '--format', 'json']);
    expect(JSON.parse(r.stdout).rectification).toBeUndefined();
    const bad = await runInProcess(['batch', UNITS, '--as-of', '2026-02-30']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--as-of 须为真实存在的日期');
  });
});

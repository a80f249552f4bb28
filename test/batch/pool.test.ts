// The worker pool: how many threads, results in input order whatever the finishing order, shared strings.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { internStrings, runFiles, WORKBOOK_WORKER_LIMITS, WORKER_FILE, WORKER_LIMITS, workerCount, workerLimits } from '../../src/batch/pool.js';
import type { FileOutcome } from '../../src/model/batch.js';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples', 'answers');

describe('pool', () => {
  it('gives workers the larger young generation only when the batch has answer workbooks', () => {
    const file = (name: string) => ({ file: name, path: `/x/${name}` });
    expect(workerLimits([file('a.yaml'), file('b.yml')])).toBe(WORKER_LIMITS);
    expect(workerLimits([file('a.yaml'), file('某某镇.XLSX')])).toBe(WORKBOOK_WORKER_LIMITS);
    expect(WORKBOOK_WORKER_LIMITS.maxYoungGenerationSizeMb).toBeGreaterThan(WORKER_LIMITS.maxYoungGenerationSizeMb);
  });

  it('starts threads only when there is enough work for them, never more than --jobs', () => {
    expect(workerCount(1000, 1)).toBe(0);
    expect(workerCount(10, 8)).toBe(0);
    expect(workerCount(48, 8)).toBe(2);
    expect(workerCount(1000, 4)).toBe(4);
    expect(workerCount(1000, 2)).toBe(2);
  });

  it('uses the bundled worker in dist/ (built by pretest)', () => {
    expect(WORKER_FILE.replace(/\\/g, '/')).toMatch(/\/dist\/batch-worker\.cjs$/);
    expect(existsSync(WORKER_FILE)).toBe(true);
  });

  it('returns outcomes in input order with worker threads, the same as in-process', async () => {
    const names = readdirSync(EXAMPLES);
    // 60 files, with a missing one in the middle, so chunks finish in varied order.
    const files = Array.from({ length: 60 }, (_, i) => {
      const path = i === 31 ? join(EXAMPLES, 'missing.yaml') : join(EXAMPLES, names[i % names.length]);
      return { file: `f${String(i).padStart(2, '0')}`, path };
    });
    const options = { lang: 'en' as const, generatedAt: '2026-01-01T00:00:00.000Z', keepReport: false };
    const progress: number[] = [];
    const threaded = await runFiles(files, options, 2, (n) => progress.push(n));
    const inline = await runFiles(files, options, 1);
    expect(threaded.map((o) => o.file)).toEqual(files.map((f) => f.file));
    expect(threaded).toEqual(inline);
    expect(threaded[31].status).toBe('unreadable');
    expect(progress[progress.length - 1]).toBe(60);
  });

  it.each([1, 2])('hands each outcome on in input order as soon as it and those before it are in (--jobs %i)', async (jobs) => {
    const names = readdirSync(EXAMPLES);
    const files = Array.from({ length: 200 }, (_, i) => ({ file: `f${String(i).padStart(3, '0')}`, path: join(EXAMPLES, names[i % names.length]) }));
    const options = { lang: 'en' as const, generatedAt: '2026-01-01T00:00:00.000Z', keepReport: true };
    let done = 0;
    const handed: { index: number; doneThen: number; file: string; hasReport: boolean }[] = [];
    const outcomes = await runFiles(files, options, jobs, (n) => (done = n), [], (outcome, index) => {
      handed.push({ index, doneThen: done, file: outcome.file, hasReport: outcome.report !== undefined });
      // What a streamed summary does: write the report out and let go of it.
      outcome.report = undefined;
    });
    expect(handed.map((h) => h.index)).toEqual(files.map((_, i) => i));
    expect(handed.map((h) => h.file)).toEqual(files.map((f) => f.file));
    expect(handed.every((h) => h.hasReport)).toBe(true);
    // Streamed: the first outcomes go out long before the last file is done, not all at the end.
    expect(handed[0].doneThen).toBeLessThan(files.length / 2);
    // And the returned outcomes no longer hold the reports the caller let go of.
    expect(outcomes.every((o) => o.report === undefined && o.summary !== undefined)).toBe(true);
  });

  it('gives every report intact when a worker gets its next chunk while a file of the last one waits', async () => {
    // Invalid files take the slow path, which awaits: the worker's next chunk arrives meanwhile.
    const names = readdirSync(EXAMPLES);
    const invalid = join(import.meta.dirname, '..', 'fixtures', 'batch', 'mixed', 'invalid.yaml');
    const files = Array.from({ length: 320 }, (_, i) => ({ file: `f${String(i).padStart(3, '0')}`, path: i % 5 === 2 ? invalid : join(EXAMPLES, names[i % names.length]) }));
    const options = { lang: 'en' as const, generatedAt: '2026-01-01T00:00:00.000Z', keepReport: true };
    const texts = (outcomes: FileOutcome[]): (string | undefined)[] => outcomes.map((o) => (o.report ? Buffer.from(o.report).toString('utf8') : undefined));
    const threaded = texts(await runFiles(files, options, 2));
    const inline = texts(await runFiles(files, options, 1));
    expect(threaded).toEqual(inline);
    expect(threaded.filter((t) => t !== undefined)).toHaveLength(256);
    for (const t of threaded) if (t !== undefined) expect((JSON.parse(t) as { schemaVersion: number }).schemaVersion).toBe(1);
  });

  it('shares one copy of the strings every outcome repeats', () => {
    const make = (): FileOutcome => ({
      file: 'x',
      status: 'valid',
      fast: true,
      errors: [],
      errorCount: 0,
      warnings: [],
      warningCount: 0,
      summary: {
        checklist: { id: 'c', version: '1' },
        unit: { name: 'n', type: 'township', typeLabel: '乡镇' },
        score: 1,
        baseScore: 1,
        bonusScore: 0,
        grade: { index: 0, label: '优秀', min: 90 },
        vetoed: false,
        vetoItems: [],
        complete: true,
        unanswered: [],
        areaIds: ['A1'],
        areaScores: [1],
      },
    });
    const strings = new Map<string, string>();
    const shared = new Map<string, object>();
    const a = internStrings(make(), strings, shared);
    const b = internStrings(make(), strings, shared);
    expect(b).toEqual(a);
    expect(a).toEqual(make()); // nothing changed but identity
    expect(strings.size).toBe(6);
    // One checklist object, one grade object and one empty list for all of them, frozen.
    expect(b.summary!.checklist).toBe(a.summary!.checklist);
    expect(b.summary!.grade).toBe(a.summary!.grade);
    expect(b.errors).toBe(a.summary!.vetoItems);
    expect(Object.isFrozen(a.summary!.grade) && Object.isFrozen(a.errors)).toBe(true);
    expect(() => (a.errors as unknown[]).push(1)).toThrow(TypeError);
    // A different grade is its own object; non-empty lists keep their ids.
    const c = make();
    c.summary!.grade = { index: 1, label: '良好', min: 75 };
    c.summary!.unanswered = ['A1.1.1'];
    const ci = internStrings(c, strings, shared);
    expect(ci.summary!.grade).not.toBe(a.summary!.grade);
    expect(ci.summary!.grade).toEqual({ index: 1, label: '良好', min: 75 });
    expect(ci.summary!.unanswered).toEqual(['A1.1.1']);
  });
});

// Workbook and answer file hold the same answers: a round-trip property, and batch results identical for the same answers in either format.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { runInProcess } from '../helpers/run-cli.js';
import { builtinFile } from '../../src/checklist/resolve-checklist.js';
import { loadChecklist } from '../../src/checklist/load-checklist.js';
import { applyingItems, kindOf, type Checklist, type Item } from '../../src/model/checklist.js';
import type { Answer, Answers, Rectify } from '../../src/model/answers.js';
import { answerFallsShort } from '../../src/validate/answers-rules.js';
import { orderAnswers, serializeAnswers } from '../../src/walk/answer-file.js';
import { writeWorkbook } from '../../src/workbook/write-workbook.js';
import { readWorkbookBytes } from '../../src/workbook/read-workbook.js';
import { checkParsed } from '../../src/check/check-file.js';

let tmp = '';
let checklist: Checklist;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'wangxin-roundtrip-'));
  checklist = (await loadChecklist(builtinFile('county-cyber-2018')!)).checklist!;
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Free text as people write it, formula-like starts included; a note is not blank, an evidence entry one trimmed line. */
const note = fc.oneof(fc.constantFrom('=1+1', '+86 871 6100001', '-已整改', '@所有人', '说明，含“引号”与 full-width　空格', 'line one\nline two'), fc.string({ minLength: 1, maxLength: 30 }).filter((s) => /\S/.test(s) && !/[\r\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/.test(s)));
const evidence = fc.array(
  fc.oneof(
    fc.constantFrom('会议纪要.pdf', 'https://example.org/a?b=1', '=cmd.pdf'),
    fc.record({ path: fc.constantFrom('签到表.pdf', 'dir/照片.jpg'), sha256: fc.stringMatching(/^[0-9a-f]{64}$/) }),
  ),
  { maxLength: 3 },
);

/** A real calendar day from 2000 to 2099, as an answer file writes it. */
const day = fc.integer({ min: Date.UTC(2000, 0, 1) / 86_400_000, max: Date.UTC(2099, 11, 31) / 86_400_000 }).map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));

/** A rectification task that passes the rules: a done one with its date and evidence; a doneOn on an open one is only a warning. */
const task: fc.Arbitrary<Rectify> = fc
  .record({ measures: note, owner: note, due: day, status: fc.constantFrom('open' as const, 'in-progress' as const, 'done' as const), doneOn: fc.option(day, { nil: undefined }), evidence: fc.option(evidence, { nil: undefined }) })
  .map((t) => {
    if (t.status !== 'done') return { measures: t.measures, owner: t.owner, due: t.due, status: t.status, ...(t.doneOn ? { doneOn: t.doneOn } : {}), ...(t.evidence?.length ? { evidence: t.evidence } : {}) };
    return { measures: t.measures, owner: t.owner, due: t.due, status: t.status, doneOn: t.doneOn ?? t.due, evidence: t.evidence?.length ? t.evidence : ['整改报告.pdf'] };
  });

function answerFor(item: Item): fc.Arbitrary<Answer | undefined> {
  const extras = fc.record({ note, evidence }, { requiredKeys: [] });
  const na = note.map((n) => ({ status: 'na' as const, note: n }));
  const kind = kindOf(item);
  const main: fc.Arbitrary<Answer> =
    kind === 'ratio'
      ? fc.oneof(na, fc.integer({ min: 0, max: 1000 }).map((n) => ({ value: n / 1000 })))
      : kind === 'deduct'
        ? fc.oneof(
            na,
            fc.tuple(...item.deductions!.map(() => fc.integer({ min: 0, max: 4 }))).map((counts) => ({ deductions: Object.fromEntries(counts.map((c, i) => [item.deductions![i].id, c])) })),
          )
        : item.veto
          ? fc.constantFrom<Answer>({ status: 'pass' }, { status: 'fail' }) // a veto item: pass or fail only
          : fc.oneof(na, fc.constantFrom<Answer>({ status: 'pass' }, { status: 'fail' }, { status: 'partial' }));
  // An answer that falls short has a task about half the time.
  const withTask = fc.tuple(main, extras, fc.option(task, { nil: undefined })).map(([m, e, plan]): Answer => {
    const answer = { ...m, ...e, ...(m.status === 'na' ? { note: m.note } : {}) };
    return plan && answerFallsShort(answer, kind) ? { ...answer, rectify: plan } : answer;
  });
  return fc.option(withTask, { nil: undefined, freq: 4 });
}

/** Random answers of a township or a department to the built-in checklist. */
const answersArb = (): fc.Arbitrary<Answers> =>
  fc.constantFrom('township', 'department').chain((type) => {
    const items = applyingItems(checklist, type).map((p) => p.item);
    return fc
      .record({
        name: fc.constantFrom('某某镇党委', '=某局', '  县委办 ', 'Unit + 1'),
        code: fc.option(fc.constantFrom('530xxx-01', '0042'), { nil: undefined }),
        assessor: fc.option(fc.record({ name: fc.constantFrom('李明'), contact: fc.constantFrom('0871-6100001', '+86 138') }), { nil: undefined }),
        period: fc.option(fc.constantFrom('2026', '2026年上半年'), { nil: undefined }),
        given: fc.tuple(...items.map(answerFor)),
      })
      .map(({ name, code, assessor, period, given }) => {
        const map: Record<string, Answer> = {};
        items.forEach((item, i) => {
          if (given[i] !== undefined) map[item.id] = given[i]!;
        });
        return {
          schemaVersion: 1 as const,
          checklist: { id: checklist.id, version: checklist.version },
          unit: { name: name.trim(), type, ...(code !== undefined ? { code } : {}) },
          ...(assessor ? { assessor } : {}),
          ...(period !== undefined ? { period } : {}),
          answers: map,
        };
      });
  });

describe('workbook ⇄ answer file', () => {
  it('a workbook written from answers reads back as the same answers (property)', async () => {
    let tasks = 0;
    await fc.assert(
      fc.asyncProperty(answersArb(), fc.constantFrom('zh' as const, 'en' as const), async (answers, lang) => {
        tasks += Object.values(answers.answers).filter((a) => a.rectify).length;
        const { bytes } = await writeWorkbook(checklist, answers, lang);
        const check = await checkParsed(await readWorkbookBytes(bytes, 'a.xlsx'), {}, 'answers');
        expect(check.errors).toEqual([]);
        expect({ ...check.answers, answers: orderAnswers(check.answers!.answers, checklist) }).toEqual({ ...answers, answers: orderAnswers(answers.answers, checklist) });
      }),
      { numRuns: 25, seed: 15 },
    );
    // The runs did carry tasks (each done, open and in progress among them, by the seed).
    expect(tasks).toBeGreaterThan(25);
  });

  it('batch and ledger give identical results for generated answers, tasks among them, written as YAML and as workbooks', async () => {
    const sample = fc.sample(answersArb(), { numRuns: 24, seed: 42 });
    const yamlDir = join(tmp, 'yaml');
    const xlsxDir = join(tmp, 'xlsx');
    mkdirSync(yamlDir);
    mkdirSync(xlsxDir);
    for (const [i, answers] of sample.entries()) {
      const name = `unit-${String(i).padStart(2, '0')}`;
      writeFileSync(join(yamlDir, `${name}.yaml`), serializeAnswers(answers, { file: join(yamlDir, `${name}.yaml`), checklist }));
      writeFileSync(join(xlsxDir, `${name}.xlsx`), (await writeWorkbook(checklist, answers, i % 2 ? 'en' : 'zh')).bytes);
    }
    const run = async (dir: string, command = 'batch'): Promise<{ code: number; json: string }> => {
      const r = await runInProcess(command === 'batch' ? ['batch', dir, '--format', 'json', '--allow-incomplete', '--as-of', '2050-06-30'] : ['ledger', dir, '--format', 'json', '--as-of', '2050-06-30']);
      const json = r.stdout.replace(/"generatedAt":\s*"[^"]*"/g, '"generatedAt":""').replace(/\.(yaml|xlsx)"/g, '"').split(dir).join('DIR');
      return { code: r.code, json };
    };
    const y = await run(yamlDir);
    const x = await run(xlsxDir);
    const files = (JSON.parse(y.json) as { files: { status: string; report?: { score: number } }[] }).files;
    expect(files).toHaveLength(24);
    expect(files.every((f) => f.status === 'valid' && typeof f.report?.score === 'number')).toBe(true);
    expect(x.code).toBe(y.code);
    expect(JSON.parse(x.json)).toEqual(JSON.parse(y.json));
    // Tasks were there to compare: some overdue on that day, some not.
    const counts = (JSON.parse(y.json) as { rectification?: { tasks: number; overdue: number } }).rectification;
    expect(counts?.tasks).toBeGreaterThan(10);
    expect(counts?.overdue).toBeGreaterThan(0);
    expect(counts?.overdue).toBeLessThan(counts!.tasks);
    const ly = await run(yamlDir, 'ledger');
    const lx = await run(xlsxDir, 'ledger');
    expect(lx.code).toBe(ly.code);
    expect(JSON.parse(lx.json)).toEqual(JSON.parse(ly.json));
  });
});

// Answer files edited in place: `run` and `evidence` on a file made by `init` keep its template, comments and order.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { main } from '../../src/cli/main.js';
import { runRun } from '../../src/cli/run.js';
import { checkFile } from '../../src/check/check-file.js';
import type { Answer, Answers } from '../../src/model/answers.js';
import { applyingItems, kindOf, type Checklist } from '../../src/model/checklist.js';
import { renderBlankAnswers } from '../../src/init/blank-answers.js';
import { serializeAnswers, updateAnswersText } from '../../src/walk/answer-file.js';
import { createScriptedPrompter } from '../../src/walk/scripted-prompter.js';
import { captureContext } from '../helpers/command-context.js';
import { builtinChecklist, makeTempDir } from './helpers.js';

let checklist: Checklist;
beforeAll(async () => {
  checklist = await builtinChecklist();
});
let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  tmp = makeTempDir('wangxin-in-place-');
});
afterEach(() => tmp.remove());

/** Makes `a.yaml` with `wangxin init` as a user would, and returns its text. */
async function initFile(): Promise<string> {
  const c = captureContext(tmp.dir, 'zh');
  expect(await main(['init', '--unit-type', 'township', '--unit', '某某镇党委', '--out', 'a.yaml', '--lang', 'zh'], c.ctx.io)).toBe(0);
  return readFileSync(join(tmp.dir, 'a.yaml'), 'utf8');
}

/** The comment lines of a text, each once per occurrence. */
const commentLines = (text: string): string[] => text.split('\n').filter((l) => /^\s*#/.test(l));
/** The commented-out answer line `init` writes for an item. */
const templateLine = (id: string): RegExp => new RegExp(`^\\s*# ${id.replace(/\./g, '\\.')}: \\{`, 'm');
/** How many (uncommented) answer lines an item has. */
const answerLines = (text: string, id: string): number => text.split('\n').filter((l) => l.trimStart().startsWith(`${id}:`)).length;

describe('run on a file made by init', () => {
  it('keeps the guidance and the commented-out answer lines of the other items, and fills in the one answered', async () => {
    const before = await initFile();
    const c = captureContext(tmp.dir, 'zh');
    const prompter = createScriptedPrompter([
      { input: '张三' }, { input: '' }, { input: '0871-6100001' }, { input: '2026年度' },
      { select: 'pass' }, { input: '已传达' }, { input: '' },
      { select: '@quit' },
    ]);
    expect(await runRun({ answers: 'a.yaml' }, c.ctx, { prompter, generatedAt: '2026-06-01T00:00:00Z' })).toBe(0);
    const after = readFileSync(join(tmp.dir, 'a.yaml'), 'utf8');

    const first = applyingItems(checklist, 'township')[0].item.id;
    expect(after).not.toMatch(templateLine(first));
    expect(answerLines(after, first)).toBe(1);
    // Every other line of the template is still there, in its order; the answer took its line's place.
    const lost = commentLines(before).filter((l) => !templateLine(first).test(l));
    expect(commentLines(after)).toEqual(lost);
    for (const { item } of applyingItems(checklist, 'township').slice(1)) expect(after).toMatch(templateLine(item.id));
    expect(after.split('\n').length).toBeGreaterThan(before.split('\n').length - 2);
    const checked = await checkFile(join(tmp.dir, 'a.yaml'), {}, 'answers');
    expect(checked.errors).toEqual([]);
    expect(checked.answers?.answers[first]).toEqual({ status: 'pass', note: '已传达' });
    expect(checked.answers?.assessor).toEqual({ name: '张三', contact: '0871-6100001' });
    expect(checked.answers?.period).toBe('2026年度');
  });
});

describe('evidence on a file made by init', () => {
  it('records the digest in the answer the user filled in and leaves the rest of the template alone', async () => {
    const before = await initFile();
    const [first, second] = applyingItems(checklist, 'township').map((p) => p.item.id);
    // The user fills in one answer in an editor, as the file's header says.
    const edited = before.replace(new RegExp(`# ${first.replace(/\./g, '\\.')}: \\{ status: \\},`), `${first}: { status: pass, evidence: [纪要.pdf] },`);
    expect(edited).not.toBe(before);
    writeFileSync(join(tmp.dir, 'a.yaml'), edited);
    writeFileSync(join(tmp.dir, '纪要.pdf'), 'minutes');
    const c = captureContext(tmp.dir, 'zh');
    expect(await main(['evidence', 'a.yaml', '--lang', 'zh'], c.ctx.io)).toBe(0);
    const after = readFileSync(join(tmp.dir, 'a.yaml'), 'utf8');
    expect(commentLines(after)).toEqual(commentLines(edited));
    expect(after).toMatch(templateLine(second));
    expect(answerLines(after, first)).toBe(1);
    const checked = await checkFile(join(tmp.dir, 'a.yaml'), {}, 'answers');
    expect(checked.errors).toEqual([]);
    const evidence = checked.answers?.answers[first].evidence;
    expect(evidence).toEqual([{ path: '纪要.pdf', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
  });
});

describe('updateAnswersText', () => {
  const file = '/tmp/answers.yaml';
  const blank = (): { text: string; answers: Answers } => ({
    text: renderBlankAnswers(checklist, { name: '某某镇党委', type: 'township' }, 'zh', file).text,
    answers: { schemaVersion: 1, checklist: { id: checklist.id, version: checklist.version }, unit: { name: '某某镇党委', type: 'township' }, answers: {} },
  });

  /** A valid answer for an item of the built-in checklist. */
  const answerFor = (id: string): fc.Arbitrary<Answer> => {
    const item = applyingItems(checklist, 'township').find((p) => p.item.id === id)!.item;
    const note = fc.option(fc.constantFrom('说明', 'a: b', '#1 见纪要', 'x, y'), { nil: undefined });
    const kind = kindOf(item);
    if (kind === 'ratio') return fc.record({ value: fc.constantFrom(0, 0.5, 0.75, 1) });
    if (kind === 'deduct') return fc.record({ deductions: fc.constant(Object.fromEntries((item.deductions ?? []).map((d) => [d.id, 1]))) });
    const statuses = item.veto ? (['pass', 'fail'] as const) : (['pass', 'partial', 'fail'] as const);
    return fc.record({ status: fc.constantFrom(...statuses), note }, { requiredKeys: ['status'] }).map((a) => (a.note === undefined ? { status: a.status } : a));
  };

  it('leaves every comment not tied to a set item and parses back to the answers set, whatever the sequence', () => {
    const ids = applyingItems(checklist, 'township').map((p) => p.item.id);
    const answerStep = fc.constantFrom(...ids).chain((id) => answerFor(id).map((answer) => ({ id, answer, period: undefined as string | undefined })));
    // Now and then the header changes too, as run's header questions change it.
    const headerStep = fc.constantFrom('2026年度', '2025', 'H1: 上半年').map((period) => ({ id: undefined, answer: undefined, period }));
    const step = fc.oneof({ arbitrary: answerStep, weight: 5 }, { arbitrary: headerStep, weight: 1 });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), fc.boolean(), (steps, crlf) => {
        const start = blank();
        let text = crlf ? start.text.replace(/\n/g, '\r\n') : start.text;
        const original = commentLines(text);
        const answers = start.answers;
        for (const { id, answer, period } of steps) {
          if (id !== undefined && answer !== undefined) answers.answers[id] = answer;
          if (period !== undefined) answers.period = period;
          text = updateAnswersText(text, answers, { file, checklist });
        }
        const set = new Set(steps.flatMap((s) => (s.id === undefined ? [] : [s.id])));
        const kept = original.filter((l) => ![...set].some((id) => templateLine(id).test(l)));
        expect(commentLines(text)).toEqual(kept);
        expect((parse(text) as Answers).answers).toEqual(answers.answers);
        expect((parse(text) as Answers).period).toBe(answers.period);
        for (const id of set) expect(answerLines(text, id)).toBe(1);
        expect(text.includes('\r\n')).toBe(crlf);
      }),
      { numRuns: 60 },
    );
  });

  it('rewrites only the answer that changed, and keeps a hand-written block answer and its comment', () => {
    const text = [
      '# my notes',
      'schemaVersion: 1',
      `checklist: { id: ${checklist.id}, version: ${checklist.version} }`,
      'unit: { name: 某某镇党委, type: township }  # 全称',
      'answers:',
      '  A1.1.1:',
      '    status: pass   # checked',
      '  # between',
      '  A1.1.2: {status: fail}',
      '',
    ].join('\n');
    const answers: Answers = { schemaVersion: 1, checklist: { id: checklist.id, version: checklist.version }, unit: { name: '某某镇党委', type: 'township' }, answers: { 'A1.1.1': { status: 'pass' }, 'A1.1.2': { status: 'partial', note: '部分' }, 'A1.2.1': { status: 'pass' } } };
    const out = updateAnswersText(text, answers, { file, checklist });
    expect(out).toBe(text.replace('  A1.1.2: {status: fail}\n', '  A1.1.2: { status: partial, note: 部分 }\n  A1.2.1: { status: pass }\n'));
  });

  it('edits a changed block-style answer field by field: its comments and field order stay', () => {
    const text = [
      'schemaVersion: 1',
      `checklist: { id: ${checklist.id}, version: ${checklist.version} }`,
      'unit: { name: 某某镇党委, type: township }',
      'answers:',
      '  A1.2.2:',
      '    # 自查人：王芳',
      '    status: fail   # 暂不符合',
      '    note: 问题清单未形成',
      '    evidence:',
      '      - 纪要.pdf',
      '  A1.2.3: { status: pass }',
      '',
    ].join('\n');
    const base = { schemaVersion: 1 as const, checklist: { id: checklist.id, version: checklist.version }, unit: { name: '某某镇党委', type: 'township' } };
    // The status changes, the note goes, a task comes: each on its own line, the rest as it was.
    const rectify = { measures: '补齐问题清单', owner: '王芳', due: '2026-12-31', status: 'open' as const };
    const out = updateAnswersText(text, { ...base, answers: { 'A1.2.2': { status: 'partial', evidence: ['纪要.pdf'], rectify }, 'A1.2.3': { status: 'pass' } } }, { file, checklist });
    expect(out).toBe(
      text
        .replace('    status: fail   # 暂不符合', '    status: partial   # 暂不符合')
        .replace('    note: 问题清单未形成\n', '')
        .replace('      - 纪要.pdf\n', '      - 纪要.pdf\n    rectify: { measures: 补齐问题清单, owner: 王芳, due: 2026-12-31, status: open }\n'),
    );
    // A note over several lines cannot be one field's line: the answer is then rewritten whole, nothing lost.
    const long = updateAnswersText(text, { ...base, answers: { 'A1.2.2': { status: 'fail', note: '第一行\n第二行' }, 'A1.2.3': { status: 'pass' } } }, { file, checklist });
    expect((parse(long) as Answers).answers['A1.2.2']).toEqual({ status: 'fail', note: '第一行\n第二行' });
  });

  it('writes a new file when the old text cannot be edited, so no answer is lost', () => {
    const answers = blank().answers;
    answers.answers['A1.1.1'] = { status: 'pass' };
    const out = updateAnswersText('answers: [unclosed\n', answers, { file, checklist });
    expect((parse(out) as Answers).answers).toEqual({ 'A1.1.1': { status: 'pass' } });
  });
});

describe('updateAnswersText on a file as run starts it', () => {
  it('gives the same text as a new file would have, answer after answer', async () => {
    const checklist = await builtinChecklist();
    const file = '/tmp/answers.yaml';
    const answers: Answers = { schemaVersion: 1, checklist: { id: checklist.id, version: checklist.version }, unit: { name: '某某镇党委', type: 'township' }, answers: {} };
    let text = serializeAnswers(answers, { file, checklist });
    for (const [id, answer] of [['A1.1.2', { status: 'pass' }], ['A1.1.1', { status: 'fail', note: '未学习' }], ['A1.2.1', { status: 'na', note: '无' }]] as const) {
      answers.answers[id] = answer;
      text = updateAnswersText(text, answers, { file, checklist });
      expect(text).toBe(serializeAnswers(answers, { file, checklist }));
    }
    answers.assessor = { name: '张三' };
    answers.period = '2026年度';
    expect(updateAnswersText(text, answers, { file, checklist })).toBe(serializeAnswers(answers, { file, checklist }));
  });
});

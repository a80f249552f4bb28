// The rectification rules of answer files, one row per case: which answers may carry a plan, and what a done task needs.
import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/check/check-file.js';

const HEAD = `schemaVersion: 1
checklist: { id: county-cyber-2018, version: 1.0.0 }
unit: { name: 测试镇党委, type: township }
answers:
`;
const PLAN = 'measures: 补开专题会, owner: 王芳, due: 2026-06-30';

/** An answer file with one answer line under `answers:`. */
const file = (answer: string): string => `${HEAD}  ${answer}\n`;

interface Row {
  name: string;
  answer: string;
  /** The codes expected, errors and warnings alike, in order; [] for a valid file. */
  codes: string[];
}

const ROWS: Row[] = [
  // Where a plan is allowed.
  { name: 'fail with an open plan', answer: `A1.1.1: { status: fail, rectify: { ${PLAN}, status: open } }`, codes: [] },
  { name: 'partial with a plan in progress', answer: `A1.1.1: { status: partial, note: 缺记录, rectify: { ${PLAN}, status: in-progress } }`, codes: [] },
  { name: 'ratio below 1', answer: `A4.1.4: { value: 0.75, rectify: { ${PLAN}, status: open } }`, codes: [] },
  { name: 'a deduction counted', answer: `A3.2.3: { deductions: { d1: 1 }, rectify: { ${PLAN}, status: open } }`, codes: [] },
  { name: 'done with date and evidence', answer: `A1.1.1: { status: fail, rectify: { ${PLAN}, status: done, doneOn: 2026-06-20, evidence: [纪要.pdf] } }`, codes: [] },
  // Where it is not.
  { name: 'pass', answer: `A1.1.1: { status: pass, rectify: { ${PLAN}, status: open } }`, codes: ['RECTIFY_NOT_NEEDED'] },
  { name: 'na', answer: `A1.1.1: { status: na, note: 无, rectify: { ${PLAN}, status: open } }`, codes: ['RECTIFY_NOT_NEEDED'] },
  { name: 'ratio of 1', answer: `A4.1.4: { value: 1, rectify: { ${PLAN}, status: open } }`, codes: ['RECTIFY_NOT_NEEDED'] },
  { name: 'deductions all 0', answer: `A3.2.3: { deductions: { d1: 0 }, rectify: { ${PLAN}, status: open } }`, codes: ['RECTIFY_NOT_NEEDED'] },
  { name: 'no deductions', answer: `A3.2.3: { deductions: {}, rectify: { ${PLAN}, status: open } }`, codes: ['RECTIFY_NOT_NEEDED'] },
  // An answer of the wrong kind is one error, not two.
  { name: 'wrong kind', answer: `A4.1.4: { status: fail, rectify: { ${PLAN}, status: open } }`, codes: ['ANSWER_WRONG_KIND'] },
  // A done task.
  { name: 'done without doneOn', answer: `A1.1.1: { status: fail, rectify: { ${PLAN}, status: done, evidence: [纪要.pdf] } }`, codes: ['RECTIFY_DONE_WITHOUT_DATE'] },
  { name: 'done without evidence', answer: `A1.1.1: { status: fail, rectify: { ${PLAN}, status: done, doneOn: 2026-06-20 } }`, codes: ['RECTIFY_DONE_WITHOUT_EVIDENCE'] },
  { name: 'done with an empty evidence list', answer: `A1.1.1: { status: fail, rectify: { ${PLAN}, status: done, doneOn: 2026-06-20, evidence: [] } }`, codes: ['RECTIFY_DONE_WITHOUT_EVIDENCE'] },
  { name: 'done with neither', answer: `A1.1.1: { status: fail, rectify: { ${PLAN}, status: done } }`, codes: ['RECTIFY_DONE_WITHOUT_DATE', 'RECTIFY_DONE_WITHOUT_EVIDENCE'] },
  { name: 'doneOn on an open task', answer: `A1.1.1: { status: fail, rectify: { ${PLAN}, status: open, doneOn: 2026-06-20 } }`, codes: ['RECTIFY_DONE_ON_NOT_DONE'] },
  // Blank texts and the schema's own checks.
  { name: 'owner of spaces and a zero-width space', answer: `A1.1.1: { status: fail, rectify: { measures: 补开, owner: "\\u200b  ", due: 2026-06-30, status: open } }`, codes: ['RECTIFY_BLANK'] },
  { name: 'empty measures', answer: `A1.1.1: { status: fail, rectify: { measures: "", owner: 王芳, due: 2026-06-30, status: open } }`, codes: ['SCHEMA_RANGE'] },
  { name: 'no owner', answer: `A1.1.1: { status: fail, rectify: { measures: 补开, due: 2026-06-30, status: open } }`, codes: ['SCHEMA_REQUIRED'] },
  { name: 'a date that does not exist', answer: `A1.1.1: { status: fail, rectify: { measures: 补开, owner: 王芳, due: 2026-02-30, status: open } }`, codes: ['SCHEMA_PATTERN'] },
  { name: 'a date in another format', answer: `A1.1.1: { status: fail, rectify: { measures: 补开, owner: 王芳, due: 2026/6/30, status: open } }`, codes: ['SCHEMA_PATTERN'] },
  { name: 'an unknown status', answer: `A1.1.1: { status: fail, rectify: { ${PLAN}, status: closed } }`, codes: ['SCHEMA_ENUM'] },
  { name: 'an unknown field', answer: `A1.1.1: { status: fail, rectify: { ${PLAN}, status: open, cost: 5 } }`, codes: ['SCHEMA_UNKNOWN_PROPERTY'] },
  { name: 'a plan alone is no answer', answer: `A1.1.1: { rectify: { ${PLAN}, status: open } }`, codes: ['SCHEMA_INVALID'] },
];

describe('rectification rules', () => {
  it.each(ROWS.map((r) => [r.name, r] as const))('%s', async (_name, row) => {
    const check = await checkText(file(row.answer), 'rectify.yaml', {}, 'answers');
    const codes = [...check.errors, ...check.warnings].map((d) => d.code);
    expect(codes).toEqual(row.codes);
    for (const d of [...check.errors, ...check.warnings]) {
      expect(d.line, d.code).toBe(5);
      expect(d.message.zh).not.toBe('');
      expect(d.message.en).not.toBe('');
    }
    // A valid plan reaches the typed answers as written.
    if (row.codes.length === 0) expect(check.answers?.answers[row.answer.slice(0, 6)].rectify?.owner).toBe('王芳');
  });

  it('speaks the user language: Chinese and English texts name the item and the state', async () => {
    const check = await checkText(file(`A4.1.4: { value: 1, rectify: { ${PLAN}, status: open } }`), 'r.yaml', {}, 'answers');
    expect(check.errors[0].message.zh).toMatch(/条目 A4\.1\.4 的答案为 1，不需要整改计划/);
    expect(check.errors[0].message.en).toMatch(/item A4\.1\.4 is answered with value 1, so it needs no rectification/);
  });
});

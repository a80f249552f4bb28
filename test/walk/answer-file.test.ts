// Writing answer files: schema comment, readable Chinese, checklist order, valid at every moment.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Checklist } from '../../src/model/checklist.js';
import { checkFile } from '../../src/check/check-file.js';
import { defaultAnswersPath, saveAnswers, schemaReference, serializeAnswers } from '../../src/walk/answer-file.js';
import { blankAnswers, builtinChecklist, makeTempDir } from './helpers.js';

describe('answer file writing', () => {
  let checklist: Checklist;
  let tmp: ReturnType<typeof makeTempDir>;
  beforeAll(async () => {
    checklist = await builtinChecklist();
  });
  beforeEach(() => {
    tmp = makeTempDir('wangxin-answers-');
  });
  afterEach(() => tmp.remove());

  it('starts with the schema comment, keeps Chinese readable, orders answers as the checklist and validates', async () => {
    const answers = blankAnswers(checklist);
    answers.assessor = { name: '张三', role: '' };
    answers.answers['A4.1.5'] = { deductions: { d1: 1 } };
    answers.answers['A1.1.1'] = { status: 'pass', note: '已于3月传达: 见纪要 #2', evidence: ['2026-03-会议纪要.pdf', 'https://example.org/a?b=1,2'] };
    answers.answers['A2.3.2'] = { value: 0.75, note: '' };
    answers.answers['A3.3.3'] = { status: 'na', note: '年内未承办' };
    const file = join(tmp.dir, 'sub', 'a.yaml');
    await saveAnswers(file, answers, checklist);
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^# yaml-language-server: \$schema=\.\.\/.*schemas\/answers\.schema\.json$/);
    expect(text).toContain('某某镇党委');
    expect(text).toContain('2026-03-会议纪要.pdf');
    expect(text).not.toMatch(/\\u[0-9a-f]{4}/i);
    expect(text).toContain('assessor: { name: 张三 }');
    // Checklist order, one line per answer; an empty note is dropped.
    const ids = lines.filter((l) => /^ {2}A\d/.test(l)).map((l) => l.trim().split(':')[0]);
    expect(ids).toEqual(['A1.1.1', 'A2.3.2', 'A3.3.3', 'A4.1.5']);
    expect(text).toContain('A2.3.2: { value: 0.75 }');
    const check = await checkFile(file, {}, 'answers');
    expect(check.errors).toEqual([]);
    expect(check.answers?.answers).toEqual({
      'A1.1.1': answers.answers['A1.1.1'],
      'A2.3.2': { value: 0.75 },
      'A3.3.3': answers.answers['A3.3.3'],
      'A4.1.5': { deductions: { d1: 1 } },
    });
  });

  it('writes a blank file that is valid', async () => {
    const file = join(tmp.dir, 'blank.yaml');
    await saveAnswers(file, blankAnswers(checklist, 'cii-operator', 'X 公司'), checklist);
    expect((await checkFile(file, {}, 'answers')).errors).toEqual([]);
  });

  it('points the schema comment at the installed schema relative to the file', () => {
    const ref = schemaReference('/tmp/x/y/a.yaml');
    expect(ref.endsWith('schemas/answers.schema.json')).toBe(true);
    expect(serializeAnswers(blankAnswers(checklist), { file: '/tmp/x/a.yaml' }).startsWith(`# yaml-language-server: $schema=${schemaReference('/tmp/x/a.yaml')}\n`)).toBe(true);
  });

  it('derives a safe default path from the unit name', () => {
    expect(defaultAnswersPath('某某镇党委')).toBe(join('answers', '某某镇党委.yaml'));
    expect(defaultAnswersPath('a/b:c*?')).toBe(join('answers', 'a_b_c__.yaml'));
    expect(defaultAnswersPath('..')).toBe(join('answers', '_.yaml'));
  });
});

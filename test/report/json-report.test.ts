// The JSON report (docs/formats.md §5): fields, rounding, language, and validity against schemas/report.schema.json.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildReport } from '../../src/report/json-report.js';
import { formatJson, formatForFile, getFormatter } from '../../src/report/formatters.js';
import { scoreAnswers } from '../../src/score/score.js';
import { getValidator, readSchema } from '../../src/validate/ajv-factory.js';
import { scoredArb } from '../score/arbitraries.js';
import { pickText } from '../../src/model/text.js';
import { answers, area, checklist, item, na, partial, pass } from '../score/helpers.js';
import { EXAMPLES, FIXED_TIME, examplePath, loadAnswers } from './load.js';

const validate = getValidator('report');
const expectValid = (data: unknown): void => {
  const ok = validate(data);
  expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
  expect(ok).toBe(true);
};

describe('report schema', () => {
  it('has the published $id and a title and description on every property', () => {
    const schema = readSchema('report');
    expect(schema.$id).toBe('https://wangxin.invalid/schemas/report.schema.json');
    const missing: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (node === null || typeof node !== 'object') return;
      const obj = node as Record<string, unknown>;
      for (const key of ['properties', '$defs']) {
        const children = obj[key] as Record<string, Record<string, unknown>> | undefined;
        for (const [name, child] of Object.entries(children ?? {})) {
          if (typeof child.title !== 'string' || typeof child.description !== 'string') missing.push(`${path}/${key}/${name}`);
          walk(child, `${path}/${key}/${name}`);
        }
      }
      for (const key of ['items', 'anyOf']) {
        const sub = obj[key];
        if (Array.isArray(sub)) sub.forEach((s, i) => walk(s, `${path}/${key}/${i}`));
        else walk(sub, `${path}/${key}`);
      }
    };
    walk(schema, '#');
    expect(missing).toEqual([]);
  });
});

describe('buildReport', () => {
  it.each(EXAMPLES)('the %s example validates against the schema in both languages', async (name) => {
    const { checklist: list, answers: given } = await loadAnswers(examplePath(name));
    for (const lang of ['zh', 'en'] as const) {
      const report = buildReport(scoreAnswers(list, given), list, given, { lang, generatedAt: FIXED_TIME });
      expectValid(report);
      expectValid(JSON.parse(formatJson(report)));
    }
  });

  it.each(['vetoed', 'evil-notes', 'not-applying'])('the %s fixture validates against the schema', async (name) => {
    const { checklist: list, answers: given } = await loadAnswers(`test/fixtures/score/${name}.yaml`);
    expectValid(buildReport(scoreAnswers(list, given), list, given, { lang: 'zh', generatedAt: FIXED_TIME }));
  });

  it('validates for random checklists and answers', () => {
    fc.assert(
      fc.property(scoredArb, ({ checklist: list, answers: given }) => {
        expectValid(buildReport(scoreAnswers(list, given), list, given, { lang: 'en', generatedAt: FIXED_TIME }));
      }),
      { numRuns: 150 },
    );
  });

  it('rounds half away from zero: 2 decimals for scores, 4 for ratios', () => {
    // A: 1 of 3 → ratio 0.333…, score 33.33; B: 2 of 3 → 66.67. base = 100 × (3×⅓ + 3×⅔) / 6 = 50
    const list = checklist([area('A', [item('a1', 1), item('a2', 2)]), area('B', [item('b1', 2), item('b2', 1)])]);
    const given = answers({ a1: pass, a2: { status: 'fail' }, b1: pass, b2: { status: 'fail' } });
    const report = buildReport(scoreAnswers(list, given), list, given, { lang: 'zh', generatedAt: FIXED_TIME });
    expect(report.areas.map((a) => [a.ratio, a.score])).toEqual([
      [0.3333, 33.33],
      [0.6667, 66.67],
    ]);
    expect(report.baseScore).toBe(50);
    expect(report.areas.map((a) => a.contribution)).toEqual([16.67, 33.33]);
  });

  it('rounds 1.005 up to 1.01', () => {
    // a ratio item: 4 × 0.25125 = 1.005 points earned, ratio 0.25125 → base 25.125
    const list = checklist([area('A', [item('r', 4, { kind: 'ratio' })])]);
    const given = answers({ r: { value: 0.25125 } });
    const report = buildReport(scoreAnswers(list, given), list, given, { lang: 'zh', generatedAt: FIXED_TIME });
    expect(report.items[0].earned).toBe(1.01);
    expect(report.baseScore).toBe(25.13); // 25.125 → 25.13
  });

  it('has the §5 fields with null ratio for an all-na area', () => {
    const list = checklist([area('A', [item('a1', 2)]), area('B', [item('b1', 4), item('x', 3, { bonus: true })])], { bonus: { cap: 2, minBase: 40 } });
    const given = { ...answers({ a1: na, b1: partial, x: pass }), period: '2026', assessor: { name: '张三' } };
    const report = buildReport(scoreAnswers(list, given), list, given, { lang: 'en', generatedAt: FIXED_TIME, toolVersion: '9.9.9' });
    expect(report).toMatchObject({
      schemaVersion: 1,
      generatedAt: FIXED_TIME,
      tool: { name: 'wangxin', version: '9.9.9' },
      checklist: { id: 'test-list', version: '1.0.0', title: 'Test checklist' },
      unit: { name: '测试单位', type: 't', typeLabel: 'Type T' },
      assessor: { name: '张三' },
      period: '2026',
      score: 52,
      baseScore: 50,
      bonusScore: 2,
      bonus: { earned: 3, cap: 2, minBase: 40, applied: true, items: ['x'] },
      grade: { index: 3, label: 'Fail', min: 0 },
      vetoed: false,
      vetoItems: [],
      complete: true,
      unanswered: [],
      counts: { items: 3, pass: 1, partial: 1, fail: 0, na: 1, unanswered: 0 },
    });
    expect(report.areas[0]).toMatchObject({ id: 'A', title: '领域 A', ratio: null, score: null, share: 0, contribution: 0, weight: 2 });
    expect(report.areas[1]).toMatchObject({ id: 'B', ratio: 0.5, score: 50, share: 1, weight: 4 });
    expect(report.items.find((i) => i.id === 'a1')).toMatchObject({ status: 'na', counted: false, earned: 0, max: 0 });
    expectValid(report);
  });

  it('lists every area of the checklist: one with no item for the unit type has weight 0, earned 0, max 0 and null ratio and score', async () => {
    // No item of A2 applies to an internet enterprise.
    const { checklist: list, answers: given } = await loadAnswers(examplePath('internet-enterprise'));
    const report = buildReport(scoreAnswers(list, given), list, given, { lang: 'zh', generatedAt: FIXED_TIME });
    expect(report.areas.map((a) => a.id)).toEqual(list.areas.map((a) => a.id));
    expect(report.areas.find((a) => a.id === 'A2')).toEqual({
      id: 'A2',
      title: pickText(list.areas[1].title, 'zh'),
      weight: 0,
      earned: 0,
      max: 0,
      ratio: null,
      score: null,
      share: 0,
      contribution: 0,
      applicable: false,
    });
    expect(report.areas.filter((a) => a.id !== 'A2').every((a) => a.applicable)).toBe(true);
    expectValid(report);
  });

  it('uses the language asked for, falling back to Chinese', async () => {
    const { checklist: list, answers: given } = await loadAnswers(examplePath('township'));
    const zh = buildReport(scoreAnswers(list, given), list, given, { lang: 'zh', generatedAt: FIXED_TIME });
    const en = buildReport(scoreAnswers(list, given), list, given, { lang: 'en', generatedAt: FIXED_TIME });
    expect(zh.grade.label).toBe('良好');
    expect(en.grade.label).toBe('Good');
    expect(zh.unit.typeLabel).toBe('乡（镇）党委');
    expect(en.unit.typeLabel).toBe('Township party committee');
    expect(en.score).toBe(zh.score);
  });

  it('the township example scores as worked out by hand', async () => {
    // A1 7.85/8.5 (A1.3.2 ratio 0.9), A2 6.625/8.5 (A2.2.2 ratio 0.75, A2.3.2 ratio 0.5),
    // A3 10/12.5 (A3.3.3 na; weight still 13.5; A3.1.8 and A3.2.3 each 0.5 off),
    // A4 12.45/16.5 (A4.3.7 na; weight still 17.5; A4.1.5 1.5 off, A4.1.4 ratio 0.8), A5 3/3.5
    // base = 100 × (7.85 + 6.625 + 13.5×10/12.5 + 17.5×12.45/16.5 + 3) / 51.5 = 80.54; bonus 5 (A2.3.3) → 85.54
    const { checklist: list, answers: given } = await loadAnswers(examplePath('township'));
    const report = buildReport(scoreAnswers(list, given), list, given, { lang: 'zh', generatedAt: FIXED_TIME });
    expect(report.areas.map((a) => [a.id, a.weight, a.earned, a.max])).toEqual([
      ['A1', 8.5, 7.85, 8.5],
      ['A2', 8.5, 6.63, 8.5],
      ['A3', 13.5, 10, 12.5],
      ['A4', 17.5, 12.45, 16.5],
      ['A5', 3.5, 3, 3.5],
    ]);
    const base = (100 * (7.85 + 6.625 + (13.5 * 10) / 12.5 + (17.5 * 12.45) / 16.5 + 3)) / 51.5;
    expect(report.baseScore).toBe(Math.round(base * 100) / 100);
    expect(report.bonusScore).toBe(5);
    expect(report.score).toBe(Math.round((base + 5) * 100) / 100);
    expect(report.grade.label).toBe('良好');
  });
});

describe('formatters', () => {
  it('are chosen by name', () => {
    expect(getFormatter('json')).toBe(formatJson);
    expect(typeof getFormatter('md')).toBe('function');
    expect(typeof getFormatter('html')).toBe('function');
    expect(() => getFormatter('pdf' as never)).toThrow(/unknown report format/);
  });

  it('tell the format from a file name', () => {
    expect(formatForFile('r.json')).toBe('json');
    expect(formatForFile('r.HTML')).toBe('html');
    expect(formatForFile('r.htm')).toBe('html');
    expect(formatForFile('r.md')).toBe('md');
    expect(formatForFile('r.txt')).toBeUndefined();
  });
});

// Every rule of docs/formats.md §4, one hand-worked case each (the arithmetic is in the comments).
import { describe, expect, it } from 'vitest';
import { scoreAnswers } from '../../src/score/score.js';
import type { Answers } from '../../src/model/answers.js';
import type { Checklist } from '../../src/model/checklist.js';
import { answers, area, checklist, deductItem, fail, item, na, partial, pass } from './helpers.js';

const BONUS = { bonus: { cap: 10, minBase: 80 } };

interface Case {
  name: string;
  checklist: Checklist;
  answers: Answers;
  base: number;
  bonus?: number;
  score?: number;
  areas?: Record<string, { ratio: number | null; weight: number }>;
  grade?: number;
  vetoed?: boolean;
  complete?: boolean;
}

const cases: Case[] = [
  {
    // pass 4 + partial 4×0.5 + fail 0 = 6 of 10 → 60
    name: 'status items: pass, partial (default credit 0.5), fail',
    checklist: checklist([area('A', [item('a1', 4), item('a2', 4), item('a3', 2)])]),
    answers: answers({ a1: pass, a2: partial, a3: fail }),
    base: 60,
    areas: { A: { ratio: 0.6, weight: 10 } },
  },
  {
    // partial 4×0.25 = 1 of 4 → 25
    name: 'partial credit comes from the checklist',
    checklist: checklist([area('A', [item('a1', 4)])], { partialCredit: 0.25 }),
    answers: answers({ a1: partial }),
    base: 25,
  },
  {
    // ratio 4×0.75 = 3, plus pass 4 → 7 of 8 → 87.5
    name: 'ratio item earns points × value',
    checklist: checklist([area('A', [item('a1', 4, { kind: 'ratio' }), item('a2', 4)])]),
    answers: answers({ a1: { value: 0.75 }, a2: pass }),
    base: 87.5,
  },
  {
    // 5 − (2×1 + 1×0.5) = 2.5 of 5 → 50
    name: 'deduct item: points minus Σ count × deduction points',
    checklist: checklist([area('A', [deductItem('a1', 5, { d1: 1, d2: 0.5 })])]),
    answers: answers({ a1: { deductions: { d1: 2, d2: 1 } } }),
    base: 50,
  },
  {
    // max(0, 3 − 5×2) = 0; with a1 pass 3 → 3 of 6 → 50 (not (3 − 7) / 6)
    name: 'deductions stop at 0',
    checklist: checklist([area('A', [item('a0', 3), deductItem('a1', 3, { d1: 2 })])]),
    answers: answers({ a0: pass, a1: { deductions: { d1: 5 } } }),
    base: 50,
  },
  {
    // {} deducts nothing: 3 of 3 → 100
    name: 'deduct item answered {} earns full points',
    checklist: checklist([area('A', [deductItem('a1', 3, { d1: 1 })])]),
    answers: answers({ a1: { deductions: {} } }),
    base: 100,
  },
  {
    // a2 na is left out: 4 of 4 → ratio 1; the default weight still counts a2: 4 + 4 = 8
    name: 'na is left out of the ratio but not of the default weight',
    checklist: checklist([area('A', [item('a1', 4), item('a2', 4)])]),
    answers: answers({ a1: pass, a2: na }),
    base: 100,
    areas: { A: { ratio: 1, weight: 8 } },
  },
  {
    // A: 2 of 2 → 1, weight 2 + 8 (na counts) = 10; B: 0 of 10 → 0, weight 10
    // base = 100 × (10×1 + 10×0) / 20 = 50  (were na left out of the weight: 100 × 2/12 = 16.67)
    name: 'na items keep their points in the area weight',
    checklist: checklist([area('A', [item('a1', 2), item('a2', 8)]), area('B', [item('b1', 10)])]),
    answers: answers({ a1: pass, a2: na, b1: fail }),
    base: 50,
    areas: { A: { ratio: 1, weight: 10 }, B: { ratio: 0, weight: 10 } },
  },
  {
    // A all na → no ratio, drops out; B 6 of 8 = 0.75, weight 8; C 0 of 2, weight 2
    // base = 100 × (8×0.75 + 2×0) / (8 + 2) = 60
    name: 'an all-na area has no ratio and its weight is redistributed',
    checklist: checklist([area('A', [item('a1', 5)]), area('B', [item('b1', 4), item('b2', 4)]), area('C', [item('c1', 2)])]),
    answers: answers({ a1: na, b1: pass, b2: partial, c1: fail }),
    base: 60,
    areas: { A: { ratio: null, weight: 5 }, B: { ratio: 0.75, weight: 8 }, C: { ratio: 0, weight: 2 } },
  },
  {
    // A weight 30, ratio 0.5; B weight 70, ratio 1 → 100 × (15 + 70) / 100 = 85
    name: 'explicit area weights replace the points',
    checklist: checklist([area('A', [item('a1', 10)], 30), area('B', [item('b1', 1)], 70)]),
    answers: answers({ a1: partial, b1: pass }),
    base: 85,
    areas: { A: { ratio: 0.5, weight: 30 }, B: { ratio: 1, weight: 70 } },
  },
  {
    // a2 unanswered: e = 0, m = 4 → 4 of 8 → 50; complete false
    name: 'unanswered items score 0 and make the result incomplete',
    checklist: checklist([area('A', [item('a1', 4), item('a2', 4)])]),
    answers: answers({ a1: pass }),
    base: 50,
    complete: false,
  },
  {
    // base 100; bonus 6 + 8 = 14 capped at 10 → 110
    name: 'bonus is capped',
    checklist: checklist([area('A', [item('a1', 10), item('x1', 6, { bonus: true }), item('x2', 8, { bonus: true })])], BONUS),
    answers: answers({ a1: pass, x1: pass, x2: pass }),
    base: 100,
    bonus: 10,
    score: 110,
    areas: { A: { ratio: 1, weight: 10 } },
  },
  {
    // base 5 of 10 = 50 < minBase 80 → bonus 0 though 5 was earned
    name: 'bonus does not count below the minimum base',
    checklist: checklist([area('A', [item('a1', 10), item('x1', 5, { bonus: true })])], BONUS),
    answers: answers({ a1: partial, x1: pass }),
    base: 50,
    bonus: 0,
    score: 50,
  },
  {
    // base 8 of 10 = 80 = minBase → bonus 3 counts → 83
    name: 'bonus counts at exactly the minimum base',
    checklist: checklist([area('A', [item('a1', 8), item('a2', 2), item('x1', 3, { bonus: true })])], BONUS),
    answers: answers({ a1: pass, a2: fail, x1: pass }),
    base: 80,
    bonus: 3,
    score: 83,
  },
  {
    // bonus partial: 4 × 0.5 = 2
    name: 'bonus items take partial credit too',
    checklist: checklist([area('A', [item('a1', 1), item('x1', 4, { bonus: true })])], BONUS),
    answers: answers({ a1: pass, x1: partial }),
    base: 100,
    bonus: 2,
    score: 102,
  },
  {
    // the failed bonus item (10 points) is not in the area: weight 4, ratio 4/4 = 1
    name: 'bonus items are outside the area ratio and weight',
    checklist: checklist([area('A', [item('a1', 4), item('x1', 10, { bonus: true })])], BONUS),
    answers: answers({ a1: pass, x1: fail }),
    base: 100,
    bonus: 0,
    areas: { A: { ratio: 1, weight: 4 } },
  },
  {
    // no scoring.bonus: the defaults of docs/formats.md §2 apply (cap 10, minBase 80): base 50 < 80 → no bonus
    name: 'without a bonus rule the default minimum base gates the bonus',
    checklist: checklist([area('A', [item('a1', 2), item('x1', 15, { bonus: true })])]),
    answers: answers({ a1: partial, x1: pass }),
    base: 50,
    bonus: 0,
    score: 50,
  },
  {
    // no scoring.bonus: base 100 >= 80, bonus 15 capped at the default 10 → 110
    name: 'without a bonus rule the default cap limits the bonus',
    checklist: checklist([area('A', [item('a1', 2), item('x1', 15, { bonus: true })])]),
    answers: answers({ a1: pass, x1: pass }),
    base: 100,
    bonus: 10,
    score: 110,
  },
  {
    // a bonus rule that gives only the cap keeps the default minBase 80: base 75 → no bonus
    name: 'a partial bonus rule takes the missing key from the defaults',
    checklist: checklist([area('A', [item('a1', 4), item('x1', 3, { bonus: true })])], { bonus: { cap: 5 } }),
    answers: answers({ a1: partial, x1: pass }),
    base: 50,
    bonus: 0,
  },
  {
    // score 100, but the veto item failed → lowest grade (index 3 of the defaults)
    name: 'a failed veto item gives the lowest grade whatever the score',
    checklist: checklist([area('A', [item('a1', 10), item('v', 0, { veto: true })])]),
    answers: answers({ a1: pass, v: fail }),
    base: 100,
    grade: 3,
    vetoed: true,
  },
  {
    // veto item answered na or pass: no veto, 100 → index 0
    name: 'a veto item that is not failed does nothing',
    checklist: checklist([area('A', [item('a1', 10), item('v', 0, { veto: true }), item('w', 0, { veto: true })])]),
    answers: answers({ a1: pass, v: na, w: pass }),
    base: 100,
    grade: 0,
    vetoed: false,
  },
  {
    // a veto item with points counts like any status item: 0 of 5 + 5 of 5 → 50
    name: 'a veto item with points is scored as well',
    checklist: checklist([area('A', [item('a1', 5), item('v', 5, { veto: true })])]),
    answers: answers({ a1: pass, v: fail }),
    base: 50,
    vetoed: true,
    grade: 3,
  },
  {
    // only items of type u: the t unit has no applying item in B; its answer to b1 is ignored, and
    // B is listed as not applicable (weight 0, no ratio), out of the base score
    name: 'items that do not apply are left out; their area is listed with weight 0 and no ratio',
    checklist: checklist([area('A', [item('a1', 4), item('a2', 4, { appliesTo: ['u'] })]), area('B', [item('b1', 10, { appliesTo: ['u'] })])]),
    answers: answers({ a1: pass, b1: fail }),
    base: 100,
    areas: { A: { ratio: 1, weight: 4 }, B: { ratio: null, weight: 0 } },
  },
  {
    // every item na → no area has a ratio → base 0, lowest grade
    name: 'no ratio anywhere gives a base of 0',
    checklist: checklist([area('A', [item('a1', 4)])]),
    answers: answers({ a1: na }),
    base: 0,
    grade: 3,
    areas: { A: { ratio: null, weight: 4 } },
  },
  {
    // exactly 90 → first grade (90 ≤ 90)
    name: 'grade boundary: min <= score',
    checklist: checklist([area('A', [item('a1', 9), item('a2', 1)])]),
    answers: answers({ a1: pass, a2: fail }),
    base: 90,
    grade: 0,
  },
  {
    // (179 + 1×0.5 + 0) / 200 = 89.75 → second grade
    name: 'grade boundary: just below',
    checklist: checklist([area('A', [item('a1', 179), item('a2', 1), item('a3', 20)])]),
    answers: answers({ a1: pass, a2: partial, a3: fail }),
    base: 89.75,
    grade: 1,
  },
  {
    // nine 0.1 items pass, one fails: 0.1 summed nine times is 0.8999999999999999 of 1.0 →
    // 89.99999999999999 in binary arithmetic, which is 90 on paper → first grade
    name: 'floating-point noise does not cost a grade',
    checklist: checklist([area('A', Array.from({ length: 10 }, (_, i) => item(`a${i}`, 0.1)))]),
    answers: answers(Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`a${i}`, i === 9 ? fail : pass]))),
    base: 90,
    grade: 0,
  },
  {
    // custom grades: 70 → "B" (index 1 of A ≥ 85, B ≥ 70, C ≥ 0)
    name: 'the checklist grades are used',
    checklist: checklist([area('A', [item('a1', 7), item('a2', 3)])], {
      grades: [
        { min: 85, label: 'A' },
        { min: 70, label: 'B' },
        { min: 0, label: 'C' },
      ],
    }),
    answers: answers({ a1: pass, a2: fail }),
    base: 70,
    grade: 1,
  },
];

describe('scoreAnswers (docs/formats.md §4)', () => {
  it.each(cases)('$name', (c) => {
    const r = scoreAnswers(c.checklist, c.answers);
    expect(r.baseScore).toBeCloseTo(c.base, 9);
    expect(r.bonusScore).toBeCloseTo(c.bonus ?? 0, 9);
    expect(r.score).toBeCloseTo(c.score ?? c.base + (c.bonus ?? 0), 9);
    if (c.areas) {
      expect(r.areas.map((a) => a.id)).toEqual(Object.keys(c.areas));
      for (const a of r.areas) {
        const want = c.areas[a.id];
        expect(a.weight).toBeCloseTo(want.weight, 9);
        if (want.ratio === null) {
          expect(a.ratio).toBeNull();
          expect(a.score).toBeNull();
        } else {
          expect(a.ratio).toBeCloseTo(want.ratio, 9);
          expect(a.score).toBeCloseTo(want.ratio * 100, 9);
        }
      }
    }
    if (c.grade !== undefined) expect(r.grade.index).toBe(c.grade);
    if (c.vetoed !== undefined) expect(r.vetoed).toBe(c.vetoed);
    expect(r.complete).toBe(c.complete ?? true);
  });
});

describe('item details', () => {
  const list = checklist([
    area('A', [
      item('s', 2),
      item('r1', 4, { kind: 'ratio' }),
      item('r0', 4, { kind: 'ratio' }),
      item('rh', 4, { kind: 'ratio' }),
      deductItem('d', 3, { d1: 1 }),
      item('n', 2),
      item('q', 2),
      item('other', 2, { appliesTo: ['u'] }),
    ]),
  ]);
  const r = scoreAnswers(list, answers({ r1: { value: 1 }, r0: { value: 0 }, rh: { value: 0.5 }, d: { deductions: { d1: 3 } }, n: na, s: pass, other: pass, zzz: pass }));
  const byId = Object.fromEntries(r.items.map((i) => [i.id, i]));

  it('derives pass/fail/partial for ratio and deduct items from their points', () => {
    expect(byId.r1.status).toBe('pass');
    expect(byId.r0.status).toBe('fail');
    expect(byId.rh.status).toBe('partial');
    expect(byId.rh.value).toBe(0.5);
    expect(byId.d.status).toBe('fail');
    expect(byId.d.deductions).toEqual({ d1: 3 });
  });

  it('marks na items as not counted with 0/0', () => {
    expect(byId.n).toMatchObject({ status: 'na', earned: 0, max: 0, counted: false });
  });

  it('lists unanswered items in checklist order and ignored answers', () => {
    expect(r.unanswered).toEqual(['q']);
    expect(byId.q).toMatchObject({ status: 'unanswered', earned: 0, max: 2, counted: true });
    expect(r.ignored).toEqual(['other', 'zzz']);
    expect(byId.other).toBeUndefined();
  });

  it('keeps items in checklist order', () => {
    expect(r.items.map((i) => i.id)).toEqual(['s', 'r1', 'r0', 'rh', 'd', 'n', 'q']);
  });

  it('lists an area whose applying items are all bonus items as not applicable: weight, earned, max 0, no ratio', () => {
    const res = scoreAnswers(checklist([area('A', [item('a1', 2)]), area('X', [item('x1', 3, { bonus: true })])], BONUS), answers({ a1: pass, x1: pass }));
    expect(res.areas.map((a) => a.id)).toEqual(['A', 'X']);
    expect(res.areas[1]).toEqual({ id: 'X', weight: 0, earned: 0, max: 0, ratio: null, score: null, applicable: false });
    expect(res.bonusEarned).toBe(3);
    expect(res.bonusScore).toBe(3);
  });

  it('lists every area of the checklist, in its order, also one with an explicit weight that does not apply', () => {
    const list = checklist([
      area('A', [item('a1', 2, { appliesTo: ['u'] })], 30),
      area('B', [item('b1', 2, { appliesTo: ['t'] })]),
      area('C', [item('c1', 2, { appliesTo: ['u'] })]),
    ]);
    const res = scoreAnswers(list, answers({ b1: pass }));
    expect(res.areas.map((a) => [a.id, a.applicable, a.weight, a.ratio])).toEqual([
      ['A', false, 0, null],
      ['B', true, 2, 1],
      ['C', false, 0, null],
    ]);
    expect(res.baseScore).toBe(100);
    // The other unit type sees A and C, not B.
    const other = scoreAnswers(list, answers({ a1: pass, c1: fail }, 'u'));
    expect(other.areas.map((a) => [a.id, a.applicable, a.weight])).toEqual([
      ['A', true, 30],
      ['B', false, 0],
      ['C', true, 2],
    ]);
  });

  it('carries notes and evidence into the item scores', () => {
    const res = scoreAnswers(checklist([area('A', [item('a1', 2)])]), answers({ a1: { status: 'pass', note: '说明', evidence: ['a.pdf', { path: 'b.pdf', sha256: 'f'.repeat(64) }] } }));
    expect(res.items[0].note).toBe('说明');
    expect(res.items[0].evidence).toEqual(['a.pdf', { path: 'b.pdf', sha256: 'f'.repeat(64) }]);
  });

  it('scores sections like the area they belong to', () => {
    const sectioned: Checklist = checklist([
      { id: 'A', title: 'A', sections: [{ id: 'A.1', title: 's1', items: [item('a1', 3)] }, { id: 'A.2', title: 's2', items: [item('a2', 1)] }] },
    ]);
    const res = scoreAnswers(sectioned, answers({ a1: pass, a2: fail }));
    expect(res.areas[0]).toMatchObject({ id: 'A', earned: 3, max: 4, weight: 4 });
    expect(res.items.map((i) => i.section)).toEqual(['A.1', 'A.2']);
  });
});

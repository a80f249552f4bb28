// "What raises the score most": real gains in the final score, not item points.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/model/answers.js';
import { listItems, type Checklist } from '../../src/model/checklist.js';
import type { ScoreResult } from '../../src/model/score-result.js';
import { rankGains, type Gain } from '../../src/score/gains.js';
import { scoreAnswers, SCORE_EPSILON } from '../../src/score/score.js';
import { loadAnswers } from '../report/load.js';
import { fullAnswer, scoredArb } from './arbitraries.js';
import { answers, area, checklist, deductItem, fail, item, partial, pass } from './helpers.js';

/**
 * The definition rankGains computes without re-scoring: score the answers again with each open
 * item fully met, one at a time. The two must agree to the last bit.
 */
function rankGainsByRescoring(list: Checklist, given: Answers, result: ScoreResult): Gain[] {
  const byId = new Map(listItems(list).map((p) => [p.item.id, p.item]));
  const gains: Gain[] = [];
  for (const scored of result.items) {
    if (scored.status === 'pass' || scored.status === 'na') continue;
    const it = byId.get(scored.id)!;
    const previous = given.answers[it.id];
    const met = { ...fullAnswer(it), ...(previous?.note !== undefined ? { note: previous.note } : {}) };
    const after = scoreAnswers(list, { ...given, answers: { ...given.answers, [it.id]: met } });
    const liftsVeto = scored.veto && scored.status === 'fail';
    const gain = after.score - result.score;
    if (gain > SCORE_EPSILON || liftsVeto) gains.push({ id: it.id, gain: Math.max(0, gain), scoreIfMet: after.score, liftsVeto });
  }
  const order = new Map(result.items.map((i, n) => [i.id, n]));
  return gains.sort(
    (a, b) =>
      Number(b.liftsVeto) - Number(a.liftsVeto) ||
      (Math.abs(b.gain - a.gain) > SCORE_EPSILON ? b.gain - a.gain : 0) ||
      order.get(a.id)! - order.get(b.id)!,
  );
}

describe('rankGains', () => {
  it('ranks by the gain in the final score, so a point in a small area is worth more', () => {
    // A (weight 10): 16 of 20 = 0.8, its 4-point item a4 failed. B (weight 90): 1 of 2 = 0.5, its 1-point item b2 failed.
    // now 100 × (10×0.8 + 90×0.5) / 100 = 53; fixing a4 → 55 (+2); fixing b2 → 98 (+45): the 1-point item wins.
    const list = checklist([area('A', [item('a1', 16), item('a4', 4)], 10), area('B', [item('b1', 1), item('b2', 1)], 90)]);
    const given = answers({ a1: pass, a4: fail, b1: pass, b2: fail });
    const result = scoreAnswers(list, given);
    const gains = rankGains(list, result);
    expect(gains.map((g) => g.id)).toEqual(['b2', 'a4']);
    expect(gains[0].gain).toBeCloseTo(45, 9);
    expect(gains[1].gain).toBeCloseTo(2, 9);
    expect(gains[0].scoreIfMet).toBeCloseTo(98, 9);
  });

  it('counts a bonus that the fix would unlock', () => {
    // base 75 (3 of 4), bonus 5 earned but minBase 80 → score 75. Passing a1 → base 100, bonus 5 → 105: +30
    const list = checklist([area('A', [item('a1', 1), item('a2', 3), item('x', 5, { bonus: true })])], { bonus: { cap: 10, minBase: 80 } });
    const given = answers({ a1: fail, a2: pass, x: pass });
    const gains = rankGains(list, scoreAnswers(list, given));
    expect(gains).toEqual([{ id: 'a1', gain: 30, scoreIfMet: 105, liftsVeto: false }]);
  });

  it('puts failed veto items first and leaves out items that would not change the score', () => {
    // The bonus is already at its cap, so the failed bonus item y gains nothing and is left out.
    const list = checklist([area('A', [item('a1', 2), item('v', 0, { veto: true }), item('x', 10, { bonus: true }), item('y', 5, { bonus: true })])], {
      bonus: { cap: 10, minBase: 0 },
    });
    const given = answers({ a1: partial, v: fail, x: pass, y: fail });
    const gains = rankGains(list, scoreAnswers(list, given));
    expect(gains.map((g) => [g.id, g.liftsVeto])).toEqual([
      ['v', true],
      ['a1', false],
    ]);
  });

  it('fixes ratio, deduct and unanswered items too', () => {
    const list = checklist([area('A', [item('r', 4, { kind: 'ratio' }), deductItem('d', 4, { d1: 1 }), item('u', 2)])]);
    const given = answers({ r: { value: 0.5 }, d: { deductions: { d1: 1 } } });
    // now (2 + 3 + 0) / 10 = 50; r → 70 (+20); d → 60 (+10); u → 70 (+20); ties keep checklist order
    const gains = rankGains(list, scoreAnswers(list, given));
    expect(gains.map((g) => [g.id, Math.round(g.gain)])).toEqual([
      ['r', 20],
      ['u', 20],
      ['d', 10],
    ]);
  });

  it('is empty when everything is met', () => {
    const list = checklist([area('A', [item('a1', 2)])]);
    const given = answers({ a1: pass });
    expect(rankGains(list, scoreAnswers(list, given))).toEqual([]);
  });

  it('gives exactly the numbers of scoring the answers again with each open item met (random checklists)', () => {
    fc.assert(
      fc.property(scoredArb, ({ checklist: list, answers: given }) => {
        const result = scoreAnswers(list, given);
        expect(rankGains(list, result)).toEqual(rankGainsByRescoring(list, given, result));
      }),
      { numRuns: 3000, seed: 20180420 },
    );
  });

  it.each(['township', 'department', 'cyber-office', 'internet-enterprise', 'cii-operator'])(
    'gives exactly the numbers of scoring again for the %s example',
    async (name) => {
      const { checklist: list, answers: given } = await loadAnswers(`examples/answers/${name}.yaml`);
      const result = scoreAnswers(list, given);
      const gains = rankGains(list, result);
      expect(gains.length).toBeGreaterThan(0);
      expect(gains).toEqual(rankGainsByRescoring(list, given, result));
    },
  );
});

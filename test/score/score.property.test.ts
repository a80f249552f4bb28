// Properties of the scoring engine over random checklists and answer files (fast-check).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scoreAnswers } from '../../src/score/score.js';
import { rankGains } from '../../src/score/gains.js';
import { appliesTo, kindOf, listItems } from '../../src/model/checklist.js';
import type { Answer } from '../../src/model/answers.js';
import { fullAnswer, scoredArb } from './arbitraries.js';

const EPS = 1e-9;

describe('scoring properties', () => {
  it('keeps the base in 0..100 and the bonus in 0..cap', () => {
    fc.assert(
      fc.property(scoredArb, ({ checklist, answers }) => {
        const r = scoreAnswers(checklist, answers);
        expect(r.baseScore).toBeGreaterThanOrEqual(-EPS);
        expect(r.baseScore).toBeLessThanOrEqual(100 + EPS);
        expect(r.bonusScore).toBeGreaterThanOrEqual(0);
        const cap = checklist.scoring?.bonus?.cap;
        if (cap !== undefined) {
          expect(r.bonusScore).toBeLessThanOrEqual(cap);
          expect(r.score).toBeLessThanOrEqual(100 + cap + EPS);
        }
        expect(r.score).toBeCloseTo(r.baseScore + r.bonusScore, 9);
        for (const a of r.areas) if (a.ratio !== null) expect(a.ratio).toBeLessThanOrEqual(1 + EPS);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same result without the per-item entries (items: false), items apart', () => {
    fc.assert(
      fc.property(scoredArb, ({ checklist, answers }) => {
        const full = scoreAnswers(checklist, answers);
        const lean = scoreAnswers(checklist, answers, { items: false });
        expect(lean.items).toEqual([]);
        expect({ ...lean, items: full.items }).toEqual(full);
      }),
      { numRuns: 300 },
    );
  });

  it('gives 100 when every applying non-bonus item is fully met', () => {
    fc.assert(
      fc.property(scoredArb, ({ checklist, answers }) => {
        const all: Record<string, Answer> = {};
        for (const { item } of listItems(checklist)) if (!item.bonus) all[item.id] = fullAnswer(item);
        const r = scoreAnswers(checklist, { ...answers, answers: all });
        // An area counts when it has an applying non-bonus item; every item here has points > 0.
        const counts = listItems(checklist).some(({ item }) => !item.bonus && appliesTo(item, answers.unit.type));
        if (counts) expect(r.baseScore).toBeCloseTo(100, 9);
        else expect(r.baseScore).toBe(0);
        expect(r.bonusScore).toBe(0);
        expect(r.vetoed).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('never lowers the score when an answer goes fail → partial → pass', () => {
    const steps: Record<string, Answer | undefined> = { fail: { status: 'partial' }, partial: { status: 'pass' } };
    fc.assert(
      fc.property(scoredArb, fc.nat(), ({ checklist, answers }, pick) => {
        const candidates = listItems(checklist).filter(
          ({ item }) => kindOf(item) === 'status' && ['fail', 'partial'].includes(answers.answers[item.id]?.status ?? ''),
        );
        fc.pre(candidates.length > 0);
        const { item } = candidates[pick % candidates.length];
        const before = scoreAnswers(checklist, answers);
        const better = { ...answers, answers: { ...answers.answers, [item.id]: steps[answers.answers[item.id].status!]! } };
        const after = scoreAnswers(checklist, better);
        expect(after.score).toBeGreaterThanOrEqual(before.score - EPS);
        expect(after.baseScore).toBeGreaterThanOrEqual(before.baseScore - EPS);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves the other areas unchanged when an item is marked na', () => {
    fc.assert(
      fc.property(scoredArb, fc.nat(), ({ checklist, answers }, pick) => {
        const placed = listItems(checklist).filter(({ item }) => appliesTo(item, answers.unit.type) && !item.bonus);
        fc.pre(placed.length > 0);
        const { item, area } = placed[pick % placed.length];
        const before = scoreAnswers(checklist, answers);
        const after = scoreAnswers(checklist, { ...answers, answers: { ...answers.answers, [item.id]: { status: 'na', note: 'x' } } });
        for (const a of before.areas) {
          if (a.id === area.id) continue;
          expect(after.areas.find((x) => x.id === a.id)).toEqual(a);
        }
        // The item's own area keeps its weight (na items still count toward the default weight).
        expect(after.areas.find((x) => x.id === area.id)!.weight).toBe(before.areas.find((x) => x.id === area.id)!.weight);
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order of the answers', () => {
    fc.assert(
      fc.property(scoredArb, fc.nat(), ({ checklist, answers }, seed) => {
        const entries = Object.entries(answers.answers);
        const shuffled = [...entries].sort((a, b) => ((a[0].length * 31 + seed) % 7) - ((b[0].length * 17 + seed) % 5) || (a[0] < b[0] ? 1 : -1));
        const r1 = scoreAnswers(checklist, answers);
        const r2 = scoreAnswers(checklist, { ...answers, answers: Object.fromEntries(shuffled) });
        expect(r2).toEqual(r1);
      }),
      { numRuns: 200 },
    );
  });

  it('ranks only real gains, each the difference to the score if that item were met', () => {
    fc.assert(
      fc.property(scoredArb, ({ checklist, answers }) => {
        const r = scoreAnswers(checklist, answers);
        const gains = rankGains(checklist, r);
        for (const g of gains) {
          expect(g.gain).toBeGreaterThanOrEqual(0);
          if (!g.liftsVeto) expect(g.gain).toBeGreaterThan(0);
          expect(g.scoreIfMet).toBeCloseTo(r.score + g.gain, 9);
        }
        const firstNonVeto = gains.findIndex((g) => !g.liftsVeto);
        if (firstNonVeto >= 0) {
          expect(gains.slice(firstNonVeto).every((g) => !g.liftsVeto)).toBe(true);
          const rest = gains.slice(firstNonVeto).map((g) => g.gain);
          for (let i = 1; i < rest.length; i++) expect(rest[i]).toBeLessThanOrEqual(rest[i - 1] + EPS);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('is complete exactly when every applying item is answered', () => {
    fc.assert(
      fc.property(scoredArb, ({ checklist, answers }) => {
        const r = scoreAnswers(checklist, answers);
        const missing = listItems(checklist)
          .filter(({ item }) => appliesTo(item, answers.unit.type) && answers.answers[item.id] === undefined)
          .map(({ item }) => item.id);
        expect(r.unanswered).toEqual(missing);
        expect(r.complete).toBe(missing.length === 0);
      }),
      { numRuns: 200 },
    );
  });
});

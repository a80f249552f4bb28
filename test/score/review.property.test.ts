// Properties of scoring with the office's review over random checklists, answers and reviews (fast-check).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scoreAnswers } from '../../src/score/score.js';
import { scoreReviewed } from '../../src/score/review.js';
import { appliesTo, listItems, type Checklist } from '../../src/model/checklist.js';
import type { Answer, Answers } from '../../src/model/answers.js';
import type { ReviewEntry } from '../../src/model/review.js';
import type { ScoreResult } from '../../src/model/score-result.js';
import { answerArb, scoredArb } from './arbitraries.js';

/** The numbers a score is made of, for comparing two results whatever their item entries. */
const numbers = (r: ScoreResult) => ({
  score: r.score,
  baseScore: r.baseScore,
  bonusScore: r.bonusScore,
  grade: r.grade.index,
  vetoed: r.vetoed,
  vetoItems: r.vetoItems,
  unanswered: r.unanswered,
  areas: r.areas.map((a) => [a.id, a.earned, a.max, a.ratio, a.weight]),
});

/** A random checklist and answers, with a random review: per item nothing, a confirmation, or a verified answer of the item's kind. */
const reviewedArb = scoredArb.chain(({ checklist, answers }) => {
  const items = listItems(checklist).map((p) => p.item);
  const entryArb = (i: (typeof items)[number]): fc.Arbitrary<ReviewEntry | undefined> =>
    fc.oneof(
      fc.constant(undefined),
      fc.constant<ReviewEntry>({ verdict: 'confirmed' }),
      answerArb(i)
        .filter((a): a is Answer => a !== undefined)
        .map((a) => ({ verdict: 'adjusted' as const, ...(a.status !== undefined ? { status: a.status } : {}), ...(a.value !== undefined ? { value: a.value } : {}), ...(a.deductions !== undefined ? { deductions: a.deductions } : {}), reason: '抽查' })),
    );
  return fc.tuple(...items.map(entryArb)).map((entries) => {
    const review: Record<string, ReviewEntry> = {};
    items.forEach((it, n) => {
      if (entries[n] !== undefined) review[it.id] = entries[n]!;
    });
    return { checklist, answers, review };
  });
});

/** The answers with each adjusted item's answer replaced by the verified one, written out here independently of the code under test. */
function applyByHand(answers: Answers, review: Record<string, ReviewEntry>): Answers {
  const map: Record<string, Answer> = { ...answers.answers };
  for (const [id, e] of Object.entries(review)) {
    if (e.verdict !== 'adjusted') continue;
    const a: Answer = {};
    if (e.status !== undefined) a.status = e.status;
    if (e.value !== undefined) a.value = e.value;
    if (e.deductions !== undefined) a.deductions = e.deductions;
    map[id] = a;
  }
  return { ...answers, answers: map };
}

/** How many adjusted entries name an item that applies to the unit. */
function applyingAdjusted(checklist: Checklist, answers: Answers, review: Record<string, ReviewEntry>): string[] {
  const applying = new Set(listItems(checklist).filter((p) => appliesTo(p.item, answers.unit.type)).map((p) => p.item.id));
  return Object.entries(review)
    .filter(([id, e]) => e.verdict === 'adjusted' && applying.has(id))
    .map(([id]) => id);
}

describe('scoring with a review', () => {
  it('a review confirming every answer gives the verified score equal to the self-assessed one', () => {
    fc.assert(
      fc.property(scoredArb, ({ checklist, answers }) => {
        const review = { items: Object.fromEntries(Object.keys(answers.answers).map((id) => [id, { verdict: 'confirmed' as const }])) };
        const r = scoreReviewed(checklist, answers, review);
        expect(r.verified.score).toBe(r.self.score);
        expect(numbers(r.verified)).toEqual(numbers(scoreAnswers(checklist, answers)));
        expect(r.adjusted).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('the verified score is the score of the answers with the review\'s adjustments applied', () => {
    fc.assert(
      fc.property(reviewedArb, ({ checklist, answers, review }) => {
        const r = scoreReviewed(checklist, answers, { items: review });
        expect(numbers(r.verified)).toEqual(numbers(scoreAnswers(checklist, applyByHand(answers, review))));
        expect(numbers(r.self)).toEqual(numbers(scoreAnswers(checklist, answers)));
        // Every adjusted item that applies is listed once, in checklist order, with both sides scored.
        const order = listItems(checklist).map((p) => p.item.id);
        expect(r.adjusted.map((a) => a.id)).toEqual(applyingAdjusted(checklist, answers, review).sort((a, b) => order.indexOf(a) - order.indexOf(b)));
        // The unit's own answers are never changed by scoring with a review.
        expect(r.verifiedAnswers).not.toBe(answers);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves the unit\'s answers untouched', () => {
    fc.assert(
      fc.property(reviewedArb, ({ checklist, answers, review }) => {
        const before = JSON.stringify(answers);
        scoreReviewed(checklist, answers, { items: review });
        expect(JSON.stringify(answers)).toBe(before);
      }),
      { numRuns: 100 },
    );
  });
});

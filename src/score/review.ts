// Scores a unit as the office verified it: the self-assessed score, the verified score (the answers with the review applied), and what was adjusted.
import type { Answers } from '../model/answers.js';
import { appliesTo, listItems, type Checklist } from '../model/checklist.js';
import { applyReview, verifiedAnswer, type Review } from '../model/review.js';
import type { ScoreResult } from '../model/score-result.js';
import { partialCreditOf, scoreAnswers, scoreItem } from './score.js';

/** One item's outcome as scored: status, points, and the value or deductions given. */
export type ScoredAnswer = ReturnType<typeof scoreItem>;

/** An item whose answer the office changed: the unit's answer and the verified one, scored, and why. */
export interface AdjustedItem {
  id: string;
  self: ScoredAnswer;
  verified: ScoredAnswer;
  reason: string;
  note?: string;
}

/** A unit scored twice: as it assessed itself and as the office verified it. */
export interface ReviewedScore {
  /** The answers as the unit gave them, scored. */
  self: ScoreResult;
  /** The answers with the review applied, scored: the score that counts (核查分). */
  verified: ScoreResult;
  /** The verified answers (what {@link verified} scores). */
  verifiedAnswers: Answers;
  /** Adjusted items that apply to the unit, in checklist order. */
  adjusted: AdjustedItem[];
  /** How many applying items the office confirmed. */
  confirmed: number;
}

/**
 * Scores `answers` as the unit gave them and with `review` applied (docs/formats.md §4 for both).
 * Pure. `options.items` as for {@link scoreAnswers}: the self-assessed result never needs its
 * item entries, so it is scored without them; `shortfalls` is asked of the verified result only.
 */
export function scoreReviewed(
  checklist: Checklist,
  answers: Answers,
  review: Pick<Review, 'items'>,
  options: { items?: boolean; shortfalls?: boolean } = {},
): ReviewedScore {
  const verifiedAnswers = applyReview(answers, review);
  const self = scoreAnswers(checklist, answers, { items: false });
  const verified = scoreAnswers(checklist, verifiedAnswers, options);
  const partialCredit = partialCreditOf(checklist);
  const byId = new Map(listItems(checklist).map((p) => [p.item.id, p.item]));
  const adjusted: AdjustedItem[] = [];
  let confirmed = 0;
  for (const [id, entry] of Object.entries(review.items)) {
    const item = byId.get(id);
    if (!item || !appliesTo(item, answers.unit.type)) continue;
    if (entry.verdict === 'confirmed') {
      confirmed++;
      continue;
    }
    const own = Object.prototype.hasOwnProperty.call(answers.answers, id) ? answers.answers[id] : undefined;
    adjusted.push({
      id,
      self: scoreItem(item, own, partialCredit),
      verified: scoreItem(item, verifiedAnswer(entry, own), partialCredit),
      reason: entry.reason ?? '',
      ...(entry.note !== undefined ? { note: entry.note } : {}),
    });
  }
  const order = new Map([...byId.keys()].map((id, i) => [id, i]));
  adjusted.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return { self, verified, verifiedAnswers, adjusted, confirmed };
}

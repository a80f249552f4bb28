// The review part of a unit's report: the self-assessed score beside the verified one, and each adjusted item with its reason.
import { listItems, type Checklist } from '../model/checklist.js';
import type { ReportDeduction, ReportReview, ReportReviewAnswer } from '../model/report.js';
import type { Review } from '../model/review.js';
import { pickText } from '../model/text.js';
import type { Lang } from '../i18n/lang.js';
import type { ReviewedScore, ScoredAnswer } from '../score/review.js';
import { roundHalfAway } from '../score/round.js';
import { rememberExact } from './exact.js';

const r2 = (x: number): number => roundHalfAway(x, 2);

/** Where a review came from and whether the answer file still matches it. */
export interface ReviewSource {
  review: Review;
  /** The review file as shown. */
  file: string;
  /** Whether the answer file's SHA-256 differs from the one the review recorded. */
  changed: boolean;
}

/** The report's `review` for a unit scored with its review (numbers rounded as the report's: 2 decimals). */
export function buildReportReview(scored: ReviewedScore, source: ReviewSource, checklist: Checklist, lang: Lang): ReportReview {
  const placed = new Map(listItems(checklist).map((p) => [p.item.id, p.item]));
  const { self, verified } = scored;
  const side = (id: string, s: ScoredAnswer): ReportReviewAnswer => {
    const item = placed.get(id);
    const deductions: ReportDeduction[] | undefined =
      s.deductions === undefined
        ? undefined
        : (item?.deductions ?? []).filter((d) => (s.deductions![d.id] ?? 0) > 0).map((d) => ({ id: d.id, text: pickText(d.text, lang), count: s.deductions![d.id], points: d.points }));
    return {
      status: s.status,
      earned: r2(s.earned),
      ...(s.value !== undefined ? { value: s.value } : {}),
      ...(deductions !== undefined ? { deductions } : {}),
    };
  };
  const review: ReportReview = {
    file: source.file,
    reviewer: source.review.reviewer,
    date: source.review.date,
    answersSha256: source.review.reviewed.sha256,
    answersChanged: source.changed,
    selfScore: r2(self.score),
    selfBaseScore: r2(self.baseScore),
    selfBonusScore: r2(self.bonusScore),
    selfGrade: { index: self.grade.index, label: pickText(self.grade.label, lang), min: self.grade.min },
    selfVetoed: self.vetoed,
    difference: r2(self.score - verified.score),
    confirmed: scored.confirmed,
    adjusted: scored.adjusted.map((a) => ({
      id: a.id,
      text: pickText(placed.get(a.id)?.text, lang),
      max: r2(Math.max(a.self.max, a.verified.max)),
      self: side(a.id, a.self),
      verified: side(a.id, a.verified),
      change: r2(a.verified.earned - a.self.earned),
      reason: a.reason,
      ...(a.note !== undefined ? { note: a.note } : {}),
    })),
  };
  // Markdown and HTML round the scores once, from the exact values (see exact.ts).
  rememberExact(review, { selfScore: self.score, difference: self.score - verified.score, selfBaseScore: self.baseScore, selfBonusScore: self.bonusScore });
  return review;
}

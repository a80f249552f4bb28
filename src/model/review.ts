// The office's review (复核) of one answer file, as defined in docs/formats.md §3.2, and the verified answers it gives.
import type { Answer, Answers, Status } from './answers.js';

/** What the reviewer decided about one item: the unit's answer stands, or it is replaced. */
export type ReviewVerdict = 'confirmed' | 'adjusted';

/** One item's review. An adjusted item carries the verified answer (as its kind asks) and the reason. */
export interface ReviewEntry {
  verdict: ReviewVerdict;
  status?: Status;
  value?: number;
  deductions?: Record<string, number>;
  reason?: string;
  note?: string;
}

/** A whole review file. */
export interface Review {
  schemaVersion: 1;
  /** The answer file reviewed (relative to the review's folder) and the SHA-256 of its bytes then. */
  reviewed: { file: string; sha256: string };
  checklist: { id: string; version: string };
  unit: { name: string; type: string; code?: string };
  reviewer: string;
  /** The day the review was last saved (`YYYY-MM-DD`). */
  date: string;
  items: Record<string, ReviewEntry>;
}

/** The filters of `review --only`, in the order help lists them. */
export const REVIEW_FILTERS = ['fail', 'partial', 'veto', 'evidence-missing'] as const;

/** One filter of `review --only`. */
export type ReviewFilter = (typeof REVIEW_FILTERS)[number];

/** The verified answer an adjusted entry gives: its status, value or deductions, with the unit's note and evidence kept. */
export function verifiedAnswer(entry: ReviewEntry, own: Answer | undefined): Answer {
  const out: Answer = {};
  if (entry.status !== undefined) out.status = entry.status;
  if (entry.value !== undefined) out.value = entry.value;
  if (entry.deductions !== undefined) out.deductions = { ...entry.deductions };
  if (own?.note !== undefined) out.note = own.note;
  if (own?.evidence !== undefined) out.evidence = [...own.evidence];
  return out;
}

/**
 * The answers as the office verified them: the unit's answers with every adjusted item's answer
 * replaced by the reviewer's (confirmed and unreviewed items as the unit gave them). Pure; the
 * unit's answers are not changed. The unit's rectification task stays on an adjusted item only while
 * its verified answer still falls short.
 */
export function applyReview(answers: Answers, review: Pick<Review, 'items'>): Answers {
  const verified: Record<string, Answer> = { ...answers.answers };
  for (const [id, entry] of Object.entries(review.items)) {
    if (entry.verdict !== 'adjusted') continue;
    const own = answers.answers[id];
    const answer = verifiedAnswer(entry, own);
    // The unit's plan is for the shortfall it reported; it stays with the item while the item still falls short.
    if (own?.rectify !== undefined && fallsShort(answer)) answer.rectify = own.rectify;
    verified[id] = answer;
  }
  return { ...answers, answers: verified };
}

/** Whether an answer falls short (fail, partial, a value below 1, a deduction counted): only such an answer carries a task. */
function fallsShort(answer: Answer): boolean {
  if (answer.status === 'fail' || answer.status === 'partial') return true;
  if (answer.value !== undefined) return answer.value < 1;
  return Object.values(answer.deductions ?? {}).some((n) => n > 0);
}

/** Whether an adjusted entry gives the same answer the unit gave (status, value and deductions alike). */
export function sameAsAnswer(entry: ReviewEntry, own: Answer | undefined): boolean {
  if (own === undefined) return false;
  const counts = (d: Record<string, number> | undefined): string =>
    d === undefined
      ? '-'
      : Object.entries(d)
          .filter(([, n]) => n > 0)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([k, n]) => `${k}=${n}`)
          .join(',');
  return entry.status === own.status && entry.value === own.value && counts(entry.deductions) === counts(own.deductions);
}

/**
 * Where an answer file's review is looked for and written by default: beside it, its extension
 * replaced — `answers/x.yaml` (or `x.yml`, `x.xlsx`) → `answers/x.review.yaml`.
 */
export function defaultReviewPath(answersFile: string): string {
  return answersFile.replace(/\.(ya?ml|xlsx)$/i, '') + '.review.yaml';
}

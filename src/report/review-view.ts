// What the Markdown, HTML and Word reports show of the office's review: the two scores, who reviewed, and each adjusted item.
import type { Report, ReportReview, ReportReviewAnswer } from '../model/report.js';
import type { Lang } from '../i18n/lang.js';
import { translate } from '../i18n/translate.js';
import { fmtPlain, formatDelta, one, statusLabel } from './view.js';

/** One adjusted item as people read it (plain text, not yet escaped). */
export interface AdjustedRow {
  id: string;
  text: string;
  self: string;
  verified: string;
  change: string;
  reason: string;
}

/** The review part of a report, as plain text (each format escapes it). */
export interface ReviewView {
  /** The score line's words with the verified score: 核查分 X 分，等级：Y. */
  scores: string;
  by: string;
  /** Said when the answer file changed since the review. */
  changed?: string;
  rows: AdjustedRow[];
}

/** An answer of a review side: status, the value or deductions given, and the points. */
export function reviewAnswerText(a: ReportReviewAnswer, max: number, lang: Lang): string {
  const parts = [statusLabel(lang, a.status)];
  if (a.value !== undefined) parts.push(`${fmtPlain(a.value * 100)}%`);
  if (a.deductions !== undefined) parts.push(a.deductions.map((d) => `${d.id}×${d.count}`).join(' ') || (lang === 'zh' ? '无扣分' : 'nothing deducted'));
  if (a.status !== 'na') parts.push(`${fmtPlain(a.earned)}/${fmtPlain(max)}`);
  return parts.join(' ');
}

/** The review of a report as plain text. */
export function reviewView(report: Report, review: ReportReview, lang: Lang): ReviewView {
  const difference = review.difference;
  const params = { self: one(review, 'selfScore'), selfGrade: review.selfGrade.label, verified: one(report, 'score'), grade: report.grade.label };
  const shown = formatDelta(difference).replace(/^[+\u2212]/, '');
  const scores =
    shown === '0.0'
      ? translate(lang, 'review.report.scoresEqual', params)
      : translate(lang, 'review.report.scores', { ...params, difference: shown, direction: translate(lang, difference > 0 ? 'review.report.direction.higher' : 'review.report.direction.lower') });
  return {
    scores,
    by: translate(lang, 'review.report.by', { reviewer: review.reviewer, date: review.date, file: review.file, confirmed: review.confirmed, adjusted: review.adjusted.length }),
    ...(review.answersChanged ? { changed: translate(lang, 'review.report.changed') } : {}),
    rows: review.adjusted.map((a) => ({
      id: a.id,
      text: a.text,
      self: reviewAnswerText(a.self, a.max, lang),
      verified: reviewAnswerText(a.verified, a.max, lang),
      change: formatDelta(a.change),
      reason: a.note ? `${a.reason}${lang === 'zh' ? '（' : ' ('}${a.note}${lang === 'zh' ? '）' : ')'}` : a.reason,
    })),
  };
}

/** The column headings of the adjusted items' table. */
export function adjustedHeadings(lang: Lang): string[] {
  return (['review.report.col.id', 'review.report.col.text', 'review.report.col.self', 'review.report.col.verified', 'review.report.col.change', 'review.report.col.reason'] as const).map((k) => translate(lang, k));
}

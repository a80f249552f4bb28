// One call from a checked answer file to the text of its report: score (with the office's review when there is one), build, format.
import type { Answers } from '../model/answers.js';
import type { Checklist } from '../model/checklist.js';
import type { Report } from '../model/report.js';
import type { ScoreResult } from '../model/score-result.js';
import type { Lang } from '../i18n/lang.js';
import { scoreAnswers } from '../score/score.js';
import { scoreReviewed } from '../score/review.js';
import { getFormatter, type ReportFormat } from './formatters.js';
import { buildReport } from './json-report.js';
import { buildReportReview, type ReviewSource } from './review-report.js';

/** A scored unit and its report in one format. */
export interface ProducedReport {
  result: ScoreResult;
  report: Report;
  text: string;
}

/** What producing a report takes besides the answers. */
export interface ProduceOptions {
  lang: Lang;
  generatedAt?: string;
  asOf?: string;
  /** The office's review of the answers: the report is then of the verified answers, with the self-assessed score beside. */
  review?: ReviewSource;
}

/**
 * Scores `answers` (with the review applied, when given) and builds the report object: `result`
 * is the score that counts, the verified one when there is a review.
 */
export function scoreAndBuild(checklist: Checklist, answers: Answers, options: ProduceOptions): { result: ScoreResult; report: Report } {
  if (!options.review) {
    const result = scoreAnswers(checklist, answers);
    return { result, report: buildReport(result, checklist, answers, options) };
  }
  const scored = scoreReviewed(checklist, answers, options.review.review);
  const report = buildReport(scored.verified, checklist, scored.verifiedAnswers, options);
  // Assigned, not spread: the report object keeps the exact values remembered for it.
  report.review = buildReportReview(scored, options.review, checklist, options.lang);
  return { result: scored.verified, report };
}

/** Scores `answers` and renders the report as a Word document (docx is loaded only here). */
export async function produceDocxReport(checklist: Checklist, answers: Answers, options: ProduceOptions): Promise<{ result: ScoreResult; report: Report; bytes: Uint8Array }> {
  const { result, report } = scoreAndBuild(checklist, answers, options);
  const { formatDocxReport } = await import('./docx-report.js');
  return { result, report, bytes: await formatDocxReport(report, { lang: options.lang, checklist }) };
}

/** Scores `answers` and renders the report as `format` (what `score` and `run` both do). */
export function produceReport(checklist: Checklist, answers: Answers, format: ReportFormat, options: ProduceOptions): ProducedReport {
  const { result, report } = scoreAndBuild(checklist, answers, options);
  const text = getFormatter(format)(report, { lang: options.lang, checklist });
  return { result, report, text };
}

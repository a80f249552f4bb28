// One call from a checked answer file to the text of its report: score, build, format.
import type { Answers } from '../model/answers.js';
import type { Checklist } from '../model/checklist.js';
import type { Report } from '../model/report.js';
import type { ScoreResult } from '../model/score-result.js';
import type { Lang } from '../i18n/lang.js';
import { scoreAnswers } from '../score/score.js';
import { getFormatter, type ReportFormat } from './formatters.js';
import { buildReport } from './json-report.js';

/** A scored unit and its report in one format. */
export interface ProducedReport {
  result: ScoreResult;
  report: Report;
  text: string;
}

/** Scores `answers` and renders the report as a Word document (docx is loaded only here). */
export async function produceDocxReport(checklist: Checklist, answers: Answers, options: { lang: Lang; generatedAt?: string }): Promise<{ result: ScoreResult; report: Report; bytes: Uint8Array }> {
  const result = scoreAnswers(checklist, answers);
  const report = buildReport(result, checklist, answers, options);
  const { formatDocxReport } = await import('./docx-report.js');
  return { result, report, bytes: await formatDocxReport(report, { lang: options.lang, checklist }) };
}

/** Scores `answers` and renders the report as `format` (what `score` and `run` both do). */
export function produceReport(
  checklist: Checklist,
  answers: Answers,
  format: ReportFormat,
  options: { lang: Lang; generatedAt?: string },
): ProducedReport {
  const result = scoreAnswers(checklist, answers);
  const report = buildReport(result, checklist, answers, options);
  const text = getFormatter(format)(report, { lang: options.lang, checklist });
  return { result, report, text };
}

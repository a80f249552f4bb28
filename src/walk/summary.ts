// The end-of-run summary in the terminal: score, grade, veto, a bar per area and how many items need rectifying.
import type { Answers } from '../model/answers.js';
import type { Checklist } from '../model/checklist.js';
import type { ScoreResult } from '../model/score-result.js';
import { pickText } from '../model/text.js';
import { type Lang } from '../i18n/lang.js';
import { displayWidth, NO_PAINT, type Paint } from '../diagnostics/render.js';
import { makeVisible } from '../util/safe-text.js';
import { wrapText } from '../diagnostics/wrap-text.js';
import { translate } from '../i18n/translate.js';
import { formatFixed } from '../score/round.js';
import { progressBar } from './walk.js';

/** Numbers as the Markdown report shows them (docs/formats.md §4: 1 decimal), so the two always agree. */
export function fmtScore(x: number): string {
  return formatFixed(x, 1);
}

/**
 * Counts of items needing rectification: fail, partial and unanswered outcomes of the non-bonus
 * items (a bonus not won is no shortfall), and apart from them the bonus items still open.
 */
export function rectificationCounts(result: ScoreResult): { fail: number; partial: number; unanswered: number; count: number; bonusOpen: number } {
  const shortfalls = result.items.filter((i) => !i.bonus);
  const fail = shortfalls.filter((i) => i.status === 'fail').length;
  const partial = shortfalls.filter((i) => i.status === 'partial').length;
  const unanswered = shortfalls.filter((i) => i.status === 'unanswered').length;
  const bonusOpen = result.items.filter((i) => i.bonus && (i.status === 'fail' || i.status === 'partial' || i.status === 'unanswered')).length;
  return { fail, partial, unanswered, count: fail + partial + unanswered, bonusOpen };
}

/**
 * Renders the summary shown when the walk finishes, wrapped to `width` terminal columns when
 * given: an area's title wraps in its own column, so its bar and numbers stay on one line.
 */
export function renderSummary(result: ScoreResult, checklist: Checklist, answers: Answers, lang: Lang, paint: Paint = NO_PAINT, width?: number): string {
  const lines: string[] = [];
  const typeLabel = pickText(checklist.unitTypes.find((u) => u.id === answers.unit.type)?.label, lang) || answers.unit.type;
  lines.push('', paint.bold(translate(lang, 'run.summary.title', { unit: makeVisible(answers.unit.name), type: makeVisible(typeLabel) })));
  const grade = pickText(result.grade.label, lang);
  const scoreLine = translate(lang, 'run.summary.score', {
    score: fmtScore(result.score),
    base: fmtScore(result.baseScore),
    bonus: fmtScore(result.bonusScore),
    grade,
  });
  lines.push(result.vetoed ? paint.red(scoreLine) : paint.bold(scoreLine));
  lines.push(
    result.vetoed
      ? paint.red(translate(lang, 'run.summary.vetoed', { items: result.vetoItems.join(', ') }))
      : paint.green(translate(lang, 'run.summary.notVetoed')),
  );
  lines.push('', translate(lang, 'run.summary.areas'));
  const titles = result.areas.map((a) => makeVisible(pickText(checklist.areas.find((c) => c.id === a.id)?.title, lang) || a.id));
  const tails = result.areas.map((area) =>
    area.ratio === null
      ? paint.dim(translate(lang, area.applicable ? 'run.summary.noRatio' : 'run.summary.notApplicable'))
      : `${paint.cyan(progressBar(area.earned, area.max, 20))} ${fmtScore(area.score ?? 0).padStart(5)}  (${fmtScore(area.earned)}/${fmtScore(area.max)})`,
  );
  const tailWidth = Math.max(0, ...tails.map((t) => displayWidth(stripColour(t))));
  // The title column takes what the bars leave of the line (at least 20 columns).
  const longest = Math.max(0, ...titles.map(displayWidth));
  const column = width === undefined ? longest : Math.min(longest, Math.max(20, width - 4 - tailWidth));
  result.areas.forEach((_, i) => {
    const wrapped = displayWidth(titles[i]) > column ? wrapText(titles[i], column).split('\n') : [titles[i]];
    wrapped.forEach((part, k) => {
      const pad = ' '.repeat(Math.max(0, column - displayWidth(part)));
      lines.push(k === 0 ? `  ${part}${pad}  ${tails[i]}` : `    ${part}`);
    });
  });
  const rect = rectificationCounts(result);
  lines.push('', (rect.count > 0 ? paint.yellow : paint.green)(translate(lang, 'run.summary.rectify', rect)));
  if (rect.bonusOpen > 0) lines.push(translate(lang, 'run.summary.bonusOpen', { count: rect.bonusOpen }));
  if (!result.complete) lines.push(paint.yellow(translate(lang, 'run.summary.incomplete', { count: result.unanswered.length })));
  return wrapText(lines.join('\n'), width);
}

function stripColour(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

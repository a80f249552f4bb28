// What the Markdown, HTML and workbook batch summaries show alike: the counts, the findings' cells and the ranking grouped by unit type.
import { translate, type MessageKey } from '../i18n/translate.js';
import { overstatement, type AreaFinding, type BaselineChange, type BatchSummary, type ItemFinding, type OtherFile, type RankedUnit, type UnitBaseline, type UnitSummary } from '../model/batch.js';
import { formatDelta } from './view.js';
import type { Lang } from '../i18n/lang.js';
import { formatFixed } from '../score/round.js';
import { excerpt } from '../util/excerpt.js';

/** A score as the summaries show it: 1 decimal, or a dash. */
export function scoreText(x: number | null): string {
  return x === null ? '—' : formatFixed(x, 1);
}

/**
 * `formatFixed(x, 1)` remembered per value: a batch shows tens of thousands of scores but few
 * distinct ones, and toFixed was a visible part of the summary's time.
 */
export function fixed1Memo(): (x: number) => string {
  const memo = new Map<number, string>();
  return (x) => {
    let text = memo.get(x);
    if (text === undefined) {
      text = formatFixed(x, 1);
      memo.set(x, text);
    }
    return text;
  };
}

/**
 * The overview's counts as label and number, in the order every summary shows them: files, units,
 * invalid, vetoed, incomplete, below the pass mark, duplicates, superseded (when any), failing,
 * other files (when any), and with `--roster` the units due, missing and not on the roster.
 */
export function countRows(summary: Pick<BatchSummary, 'counts' | 'roster'>, lang: Lang): [string, number][] {
  const t = (key: MessageKey): string => translate(lang, key);
  const c = summary.counts;
  const rows: [string, number][] = [
    [t('md.count.files'), c.files],
    // Units, not files: a unit's superseded copies (valid files all) are in no count but their own row.
    [t('md.count.units'), c.valid - c.superseded],
    [t('md.count.invalid'), c.invalid],
    [t('md.count.vetoed'), c.vetoed],
    [t('md.count.incomplete'), c.incomplete],
    [t('md.count.below'), c.belowThreshold],
    [t('md.count.duplicates'), c.duplicates],
  ];
  if (c.superseded > 0) rows.push([t('md.count.superseded'), c.superseded]);
  rows.push([t('md.count.failed'), c.failed]);
  if (c.other > 0) rows.push([t('md.count.other'), c.other]);
  if (c.reviewed !== undefined) rows.push([t('review.batch.count.reviewed'), c.reviewed]);
  if (summary.roster) {
    rows.push(
      [t('md.count.expected'), summary.roster.expected],
      [t('md.count.missing'), summary.roster.missing.length],
      [t('md.count.notOnRoster'), summary.roster.notOnRoster.length],
    );
  }
  return rows;
}

/** An area's weakest units as one line, "丙局 60.0；甲镇 70.0", names escaped with `esc`. */
export function weakestUnitsText(a: AreaFinding, esc: (text: string) => string, lang: Lang): string {
  return a.weakest.map((w) => `${esc(w.name)} ${scoreText(w.score)}`).join(esc(translate(lang, 'why.and')));
}

/** One area's findings as cells (area, units, average, lowest, highest, weakest units), text escaped with `esc`. */
export function areaFindingCells(a: AreaFinding, esc: (text: string) => string, lang: Lang): string[] {
  return [`${esc(a.id)} ${esc(a.title)}`, String(a.units), scoreText(a.average), scoreText(a.min), scoreText(a.max), weakestUnitsText(a, esc, lang)];
}

/** One item's findings as cells (item, text cut to `textChars`, failed, partial, unanswered, of units, points lost). */
export function itemFindingCells(i: ItemFinding, esc: (text: string) => string, textChars: number): string[] {
  return [esc(i.id), esc(excerpt(i.text, textChars)), String(i.failed), String(i.partial), String(i.unanswered), String(i.applying), formatFixed(i.lost, 1)];
}

/** The ranking split by unit type (each in ranking order), the types in the order they first rank, with their labels. */
export function rankingByType(summary: Pick<BatchSummary, 'ranking' | 'files' | 'byType'>): { type: string; label: string; ranked: RankedUnit[] }[] {
  const labels = new Map(summary.byType.map((x) => [x.type, x.label || x.type]));
  const groups = new Map<string, RankedUnit[]>();
  for (const r of summary.ranking) {
    const type = summary.files[r.index].summary!.unit.type;
    let list = groups.get(type);
    if (!list) groups.set(type, (list = []));
    list.push(r);
  }
  return [...groups].map(([type, ranked]) => ({ type, label: labels.get(type) ?? type, ranked }));
}

/** Whether the office reviewed any counted unit of the batch: the rankings then show self-assessed scores beside verified ones. */
export function hasReviews(summary: Pick<BatchSummary, 'counts'>): boolean {
  return (summary.counts.reviewed ?? 0) > 0;
}

/** The ranking's headings for the score and, with reviews, the self-assessed score and the difference. */
export function scoreHeadings(summary: Pick<BatchSummary, 'counts'>, lang: Lang): string[] {
  if (!hasReviews(summary)) return [translate(lang, 'md.col.score')];
  return [translate(lang, 'review.batch.col.verified'), translate(lang, 'review.batch.col.self'), translate(lang, 'review.batch.col.difference')];
}

/**
 * A ranked unit's score cells: the score (the verified one where the unit was reviewed) and, when
 * the batch has reviews, the self-assessed score and self minus verified (`+9.9`; ⚠ when the answer
 * file changed since its review), `—` for a unit not reviewed.
 */
export function scoreCells(s: UnitSummary, withReviews: boolean, fixed1: (x: number) => string = (x) => formatFixed(x, 1)): string[] {
  const shown = fixed1(s.shownScore ?? s.score);
  if (!withReviews) return [shown];
  if (!s.review) return [shown, '—', '—'];
  return [shown, fixed1(s.review.selfScore), formatDelta(overstatement(s)!) + (s.review.changed ? ' ⚠' : '')];
}

/**
 * The lines under the ranking of a batch with reviews (plain text, each format escapes them): what
 * the verified score is, how many units were reviewed (and overstated with `--max-overstatement`),
 * and the units whose answer file changed since their review.
 */
export function reviewNotes(summary: Pick<BatchSummary, 'counts' | 'policy' | 'ranking' | 'files'>, lang: Lang): string[] {
  const out = [translate(lang, 'review.batch.note', { reviewed: summary.counts.reviewed ?? 0 })];
  if (summary.policy.maxOverstatement !== undefined) out.push(translate(lang, 'review.batch.overstatedLine', { max: summary.policy.maxOverstatement, count: summary.counts.overstated ?? 0 }));
  const changed = summary.ranking.map((r) => summary.files[r.index]).filter((f) => f.summary?.review?.changed);
  if (changed.length > 0) out.push(`⚠ ${translate(lang, 'review.batch.changed', { files: changed.map((f) => f.file).join(translate(lang, 'why.and')) })}`);
  return out;
}

/** What an other file is, in words: a checklist or a review with its checklist's id and version (escaped with `esc`), or a roster. */
export function otherFileText(o: OtherFile, esc: (text: string) => string, lang: Lang): string {
  const params = { id: esc(o.id ?? '—'), version: esc(o.version ?? '—') };
  if (o.kind === 'review') return translate(lang, 'review.batch.other.review', params);
  if (o.kind === 'roster') return translate(lang, 'md.other.roster');
  if (o.kind === 'output') return translate(lang, 'md.other.output');
  return translate(lang, 'md.other.checklist', params);
}

/** The ranking's change cell with `--baseline`: `+3.2 ↑`, `−1.5`, `0.0`, or "new" for a unit without a baseline. */
export function changeCell(baseline: UnitBaseline | undefined, lang: Lang): string {
  if (!baseline) return translate(lang, 'md.change.new');
  const arrow = baseline.gradeChange === 'up' ? ' ↑' : baseline.gradeChange === 'down' ? ' ↓' : '';
  return formatDelta(baseline.delta) + arrow;
}

/** A row of the baseline's biggest improvements or declines: unit, type, baseline score, score, change. */
export function baselineChangeCells(c: BaselineChange, esc: (text: string) => string): string[] {
  return [esc(c.name), esc(c.typeLabel || c.type), formatFixed(c.baselineScore, 1), formatFixed(c.shownScore ?? c.score, 1), formatDelta(c.delta)];
}

/**
 * `--baseline`: a unit's follow-up row — unit, fixed, newly failing, repeat findings (⚠, by id),
 * the baseline's tasks — for each ranked unit that has one.
 */
export function followUpRows(summary: Pick<BatchSummary, 'ranking' | 'files'>, esc: (text: string) => string, lang: Lang): string[][] {
  const rows: string[][] = [];
  for (const r of summary.ranking) {
    const u = r.baseline?.followUp;
    if (!u) continue;
    const s = summary.files[r.index].summary!;
    const tasks = u.tasks.total === 0 ? '—' : translate(lang, 'batch.followUp.tasks', { ...u.tasks });
    const repeat = u.stillFailing.length === 0 ? '0' : translate(lang, 'batch.followUp.repeatList', { count: u.stillFailing.length, items: u.stillFailing.map(esc).join(', ') });
    rows.push([esc(s.unit.name), String(u.fixed.length), String(u.newlyFailing.length), repeat, tasks]);
  }
  return rows;
}

/** `--verify-evidence`: a row per piece of evidence missing, changed or outside — file, item, path, problem. */
export function evidenceRows(summary: Pick<BatchSummary, 'files'>, esc: (text: string) => string, lang: Lang): string[][] {
  return summary.files.flatMap((f) => (f.evidence ?? []).map((e) => [esc(f.file), esc(e.item), esc(e.path), translate(lang, `verify.${e.problem}`)]));
}

// The batch summary as Markdown: overview, ranking, units × areas, distributions, invalid files, duplicates.
import { INVISIBLE_CLASS, UNSAFE } from '../util/safe-text.js';
import { translate, type MessageKey } from '../i18n/translate.js';
import { itemTextLookup, weakestArea, type BatchSummary, type FileVerdict } from '../model/batch.js';
import { explainReasons, instructionFor } from './batch-reasons.js';
import { formatLocation } from '../diagnostics/render.js';
import type { Lang } from '../i18n/lang.js';
import { formatFixed } from '../score/round.js';
import { appendAll } from '../util/append-all.js';
import { areaFindingCells, baselineChangeCells, changeCell, countRows, evidenceRows, fixed1Memo, followUpRows, hasReviews, itemFindingCells, otherFileText, rankingByType, reviewNotes, scoreCells, scoreHeadings } from './batch-view.js';
import { formatLocalTime } from '../util/local-time.js';

/** What the formatter needs besides the summary. */
export interface BatchFormatContext {
  lang: Lang;
}

/**
 * Escapes text for a Markdown table cell: pipes, backslashes and Markdown/HTML specials are
 * escaped, line breaks become spaces, and control, bidi and zero-width characters are shown as
 * `\u{…}` (so two names that look alike can be told apart), so a unit name can neither break
 * the table nor inject HTML.
 */
export function escapeCell(text: string): string {
  // Most cells (unit names, plain paths) have nothing to escape: one test instead of six replaces.
  if (!CELL_SPECIAL.test(text)) return text.trim();
  return text
    .replace(UNSAFE, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`)
    .replace(/\r\n|\r|\n|\u2028|\u2029/g, ' ')
    // One pass for the rest: each character is replaced on its own, and no replacement contains
    // a character another one escapes (in order they gave the same).
    .replace(/[&<>\\`*_[\]|#~]/g, (c) => CELL_ENTITY[c] ?? `\\${c}`)
    .trim();
}

const CELL_ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Every character any step of {@link escapeCell} changes (tab too: harmless, it only takes the slow path). */
const CELL_SPECIAL = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029${INVISIBLE_CLASS}&<>\\\\\`*_[\\]|#~]`);

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function table(head: readonly string[], rows: readonly (readonly string[])[], align?: readonly ('l' | 'r')[]): string[] {
  const rule = head.map((_, i) => (align?.[i] === 'r' ? '---:' : '---'));
  return [row(head), row(rule), ...rows.map(row)];
}

/** Formats the batch summary as Markdown in `ctx.lang`. */
export function formatBatchMarkdown(summary: BatchSummary, ctx: BatchFormatContext): string {
  return formatBatchMarkdownLines(summary, ctx).join('\n');
}

/**
 * {@link formatBatchMarkdown}'s lines, not yet joined: a national batch's summary is tens of
 * megabytes, and written line by line it is never held twice (as lines and as one string).
 */
export function formatBatchMarkdownLines(summary: BatchSummary, ctx: BatchFormatContext): string[] {
  const { lang } = ctx;
  const t = (key: MessageKey, params?: Record<string, unknown>): string => translate(lang, key, params);
  // Per-row words are looked up once, not once per unit.
  const yes = t('md.yes');
  const no = t('md.no');
  const yesNo = (b: boolean): string => (b ? yes : no);
  const fixed1 = fixed1Memo();
  const out: string[] = [];
  out.push(`# ${t('md.title')}`, '');
  out.push(t('md.generated', { at: formatLocalTime(summary.generatedAt) }) + '  ');
  out.push(
    t('md.policy', {
      failUnder: summary.policy.failUnder === undefined ? t('md.policy.none') : String(summary.policy.failUnder),
      incomplete: t(summary.policy.allowIncomplete ? 'md.policy.allowed' : 'md.policy.notAllowed'),
    }),
    '',
  );

  out.push(`## ${t('md.counts')}`, '');
  appendAll(out, table([t('md.counts'), t('md.col.count')], countRows(summary, lang).map(([label, n]) => [label, String(n)]), ['l', 'r'])).push('');
  if (summary.rectification) out.push(translate(lang, 'ledger.batchLine', { ...summary.rectification }), '');

  if (summary.roster) appendAll(out, formatRoster(summary.roster, summary.policy.allowMissing === true, lang));

  out.push(`## ${t('md.ranking')}`, '');
  if (summary.ranking.length === 0) {
    out.push(t('md.noUnits'), '');
  } else {
    const duplicateMark = t('md.duplicateMark');
    const vetoedCell = `**${yes}**`;
    const failedCell = `**${t('md.failed')}**`;
    const passedCell = t('md.passed');
    const reasonContext = { lang, failUnder: summary.policy.failUnder, maxOverstatement: summary.policy.maxOverstatement, itemText: itemTextLookup(summary) };
    const reviews = hasReviews(summary);
    const joiner = t('why.and');
    const rows = summary.ranking.map((r) => {
      const f = summary.files[r.index];
      const s = f.summary!;
      return [
        String(r.rank),
        String(r.typeRank),
        escapeCell(s.unit.name) + (f.duplicate ? duplicateMark : ''),
        escapeCell(s.unit.typeLabel || s.unit.type),
        ...scoreCells(s, reviews, fixed1),
        ...(summary.baseline ? [changeCell(r.baseline, lang)] : []),
        escapeCell(s.grade.label),
        s.vetoed ? vetoedCell : no,
        yesNo(s.complete),
        f.failed ? failedCell : passedCell,
        // Every failing unit says why, so "合格 · 不通过" never stands without its reason.
        f.failed ? escapeCell(explainReasons(f, reasonContext).join(joiner)) : '',
        escapeCell(f.file),
      ];
    });
    const scoreHeads = scoreHeadings(summary, lang);
    appendAll(out, table(
      [
        ...['md.col.rank', 'md.col.typeRank', 'md.col.unit', 'md.col.type'].map((k) => t(k as MessageKey)),
        ...scoreHeads,
        ...[...(summary.baseline ? ['md.col.change'] : []), 'md.col.grade', 'md.col.veto', 'md.col.complete', 'md.col.result', 'md.col.why', 'md.col.file'].map((k) => t(k as MessageKey)),
      ],
      rows,
      ['r', 'r', 'l', 'l', ...scoreHeads.map(() => 'r' as const), ...(summary.baseline ? (['r'] as const) : []), 'l', 'l', 'l', 'l', 'l', 'l'],
    )).push('');
    if (reviews) appendAll(out, reviewNotes(summary, lang).map(escapeCell)).push('');
    if (summary.baseline) out.push(t('md.change.note', { dir: escapeCell(summary.baseline.dir) }), '');
    appendAll(out, formatTypeRankings(summary, lang, fixed1));

    out.push(`## ${t('md.areas')}`, '');
    out.push(t('md.areas.note'), '');
    const notApplicable = t('md.notApplicable');
    const areaRows = summary.ranking.map((r) => {
      const f = summary.files[r.index];
      const s = f.summary!;
      const weakest = weakestArea(s);
      const cells = summary.areas.map((area, i) => {
        // A unit's areas are normally in the same checklist order as the columns: try that first.
        const at = s.areaIds[i] === area.id ? i : s.areaIds.indexOf(area.id);
        if (at === -1) return notApplicable;
        const score = s.areaScores[at];
        if (score === null) return '—';
        const text = fixed1(score);
        return area.id === weakest ? `**${text}** ▼` : text;
      });
      return [String(r.rank), escapeCell(s.unit.name), ...cells];
    });
    appendAll(out, table(
      [t('md.col.rank'), t('md.col.unit'), ...summary.areas.map((a) => escapeCell(a.id))],
      areaRows,
      ['r', 'l', ...summary.areas.map(() => 'r' as const)],
    )).push('');
    // The titles are long: a legend under the table keeps its columns narrow.
    appendAll(out, summary.areas.map((a) => `- **${escapeCell(a.id)}** ${escapeCell(a.title)}`)).push('');
  }

  if (summary.baseline) appendAll(out, formatBaselineSection(summary.baseline, lang));
  if (summary.baseline) appendAll(out, formatFollowUpSection(summary, lang));

  out.push(`## ${t('md.distribution')}`, '');
  out.push(`### ${t('md.byGrade')}`, '');
  appendAll(out, table([t('md.col.grade'), t('md.col.count')], summary.byGrade.map((g) => [escapeCell(g.label), String(g.count)]), ['l', 'r'])).push('');
  out.push(`### ${t('md.byType')}`, '');
  // Per unit type: the average and how many of its units are in each grade.
  appendAll(out, table(
    [t('md.col.type'), t('md.col.count'), t('md.col.average'), ...summary.byGrade.map((g) => escapeCell(g.label))],
    summary.byType.map((g) => [escapeCell(g.label || g.type), String(g.count), g.averageScore === null ? '—' : formatFixed(g.averageScore, 1), ...g.byGrade.map(String)]),
    ['l', 'r', 'r', ...summary.byGrade.map(() => 'r' as const)],
  )).push('');
  appendAll(out, formatFindings(summary, lang));

  const invalid = summary.files.filter((f) => f.status !== 'valid');
  if (invalid.length > 0) {
    out.push(`## ${t('md.invalid')} (${invalid.length})`, '');
    appendAll(out, table(
      [t('md.col.file'), t('md.col.diagnostic'), t('md.col.instruction')],
      invalid.map((f) => [escapeCell(f.file), firstProblems(f, lang), escapeCell(instructionFor(f, lang))]),
    )).push('');
  }
  // `--verify-evidence`: one row per piece of evidence that is missing, changed or outside.
  const evidence = evidenceRows(summary, escapeCell, lang);
  if (evidence.length > 0) {
    out.push(`## ${translate(lang, 'verify.heading')} (${evidence.length})`, '');
    appendAll(out, table([t('md.col.file'), translate(lang, 'verify.col.item'), translate(lang, 'verify.col.path'), translate(lang, 'verify.col.problem')], evidence)).push('');
  }
  if (summary.duplicates.length > 0) {
    out.push(`## ${t('md.duplicates')} (${summary.duplicates.length})`, '');
    out.push(t(summary.policy.allowDuplicates ? 'md.duplicates.allowed' : 'md.duplicates.note'), '');
    const dated = (file: string, date: string | null): string => escapeCell(file) + (date === null ? '' : ` (${escapeCell(date)})`);
    appendAll(out, table(
      [t('md.col.unit'), t('md.col.type'), t('md.col.kept'), t('md.col.superseded')],
      summary.duplicates.map((d) => [escapeCell(d.name), escapeCell(d.typeLabel), dated(d.kept, d.date), d.superseded.map((x) => dated(x.file, x.date)).join('<br>')]),
    )).push('');
  }
  if (summary.otherFiles.length > 0) {
    out.push(`## ${t('md.other')} (${summary.otherFiles.length})`, '');
    out.push(t('md.other.note'), '');
    appendAll(out, table(
      [t('md.col.file'), t('md.col.kind')],
      summary.otherFiles.map((o) => [escapeCell(o.file), otherFileText(o, escapeCell, lang)]),
    )).push('');
  }
  return out;
}

/** `--roster`: the counts, the units missing, the submissions from units not on the roster. */
function formatRoster(r: NonNullable<BatchSummary['roster']>, allowMissing: boolean, lang: Lang): string[] {
  const t = (key: MessageKey, params?: Record<string, unknown>): string => translate(lang, key, params);
  const out: string[] = [`## ${t('md.roster')}`, ''];
  out.push(t('md.roster.counts', { file: escapeCell(r.file), expected: r.expected, submitted: r.submitted, missing: r.missing.length, extra: r.notOnRoster.length }), '');
  out.push(`### ${t('md.roster.missing')} (${r.missing.length})`, '');
  if (r.missing.length === 0) out.push(t('md.none'), '');
  else {
    out.push(t(allowMissing ? 'md.roster.missingAllowed' : 'md.roster.missingNote'), '');
    appendAll(out, table([t('md.col.unit'), t('md.col.type')], r.missing.map((u) => [escapeCell(u.name), escapeCell(u.typeLabel)]))).push('');
  }
  out.push(`### ${t('md.roster.extra')} (${r.notOnRoster.length})`, '');
  if (r.notOnRoster.length === 0) out.push(t('md.none'), '');
  else appendAll(out, table([t('md.col.unit'), t('md.col.type'), t('md.col.file')], r.notOnRoster.map((u) => [escapeCell(u.name), escapeCell(u.typeLabel), escapeCell(u.file)]))).push('');
  return out;
}

/** How many characters of an item's text the findings table quotes. */
const ITEM_TEXT_CHARS = 40;

/**
 * County-wide findings: per area the average, the spread (lowest and highest unit) and the weakest
 * units; per item how many applying units failed it, met it in part or left it unanswered, sorted
 * by the points lost across the county.
 */
function formatFindings(summary: BatchSummary, lang: Lang): string[] {
  const t = (key: MessageKey, params?: Record<string, unknown>): string => translate(lang, key, params);
  const out: string[] = [`## ${t('md.findings')}`, ''];
  out.push(`### ${t('md.findings.areas')}`, '', t('md.findings.areas.note'), '');
  appendAll(out, table(
    [t('md.col.area'), t('md.col.units'), t('md.col.average'), t('md.col.min'), t('md.col.max'), t('md.col.weakest')],
    summary.findings.areas.map((a) => areaFindingCells(a, escapeCell, lang)),
    ['l', 'r', 'r', 'r', 'r', 'l'],
  )).push('');
  out.push(`### ${t('md.findings.items')}`, '');
  if (summary.findings.items.length === 0) {
    out.push(t(summary.findings.checklist ? 'md.findings.items.none' : 'md.findings.items.unknown'), '');
    return out;
  }
  out.push(t('md.findings.items.note'), '');
  appendAll(out, table(
    [t('md.col.item'), t('md.col.text'), t('md.col.failed'), t('md.col.partial'), t('md.col.unanswered'), t('md.col.applying'), t('md.col.lost')],
    summary.findings.items.map((i) => itemFindingCells(i, escapeCell, ITEM_TEXT_CHARS)),
    ['l', 'l', 'r', 'r', 'r', 'r', 'r'],
  )).push('');
  return out;
}

/**
 * One ranking per unit type (townships with townships), in the order of the type distribution:
 * the rank within the type, the unit, its score, grade and result.
 */
function formatTypeRankings(summary: BatchSummary, lang: Lang, fixed1: (x: number) => string): string[] {
  const t = (key: MessageKey, params?: Record<string, unknown>): string => translate(lang, key, params);
  const out: string[] = [`## ${t('md.typeRanking')}`, '', t('md.typeRanking.note'), ''];
  const reviews = hasReviews(summary);
  const heads = scoreHeadings(summary, lang);
  for (const group of rankingByType(summary)) {
    const rows = group.ranked.map((r) => {
      const f = summary.files[r.index];
      const s = f.summary!;
      return [String(r.typeRank), escapeCell(s.unit.name), ...scoreCells(s, reviews, fixed1), escapeCell(s.grade.label), f.failed ? `**${t('md.failed')}**` : t('md.passed')];
    });
    out.push(`### ${escapeCell(group.label)} (${rows.length})`, '');
    appendAll(out, table([t('md.col.typeRank'), t('md.col.unit'), ...heads, t('md.col.grade'), t('md.col.result')], rows, ['r', 'l', ...heads.map(() => 'r' as const), 'l', 'l'])).push('');
  }
  return out;
}

/** The first diagnostics of an invalid file as `file:line:col message`, joined for one cell. */
function firstProblems(f: FileVerdict, lang: Lang): string {
  const shown = f.errors.slice(0, 3).map((d) => `\`${formatLocation(d).replace(/`/g, "'")}\` ${escapeCell(d.message[lang])}`);
  const more = f.errorCount - shown.length;
  if (more > 0) shown.push(translate(lang, 'md.moreErrors', { count: more }));
  return shown.join('<br>');
}

/**
 * `--baseline`: item by item per unit — fixed, newly failing, repeat findings (⚠, by id) — and
 * whether the baseline's rectification tasks were closed by their due dates.
 */
function formatFollowUpSection(summary: BatchSummary, lang: Lang): string[] {
  const f = summary.baseline!.followUp;
  const t = (key: MessageKey, params?: Record<string, unknown>): string => translate(lang, key, params);
  const out: string[] = [`## ${t('compare.md.followUp')}`, ''];
  out.push(t('batch.followUp.summary', { ...f, ...f.tasks, total: f.tasks.total }), '');
  const rows = followUpRows(summary, escapeCell, lang);
  if (rows.length === 0) out.push(t('compare.md.none'), '');
  else appendAll(out, table([t('batch.followUp.col.unit'), t('batch.followUp.col.fixed'), t('batch.followUp.col.new'), t('batch.followUp.col.repeat'), t('batch.followUp.col.tasks')], rows, ['l', 'r', 'r', 'l', 'l'])).push('');
  return out;
}

/** `--baseline`: the counts, the biggest improvements and declines, and the units missing now. */
function formatBaselineSection(b: NonNullable<BatchSummary['baseline']>, lang: Lang): string[] {
  const t = (key: MessageKey, params?: Record<string, unknown>): string => translate(lang, key, params);
  const out: string[] = [`## ${t('md.baseline')}`, ''];
  out.push(t('md.baseline.counts', { dir: escapeCell(b.dir), matched: b.matched, newUnits: b.newUnits, missing: b.missingUnits.length }), '');
  const changes = (title: string, list: typeof b.improvements): void => {
    out.push(`### ${title}`, '');
    if (list.length === 0) {
      out.push(t('md.none'), '');
      return;
    }
    appendAll(out, table(
      [t('md.col.unit'), t('md.col.type'), t('md.col.baselineScore'), t('md.col.score'), t('md.col.change')],
      list.map((c) => baselineChangeCells(c, escapeCell)),
      ['l', 'l', 'r', 'r', 'r'],
    )).push('');
  };
  changes(t('md.baseline.improved'), b.improvements);
  changes(t('md.baseline.declined'), b.declines);
  out.push(`### ${t('md.baseline.missing')} (${b.missingUnits.length})`, '');
  if (b.missingUnits.length === 0) out.push(t('md.none'), '');
  else
    appendAll(out, table(
      [t('md.col.unit'), t('md.col.type'), t('md.col.baselineFile')],
      b.missingUnits.map((u) => [escapeCell(u.name), escapeCell(u.typeLabel || u.type), escapeCell(u.file)]),
    )).push('');
  return out;
}


// The comparison of two reports as Markdown (GitHub-flavoured), in Chinese or English, every text escaped.
import { escapeInline, escapeJsonText, escapeTableCell } from '../util/safe-text.js';
import { translate, type MessageKey } from '../i18n/translate.js';
import type { ItemKind } from '../model/checklist.js';
import type { Lang } from '../i18n/lang.js';
import { formatFixed, roundHalfAway } from '../score/round.js';
import type { CompareSide, Comparison, ItemChange, ItemOnly, ItemState } from './compare.js';
import type { FollowUpItem } from './follow-up.js';

/** What the formatter needs besides the comparison. */
export interface CompareFormatContext {
  lang: Lang;
}

/** A formatter of comparisons, chosen by name like the report formatters. */
export type CompareFormatter = (comparison: Comparison, ctx: CompareFormatContext) => string;

const one = (x: number): string => formatFixed(x, 1);
const signed = (x: number): string => (x > 0 ? `+${one(x)}` : one(x));
/**
 * The change as shown beside the two numbers: the difference of the numbers as displayed (each
 * rounded once), so "42.9 → 85.7" reads "+42.8", never "+42.9".
 */
const change = (old: number, now: number): string => signed(roundHalfAway(roundHalfAway(now, 1) - roundHalfAway(old, 1), 1));

/** The comparison as Markdown. */
export function formatCompareMarkdown(c: Comparison, ctx: CompareFormatContext): string {
  const { lang } = ctx;
  const t = (key: MessageKey, params?: Record<string, unknown>): string => translate(lang, key, params);
  const cell = escapeTableCell;
  const dash = t('compare.md.missing');
  const out: string[] = [];

  out.push(`# ${escapeInline(t('compare.md.title', { unit: c.new.unit.name }))}`, '');
  out.push(escapeInline(t('compare.md.sides', { old: describeSide(c.old, lang), new: describeSide(c.new, lang) })), '');
  if (c.warnings.length > 0) {
    out.push('> [!WARNING]');
    for (const w of c.warnings) out.push(`> ${escapeInline(t(`compare.warn.${w.code}`, { old: w.old, new: w.new }))}<br>`);
    out.push('');
  }
  out.push(
    escapeInline(
      t('compare.md.summary', {
        old: one(c.score.old),
        new: one(c.score.new),
        delta: change(c.score.old, c.score.new),
        oldGrade: c.grade.old.label,
        newGrade: c.grade.new.label,
        improved: c.improved.length,
        regressed: c.regressed.length,
        open: c.newlyOpen.length,
      }),
    ),
    '',
  );

  const yesNo = (v: boolean): string => t(v ? 'compare.md.yes' : 'compare.md.no');
  out.push(
    `| ${t('compare.md.col.what')} | ${t('compare.md.col.old')} | ${t('compare.md.col.new')} | ${t('compare.md.col.delta')} |`,
    '| --- | ---: | ---: | ---: |',
    `| ${t('compare.md.row.score')} | ${one(c.score.old)} | ${one(c.score.new)} | ${change(c.score.old, c.score.new)} |`,
    `| ${t('compare.md.row.base')} | ${one(c.baseScore.old)} | ${one(c.baseScore.new)} | ${change(c.baseScore.old, c.baseScore.new)} |`,
    `| ${t('compare.md.row.bonus')} | ${one(c.bonusScore.old)} | ${one(c.bonusScore.new)} | ${change(c.bonusScore.old, c.bonusScore.new)} |`,
    `| ${t('compare.md.row.grade')} | ${cell(c.grade.old.label)} | ${cell(c.grade.new.label)} | ${t(`compare.md.${c.grade.change}`)} |`,
    `| ${t('compare.md.row.vetoed')} | ${yesNo(c.old.vetoed)} | ${yesNo(c.new.vetoed)} | |`,
    `| ${t('compare.md.row.unanswered')} | ${c.old.unanswered} | ${c.new.unanswered} | ${signed(c.new.unanswered - c.old.unanswered).replace(/\.0$/, '')} |`,
    '',
  );

  out.push(`## ${t('compare.md.areas')}`, '');
  out.push(
    `| ${t('compare.md.col.area')} | ${t('compare.md.col.old')} | ${t('compare.md.col.new')} | ${t('compare.md.col.delta')} |`,
    '| --- | ---: | ---: | ---: |',
  );
  for (const a of c.areas) {
    const show = (x: number | null): string => (x === null ? dash : one(x));
    out.push(`| ${cell(`${a.id} ${a.title}`)} | ${show(a.old)} | ${show(a.new)} | ${a.delta === null || a.old === null || a.new === null ? dash : change(a.old, a.new)} |`);
  }
  out.push('');

  const changes = (heading: string, list: ItemChange[]): void => {
    out.push(`## ${heading}`, '');
    if (list.length === 0) {
      out.push(t('compare.md.none'), '');
      return;
    }
    out.push(
      `| ${t('compare.md.col.item')} | ${t('compare.md.col.text')} | ${t('compare.md.col.old')} | ${t('compare.md.col.new')} |`,
      '| --- | --- | --- | --- |',
    );
    for (const i of list) out.push(`| ${cell(i.id)} | ${cell(i.text)} | ${cell(describeState(i.old, i.kind, lang))} | ${cell(describeState(i.new, i.kind, lang))} |`);
    out.push('');
  };
  const only = (heading: string, list: ItemOnly[], hint?: string): void => {
    out.push(`## ${heading}`, '');
    if (hint) out.push(escapeInline(hint), '');
    if (list.length === 0) {
      out.push(t('compare.md.none'), '');
      return;
    }
    out.push(`| ${t('compare.md.col.item')} | ${t('compare.md.col.text')} | ${t('compare.md.col.status')} |`, '| --- | --- | --- |');
    for (const i of list) out.push(`| ${cell(i.id)} | ${cell(i.text)} | ${cell(describeState(i.state, i.kind, lang))} |`);
    out.push('');
  };
  changes(t('compare.md.improved', { count: c.improved.length }), c.improved);
  changes(t('compare.md.regressed', { count: c.regressed.length }), c.regressed);
  only(t('compare.md.newlyOpen', { count: c.newlyOpen.length }), c.newlyOpen, t('compare.md.newlyOpenHint'));
  if (c.otherChanges.length > 0) changes(t('compare.md.other', { count: c.otherChanges.length }), c.otherChanges);
  if (c.onlyInOld.length > 0) only(t('compare.md.onlyOld', { count: c.onlyInOld.length }), c.onlyInOld);
  if (c.onlyInNew.length > 0) only(t('compare.md.onlyNew', { count: c.onlyInNew.length }), c.onlyInNew);

  // Follow-up: what was fixed, what is new, what repeats, and whether last round's tasks were closed in time.
  const f = c.followUp;
  out.push(`## ${t('compare.md.followUp')}`, '');
  out.push(escapeInline(t('compare.md.followUp.summary', { fixed: f.fixed.length, newlyFailing: f.newlyFailing.length, stillFailing: f.stillFailing.length })), '');
  const ids = (heading: string, list: FollowUpItem[]): void => {
    if (list.length === 0) return;
    out.push(`### ${heading}`, '', `| ${t('compare.md.col.item')} | ${t('compare.md.col.text')} | ${t('compare.md.col.old')} | ${t('compare.md.col.new')} |`, '| --- | --- | --- | --- |');
    const status = (s: FollowUpItem['last']): string => (s === null ? dash : t(`status.${s}`));
    for (const i of list) out.push(`| ${cell(i.id)} | ${cell(i.text ?? '')} | ${status(i.last)} | ${status(i.now)} |`);
    out.push('');
  };
  ids(t('compare.md.stillFailing'), f.stillFailing);
  ids(t('compare.md.newlyFailing'), f.newlyFailing);
  ids(t('compare.md.fixed'), f.fixed);
  if (f.tasks.length > 0) {
    out.push(escapeInline(t('compare.md.tasks', { ...f.taskCounts })), '');
    out.push(
      `| ${t('compare.md.col.item')} | ${t('compare.md.col.measures')} | ${t('compare.md.col.owner')} | ${t('compare.md.col.due')} | ${t('compare.md.col.closed')} | ${t('compare.md.col.now')} |`,
      '| --- | --- | --- | --- | --- | --- |',
    );
    for (const task of f.tasks) {
      const closed =
        task.verdict === 'onTime'
          ? t('compare.md.task.onTime', { date: task.doneOn })
          : task.verdict === 'late'
            ? `⏰ ${t('compare.md.task.late', { days: task.daysLate, date: task.doneOn })}`
            : t('compare.md.task.open');
      out.push(`| ${cell(task.item)} | ${cell(task.measures)} | ${cell(task.owner)} | ${task.due} | ${closed} | ${t(task.fixedNow ? 'compare.md.fixedNow' : 'compare.md.notFixedNow')} |`);
    }
    out.push('');
  }
  return out.join('\n').replace(/\n+$/, '\n');
}

/** `file (checklist version, period)` for the heading. */
function describeSide(side: CompareSide, lang: Lang): string {
  const period = side.period !== undefined ? translate(lang, 'compare.md.period', { period: side.period }) : '';
  const kind = side.kind === 'report' ? ` · ${translate(lang, 'compare.md.kind.report')}` : '';
  return translate(lang, 'compare.md.side', { file: side.file, checklist: side.checklist.id, version: side.checklist.version, period: period + kind });
}

/** `符合` / `部分符合 1.5/3 分`: the status, with the points for ratio and deduct items (where they say more). */
export function describeState(state: ItemState, kind: ItemKind, lang: Lang): string {
  const label = translate(lang, `status.${state.status}`);
  if (kind === 'status' || state.status === 'na' || state.max === 0) return label;
  return `${label} ${translate(lang, 'compare.md.points', { earned: formatFixed(state.earned, 1).replace(/\.0$/, ''), max: formatFixed(state.max, 1).replace(/\.0$/, '') })}`;
}

/** The JSON comparison, pretty-printed with a final newline. */
export function formatCompareJson(c: Comparison): string {
  return escapeJsonText(JSON.stringify(c, null, 2)) + '\n';
}

const FORMATTERS = { md: formatCompareMarkdown, json: formatCompareJson } as const;

/** The comparison formats. */
export type CompareFormat = keyof typeof FORMATTERS;

/** The formatter for a format name. */
export function getCompareFormatter(name: CompareFormat): CompareFormatter {
  return FORMATTERS[name];
}

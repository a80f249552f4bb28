// What the Markdown and HTML reporters share: grouping, labels, number formats and the computation shown.
import { translate } from '../i18n/translate.js';
import { gradesOf, listItems, type Checklist } from '../model/checklist.js';
import type { Report, ReportArea, ReportItem, ReportRectify } from '../model/report.js';
import type { ItemOutcome } from '../model/score-result.js';
import { pickText } from '../model/text.js';
import { type Lang } from '../i18n/lang.js';
import { formatFixed, roundHalfAway } from '../score/round.js';
import { exactValue } from './exact.js';

/** What a Markdown or HTML formatter needs besides the report: the language and the checklist (guidance, evidence, section titles). */
export interface FormatContext {
  lang: Lang;
  checklist: Checklist;
}

/** A number as people read it in the report: rounded half away from zero to 1 decimal. */
export function fmt1(x: number): string {
  return formatFixed(x, 1);
}

/** A field of a report object shown with 1 decimal, rounded once from its exact value (see exact.ts). */
export function one(target: object, key: string): string {
  return fmt1(exactValue(target, key));
}

/**
 * A score change as people read it: `+3.2`, `−1.5` (a true minus sign) or `0.0` at one decimal.
 * A change that rounds to nothing shows no sign.
 */
export function formatDelta(delta: number): string {
  const text = roundHalfAway(Math.abs(delta), 1).toFixed(1);
  if (text === '0.0') return text;
  return (delta > 0 ? '+' : '\u2212') + text;
}

/** A number without needless zeros (weights, points): 13 → "13", 0.5 → "0.5", 1.25 → "1.25". */
export function fmtPlain(x: number): string {
  return String(Number(formatFixed(x, 2)));
}

/** The label of an item outcome. */
export function statusLabel(lang: Lang, status: ItemOutcome): string {
  return translate(lang, `status.${status}`);
}

/** A 10-cell text bar for a ratio 0..1, e.g. `████████░░`. */
export function textBar(ratio: number | null, cells = 10): string {
  if (ratio === null) return '░'.repeat(cells);
  const full = Math.min(cells, Math.max(0, Math.round(ratio * cells)));
  return '█'.repeat(full) + '░'.repeat(cells - full);
}

/** The header's assessor: the name and the role and contact after it; undefined when none is given. */
export function assessorParts(report: Report): { name?: string; extra: string[] } | undefined {
  const a = report.assessor;
  const extra = [a?.role, a?.contact].filter((x): x is string => !!x);
  if (!a?.name && extra.length === 0) return undefined;
  return { ...(a?.name ? { name: a.name } : {}), extra };
}

/** Whether a report area applies to the unit type (reports from before the field existed list only applying areas). */
export function isApplicable(area: ReportArea): boolean {
  return area.applicable !== false;
}

/** What an area without a score shows: "not applicable" (no item for this unit type) or "all N/A" (weight shared out). */
export function noScoreLabel(lang: Lang, area: ReportArea): string {
  return translate(lang, isApplicable(area) ? 'areas.allNa' : 'areas.notApplicable');
}

/** The points column of an area: "9/10", or "—" for an area that does not apply. */
export function areaPoints(area: ReportArea): string {
  return isApplicable(area) ? `${fmtPlain(area.earned)}/${fmtPlain(area.max)}` : '—';
}

/** Items of one section (or the area's own items when `id` is undefined). */
export interface SectionView {
  id?: string;
  title?: string;
  items: ReportItem[];
}

/** An area with its items grouped by section, in checklist order. */
export interface AreaView {
  id: string;
  title: string;
  score?: ReportArea;
  sections: SectionView[];
}

/** Groups the report's items by area and section in checklist order, leaving out empty groups. */
export function groupItems(report: Report, ctx: FormatContext): AreaView[] {
  const byId = new Map(report.items.map((i) => [i.id, i]));
  const out: AreaView[] = [];
  for (const area of ctx.checklist.areas) {
    const sections: SectionView[] = [];
    const own = (area.items ?? []).map((i) => byId.get(i.id)).filter((i): i is ReportItem => i !== undefined);
    if (own.length > 0) sections.push({ items: own });
    for (const section of area.sections ?? []) {
      const items = section.items.map((i) => byId.get(i.id)).filter((i): i is ReportItem => i !== undefined);
      if (items.length > 0) sections.push({ id: section.id, title: pickText(section.title, ctx.lang), items });
    }
    if (sections.length === 0) continue;
    out.push({ id: area.id, title: pickText(area.title, ctx.lang), score: report.areas.find((a) => a.id === area.id), sections });
  }
  return out;
}

/** One entry of the rectification list (整改清单). */
export interface RectifyEntry {
  item: ReportItem;
  guidance: string;
  expected: string[];
}

/** Whether an item is open: answered fail or partial, or not answered. */
function isOpen(item: ReportItem): boolean {
  return item.status === 'fail' || item.status === 'partial' || item.status === 'unanswered';
}

/**
 * Every open (fail, partial, unanswered) item that is not a bonus item, with how it is checked
 * and what evidence it needs. Not winning a bonus is no shortfall: see {@link bonusEntries}.
 */
export function rectifyEntries(report: Report, ctx: FormatContext): RectifyEntry[] {
  return entriesOf(report.items.filter((i) => isOpen(i) && !i.bonus), ctx);
}

/** The bonus items not won in full yet (可争取的加分), in the same shape as the rectification list. */
export function bonusEntries(report: Report, ctx: FormatContext): RectifyEntry[] {
  return entriesOf(report.items.filter((i) => isOpen(i) && i.bonus), ctx);
}

function entriesOf(items: ReportItem[], ctx: FormatContext): RectifyEntry[] {
  const placed = new Map(listItems(ctx.checklist).map((p) => [p.item.id, p.item]));
  return items
    .map((item) => {
      const source = placed.get(item.id);
      return {
        item,
        guidance: pickText(source?.guidance, ctx.lang),
        expected: (source?.evidence ?? []).map((e) => pickText(e, ctx.lang)),
      };
    });
}

/**
 * A rectification task's particulars after its measures, as plain text: owner, due date, status,
 * and the completion day or the days overdue, e.g. `责任人：王芳；期限：2026-06-30；整改中；已逾期 12 天`.
 */
export function rectifyParticulars(plan: ReportRectify, lang: Lang): { text: string; overdue: string } {
  const colon = lang === 'zh' ? '：' : ': ';
  const parts = [
    `${translate(lang, 'rectify.owner')}${colon}${plan.owner}`,
    `${translate(lang, 'rectify.due')}${lang === 'zh' ? '：' : ' '}${plan.due}`,
    translate(lang, `rectify.status.${plan.status}`),
  ];
  if (plan.status === 'done' && plan.doneOn) parts.push(translate(lang, 'rectify.doneOn', { date: plan.doneOn }));
  return {
    text: parts.join(lang === 'zh' ? '；' : '; '),
    overdue: plan.overdueDays ? translate(lang, 'rectify.overdue', { days: plan.overdueDays }) : '',
  };
}

/** How an item's answer reads beyond its status: the ratio given, or the deductions. */
export function itemDetail(item: ReportItem, lang: Lang): string {
  if (item.kind === 'ratio' && item.value !== undefined) return translate(lang, 'detail.value', { value: `${fmtPlain(item.value * 100)}%` });
  if (item.kind === 'deduct' && item.deductions !== undefined) {
    if (item.deductions.length === 0) return translate(lang, 'detail.noDeduction');
    return item.deductions
      .map((d) => translate(lang, 'detail.deduction', { text: d.text, count: d.count, points: fmtPlain(d.points) }))
      .join(lang === 'zh' ? '；' : '; ');
  }
  return '';
}

/** The points column of an item: "3/3", or "—" for N/A. */
export function itemPoints(item: ReportItem): string {
  if (!item.counted) return '—';
  return `${fmtPlain(item.earned)}/${fmtPlain(item.max)}`;
}

/** The lines of "how this score was computed", with this unit's numbers (plain text, not yet escaped). */
export function methodLines(report: Report, ctx: FormatContext): string[] {
  const { lang } = ctx;
  const lines: string[] = [];
  lines.push(translate(lang, 'method.items', { partial: fmtPlain(report.partialCredit) }));
  lines.push(translate(lang, 'method.areas'));
  const counting = report.areas.filter((a) => a.ratio !== null);
  if (counting.length === 0) {
    lines.push(translate(lang, 'method.noAreas'));
  } else {
    const terms = counting.map((a) => `${fmtPlain(a.weight)} × ${formatFixed(a.ratio!, 4)}`).join(' + ');
    const weights = counting.map((a) => fmtPlain(a.weight)).join(' + ');
    lines.push(`${translate(lang, 'method.base')} = 100 × (${terms}) ÷ (${weights}) = ${one(report, 'baseScore')}`);
  }
  const b = report.bonus;
  if (b.items.length > 0 || report.bonusScore > 0) {
    let line = `${translate(lang, 'method.bonusRule', { earned: one(b, 'earned'), cap: fmtPlain(b.cap), minBase: fmtPlain(b.minBase) })} = ${one(report, 'bonusScore')}`;
    if (!b.applied) line += lang === 'zh' ? `（${translate(lang, 'method.bonusNotApplied', { base: one(report, 'baseScore'), minBase: fmtPlain(b.minBase) })}）` : ` (${translate(lang, 'method.bonusNotApplied', { base: one(report, 'baseScore'), minBase: fmtPlain(b.minBase) })})`;
    lines.push(line);
  }
  lines.push(`${translate(lang, 'method.total')} = ${one(report, 'baseScore')} + ${one(report, 'bonusScore')} = ${one(report, 'score')}`);
  const grades = gradesOf(ctx.checklist)
    .map((g) => `${pickText(g.label, lang)} ≥ ${fmtPlain(g.min)}`)
    .join(lang === 'zh' ? '，' : ', ');
  lines.push(translate(lang, 'method.grade', { grades }));
  lines.push(translate(lang, 'method.rounding'));
  return lines;
}

/** The date part of the report's time stamp (YYYY-MM-DD). */
export function reportDate(report: Report): string {
  return report.generatedAt.slice(0, 10);
}

/** Text of an item by id (for lists that name items). */
export function itemText(report: Report, id: string): string {
  return report.items.find((i) => i.id === id)?.text ?? '';
}

/**
 * How far the base score is from the bonus threshold when bonus points already earned do not count
 * yet (no single item may be enough, but a few together are): the points to add (rounded up to
 * 0.1, so reaching them is enough), the threshold and the bonus that would count. Undefined when
 * the bonus counts already or none is earned.
 */
export function bonusUnlock(report: Report): { need: string; minBase: string; earned: string } | undefined {
  if (report.bonus.applied || report.bonus.earned <= 0) return undefined;
  const base = exactValue(report, 'baseScore');
  const need = Math.ceil((report.bonus.minBase - base) * 10 - 1e-9) / 10;
  if (!(need > 0)) return undefined;
  return { need: need.toFixed(1), minBase: fmtPlain(report.bonus.minBase), earned: fmtPlain(Math.min(report.bonus.earned, report.bonus.cap)) };
}

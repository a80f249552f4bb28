// The Markdown report for a person: header, score, veto banner, area table with bars, items, rectification, gains, method.
import { escapeInline as esc, escapeTableCell as cell } from '../util/safe-text.js';
import { translate } from '../i18n/translate.js';
import type { Report, ReportReview } from '../model/report.js';
import type { Lang } from '../i18n/lang.js';
import { adjustedHeadings, reviewView } from './review-view.js';
// Every text is placed after a line marker ("| ", "- ", "### "), so inline escaping is enough.
import { mentionsVeto } from '../model/text.js';
import {
  one,
  areaPoints,
  assessorParts,
  fmtPlain,
  groupItems,
  itemDetail,
  itemPoints,
  itemText,
  methodLines,
  noScoreLabel,
  rectifyEntries,
  rectifyParticulars,
  bonusUnlock,
  bonusEntries,
  reportDate,
  statusLabel,
  textBar,
  type FormatContext,
} from './view.js';

/** How many improvements the report lists before "N more". */
export const MAX_GAINS = 10;

const STATUS_ICON: Record<string, string> = { pass: '✅', partial: '🟡', fail: '❌', na: '➖', unanswered: '⬜' };

/** The review section: the two scores, who reviewed and when, a warning when the answers changed since, and the adjusted items. */
function reviewMarkdown(report: Report, review: ReportReview, lang: Lang): string[] {
  const view = reviewView(report, review, lang);
  const out = [`## ${translate(lang, 'review.report.section')}`, ''];
  if (view.changed) out.push('> [!WARNING]', `> ⚠ ${esc(view.changed)}`, '');
  out.push(esc(view.scores), '', esc(view.by), '');
  if (view.rows.length === 0) return [...out, translate(lang, 'review.report.noAdjusted'), ''];
  out.push(`| ${adjustedHeadings(lang).join(' | ')} |`, '| --- | --- | --- | --- | ---: | --- |');
  for (const r of view.rows) out.push(`| ${esc(r.id)} | ${cell(r.text)} | ${cell(r.self)} | ${cell(r.verified)} | ${r.change} | ${cell(r.reason)} |`);
  out.push('');
  return out;
}

/** Renders the Markdown report (GitHub-flavoured). Every text from answer and checklist files is escaped. */
export function formatMarkdown(report: Report, ctx: FormatContext): string {
  const { lang } = ctx;
  const sep = lang === 'zh' ? '，' : ', ';
  const paren = (s: string): string => (lang === 'zh' ? `（${s}）` : ` (${s})`);
  const out: string[] = [];

  out.push(`# ${translate(lang, 'title')}${lang === 'zh' ? '：' : ': '}${esc(report.unit.name)}`, '');
  out.push(`| | |`, `| --- | --- |`);
  out.push(`| ${translate(lang, 'field.unit')} | ${cell(report.unit.name)}${report.unit.code ? paren(`${translate(lang, 'field.code')} ${cell(report.unit.code)}`) : ''} |`);
  out.push(`| ${translate(lang, 'field.unitType')} | ${cell(report.unit.typeLabel)}${paren(cell(report.unit.type))} |`);
  out.push(`| ${translate(lang, 'field.checklist')} | ${cell(report.checklist.title)}${paren(`${cell(report.checklist.id)}${sep}${translate(lang, 'field.version')} ${cell(report.checklist.version)}`)} |`);
  const who = assessorParts(report);
  if (who) {
    const extra = who.extra.map(cell).join(sep);
    out.push(`| ${translate(lang, 'field.assessor')} | ${who.name ? cell(who.name) : '—'}${extra ? paren(extra) : ''} |`);
  }
  if (report.period) out.push(`| ${translate(lang, 'field.period')} | ${cell(report.period)} |`);
  out.push(`| ${translate(lang, 'field.generatedAt')} | ${reportDate(report)} |`, '');

  const parts = translate(lang, 'summary.parts', { base: one(report, 'baseScore'), bonus: one(report, 'bonusScore') });
  const line = translate(lang, report.review ? 'review.report.summary.line' : 'summary.line', { score: one(report, 'score'), grade: esc(report.grade.label) });
  out.push(`**${line}**${paren(parts)}`, '');

  if (report.vetoed) {
    const items = report.vetoItems.map((id) => `${esc(id)} ${esc(itemText(report, id))}`).join(lang === 'zh' ? '；' : '; ');
    out.push('> [!CAUTION]', `> ⛔ **${translate(lang, 'veto.banner', { items, grade: esc(report.grade.label) })}**`, '');
  }
  if (!report.complete) {
    out.push('> [!WARNING]', `> ${translate(lang, 'incomplete.banner', { count: report.unanswered.length, items: report.unanswered.map(esc).join(sep) })}`, '');
  }
  if (report.review) out.push(...reviewMarkdown(report, report.review, lang));
  const c = report.counts;
  out.push(translate(lang, 'summary.counts', c), '');
  if (report.ignored.length > 0) out.push(translate(lang, 'ignored.note', { items: report.ignored.map(esc).join(sep) }), '');

  // Areas.
  out.push(`## ${translate(lang, 'section.areas')}`, '');
  out.push(
    `| ${translate(lang, 'areas.col.area')} | ${translate(lang, 'areas.col.weight')} | ${translate(lang, 'areas.col.points')} | ${translate(lang, 'areas.col.score')} |`,
    '| --- | ---: | ---: | --- |',
  );
  for (const a of report.areas) {
    const score = a.score === null ? noScoreLabel(lang, a) : `${textBar(a.ratio)} ${one(a, 'score')}`;
    out.push(`| ${cell(a.title)} | ${fmtPlain(a.weight)} | ${areaPoints(a)} | ${score} |`);
  }
  out.push('');
  if (report.bonus.items.length > 0) {
    const names = report.bonus.items.map((id) => {
      const item = report.items.find((i) => i.id === id)!;
      return `${esc(id)} ${statusLabel(lang, item.status)} ${itemPoints(item)}`;
    });
    out.push(`${translate(lang, 'section.bonus')}${lang === 'zh' ? '：' : ': '}${names.join(sep)}${paren(translate(lang, 'bonus.summary', { earned: one(report.bonus, 'earned'), counted: one(report, 'bonusScore') }))}`, '');
  }

  // Items by area and section.
  out.push(`## ${translate(lang, 'section.items')}`, '');
  for (const area of groupItems(report, ctx)) {
    const head = area.score && area.score.score !== null ? ` — ${one(area.score, 'score')}` : '';
    out.push(`### ${esc(area.title)}${head}`, '');
    for (const section of area.sections) {
      if (section.title) out.push(`#### ${esc(section.id ?? '')} ${esc(section.title)}`, '');
      out.push(
        `| ${translate(lang, 'items.col.id')} | ${translate(lang, 'items.col.text')} | ${translate(lang, 'items.col.status')} | ${translate(lang, 'items.col.points')} | ${translate(lang, 'items.col.note')} |`,
        '| --- | --- | --- | ---: | --- |',
      );
      for (const item of section.items) {
        const tags = [item.veto && !mentionsVeto(item.text) ? translate(lang, 'tag.veto') : '', item.bonus ? translate(lang, 'tag.bonus') : ''].filter(Boolean);
        const text = cell(item.text) + (tags.length ? ` *${paren(tags.join(sep)).trim()}*` : '');
        const detail = itemDetail(item, lang);
        const noteParts = [detail ? esc(detail) : '', item.note ? esc(item.note) : ''].filter(Boolean);
        out.push(
          `| ${esc(item.id)} | ${text} | ${STATUS_ICON[item.status]} ${statusLabel(lang, item.status)} | ${itemPoints(item)} | ${noteParts.join('<br>') || ' '} |`,
        );
      }
      out.push('');
    }
  }

  // Rectification list.
  out.push(`## ${translate(lang, 'section.rectify')}`, '');
  const entries = rectifyEntries(report, ctx);
  const tasks = report.rectification;
  if (tasks) out.push(translate(lang, 'rectify.summary', { ...tasks }), '');
  if (entries.length === 0) out.push(translate(lang, 'rectify.none'), '');
  entries.forEach((e, n) => {
    const points = translate(lang, 'rectify.points', { earned: fmtPlain(e.item.earned), max: fmtPlain(e.item.max) });
    out.push(`${n + 1}. **${esc(e.item.id)}** ${esc(e.item.text)}${paren(`${statusLabel(lang, e.item.status)}${sep}${points}`)}`);
    const detail = itemDetail(e.item, lang);
    if (detail) out.push(`   - ${esc(detail)}`);
    const plan = e.item.rectify;
    if (plan) {
      const { text, overdue } = rectifyParticulars(plan, lang);
      out.push(`   - **${translate(lang, 'rectify.plan')}**${lang === 'zh' ? '：' : ': '}${esc(plan.measures)}${paren(`${esc(text)}${overdue ? `${lang === 'zh' ? '；' : '; '}⏰ **${overdue}**` : ''}`)}`);
      if (plan.evidence?.length) out.push(`   - ${translate(lang, 'rectify.fixEvidence')}${lang === 'zh' ? '：' : ': '}${plan.evidence.map((ev) => esc(typeof ev === 'string' ? ev : ev.path)).join(sep)}`);
    } else if (tasks && e.item.status !== 'unanswered') out.push(`   - ${translate(lang, 'rectify.noPlan')}`);
    if (e.item.note) out.push(`   - ${translate(lang, 'rectify.note')}${lang === 'zh' ? '：' : ': '}${esc(e.item.note)}`);
    if (e.guidance) out.push(`   - ${translate(lang, 'rectify.guidance')}${lang === 'zh' ? '：' : ': '}${esc(e.guidance)}`);
    if (e.expected.length) out.push(`   - ${translate(lang, 'rectify.evidence')}${lang === 'zh' ? '：' : ': '}${e.expected.map(esc).join(lang === 'zh' ? '、' : ', ')}`);
    if (e.item.evidence.length) {
      const given = e.item.evidence.map((ev) => esc(typeof ev === 'string' ? ev : ev.path)).join(sep);
      out.push(`   - ${translate(lang, 'rectify.given')}${lang === 'zh' ? '：' : ': '}${given}`);
    }
  });
  if (entries.length) out.push('');

  // Bonus items not won yet: no shortfall, so apart from the rectification list.
  const bonus = bonusEntries(report, ctx);
  if (bonus.length > 0) {
    out.push(`## ${translate(lang, 'section.bonusOpen')}`, '', translate(lang, 'bonus.intro', { minBase: fmtPlain(report.bonus.minBase), cap: fmtPlain(report.bonus.cap) }), '');
    bonus.forEach((e, n) => {
      out.push(`${n + 1}. **${esc(e.item.id)}** ${esc(e.item.text)}${paren(translate(lang, 'bonus.points', { points: fmtPlain(e.item.max) }))}`);
      if (e.guidance) out.push(`   - ${translate(lang, 'rectify.guidance')}${lang === 'zh' ? '：' : ': '}${esc(e.guidance)}`);
      if (e.expected.length) out.push(`   - ${translate(lang, 'rectify.evidence')}${lang === 'zh' ? '：' : ': '}${e.expected.map(esc).join(lang === 'zh' ? '、' : ', ')}`);
    });
    out.push('');
  }

  // Gains.
  out.push(`## ${translate(lang, 'section.gains')}`, '');
  const unlock = bonusUnlock(report);
  if (unlock) out.push(`**${translate(lang, 'gains.unlock', unlock)}**`, '');
  if (report.improvements.length === 0) out.push(translate(lang, 'gains.none'), '');
  else {
    out.push(translate(lang, 'gains.intro'), '');
    report.improvements.slice(0, MAX_GAINS).forEach((g, n) => {
      const what = g.liftsVeto ? `⛔ ${translate(lang, 'gains.veto')}` : translate(lang, 'gains.row', { gain: one(g, 'gain'), after: one(g, 'scoreIfMet') });
      out.push(`${n + 1}. **${esc(g.id)}** ${esc(itemText(report, g.id))} — ${what}`);
    });
    if (report.improvements.length > MAX_GAINS) out.push('', translate(lang, 'gains.more', { count: report.improvements.length - MAX_GAINS }));
    out.push('');
  }

  // Method.
  out.push(`## ${translate(lang, 'section.method')}`, '');
  for (const line of methodLines(report, ctx)) out.push(`- ${esc(line)}`);
  out.push('', `---`, '', `*${translate(lang, 'footer', { version: report.tool.version, date: reportDate(report) })}*`, '');
  return out.join('\n');
}

// The HTML report: one self-contained, printable (A4) page with an inline SVG chart of the areas.
import { escapeHtml as h, escapeHtmlLines as hl } from '../util/safe-text.js';
import { translate } from '../i18n/translate.js';
import type { Report } from '../model/report.js';
import { adjustedHeadings, reviewView } from './review-view.js';
import { MAX_GAINS } from './markdown-report.js';
import { gradesOf } from '../model/checklist.js';
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
  type FormatContext,
} from './view.js';

/** System fonts only (the file must work offline): CJK faces of Windows, macOS and Linux first. */
export const FONT_STACK =
  '"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","WenQuanYi Micro Hei",system-ui,-apple-system,"Segoe UI",sans-serif';

const CSS = `
@page { size: A4; margin: 15mm; }
* { box-sizing: border-box; }
body { font-family: ${FONT_STACK}; color: #1f2328; line-height: 1.6; margin: 0 auto; max-width: 960px; padding: 24px; font-size: 14px; }
h1 { font-size: 22px; margin: 0 0 12px; }
h2 { font-size: 18px; border-bottom: 2px solid #d0d7de; padding-bottom: 4px; margin-top: 28px; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 15px; margin: 20px 0 6px; break-after: avoid; page-break-after: avoid; }
h4 { font-size: 14px; margin: 12px 0 6px; color: #57606a; break-after: avoid; page-break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
th, td { border: 1px solid #d0d7de; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
tr { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.st { white-space: nowrap; }
td.id { overflow-wrap: anywhere; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; }
table.items { table-layout: fixed; }
table.items col.c-id { width: 10%; } table.items col.c-st { width: 10%; } table.items col.c-pt { width: 7%; } table.items col.c-note { width: 28%; }
table.meta { width: auto; }
table.meta th { width: 8em; }
.score { font-size: 20px; margin: 12px 0; }
.score strong { font-size: 26px; }
.grade { display: inline-block; padding: 0 10px; border-radius: 4px; background: #ddf4ff; color: #0969da; font-weight: bold; }
.grade.top { background: #dafbe1; color: #1a7f37; } .grade.lowest { background: #ffebe9; color: #cf222e; }
.veto { border: 2px solid #cf222e; background: #ffebe9; color: #82071e; padding: 10px 14px; border-radius: 6px; font-weight: bold; margin: 12px 0; }
.warn { border: 1px solid #d4a72c; background: #fff8c5; padding: 8px 14px; border-radius: 6px; margin: 12px 0; }
.muted { color: #57606a; }
.s-pass { color: #1a7f37; } .s-partial { color: #9a6700; } .s-fail { color: #cf222e; font-weight: bold; }
.overdue { color: #cf222e; font-weight: bold; }
.s-na { color: #57606a; } .s-unanswered { color: #8250df; font-weight: bold; }
.tag { font-size: 11px; border: 1px solid #d0d7de; border-radius: 8px; padding: 0 6px; margin-left: 4px; color: #57606a; white-space: nowrap; }
.tag.veto-tag { border-color: #cf222e; color: #cf222e; }
ol li { margin-bottom: 8px; break-inside: avoid; page-break-inside: avoid; }
ol li ul { margin: 2px 0; padding-left: 18px; color: #424a53; }
svg { max-width: 100%; height: auto; }
.chart { break-inside: avoid; page-break-inside: avoid; }
footer { margin-top: 32px; font-size: 12px; color: #57606a; border-top: 1px solid #d0d7de; padding-top: 8px; }
@media print { body { padding: 0; max-width: none; font-size: 11pt; } a { color: inherit; text-decoration: none; } }
`;

/** Splits a long title into at most `lines` balanced lines of about `max` display units (CJK counts 2; words stay whole), for the SVG labels. */
function wrapLabel(text: string, max: number, lines: number): string[] {
  const tokens = text.match(/[\u1100-\uffff]|[^\s\u1100-\uffff]+\s*|\s+/g) ?? [];
  const widthOf = (token: string): number => [...token].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
  const total = widthOf(text);
  const count = Math.min(lines, Math.max(1, Math.ceil(total / max)));
  const target = Math.ceil(total / count);
  const out: string[] = [];
  let current = '';
  for (const token of tokens) {
    const limit = out.length === count - 1 ? max : target;
    if (current && widthOf(current + token.trimEnd()) > limit) {
      out.push(current.trimEnd());
      current = '';
    }
    current += token;
  }
  if (current.trim()) out.push(current.trimEnd());
  if (out.length > lines) {
    const kept = out.slice(0, lines);
    kept[lines - 1] = [...kept[lines - 1]].slice(0, -1).join('') + '…';
    return kept;
  }
  return out;
}

/** A horizontal bar chart of the areas' scores, as inline SVG (no script, no external file). */
export function renderAreaChart(report: Report, lang: FormatContext['lang']): string {
  const rowH = 44;
  const labelW = 330;
  const barW = 330;
  const width = labelW + barW + 70;
  const height = report.areas.length * rowH + 30;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family='${FONT_STACK.replace(/'/g, '')}' font-size="13">`,
    `<title>${h(translate(lang, 'html.chart'))}</title>`,
  );
  for (const pct of [0, 60, 80, 90, 100]) {
    const x = labelW + (barW * pct) / 100;
    parts.push(`<line x1="${x}" y1="4" x2="${x}" y2="${height - 22}" stroke="#d0d7de" stroke-dasharray="${pct === 0 || pct === 100 ? '' : '3,3'}"/>`);
    parts.push(`<text x="${x}" y="${height - 6}" text-anchor="middle" fill="#57606a" font-size="11">${pct}</text>`);
  }
  report.areas.forEach((a, n) => {
    const y = 8 + n * rowH;
    const lines = wrapLabel(a.title, 44, 2);
    lines.forEach((line, i) => {
      parts.push(`<text x="${labelW - 8}" y="${y + 14 + i * 16}" text-anchor="end" fill="#1f2328">${h(line)}</text>`);
    });
    if (a.score === null) {
      parts.push(`<rect x="${labelW}" y="${y + 4}" width="${barW}" height="22" fill="#f6f8fa" stroke="#d0d7de"/>`);
      parts.push(`<text x="${labelW + 8}" y="${y + 20}" fill="#57606a">${h(noScoreLabel(lang, a))}</text>`);
      return;
    }
    const w = (barW * Math.max(0, Math.min(100, a.score))) / 100;
    const color = a.score >= 90 ? '#2da44e' : a.score >= 80 ? '#54aeff' : a.score >= 60 ? '#d4a72c' : '#cf222e';
    parts.push(`<rect x="${labelW}" y="${y + 4}" width="${barW}" height="22" fill="#f6f8fa"/>`);
    parts.push(`<rect x="${labelW}" y="${y + 4}" width="${w.toFixed(1)}" height="22" fill="${color}"/>`);
    parts.push(`<text x="${labelW + barW + 8}" y="${y + 20}" fill="#1f2328" font-weight="bold">${one(a, 'score')}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}

/** The badge class of the grade: green for the highest, red for the lowest (and every veto). */
function gradeClass(report: Report, ctx: FormatContext): string {
  if (report.vetoed || report.grade.index === gradesOf(ctx.checklist).length - 1) return 'grade lowest';
  return report.grade.index === 0 ? 'grade top' : 'grade';
}

/** Renders the HTML report. Every text from answer and checklist files is HTML-escaped. */
export function formatHtml(report: Report, ctx: FormatContext): string {
  const { lang } = ctx;
  const sep = lang === 'zh' ? '，' : ', ';
  const colon = lang === 'zh' ? '：' : ': ';
  const paren = (s: string): string => (lang === 'zh' ? `（${s}）` : ` (${s})`);
  const b: string[] = [];
  const title = `${translate(lang, 'title')}${colon}${report.unit.name}`;

  b.push('<!DOCTYPE html>', `<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">`, '<head>', '<meta charset="utf-8">');
  b.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  b.push(`<meta name="generator" content="wangxin ${h(report.tool.version)}">`);
  b.push(`<title>${h(title)}</title>`, `<style>${CSS}</style>`, '</head>', '<body>');
  b.push(`<h1>${h(title)}</h1>`);

  const meta: [string, string][] = [];
  meta.push([translate(lang, 'field.unit'), h(report.unit.name) + (report.unit.code ? paren(`${translate(lang, 'field.code')} ${h(report.unit.code)}`) : '')]);
  meta.push([translate(lang, 'field.unitType'), `${h(report.unit.typeLabel)}${paren(h(report.unit.type))}`]);
  meta.push([translate(lang, 'field.checklist'), `${h(report.checklist.title)}${paren(`${h(report.checklist.id)}${sep}${translate(lang, 'field.version')} ${h(report.checklist.version)}`)}`]);
  const who = assessorParts(report);
  if (who) {
    const extra = who.extra.map(h).join(sep);
    meta.push([translate(lang, 'field.assessor'), (who.name ? h(who.name) : '—') + (extra ? paren(extra) : '')]);
  }
  if (report.period) meta.push([translate(lang, 'field.period'), h(report.period)]);
  meta.push([translate(lang, 'field.generatedAt'), h(reportDate(report))]);
  b.push('<table class="meta"><tbody>');
  for (const [k, v] of meta) b.push(`<tr><th>${h(k)}</th><td>${v}</td></tr>`);
  b.push('</tbody></table>');

  const scoreLine = translate(lang, report.review ? 'review.report.summary.line' : 'summary.line', { score: `<strong>${one(report, 'score')}</strong>`, grade: `<span class="${gradeClass(report, ctx)}">${h(report.grade.label)}</span>` });
  const parts = translate(lang, 'summary.parts', { base: one(report, 'baseScore'), bonus: one(report, 'bonusScore') });
  b.push(`<p class="score">${scoreLine} <span class="muted">${paren(h(parts))}</span></p>`);

  if (report.vetoed) {
    const items = report.vetoItems.map((id) => `${id} ${itemText(report, id)}`).join(lang === 'zh' ? '；' : '; ');
    b.push(`<div class="veto" role="alert">${h(translate(lang, 'veto.banner', { items, grade: report.grade.label }))}</div>`);
  }
  if (!report.complete) {
    b.push(`<div class="warn">${h(translate(lang, 'incomplete.banner', { count: report.unanswered.length, items: report.unanswered.join(sep) }))}</div>`);
  }
  if (report.review) {
    const view = reviewView(report, report.review, lang);
    b.push(`<h2>${h(translate(lang, 'review.report.section'))}</h2>`);
    if (view.changed) b.push(`<div class="warn" role="alert">⚠ ${h(view.changed)}</div>`);
    b.push(`<p><strong>${h(view.scores)}</strong></p>`, `<p class="muted">${h(view.by)}</p>`);
    if (view.rows.length === 0) b.push(`<p>${h(translate(lang, 'review.report.noAdjusted'))}</p>`);
    else {
      b.push(`<table class="review"><thead><tr>${adjustedHeadings(lang).map((c, i) => `<th${i === 4 ? ' class="num"' : ''}>${h(c)}</th>`).join('')}</tr></thead><tbody>`);
      for (const r of view.rows) b.push(`<tr><td class="id">${h(r.id)}</td><td>${h(r.text)}</td><td class="st">${h(r.self)}</td><td class="st">${h(r.verified)}</td><td class="num">${h(r.change)}</td><td>${hl(r.reason)}</td></tr>`);
      b.push('</tbody></table>');
    }
  }
  b.push(`<p>${h(translate(lang, 'summary.counts', report.counts))}</p>`);
  if (report.ignored.length) b.push(`<p class="muted">${h(translate(lang, 'ignored.note', { items: report.ignored.join(sep) }))}</p>`);

  // Areas: chart and table.
  b.push(`<h2>${h(translate(lang, 'section.areas'))}</h2>`);
  if (report.areas.length > 0) b.push(`<div class="chart">${renderAreaChart(report, lang)}</div>`);
  b.push('<table><thead><tr>');
  b.push(`<th>${h(translate(lang, 'areas.col.area'))}</th><th class="num">${h(translate(lang, 'areas.col.weight'))}</th><th class="num">${h(translate(lang, 'areas.col.points'))}</th><th class="num">${h(translate(lang, 'areas.col.score'))}</th>`);
  b.push('</tr></thead><tbody>');
  for (const a of report.areas) {
    const score = a.score === null ? `<span class="muted">${h(noScoreLabel(lang, a))}</span>` : one(a, 'score');
    b.push(`<tr><td>${h(a.title)}</td><td class="num">${fmtPlain(a.weight)}</td><td class="num">${areaPoints(a)}</td><td class="num">${score}</td></tr>`);
  }
  b.push('</tbody></table>');
  if (report.bonus.items.length > 0) {
    const names = report.bonus.items.map((id) => {
      const item = report.items.find((i) => i.id === id)!;
      return `${h(id)} ${h(statusLabel(lang, item.status))} ${itemPoints(item)}`;
    });
    b.push(`<p>${h(translate(lang, 'section.bonus'))}${colon}${names.join(sep)}${paren(translate(lang, 'bonus.summary', { earned: one(report.bonus, 'earned'), counted: one(report, 'bonusScore') }))}</p>`);
  }

  // Items.
  b.push(`<h2>${h(translate(lang, 'section.items'))}</h2>`);
  for (const area of groupItems(report, ctx)) {
    const head = area.score && area.score.score !== null ? ` <span class="muted">— ${one(area.score, 'score')}</span>` : '';
    b.push(`<h3>${h(area.title)}${head}</h3>`);
    for (const section of area.sections) {
      if (section.title) b.push(`<h4>${h(section.id ?? '')} ${h(section.title)}</h4>`);
      b.push('<table class="items"><colgroup><col class="c-id"><col><col class="c-st"><col class="c-pt"><col class="c-note"></colgroup><thead><tr>');
      b.push(`<th>${h(translate(lang, 'items.col.id'))}</th><th>${h(translate(lang, 'items.col.text'))}</th><th>${h(translate(lang, 'items.col.status'))}</th><th class="num">${h(translate(lang, 'items.col.points'))}</th><th>${h(translate(lang, 'items.col.note'))}</th>`);
      b.push('</tr></thead><tbody>');
      for (const item of section.items) {
        const tags =
          (item.veto && !mentionsVeto(item.text) ? `<span class="tag veto-tag">${h(translate(lang, 'tag.veto'))}</span>` : '') +
          (item.bonus ? `<span class="tag">${h(translate(lang, 'tag.bonus'))}</span>` : '');
        const detail = itemDetail(item, lang);
        const note = [detail ? h(detail) : '', item.note ? hl(item.note) : ''].filter(Boolean).join('<br>');
        b.push(
          `<tr><td class="id">${h(item.id)}</td><td>${h(item.text)}${tags}</td><td class="st s-${item.status}">${h(statusLabel(lang, item.status))}</td><td class="num">${itemPoints(item)}</td><td class="note">${note}</td></tr>`,
        );
      }
      b.push('</tbody></table>');
    }
  }

  // Rectification list.
  b.push(`<h2>${h(translate(lang, 'section.rectify'))}</h2>`);
  const entries = rectifyEntries(report, ctx);
  const tasks = report.rectification;
  if (tasks) b.push(`<p>${h(translate(lang, 'rectify.summary', { ...tasks }))}</p>`);
  if (entries.length === 0) b.push(`<p>${h(translate(lang, 'rectify.none'))}</p>`);
  else {
    b.push('<ol>');
    for (const e of entries) {
      const points = translate(lang, 'rectify.points', { earned: fmtPlain(e.item.earned), max: fmtPlain(e.item.max) });
      const sub: string[] = [];
      const detail = itemDetail(e.item, lang);
      if (detail) sub.push(`<li>${h(detail)}</li>`);
      const plan = e.item.rectify;
      if (plan) {
        const { text, overdue } = rectifyParticulars(plan, lang);
        const late = overdue ? `${lang === 'zh' ? '；' : '; '}<span class="overdue">${h(overdue)}</span>` : '';
        sub.push(`<li><strong>${h(translate(lang, 'rectify.plan'))}</strong>${colon}${hl(plan.measures)} <span class="plan">${lang === 'zh' ? '（' : '('}${hl(text)}${late}${lang === 'zh' ? '）' : ')'}</span></li>`);
        if (plan.evidence?.length) sub.push(`<li>${h(translate(lang, 'rectify.fixEvidence'))}${colon}${plan.evidence.map((ev) => h(typeof ev === 'string' ? ev : ev.path)).join(sep)}</li>`);
      } else if (tasks && e.item.status !== 'unanswered') sub.push(`<li class="muted">${h(translate(lang, 'rectify.noPlan'))}</li>`);
      if (e.item.note) sub.push(`<li>${h(translate(lang, 'rectify.note'))}${colon}${hl(e.item.note)}</li>`);
      if (e.guidance) sub.push(`<li>${h(translate(lang, 'rectify.guidance'))}${colon}${h(e.guidance)}</li>`);
      if (e.expected.length) sub.push(`<li>${h(translate(lang, 'rectify.evidence'))}${colon}${e.expected.map(h).join(lang === 'zh' ? '、' : ', ')}</li>`);
      if (e.item.evidence.length) {
        sub.push(`<li>${h(translate(lang, 'rectify.given'))}${colon}${e.item.evidence.map((ev) => h(typeof ev === 'string' ? ev : ev.path)).join(sep)}</li>`);
      }
      b.push(
        `<li><strong>${h(e.item.id)}</strong> ${h(e.item.text)} <span class="s-${e.item.status}">${h(paren(`${statusLabel(lang, e.item.status)}${sep}${points}`))}</span><ul>${sub.join('')}</ul></li>`,
      );
    }
    b.push('</ol>');
  }

  // Bonus items not won yet: no shortfall, so apart from the rectification list.
  const bonus = bonusEntries(report, ctx);
  if (bonus.length > 0) {
    b.push(`<h2>${h(translate(lang, 'section.bonusOpen'))}</h2>`, `<p>${h(translate(lang, 'bonus.intro', { minBase: fmtPlain(report.bonus.minBase), cap: fmtPlain(report.bonus.cap) }))}</p>`, '<ol>');
    for (const e of bonus) {
      const sub: string[] = [];
      if (e.guidance) sub.push(`<li>${h(translate(lang, 'rectify.guidance'))}${colon}${h(e.guidance)}</li>`);
      if (e.expected.length) sub.push(`<li>${h(translate(lang, 'rectify.evidence'))}${colon}${e.expected.map(h).join(lang === 'zh' ? '、' : ', ')}</li>`);
      b.push(`<li><strong>${h(e.item.id)}</strong> ${h(e.item.text)} ${h(paren(translate(lang, 'bonus.points', { points: fmtPlain(e.item.max) })))}${sub.length ? `<ul>${sub.join('')}</ul>` : ''}</li>`);
    }
    b.push('</ol>');
  }

  // Gains.
  b.push(`<h2>${h(translate(lang, 'section.gains'))}</h2>`);
  const unlock = bonusUnlock(report);
  if (unlock) b.push(`<p><strong>${h(translate(lang, 'gains.unlock', unlock))}</strong></p>`);
  if (report.improvements.length === 0) b.push(`<p>${h(translate(lang, 'gains.none'))}</p>`);
  else {
    b.push(`<p class="muted">${h(translate(lang, 'gains.intro'))}</p>`, '<ol>');
    for (const g of report.improvements.slice(0, MAX_GAINS)) {
      const what = g.liftsVeto
        ? `<span class="s-fail">${h(translate(lang, 'gains.veto'))}</span>`
        : `<strong>${h(translate(lang, 'gains.row', { gain: one(g, 'gain'), after: one(g, 'scoreIfMet') }))}</strong>`;
      b.push(`<li><strong>${h(g.id)}</strong> ${h(itemText(report, g.id))} — ${what}</li>`);
    }
    b.push('</ol>');
    if (report.improvements.length > MAX_GAINS) b.push(`<p class="muted">${h(translate(lang, 'gains.more', { count: report.improvements.length - MAX_GAINS }))}</p>`);
  }

  // Method.
  b.push(`<h2>${h(translate(lang, 'section.method'))}</h2>`, '<ul>');
  for (const line of methodLines(report, ctx)) b.push(`<li>${h(line)}</li>`);
  b.push('</ul>');
  b.push(`<footer>${h(translate(lang, 'footer', { version: report.tool.version, date: reportDate(report) }))}</footer>`);
  b.push('</body>', '</html>', '');
  return b.join('\n');
}

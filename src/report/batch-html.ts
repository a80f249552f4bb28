// The batch summary as one self-contained, printable (A4) HTML page: counts, charts as inline SVG with their numbers in tables.
import { escapeHtml as h } from '../util/safe-text.js';
import { translate, type MessageKey } from '../i18n/translate.js';
import { itemTextLookup, weakestArea, type BatchSummary } from '../model/batch.js';
import { formatLocation } from '../diagnostics/render.js';
import type { Lang } from '../i18n/lang.js';
import { formatFixed } from '../score/round.js';
import { excerpt } from '../util/excerpt.js';
import { explainReasons, instructionFor } from './batch-reasons.js';
import { areaFindingCells, baselineChangeCells, changeCell, countRows, evidenceRows, fixed1Memo, followUpRows, hasReviews, itemFindingCells, otherFileText, rankingByType, reviewNotes, scoreCells, scoreHeadings, scoreText as score } from './batch-view.js';
import { FONT_STACK } from './html-report.js';

/** What the formatter needs besides the summary. */
export interface BatchHtmlContext {
  lang: Lang;
  /** The tool's version, for the footer. */
  toolVersion?: string;
}

/** The per-item chart shows the items that cost the most, this many. */
export const ITEM_CHART_TOP = 15;
/** The heat map draws at most this many units (the table under it lists every one). */
export const HEATMAP_MAX_UNITS = 200;

const CSS = `
@page { size: A4; margin: 12mm; }
* { box-sizing: border-box; }
body { font-family: ${FONT_STACK}; color: #1f2328; line-height: 1.5; margin: 0 auto; max-width: 1000px; padding: 24px; font-size: 13px; }
h1 { font-size: 22px; margin: 0 0 8px; }
h2 { font-size: 17px; border-bottom: 2px solid #d0d7de; padding-bottom: 4px; margin-top: 26px; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 14px; margin: 16px 0 6px; break-after: avoid; page-break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
th, td { border: 1px solid #d0d7de; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
tr { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
td.num, th.num { text-align: right; white-space: nowrap; }
.file { overflow-wrap: anywhere; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 11px; }
table.narrow { width: auto; }
.fail { color: #cf222e; font-weight: bold; } .pass { color: #1a7f37; }
.weak { font-weight: bold; text-decoration: underline; }
.muted { color: #57606a; }
.note { color: #57606a; font-size: 12px; }
.instruction { background: #fff8c5; }
figure { margin: 8px 0; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-size: 12px; color: #57606a; }
svg { max-width: 100%; height: auto; }
footer { margin-top: 28px; font-size: 11px; color: #57606a; border-top: 1px solid #d0d7de; padding-top: 6px; }
@media print { body { padding: 0; max-width: none; font-size: 9.5pt; } }
`;

/** Grades from best to worst: green to red. */
function gradeColour(index: number, count: number): string {
  const palette = ['#2da44e', '#54aeff', '#d4a72c', '#fb8f44', '#cf222e'];
  if (count <= 1) return palette[0];
  return palette[Math.round((index * (palette.length - 1)) / (count - 1))];
}

/** The hue of a score in the heat map: 0 (red) at 40 and below, 45 (amber) at 70, 130 (green) at 100. */
function heatHue(score: number): number {
  const s = Math.max(0, Math.min(100, score));
  return s <= 40 ? 0 : s <= 70 ? ((s - 40) / 30) * 45 : 45 + ((s - 70) / 30) * 85;
}

/** A score's colour in the heat map, red through amber to green, and the text colour readable on it. */
export function heatColour(score: number): { fill: string; text: string } {
  const hue = heatHue(score);
  // Yellows and light greens are bright: dark text there, white on red and deep green.
  return { fill: `hsl(${hue.toFixed(0)},70%,${score >= 90 ? 38 : 50}%)`, text: hue > 25 && hue < 110 ? '#1f2328' : '#ffffff' };
}

function svgOpen(width: number, height: number, title: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family='${FONT_STACK.replace(/'/g, '')}' font-size="12"><title>${h(title)}</title>`;
}

/** A table with a header row; cells are already escaped HTML; `num` marks right-aligned columns. */
function table(head: readonly string[], rows: readonly (readonly string[])[], num: readonly number[] = [], cls = ''): string[] {
  const cell = (tag: 'th' | 'td', text: string, i: number): string => `<${tag}${num.includes(i) ? ' class="num"' : ''}>${text}</${tag}>`;
  // Each column's opening tag once: a big batch's tables have hundreds of thousands of cells.
  const opens = head.map((_, i) => (num.includes(i) ? '<td class="num">' : '<td>'));
  const out = [`<table${cls ? ` class="${cls}"` : ''}>`, `<thead><tr>${head.map((x, i) => cell('th', x, i)).join('')}</tr></thead>`, '<tbody>'];
  for (const r of rows) {
    let line = '<tr>';
    for (let i = 0; i < r.length; i++) line += i < opens.length ? `${opens[i]}${r[i]}</td>` : cell('td', r[i], i);
    out.push(`${line}</tr>`);
  }
  out.push('</tbody></table>');
  return out;
}

/** The grade distribution as a bar chart. */
function gradeChart(summary: BatchSummary, lang: Lang): string {
  const grades = summary.byGrade;
  const max = Math.max(1, ...grades.map((g) => g.count));
  const barW = 70;
  const gap = 30;
  const chartH = 160;
  const width = Math.max(240, grades.length * (barW + gap) + gap);
  const height = chartH + 50;
  const parts = [svgOpen(width, height, translate(lang, 'html.chart.grades'))];
  grades.forEach((g, i) => {
    const x = gap + i * (barW + gap);
    const barH = Math.round((g.count / max) * chartH);
    const y = 10 + chartH - barH;
    parts.push(`<rect x="${x}" y="${y}" width="${barW}" height="${barH}" fill="${gradeColour(i, grades.length)}"/>`);
    parts.push(`<text x="${x + barW / 2}" y="${y - 3}" text-anchor="middle">${g.count}</text>`);
    parts.push(`<text x="${x + barW / 2}" y="${height - 18}" text-anchor="middle">${h(excerpt(g.label, 8))}</text>`);
  });
  parts.push(`<line x1="${gap / 2}" y1="${10 + chartH}" x2="${width - gap / 2}" y2="${10 + chartH}" stroke="#57606a"/>`, '</svg>');
  return parts.join('');
}

/** Units (rows, in ranking order) × areas (columns), coloured by score, each unit's weakest area outlined. */
function heatMap(summary: BatchSummary, lang: Lang): string {
  const rows = summary.ranking.slice(0, HEATMAP_MAX_UNITS);
  const labelW = 190;
  const cellW = Math.max(48, Math.min(90, Math.floor(700 / Math.max(1, summary.areas.length))));
  const cellH = 20;
  const width = labelW + summary.areas.length * cellW + 10;
  const height = 24 + rows.length * cellH + 6;
  const parts = [svgOpen(width, height, translate(lang, 'html.chart.heatmap'))];
  summary.areas.forEach((a, j) => parts.push(`<text x="${labelW + j * cellW + cellW / 2}" y="16" text-anchor="middle" font-weight="bold">${h(a.id)}</text>`));
  rows.forEach((r, i) => {
    const s = summary.files[r.index].summary!;
    const y = 24 + i * cellH;
    const weakest = weakestArea(s);
    parts.push(`<text x="${labelW - 6}" y="${y + 14}" text-anchor="end">${h(`${r.rank}. ${excerpt(s.unit.name, 14)}`)}</text>`);
    summary.areas.forEach((a, j) => {
      const x = labelW + j * cellW;
      const at = s.areaIds.indexOf(a.id);
      const score = at === -1 ? null : s.areaScores[at];
      if (score === null) {
        parts.push(`<rect x="${x + 1}" y="${y + 1}" width="${cellW - 2}" height="${cellH - 2}" fill="#f6f8fa" stroke="#d0d7de"/>`);
        parts.push(`<text x="${x + cellW / 2}" y="${y + 14}" text-anchor="middle" fill="#57606a">${at === -1 ? h(translate(lang, 'md.notApplicable')) : '—'}</text>`);
        return;
      }
      const weak = a.id === weakest;
      const colour = heatColour(score);
      parts.push(`<rect x="${x + 1}" y="${y + 1}" width="${cellW - 2}" height="${cellH - 2}" fill="${colour.fill}"${weak ? ' stroke="#1f2328" stroke-width="2.5"' : ''}/>`);
      parts.push(`<text x="${x + cellW / 2}" y="${y + 14}" text-anchor="middle" fill="${colour.text}"${weak ? ' font-weight="bold"' : ''}>${formatFixed(score, 1)}${weak ? ' ▼' : ''}</text>`);
    });
  });
  parts.push('</svg>');
  return parts.join('');
}

/** The items that cost the most across the county: stacked bars of failed, partial and unanswered units. */
function itemChart(summary: BatchSummary, lang: Lang): string {
  const items = summary.findings.items.slice(0, ITEM_CHART_TOP);
  const labelW = 80;
  const barW = 480;
  const rowH = 22;
  const width = labelW + barW + 150;
  const height = 30 + items.length * rowH + 8;
  const max = Math.max(1, ...items.map((i) => i.applying));
  const colours = { failed: '#cf222e', partial: '#d4a72c', unanswered: '#8250df' };
  const parts = [svgOpen(width, height, translate(lang, 'html.chart.items'))];
  let lx = labelW;
  for (const key of ['failed', 'partial', 'unanswered'] as const) {
    parts.push(`<rect x="${lx}" y="4" width="12" height="12" fill="${colours[key]}"/><text x="${lx + 16}" y="14">${h(translate(lang, `md.col.${key}`))}</text>`);
    lx += 110;
  }
  items.forEach((item, n) => {
    const y = 24 + n * rowH;
    parts.push(`<text x="${labelW - 6}" y="${y + 14}" text-anchor="end">${h(item.id)}</text>`);
    let x = labelW;
    for (const key of ['failed', 'partial', 'unanswered'] as const) {
      const w = (item[key] / max) * barW;
      if (w > 0) parts.push(`<rect x="${x.toFixed(1)}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowH - 6}" fill="${colours[key]}"/>`);
      x += w;
    }
    parts.push(`<text x="${(x + 6).toFixed(1)}" y="${y + 14}" fill="#1f2328">${h(translate(lang, 'html.item.bar', { failed: item.failed, partial: item.partial, unanswered: item.unanswered, of: item.applying, lost: formatFixed(item.lost, 1) }))}</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}

/**
 * Formats the batch summary as one HTML page in `ctx.lang`, as lines: everything inline (styles,
 * SVG charts), no script and no external resource; every chart's numbers also in a table; every
 * text from a file escaped.
 */
export function* batchHtmlLines(summary: BatchSummary, ctx: BatchHtmlContext): Generator<string> {
  const { lang } = ctx;
  const t = (key: MessageKey, params?: Record<string, unknown>): string => translate(lang, key, params);
  const th = (key: MessageKey, params?: Record<string, unknown>): string => h(t(key, params));
  // Tens of thousands of scores, few distinct ones.
  const fixed1 = fixed1Memo();
  yield* ['<!DOCTYPE html>', `<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">`, '<head>', '<meta charset="utf-8">'];
  yield '<meta name="viewport" content="width=device-width, initial-scale=1">';
  yield* [`<title>${th('md.title')}</title>`, `<style>${CSS}</style>`, '</head>', '<body>'];
  yield `<h1>${th('md.title')}</h1>`;
  yield `<p class="muted">${th('md.generated', { at: summary.generatedAt })}<br>${th('md.policy', {
    failUnder: summary.policy.failUnder === undefined ? t('md.policy.none') : String(summary.policy.failUnder),
    incomplete: t(summary.policy.allowIncomplete ? 'md.policy.allowed' : 'md.policy.notAllowed'),
  })}</p>`;

  // Counts.
  yield `<h2>${th('md.counts')}</h2>`;
  yield* table([th('md.counts'), th('md.col.count')], countRows(summary, lang).map(([k, v]) => [h(k), String(v)]), [1], 'narrow');
  // The line names a command in backticks, as Markdown code.
  if (summary.rectification) yield `<p>${th('ledger.batchLine', { ...summary.rectification }).replace(/`([^`<]+)`/g, '<code>$1</code>')}</p>`;

  // Grades.
  yield* [`<h2>${th('md.distribution')}</h2>`, `<h3>${th('md.byGrade')}</h3>`];
  yield `<figure>${gradeChart(summary, lang)}<figcaption>${th('html.chart.grades')}</figcaption></figure>`;
  yield* table([th('md.col.grade'), th('md.col.count')], summary.byGrade.map((g) => [h(g.label), String(g.count)]), [1], 'narrow');
  yield `<h3>${th('md.byType')}</h3>`;
  yield* table(
    [th('md.col.type'), th('md.col.count'), th('md.col.average'), ...summary.byGrade.map((g) => h(g.label))],
    summary.byType.map((x) => [h(x.label || x.type), String(x.count), score(x.averageScore), ...x.byGrade.map(String)]),
    [1, 2, ...summary.byGrade.map((_, i) => i + 3)],
  );

  // Units × areas.
  if (summary.ranking.length > 0) {
    yield `<h2>${th('md.areas')}</h2>`;
    yield `<figure>${heatMap(summary, lang)}<figcaption>${th('html.heatmap.note')}${summary.ranking.length > HEATMAP_MAX_UNITS ? ' ' + th('html.heatmap.cut', { count: HEATMAP_MAX_UNITS }) : ''}</figcaption></figure>`;
    const areaRows = summary.ranking.map((r) => {
      const s = summary.files[r.index].summary!;
      const weakest = weakestArea(s);
      return [
        String(r.rank),
        h(s.unit.name),
        ...summary.areas.map((a) => {
          const at = s.areaIds.indexOf(a.id);
          if (at === -1) return th('md.notApplicable');
          const x = s.areaScores[at];
          if (x === null) return '—';
          return a.id === weakest ? `<span class="weak">${fixed1(x)} ▼</span>` : fixed1(x);
        }),
      ];
    });
    yield* table([th('md.col.rank'), th('md.col.unit'), ...summary.areas.map((a) => h(a.id))], areaRows, [0, ...summary.areas.map((_, i) => i + 2)]);
    yield `<p class="note">${summary.areas.map((a) => `<b>${h(a.id)}</b> ${h(a.title)}`).join(th('why.and'))}</p>`;
  }

  // --baseline: the biggest changes, the units missing now, and the follow-up item by item.
  if (summary.baseline) yield* baselineHtml(summary, lang);

  // County-wide findings.
  yield* [`<h2>${th('md.findings')}</h2>`, `<h3>${th('md.findings.areas')}</h3>`, `<p class="note">${th('md.findings.areas.note')}</p>`];
  yield* table(
    [th('md.col.area'), th('md.col.units'), th('md.col.average'), th('md.col.min'), th('md.col.max'), th('md.col.weakest')],
    summary.findings.areas.map((a) => areaFindingCells(a, h, lang)),
    [1, 2, 3, 4],
  );
  yield `<h3>${th('md.findings.items')}</h3>`;
  if (summary.findings.items.length === 0) {
    yield `<p>${th(summary.findings.checklist ? 'md.findings.items.none' : 'md.findings.items.unknown')}</p>`;
  } else {
    yield `<p class="note">${th('md.findings.items.note')}</p>`;
    yield `<figure>${itemChart(summary, lang)}<figcaption>${th('html.chart.itemsCaption', { count: Math.min(ITEM_CHART_TOP, summary.findings.items.length) })}</figcaption></figure>`;
    yield* table(
      [th('md.col.item'), th('md.col.text'), th('md.col.failed'), th('md.col.partial'), th('md.col.unanswered'), th('md.col.applying'), th('md.col.lost')],
      summary.findings.items.map((i) => itemFindingCells(i, h, 60)),
      [2, 3, 4, 5, 6],
    );
  }

  // Rankings, with the reasons.
  yield `<h2>${th('md.ranking')}</h2>`;
  if (summary.ranking.length === 0) yield `<p>${th('md.noUnits')}</p>`;
  else {
    const reasons = { lang, failUnder: summary.policy.failUnder, maxOverstatement: summary.policy.maxOverstatement, itemText: itemTextLookup(summary) };
    const reviews = hasReviews(summary);
    // The same few texts for thousands of rows: made once.
    const failed = `<span class="fail">${th('md.failed')}</span>`;
    const passed = th('md.passed');
    const heads = scoreHeadings(summary, lang).map(h);
    const scoreColumns = heads.map((_, i) => 4 + i);
    // With --baseline, the change since it, as in the Markdown.
    const change = summary.baseline ? [th('md.col.change')] : [];
    yield* table(
      [th('md.col.rank'), th('md.col.typeRank'), th('md.col.unit'), th('md.col.type'), ...heads, ...change, th('md.col.grade'), th('md.col.result'), th('md.col.why')],
      summary.ranking.map((r) => {
        const f = summary.files[r.index];
        const s = f.summary!;
        return [
          String(r.rank),
          String(r.typeRank),
          h(s.unit.name),
          h(s.unit.typeLabel || s.unit.type),
          ...scoreCells(s, reviews, fixed1).map(h),
          ...(summary.baseline ? [h(changeCell(r.baseline, lang))] : []),
          h(s.grade.label),
          f.failed ? failed : `<span class="pass">${passed}</span>`,
          explainReasons(f, reasons).map(h).join('<br>'),
        ];
      }),
      [0, 1, ...scoreColumns, ...(summary.baseline ? [4 + heads.length] : [])],
    );
    if (reviews) for (const line of reviewNotes(summary, lang)) yield `<p class="note">${h(line)}</p>`;
    if (summary.baseline) yield `<p class="note">${th('md.change.note', { dir: summary.baseline.dir })}</p>`;
    yield* [`<h3>${th('md.typeRanking')}</h3>`, `<p class="note">${th('md.typeRanking.note')}</p>`];
    for (const group of rankingByType(summary)) {
      const rows = group.ranked.map((r) => {
        const f = summary.files[r.index];
        const s = f.summary!;
        return [String(r.typeRank), h(s.unit.name), ...scoreCells(s, reviews, fixed1).map(h), h(s.grade.label), f.failed ? failed : passed];
      });
      yield `<h3>${h(group.label)} (${rows.length})</h3>`;
      yield* table([th('md.col.typeRank'), th('md.col.unit'), ...heads, th('md.col.grade'), th('md.col.result')], rows, [0, ...heads.map((_, i) => 2 + i)]);
    }
  }

  // Who has not submitted.
  if (summary.roster) {
    const r = summary.roster;
    yield `<h2>${th('md.roster')}</h2>`;
    yield `<p>${th('md.roster.counts', { file: r.file, expected: r.expected, submitted: r.submitted, missing: r.missing.length, extra: r.notOnRoster.length })}</p>`;
    yield `<h3>${th('md.roster.missing')} (${r.missing.length})</h3>`;
    if (r.missing.length === 0) yield `<p>${th('md.none')}</p>`;
    else yield* table([th('md.col.unit'), th('md.col.type')], r.missing.map((u) => [h(u.name), h(u.typeLabel)]));
    yield `<h3>${th('md.roster.extra')} (${r.notOnRoster.length})</h3>`;
    if (r.notOnRoster.length === 0) yield `<p>${th('md.none')}</p>`;
    else yield* table([th('md.col.unit'), th('md.col.type'), th('md.col.file')], r.notOnRoster.map((u) => [h(u.name), h(u.typeLabel), `<span class="file">${h(u.file)}</span>`]));
  }

  // Invalid files, with what to tell the unit.
  const invalid = summary.files.filter((f) => f.status !== 'valid');
  if (invalid.length > 0) {
    yield `<h2>${th('md.invalid')} (${invalid.length})</h2>`;
    yield* table(
      [th('md.col.file'), th('md.col.diagnostic'), th('md.col.instruction')],
      invalid.map((f) => [
        `<span class="file">${h(f.file)}</span>`,
        f.errors.slice(0, 3).map((d) => `<code>${h(formatLocation(d))}</code> ${h(d.message[lang])}`).join('<br>'),
        `<div class="instruction">${h(instructionFor(f, lang))}</div>`,
      ]),
    );
  }
  if (summary.duplicates.length > 0) {
    yield* [`<h2>${th('md.duplicates')} (${summary.duplicates.length})</h2>`, `<p class="note">${th(summary.policy.allowDuplicates ? 'md.duplicates.allowed' : 'md.duplicates.note')}</p>`];
    yield* table(
      [th('md.col.unit'), th('md.col.type'), th('md.col.kept'), th('md.col.superseded')],
      summary.duplicates.map((d) => [h(d.name), h(d.typeLabel), h(d.kept) + (d.date ? ` (${h(d.date)})` : ''), d.superseded.map((x) => h(x.file) + (x.date ? ` (${h(x.date)})` : '')).join('<br>')]),
    );
  }
  const evidence = evidenceRows(summary, (x) => x, lang);
  if (evidence.length > 0) {
    yield `<h2>${th('verify.heading')} (${evidence.length})</h2>`;
    yield* table([th('md.col.file'), th('verify.col.item'), th('verify.col.path'), th('verify.col.problem')], evidence.map(([file, ...rest]) => [`<span class="file">${h(file)}</span>`, ...rest.map(h)]));
  }
  if (summary.otherFiles.length > 0) {
    yield* [`<h2>${th('md.other')} (${summary.otherFiles.length})</h2>`, `<p class="note">${th('md.other.note')}</p>`];
    yield* table([th('md.col.file'), th('md.col.kind')], summary.otherFiles.map((o) => [`<span class="file">${h(o.file)}</span>`, otherFileText(o, h, lang)]));
  }
  yield* [`<footer>${th('html.footer', { version: ctx.toolVersion ?? '' })}</footer>`, '</body>', '</html>', ''];
}

/** `--baseline`: the counts, the biggest improvements and declines, the units missing now, and the follow-up per unit. */
function* baselineHtml(summary: BatchSummary, lang: Lang): Generator<string> {
  const b = summary.baseline!;
  const th = (key: MessageKey, params?: Record<string, unknown>): string => h(translate(lang, key, params));
  yield* [`<h2>${th('md.baseline')}</h2>`, `<p>${th('md.baseline.counts', { dir: b.dir, matched: b.matched, newUnits: b.newUnits, missing: b.missingUnits.length })}</p>`];
  const changeHead = [th('md.col.unit'), th('md.col.type'), th('md.col.baselineScore'), th('md.col.score'), th('md.col.change')];
  for (const [title, list] of [[th('md.baseline.improved'), b.improvements], [th('md.baseline.declined'), b.declines]] as const) {
    yield `<h3>${title}</h3>`;
    if (list.length === 0) yield `<p>${th('md.none')}</p>`;
    else yield* table(changeHead, list.map((c) => baselineChangeCells(c, h)), [2, 3, 4]);
  }
  yield `<h3>${th('md.baseline.missing')} (${b.missingUnits.length})</h3>`;
  if (b.missingUnits.length === 0) yield `<p>${th('md.none')}</p>`;
  else yield* table([th('md.col.unit'), th('md.col.type'), th('md.col.baselineFile')], b.missingUnits.map((u) => [h(u.name), h(u.typeLabel || u.type), `<span class="file">${h(u.file)}</span>`]));
  const f = b.followUp;
  yield* [`<h2>${th('compare.md.followUp')}</h2>`, `<p>${th('batch.followUp.summary', { ...f, ...f.tasks, total: f.tasks.total })}</p>`];
  const rows = followUpRows(summary, (x) => x, lang);
  if (rows.length === 0) yield `<p>${th('compare.md.none')}</p>`;
  else yield* table([th('batch.followUp.col.unit'), th('batch.followUp.col.fixed'), th('batch.followUp.col.new'), th('batch.followUp.col.repeat'), th('batch.followUp.col.tasks')], rows.map((cells) => cells.map(h)), [1, 2]);
}

/** The HTML summary as lines (see {@link batchHtmlLines}, which gives them one at a time). */
export function formatBatchHtmlLines(summary: BatchSummary, ctx: BatchHtmlContext): string[] {
  return [...batchHtmlLines(summary, ctx)];
}

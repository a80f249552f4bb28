// The 自查报告 as a Word document a unit can sign and file: header block, score, areas, items, 整改清单, method, signatures.
import { officeText } from '../util/safe-text.js';
import { translate } from '../i18n/translate.js';
import { createRequire } from 'node:module';
import type { Report } from '../model/report.js';
import { adjustedHeadings, reviewView } from './review-view.js';
import {
  areaPoints,
  assessorParts,
  fmtPlain,
  groupItems,
  itemDetail,
  itemPoints,
  itemText,
  methodLines,
  noScoreLabel,
  one,
  rectifyEntries,
  rectifyParticulars,
  reportDate,
  statusLabel,
  type FormatContext,
} from './view.js';

// docx is required on first use, never imported: every other command starts without it, and only
// `score --format docx` and `run --report *.docx` pay for loading it.
const requireModule = createRequire(import.meta.url);
type Docx = typeof import('docx');
type Paragraph = import('docx').Paragraph;
type Table = import('docx').Table;

/**
 * Fonts: 宋体 (SimSun) for the title and headings, 仿宋 (FangSong) for the text, as official
 * documents use, and Times New Roman for Latin letters and digits. Word and WPS on a Chinese
 * system have all three; nothing is embedded, so elsewhere (LibreOffice on Linux, a Western
 * system) the program substitutes its own Chinese font. Sizes in half-points.
 */
const FONT = {
  title: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman' },
  body: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋', cs: 'Times New Roman' },
  heading: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体', cs: 'Times New Roman' },
};
/** 二号 (22 pt) title, 三号 (16 pt) headings, 四号 (14 pt) sub-headings, 小四 (12 pt) text, 五号 (10.5 pt) tables. */
const SIZE = { title: 44, heading: 32, subheading: 28, body: 24, table: 21 };
/** A4 portrait in twentieths of a point, with the margins of official documents (37 mm top, 35 mm bottom, 28/26 mm sides). */
const A4 = { width: 11906, height: 16838, margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } };
/** The width between the margins; tables take all of it, their columns a share each (in %). */
const TEXT_WIDTH = A4.width - A4.margin.left - A4.margin.right;
const twips = (percent: number): number => Math.round((TEXT_WIDTH * percent) / 100);
/** Colours: a light blue header row, a red veto line. */
const HEADER_FILL = 'DDEBF7';
const RED = 'C00000';
const GREY = '808080';

/** A part of a line of a table cell, with its own emphasis. */
interface Part {
  text: string;
  bold?: boolean;
  color?: string;
}
/** What a table cell shows: plain text (a line break for every `\n`), or lines of parts. */
type CellText = string | Part[][];

/**
 * Renders the report as a .docx file (Word 2007+; WPS and LibreOffice open it). Every text from
 * answer and checklist files goes through {@link officeText} and is then escaped by docx.
 */
export async function formatDocxReport(report: Report, ctx: FormatContext): Promise<Uint8Array> {
  const d = requireModule('docx') as Docx;
  const { lang } = ctx;
  const zh = lang === 'zh';
  const colon = zh ? '：' : ': ';
  const sep = zh ? '，' : ', ';
  const paren = (s: string): string => (zh ? `（${s}）` : ` (${s})`);

  /** Runs of `text`, a line break for every `\n` in it. */
  const runs = (text: string, style: { bold?: boolean; color?: string; size?: number } = {}): import('docx').TextRun[] =>
    officeText(text)
      .split('\n')
      .map((line, i) => new d.TextRun({ text: line, break: i > 0 ? 1 : undefined, ...style }));
  const para = (text: string, options: { bold?: boolean; color?: string; size?: number; align?: 'center' | 'right'; indent?: boolean; after?: number } = {}): Paragraph =>
    new d.Paragraph({
      children: runs(text, { bold: options.bold, color: options.color, size: options.size }),
      alignment: options.align === 'center' ? d.AlignmentType.CENTER : options.align === 'right' ? d.AlignmentType.RIGHT : undefined,
      spacing: { after: options.after ?? 80 },
      indent: options.indent ? { firstLine: 480 } : undefined,
    });
  const heading = (text: string, level: 1 | 2 | 3): Paragraph =>
    new d.Paragraph({
      children: runs(text),
      heading: level === 1 ? d.HeadingLevel.HEADING_1 : level === 2 ? d.HeadingLevel.HEADING_2 : d.HeadingLevel.HEADING_3,
      keepNext: true,
    });
  /** The runs of a cell: plain text, or lines of parts each with its own emphasis. */
  const cellRuns = (content: CellText, style: { bold?: boolean; size?: number; color?: string }): import('docx').TextRun[] =>
    typeof content === 'string'
      ? runs(content, style)
      : content.flatMap((line, i) => [
          ...(i > 0 ? [new d.TextRun({ text: '', break: 1 })] : []),
          ...line.flatMap((part) => runs(part.text, { ...style, bold: part.bold ?? style.bold, color: part.color ?? style.color })),
        ]);
  const cell = (text: CellText, options: { header?: boolean; width?: number; align?: 'center' | 'right'; color?: string } = {}): import('docx').TableCell =>
    new d.TableCell({
      children: [
        new d.Paragraph({
          children: cellRuns(text, { bold: options.header, size: SIZE.table, color: options.color }),
          alignment: options.align === 'center' ? d.AlignmentType.CENTER : options.align === 'right' ? d.AlignmentType.RIGHT : undefined,
        }),
      ],
      width: options.width ? { size: twips(options.width), type: d.WidthType.DXA } : undefined,
      shading: options.header ? { type: d.ShadingType.CLEAR, color: 'auto', fill: HEADER_FILL } : undefined,
      verticalAlign: d.VerticalAlignTable.CENTER,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
    });
  /** A full-width table: a header row repeated on every page, then the rows. */
  const table = (head: string[], widths: number[], rows: CellText[][], align: ('center' | 'right' | undefined)[] = []): Table =>
    new d.Table({
      width: { size: TEXT_WIDTH, type: d.WidthType.DXA },
      columnWidths: widths.map(twips),
      layout: d.TableLayoutType.FIXED,
      rows: [
        new d.TableRow({ tableHeader: true, cantSplit: true, children: head.map((h, i) => cell(h, { header: true, width: widths[i], align: 'center' })) }),
        ...rows.map((row) => new d.TableRow({ cantSplit: true, children: row.map((text, i) => cell(text, { width: widths[i], align: align[i] })) })),
      ],
    });
  /** A two-column table without a header: label, value. */
  const fields = (rows: [string, string][]): Table =>
    new d.Table({
      width: { size: TEXT_WIDTH, type: d.WidthType.DXA },
      columnWidths: [twips(25), twips(75)],
      layout: d.TableLayoutType.FIXED,
      rows: rows.map(([label, value]) => new d.TableRow({ cantSplit: true, children: [cell(label, { header: true, width: 25 }), cell(value, { width: 75 })] })),
    });

  const body: (Paragraph | Table)[] = [];
  // Title and unit.
  body.push(
    new d.Paragraph({ children: runs(translate(lang, 'title'), { bold: true, size: SIZE.title }), alignment: d.AlignmentType.CENTER, spacing: { before: 240, after: 120 }, style: 'ReportTitle' }),
    para(report.unit.name, { align: 'center', size: SIZE.heading, after: 360 }),
  );

  // Unit and assessor block.
  const who = assessorParts(report);
  const rows: [string, string][] = [[translate(lang, 'field.unit'), report.unit.name]];
  if (report.unit.code) rows.push([translate(lang, 'field.code'), report.unit.code]);
  rows.push([translate(lang, 'field.unitType'), report.unit.typeLabel || report.unit.type]);
  rows.push([translate(lang, 'field.checklist'), `${report.checklist.title}${paren(`${report.checklist.id}${sep}${translate(lang, 'field.version')} ${report.checklist.version}`)}`]);
  if (who?.name) rows.push([translate(lang, 'field.assessor'), who.name]);
  if (report.assessor?.role) rows.push([translate(lang, 'docx.role'), report.assessor.role]);
  if (report.assessor?.contact) rows.push([translate(lang, 'docx.contact'), report.assessor.contact]);
  if (report.period) rows.push([translate(lang, 'field.period'), report.period]);
  rows.push([translate(lang, 'field.generatedAt'), reportDate(report)]);
  body.push(fields(rows));

  // Score and grade.
  body.push(
    new d.Paragraph({
      children: [
        ...runs(`${translate(lang, report.review ? 'review.report.docx.score' : 'docx.score')}${colon}`),
        ...runs(one(report, 'score'), { bold: true, size: SIZE.heading }),
        ...runs(`${zh ? ' 分' : ''}${zh ? '　　' : '    '}${translate(lang, 'docx.grade')}${colon}`),
        ...runs(report.grade.label, { bold: true, size: SIZE.heading }),
      ],
      spacing: { before: 360, after: 80 },
    }),
    para(paren(translate(lang, 'summary.parts', { base: one(report, 'baseScore'), bonus: one(report, 'bonusScore') })).trim()),
    para(translate(lang, 'summary.counts', report.counts)),
  );
  if (report.vetoed) {
    const items = report.vetoItems.map((id) => `${id} ${itemText(report, id)}`).join(zh ? '；' : '; ');
    body.push(para(translate(lang, 'veto.banner', { items, grade: report.grade.label }), { bold: true, color: RED }));
  }
  if (!report.complete) body.push(para(translate(lang, 'incomplete.banner', { count: report.unanswered.length, items: report.unanswered.join(sep) }), { color: RED }));
  if (report.ignored.length > 0) body.push(para(translate(lang, 'ignored.note', { items: report.ignored.join(sep) })));

  // The office's review: both scores, who reviewed, what was adjusted and why.
  if (report.review) {
    const view = reviewView(report, report.review, lang);
    body.push(heading(translate(lang, 'review.report.section'), 1));
    if (view.changed) body.push(para(view.changed, { bold: true, color: RED }));
    body.push(para(view.scores, { bold: true }), para(view.by));
    if (view.rows.length === 0) body.push(para(translate(lang, 'review.report.noAdjusted')));
    else body.push(table(adjustedHeadings(lang), [9, 29, 16, 16, 10, 20], view.rows.map((r) => [r.id, r.text, r.self, r.verified, r.change, r.reason]), [undefined, undefined, 'center', 'center', 'right']));
  }

  // Areas.
  body.push(heading(translate(lang, 'section.areas'), 1));
  body.push(
    table(
      [translate(lang, 'areas.col.area'), translate(lang, 'areas.col.weight'), translate(lang, 'areas.col.points'), translate(lang, 'areas.col.score')],
      [55, 13, 17, 15],
      report.areas.map((a) => [a.title, fmtPlain(a.weight), areaPoints(a), a.score === null ? noScoreLabel(lang, a) : one(a, 'score')]),
      [undefined, 'right', 'right', 'right'],
    ),
  );
  if (report.bonus.items.length > 0) {
    const names = report.bonus.items.map((id) => {
      const item = report.items.find((i) => i.id === id)!;
      return `${id} ${statusLabel(lang, item.status)} ${itemPoints(item)}`;
    });
    body.push(para(`${translate(lang, 'section.bonus')}${colon}${names.join(sep)}${paren(translate(lang, 'bonus.summary', { earned: one(report.bonus, 'earned'), counted: one(report, 'bonusScore') }))}`));
  }

  // Items by area and section.
  body.push(heading(translate(lang, 'section.items'), 1));
  for (const area of groupItems(report, ctx)) {
    const score = area.score && area.score.score !== null ? ` — ${one(area.score, 'score')}` : '';
    body.push(heading(`${area.title}${score}`, 2));
    for (const section of area.sections) {
      if (section.title) body.push(heading(`${section.id ?? ''} ${section.title}`.trim(), 3));
      body.push(
        table(
          [translate(lang, 'items.col.id'), translate(lang, 'items.col.text'), translate(lang, 'items.col.status'), translate(lang, 'items.col.points'), translate(lang, 'items.col.note')],
          [9, 41, 13, 11, 26],
          section.items.map((item) => {
            const tags = [item.veto ? translate(lang, 'tag.veto') : '', item.bonus ? translate(lang, 'tag.bonus') : ''].filter(Boolean);
            const text = item.text + (tags.length ? paren(tags.join(sep)) : '');
            const note = [itemDetail(item, lang), item.note ?? ''].filter(Boolean).join('\n');
            return [item.id, text, statusLabel(lang, item.status), itemPoints(item), note];
          }),
          [undefined, undefined, 'center', 'right'],
        ),
      );
    }
  }

  // Rectification list, with guidance; each item's task (measures, owner, due date, status, the
  // day it was done or the days it is overdue, in red) under the item, as in the other reports.
  body.push(heading(translate(lang, 'section.rectify'), 1));
  const entries = rectifyEntries(report, ctx);
  const tasks = report.rectification;
  if (tasks) body.push(para(translate(lang, 'rectify.summary', { ...tasks })));
  if (entries.length === 0) body.push(para(translate(lang, 'rectify.none')));
  else
    body.push(
      table(
        ['#', translate(lang, 'docx.col.item'), translate(lang, 'items.col.status'), translate(lang, 'docx.col.guidance')],
        [6, 38, 15, 41],
        entries.map((e, n) => {
          const points = translate(lang, 'rectify.points', { earned: fmtPlain(e.item.earned), max: fmtPlain(e.item.max) });
          const about: Part[][] = [[{ text: `${e.item.id} ${e.item.text}` }]];
          const detail = itemDetail(e.item, lang);
          if (detail) about.push([{ text: detail }]);
          const plan = e.item.rectify;
          if (plan) {
            const { text, overdue } = rectifyParticulars(plan, lang);
            about.push([{ text: `${translate(lang, 'rectify.plan')}${colon}`, bold: true }, { text: plan.measures }]);
            about.push([{ text: paren(text).trim() }, ...(overdue ? [{ text: ` ⏰ ${overdue}`, bold: true, color: RED }] : [])]);
            if (plan.evidence?.length) about.push([{ text: `${translate(lang, 'rectify.fixEvidence')}${colon}${plan.evidence.map((ev) => (typeof ev === 'string' ? ev : ev.path)).join(sep)}` }]);
          } else if (tasks && e.item.status !== 'unanswered') {
            about.push([{ text: translate(lang, 'rectify.noPlan'), color: GREY }]);
          }
          if (e.item.note) about.push([{ text: `${translate(lang, 'rectify.note')}${colon}${e.item.note}` }]);
          const guidance = [
            e.guidance ? `${translate(lang, 'rectify.guidance')}${colon}${e.guidance}` : '',
            e.expected.length ? `${translate(lang, 'rectify.evidence')}${colon}${e.expected.join(zh ? '、' : ', ')}` : '',
            e.item.evidence.length ? `${translate(lang, 'rectify.given')}${colon}${e.item.evidence.map((ev) => (typeof ev === 'string' ? ev : ev.path)).join(sep)}` : '',
          ]
            .filter(Boolean)
            .join('\n');
          return [String(n + 1), about, `${statusLabel(lang, e.item.status)}\n${points}`, guidance];
        }),
        ['center', undefined, 'center'],
      ),
    );

  // How the score was computed.
  body.push(heading(translate(lang, 'section.method'), 1));
  for (const line of methodLines(report, ctx)) body.push(para(line, { indent: true }));

  // Signatures.
  body.push(
    para('', { after: 480 }),
    para(`${translate(lang, 'docx.signature')}${zh ? '　'.repeat(10) : ' '.repeat(24)}`, { after: 360 }),
    para(`${translate(lang, 'docx.seal')}${zh ? '　'.repeat(10) : ' '.repeat(24)}`, { after: 360 }),
    para(`${translate(lang, 'docx.date')}${zh ? '　　　　年　　月　　日' : ' '.repeat(24)}`, { after: 360 }),
    para(translate(lang, 'footer', { version: report.tool.version, date: reportDate(report) }), { size: 18, color: '808080', align: 'right' }),
  );

  const document = new d.Document({
    creator: 'wangxin',
    title: `${translate(lang, 'title')} — ${officeText(report.unit.name)}`,
    styles: {
      default: {
        document: { run: { font: FONT.body, size: SIZE.body }, paragraph: { spacing: { line: 360 } } },
        heading1: { run: { font: FONT.heading, size: SIZE.heading, bold: false }, paragraph: { spacing: { before: 360, after: 120 } } },
        heading2: { run: { font: FONT.heading, size: SIZE.subheading, bold: false }, paragraph: { spacing: { before: 240, after: 120 } } },
        heading3: { run: { font: FONT.body, size: SIZE.body, bold: true }, paragraph: { spacing: { before: 160, after: 80 } } },
      },
      paragraphStyles: [{ id: 'ReportTitle', name: 'Report title', basedOn: 'Normal', next: 'Normal', run: { font: FONT.title, size: SIZE.title, bold: true } }],
    },
    sections: [
      {
        properties: { page: { size: { width: A4.width, height: A4.height, orientation: d.PageOrientation.PORTRAIT }, margin: A4.margin } },
        footers: { default: new d.Footer({ children: [new d.Paragraph({ alignment: d.AlignmentType.CENTER, children: pageNumberRuns(d, translate(lang, 'docx.page')) })] }) },
        children: body,
      },
    ],
  });
  return d.Packer.toBuffer(document);
}

/** "第 {page} 页，共 {pages} 页" as runs, the placeholders as Word's PAGE and NUMPAGES fields. */
function pageNumberRuns(d: Docx, template: string): import('docx').TextRun[] {
  const children = template
    .split(/(\{page\}|\{pages\})/)
    .filter((part) => part !== '')
    .map((part) => (part === '{page}' ? d.PageNumber.CURRENT : part === '{pages}' ? d.PageNumber.TOTAL_PAGES : part));
  return [new d.TextRun({ children, size: 18 })];
}

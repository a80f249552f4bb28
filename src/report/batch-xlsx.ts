// The batch summary as an Excel workbook: overview, ranking, units × areas with colour scales, distributions, invalid files, open items.
import { trv } from '../i18n/review-messages.js';
import { hasReviews } from './batch-view.js';
import { overstatement, type BatchSummary, type FailReason, type FileVerdict, type OpenItem } from '../model/batch.js';
import { formatLocation } from '../diagnostics/render.js';
import { tb } from '../i18n/batch-messages.js';
import { to } from '../i18n/office-messages.js';
import type { Lang } from '../i18n/lang.js';
import { tr } from '../i18n/report-messages.js';
import { createXlsxBook, type CellValue } from './xlsx-book.js';

type Worksheet = import('exceljs').Worksheet;

/** What the workbook formatter needs besides the summary. */
export interface BatchXlsxContext {
  lang: Lang;
  /** Each valid file's open items, by the file as the summary names it (`--format xlsx` keeps them). */
  openItems: ReadonlyMap<string, readonly OpenItem[]>;
}

/** Area scores are coloured from red (lowest of the column) through yellow to green (highest). */
const COLOUR_SCALE = [{ argb: 'FFF8696B' }, { argb: 'FFFFEB84' }, { argb: 'FF63BE7B' }];

/**
 * Writes the summary as an .xlsx workbook, part by part through `write` (exceljs's streaming
 * writer: each sheet's rows are let go once written, so a national batch's open items are never
 * held as cells).
 */
export async function writeBatchXlsx(summary: BatchSummary, ctx: BatchXlsxContext, write: (part: Uint8Array) => void): Promise<void> {
  const { lang } = ctx;
  const t = (key: Parameters<typeof tb>[1], params?: Record<string, unknown>): string => tb(lang, key, params);
  const o = (key: Parameters<typeof to>[1], params?: Record<string, unknown>): string => to(lang, key, params);
  const book = createXlsxBook(write, summary.generatedAt);
  // Header rows 20 points tall unless a sheet says otherwise.
  const sheet = (name: string, widths: number[], header?: string[], headerHeight = 20): Worksheet => book.sheet(name, widths, header, headerHeight);
  const addRow = (ws: Worksheet, values: readonly CellValue[], numFmt?: Record<number, string>): void => book.addRow(ws, values, { numFmt });
  const yes = t('md.yes');
  const no = t('md.no');
  const reasons = (f: FileVerdict): string => f.reasons.map((r: FailReason) => o(`xlsx.reason.${r}`)).join(lang === 'zh' ? '、' : ', ');

  // Overview: what was run and the counts.
  const c = summary.counts;
  const overview = sheet(o('xlsx.sheet.overview'), [28, 40]);
  const title = overview.addRow([o('xlsx.title')]);
  title.font = { bold: true, size: 14 };
  title.commit();
  addRow(overview, [o('xlsx.generated'), summary.generatedAt]);
  addRow(overview, [o('xlsx.failUnder'), summary.policy.failUnder ?? o('xlsx.none')]);
  addRow(overview, [t('md.count.files'), c.files]);
  addRow(overview, [t('md.count.units'), c.valid]);
  addRow(overview, [t('md.count.invalid'), c.invalid]);
  addRow(overview, [t('md.count.vetoed'), c.vetoed]);
  addRow(overview, [t('md.count.incomplete'), c.incomplete]);
  addRow(overview, [t('md.count.below'), c.belowThreshold]);
  addRow(overview, [t('md.count.duplicates'), c.duplicates]);
  addRow(overview, [t('md.count.failed'), c.failed]);
  if (c.other > 0) addRow(overview, [t('md.count.other'), c.other]);
  if (c.reviewed !== undefined) addRow(overview, [trv(lang, 'batch.count.reviewed'), c.reviewed]);
  if (summary.policy.maxOverstatement !== undefined) addRow(overview, [trv(lang, 'batch.count.overstated', { max: summary.policy.maxOverstatement }), c.overstated ?? 0]);
  overview.commit();

  // Ranking.
  // With reviews, the score is the verified one, and the self-assessed score and the difference follow the file (numbers, to sort and filter).
  const reviews = hasReviews(summary);
  const rankingHeader = ['md.col.rank', 'md.col.unit', 'md.col.type', 'md.col.score', 'md.col.grade', 'md.col.veto', 'md.col.complete', 'md.col.result'].map((k) =>
    k === 'md.col.score' && reviews ? trv(lang, 'batch.col.verified') : t(k as Parameters<typeof tb>[1]),
  );
  const reviewHeader = reviews ? [trv(lang, 'batch.col.self'), trv(lang, 'batch.col.difference')] : [];
  const ranking = sheet(o('xlsx.sheet.ranking'), [7, 30, 14, 9, 10, 7, 7, 10, 22, 40, ...reviewHeader.map(() => 12)], [...rankingHeader, o('xlsx.col.reasons'), t('md.col.file'), ...reviewHeader]);
  for (const r of summary.ranking) {
    const f = summary.files[r.index];
    const s = f.summary!;
    const reviewCells = !reviews ? [] : s.review ? [s.review.selfScore, overstatement(s)!] : [null, null];
    addRow(ranking, [r.rank, s.unit.name, s.unit.typeLabel || s.unit.type, s.score, s.grade.label, s.vetoed ? yes : no, s.complete ? yes : no, f.failed ? t('md.failed') : t('md.passed'), reasons(f), f.file, ...reviewCells], { 3: '0.0', 10: '0.0', 11: '+0.0;-0.0;0.0' });
  }
  if (summary.ranking.length > 0) ranking.autoFilter = { from: { row: 1, column: 1 }, to: { row: summary.ranking.length + 1, column: 10 + reviewHeader.length } };
  ranking.commit();

  // Units × areas, one colour scale per area column.
  const areaSheet = sheet(o('xlsx.sheet.areas'), [7, 36, 9, ...summary.areas.map(() => 16)], [t('md.col.rank'), t('md.col.unit'), t('md.col.score'), ...summary.areas.map((a) => `${a.id} ${a.title}`)], 64);
  for (const r of summary.ranking) {
    const s = summary.files[r.index].summary!;
    const cells = summary.areas.map((area, i) => {
      const at = s.areaIds[i] === area.id ? i : s.areaIds.indexOf(area.id);
      if (at === -1) return o('xlsx.notApplicable');
      return s.areaScores[at] ?? '—';
    });
    const numFmt: Record<number, string> = { 2: '0.0' };
    summary.areas.forEach((_, i) => (numFmt[3 + i] = '0.0'));
    addRow(areaSheet, [r.rank, s.unit.name, s.score, ...cells], numFmt);
  }
  const last = summary.ranking.length + 1;
  if (summary.ranking.length > 0) {
    summary.areas.forEach((_, i) => {
      const column = columnName(4 + i);
      areaSheet.addConditionalFormatting({
        ref: `${column}2:${column}${last}`,
        rules: [
          {
            type: 'colorScale',
            priority: i + 1,
            cfvo: [{ type: 'min' }, { type: 'percentile', value: 50 }, { type: 'max' }],
            color: COLOUR_SCALE,
          },
        ],
      });
    });
  }
  addRow(areaSheet, []);
  addRow(areaSheet, [o('xlsx.areas.note')]);
  areaSheet.commit();

  // Distributions: by grade, then by unit type.
  const dist = sheet(o('xlsx.sheet.distribution'), [22, 10, 10]);
  const heading = (text: string): void => {
    const row = dist.addRow([text]);
    row.font = { bold: true };
    row.commit();
  };
  heading(o('xlsx.byGrade'));
  addRow(dist, [t('md.col.grade'), t('md.col.count')]);
  for (const g of summary.byGrade) addRow(dist, [g.label, g.count]);
  addRow(dist, []);
  heading(o('xlsx.byType'));
  addRow(dist, [t('md.col.type'), t('md.col.count'), t('md.col.average')]);
  for (const g of summary.byType) addRow(dist, [g.label || g.type, g.count, g.averageScore ?? '—'], { 2: '0.0' });
  dist.commit();

  // Invalid files and their first diagnostics (a row each).
  const invalid = sheet(o('xlsx.sheet.invalid'), [40, 12, 8, 44, 22, 70], [t('md.col.file'), o('xlsx.col.status'), o('xlsx.col.errors'), o('xlsx.col.location'), o('xlsx.col.code'), o('xlsx.col.message')]);
  let invalidRows = 0;
  for (const f of summary.files) {
    if (f.status === 'valid') continue;
    const status = o(f.status === 'unreadable' ? 'xlsx.fileStatus.unreadable' : 'xlsx.fileStatus.invalid');
    const shown = f.errors.length > 0 ? f.errors : [undefined];
    for (const d of shown) {
      addRow(invalid, [f.file, status, f.errorCount, d ? formatLocation(d) : '', d?.code ?? '', d ? d.message[lang] : '']);
      invalidRows++;
    }
  }
  if (invalidRows > 0) invalid.autoFilter = { from: { row: 1, column: 1 }, to: { row: invalidRows + 1, column: 6 } };
  invalid.commit();

  // Every unit's open items, filterable.
  const open = sheet(
    o('xlsx.sheet.open'),
    [30, 14, 10, 12, 60, 12, 9, 50, 40],
    [t('md.col.unit'), t('md.col.type'), o('xlsx.col.area'), o('xlsx.col.item'), o('xlsx.col.itemText'), o('xlsx.col.itemStatus'), o('xlsx.col.lost'), o('xlsx.col.note'), t('md.col.file')],
  );
  let openRows = 0;
  for (const r of summary.ranking) {
    const f = summary.files[r.index];
    const s = f.summary!;
    for (const item of ctx.openItems.get(f.file) ?? []) {
      addRow(open, [s.unit.name, s.unit.typeLabel || s.unit.type, item.area, item.id, item.text, tr(lang, `status.${item.status}`), item.lost, item.note ?? '', f.file], { 6: '0.##' });
      openRows++;
    }
  }
  open.autoFilter = { from: { row: 1, column: 1 }, to: { row: openRows + 1, column: 9 } };
  open.commit();

  await book.commit();
}

/** A 1-based column number as its letters (1 → A, 27 → AA). */
function columnName(n: number): string {
  let out = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) out = String.fromCharCode(65 + ((x - 1) % 26)) + out;
  return out;
}

// A streamed .xlsx workbook for the office's outputs (the batch summary, the ledger): sheets with a frozen header and safe text cells.
import { officeText } from '../util/safe-text.js';
import { createRequire } from 'node:module';
import { Writable } from 'node:stream';
import { META_SHEET, OFFICE_BOOK_KINDS } from '../workbook/layout.js';

// exceljs (and its zip writer) is required on first use, never imported: `score` of one file and
// every other command start without it; only the commands that write a workbook pay for loading it.
const requireModule = createRequire(import.meta.url);
type ExcelJS = typeof import('exceljs');
type Worksheet = import('exceljs').Worksheet;

/** The longest text a cell holds (Excel's limit); longer text is cut with an ellipsis. */
const MAX_CELL_CHARS = 32_767;

/** Text that a spreadsheet program would read as a formula (or a DDE call) if it were ever re-typed or exported to CSV. */
const FORMULA_LIKE = /^[=+\-@\t\r]/;
const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFDDEBF7' } };

/**
 * A text cell's value: control characters removed, `\r\n` made `\n`, cut to Excel's limit. The
 * value is always written as a string, never as a formula; {@link XlsxBook.addRow} marks a
 * formula-like one as text too.
 */
export function cellText(text: string): string {
  let out = officeText(text);
  if (out.length > MAX_CELL_CHARS) out = out.slice(0, MAX_CELL_CHARS - 1) + '…';
  return out;
}

/** A header row: bold, filled, wrapped; `height` points tall when given. */
function addHeaderRow(ws: Worksheet, header: readonly string[], height?: number): void {
  const row = ws.addRow(header.map(cellText));
  row.font = { bold: true };
  // Set, not left to the program: LibreOffice does not grow a row for wrapped text it reads.
  if (height !== undefined) row.height = height;
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', wrapText: true };
    markFormulaLike(cell);
  });
  row.commit();
}

/** Gives a text cell that a spreadsheet program would read as a formula the text number format too. */
function markFormulaLike(cell: import('exceljs').Cell): void {
  if (typeof cell.value === 'string' && FORMULA_LIKE.test(cell.value)) cell.numFmt = '@';
}

/** A value of a row: strings become text cells, numbers numbers, the rest blank. */
export type CellValue = string | number | null | undefined;

/** A workbook being written part by part. */
export interface XlsxBook {
  /** A sheet landscape on A4, `widths` its column widths; a header row (frozen, filled) when given, `headerHeight` points tall when given. */
  sheet(name: string, widths: number[], header?: string[], headerHeight?: number): Worksheet;
  /**
   * Adds and commits a row: `numFmt` by column index for numbers (a number format of that cell
   * alone, e.g. the ranking's change with its arrow); `font` for the whole row, `fonts` for single
   * cells by column index; text with a line break wraps.
   */
  addRow(
    ws: Worksheet,
    values: readonly CellValue[],
    options?: { numFmt?: Record<number, string>; font?: Partial<import('exceljs').Font>; fonts?: Record<number, Partial<import('exceljs').Font>> },
  ): void;
  /** Adds and commits a section heading of a sheet with several tables: bold, a size up. */
  addHeading(ws: Worksheet, text: string): void;
  /** Adds and commits the header row of a table further down a sheet, styled as a sheet's header row (not frozen). */
  addHeader(ws: Worksheet, header: readonly string[]): void;
  /** Finishes the workbook (its last parts go to `write`). */
  commit(): Promise<void>;
}

/** Which of the office's workbooks a workbook is, as its hidden sheet says. */
export type OfficeBookKind = typeof OFFICE_BOOK_KINDS[number];

/**
 * Starts a workbook written through `write` with exceljs's streaming writer: each sheet's rows
 * are let go once written. `created` is the output's own time stamp, so that the same input gives
 * the same workbook contents. A very hidden sheet says which of wangxin's outputs it is (`kind`),
 * so that one saved among the submissions is known for what it is rather than taken for a unit's
 * broken answer workbook.
 */
export function createXlsxBook(write: (part: Uint8Array) => void, created: string, kind: OfficeBookKind): XlsxBook {
  const excel = requireModule('exceljs') as ExcelJS;
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      write(chunk);
      done();
    },
  });
  const book = new excel.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  book.creator = 'wangxin';
  book.created = new Date(created);
  book.modified = book.created;
  return {
    sheet(name, widths, header, headerHeight) {
      const ws = book.addWorksheet(cellText(name), {
        views: header ? [{ state: 'frozen', ySplit: 1 }] : [],
        pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
      });
      ws.columns = widths.map((width) => ({ width }));
      if (header) addHeaderRow(ws, header, headerHeight);
      return ws;
    },
    addRow(ws, values, options = {}) {
      const row = ws.addRow(values.map((v) => (typeof v === 'string' ? cellText(v) : v ?? null)));
      values.forEach((v, i) => {
        const cell = row.getCell(i + 1);
        if (typeof v === 'string' && FORMULA_LIKE.test(cellText(v))) cell.numFmt = '@';
        else if (typeof v === 'number' && options.numFmt?.[i] !== undefined) cell.numFmt = options.numFmt[i];
        if (typeof v === 'string' && v.includes('\n')) cell.alignment = { wrapText: true, vertical: 'top' };
      });
      if (options.font) row.font = options.font;
      for (const [i, font] of Object.entries(options.fonts ?? {})) row.getCell(Number(i) + 1).font = font;
      row.commit();
    },
    addHeading(ws, text) {
      const row = ws.addRow([cellText(text)]);
      row.font = { bold: true, size: 12 };
      markFormulaLike(row.getCell(1));
      row.commit();
    },
    addHeader: (ws, header) => addHeaderRow(ws, header),
    commit: () => {
      const meta = book.addWorksheet(META_SHEET, { state: 'veryHidden' });
      meta.addRow(['kind', kind]).commit();
      return book.commit();
    },
  };
}

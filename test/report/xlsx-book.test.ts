// The streamed workbook's rows: headings, mid-sheet header rows and data rows keep formula-like text as text, per-cell fonts.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { createXlsxBook } from '../../src/report/xlsx-book.js';

const ExcelJS = createRequire(import.meta.url)('exceljs') as typeof import('exceljs');

async function write(fill: (book: ReturnType<typeof createXlsxBook>) => void): Promise<import('exceljs').Workbook> {
  const parts: Uint8Array[] = [];
  const book = createXlsxBook((part) => parts.push(part), '2026-01-01T00:00:00.000Z', 'ledger');
  fill(book);
  await book.commit();
  const read = new ExcelJS.Workbook();
  // exceljs types load() as taking an ArrayBuffer; it reads a Buffer.
  await read.xlsx.load(Buffer.concat(parts) as unknown as ArrayBuffer);
  return read;
}

describe('createXlsxBook', () => {
  it('gives formula-like text the text format in headings, header rows and data rows alike, and plain text none', async () => {
    const read = await write((book) => {
      const ws = book.sheet('S', [20, 20], ['=A1', 'plain']);
      book.addHeading(ws, '+SUM(1) 乡镇 (2)');
      book.addHeader(ws, ['@x', 'y']);
      book.addRow(ws, ['-1+2', 'z', 3]);
      book.addHeading(ws, '乡镇 (2)');
      ws.commit();
    });
    const ws = read.getWorksheet('S')!;
    const cell = (row: number, column: number): import('exceljs').Cell => ws.getRow(row).getCell(column);
    for (const [row, column, value] of [[1, 1, '=A1'], [2, 1, '+SUM(1) 乡镇 (2)'], [3, 1, '@x'], [4, 1, '-1+2']] as const) {
      expect(cell(row, column).value).toBe(value);
      expect(cell(row, column).type).toBe(ExcelJS.ValueType.String);
      expect(cell(row, column).numFmt, `${row}:${column}`).toBe('@');
    }
    expect(cell(1, 2).numFmt).toBeUndefined();
    expect(cell(5, 1).numFmt).toBeUndefined();
    expect(cell(2, 1).font?.bold).toBe(true);
    expect(cell(3, 1).fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
  });

  it('sets a font on single cells by column index, over the row font', async () => {
    const read = await write((book) => {
      const ws = book.sheet('S', [10, 10, 10]);
      book.addRow(ws, [1, 2, 3], { font: { italic: true }, fonts: { 1: { bold: true } } });
      ws.commit();
    });
    const row = read.getWorksheet('S')!.getRow(1);
    expect(row.getCell(2).font?.bold).toBe(true);
    expect(row.getCell(1).font?.bold).toBeFalsy();
    expect(row.getCell(1).font?.italic).toBe(true);
  });
});

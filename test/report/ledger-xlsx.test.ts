// `ledger --format xlsx`: the counts, the open tasks (overdue in red), by area and done this period, as a workbook read back.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/run-cli.js';

const ExcelJS = createRequire(import.meta.url)('exceljs') as typeof import('exceljs');
const UNITS = 'test/fixtures/ledger/units';
const tmp = mkdtempSync(join(tmpdir(), 'wangxin-ledger-xlsx-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function openBook(file: string): Promise<import('exceljs').Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book;
}

function rows(sheet: import('exceljs').Worksheet): unknown[][] {
  const out: unknown[][] = [];
  sheet.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

describe('ledger --format xlsx', () => {
  it('writes the counts, every open task with the overdue ones in red, by area, done this period and the files left out', async () => {
    const out = join(tmp, '整改台账.xlsx');
    const r = await runInProcess(['ledger', UNITS, '--as-of', '2026-07-12', '--out', out]);
    expect(r.code).toBe(1); // the invalid fixture
    const book = await openBook(out);
    expect(book.worksheets.map((s) => s.name)).toEqual(['整改台账', '未完成任务', '按一级指标', '本期已完成', '无法读取或有错误的答卷', 'wangxin']);
    // The last, very hidden, says which of wangxin's workbooks this is: one saved among the submissions is then known.
    expect(book.getWorksheet('wangxin')!.state).toBe('veryHidden');
    expect(book.getWorksheet('wangxin')!.getRow(1).values).toEqual([undefined, 'kind', 'ledger']);
    expect(rows(book.worksheets[0])).toEqual([
      ['统计日期', '2026-07-12'],
      ['本期起始日期', '2026-01-01'],
      ['单位数', 3],
      ['整改任务', 5],
      ['未完成', 3],
      ['已逾期', 2],
      ['本期已完成', 1],
    ]);
    const open = book.worksheets[1];
    const data = rows(open);
    expect(data[0]).toEqual(['单位', '条目', '考核内容', '一级指标', '失分', '整改措施', '责任人', '期限', '状态', '逾期天数', '文件']);
    expect(data.slice(1).map((row) => [row[0], row[1], row[4], row[7], row[8], row[9] ?? null])).toEqual([
      ['测试镇党委', 'A1.2.2', 0.5, '2026-06-30', '整改中', 12],
      ['测试镇党委', 'A2.2.2', 0.38, '2026-09-30', '未开始', null],
      ['县某局', 'A1.1.1', 1.5, '2026-03-31', '未开始', 103],
    ]);
    // Overdue rows in red, the others not.
    expect(open.getRow(2).font?.color?.argb).toBe('FFC00000');
    expect(open.getRow(3).font?.color?.argb).toBeUndefined();
    expect(rows(book.worksheets[2]).slice(1)).toEqual([
      ['一、自觉提高政治站位，坚定不移贯彻网络强国战略部署', 2, 2],
      ['二、坚持网信事业正确政治方向，旗帜鲜明坚持正确的舆论导向', 1, 0],
    ]);
    expect(rows(book.worksheets[3]).slice(1).map((row) => [row[1], row[5]])).toEqual([['A3.2.3', '2026-05-20']]);
    expect(rows(book.worksheets[4]).slice(1)[0][2]).toBe('RECTIFY_NOT_NEEDED');
  });

  it('keeps a measure that looks like a formula as text', async () => {
    const dir = join(tmp, 'formula');
    mkdirSync(dir);
    const text = readFileSync(`${UNITS}/a-township.yaml`, 'utf8').replace('measures: 每月原创稿件不少于2篇', 'measures: "=HYPERLINK(\\"http://x\\")"');
    writeFileSync(join(dir, 'a.yaml'), text);
    const out = join(tmp, 'formula.xlsx');
    expect((await runInProcess(['ledger', dir, '--as-of', '2026-07-12', '--format', 'xlsx', '--out', out])).code).toBe(0);
    const cell = (await openBook(out)).worksheets[1].getRow(3).getCell(6);
    expect(cell.value).toBe('=HYPERLINK("http://x")');
    expect(cell.formula).toBeUndefined();
  });

  it('refuses to write a workbook to standard output (exit 2)', async () => {
    const r = await runInProcess(['ledger', UNITS, '--format', 'xlsx']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });
});

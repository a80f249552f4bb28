// `batch --format xlsx` as the office uses it: run the CLI, then open the workbook with exceljs and read it back.
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync, cpSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cellText } from '../../src/report/xlsx-book.js';
import { ROOT, runBinary, runInProcess } from '../helpers/run-cli.js';

const ExcelJS = createRequire(import.meta.url)('exceljs') as typeof import('exceljs');
const MIXED = join(ROOT, 'test', 'fixtures', 'batch', 'mixed');
const TOWNSHIP = join(ROOT, 'examples', 'answers', 'township.yaml');
const EPOCH = { SOURCE_DATE_EPOCH: '1767225600' };
const dir = mkdtempSync(join(tmpdir(), 'wangxin-batch-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A hostile note and unit name: a DDE formula, Word XML, a bell, quotes. */
const HOSTILE_NOTE = `=cmd|' /C calc'!A0 <w:t>x</w:t> & "q"`;
const HOSTILE_UNIT = '@SUM(1+1) 某镇';

/** A folder with the example township and a hostile copy of it. */
function hostileFolder(): string {
  const folder = mkdtempSync(join(dir, 'hostile-'));
  const text = readFileSync(TOWNSHIP, 'utf8');
  writeFileSync(join(folder, 'plain.yaml'), text);
  const hostile = text
    .replace('name: 某某镇党委', `name: "${HOSTILE_UNIT}"`)
    .replace('note: 已形成问题清单5条，整改措施未明确责任人和时限', `note: "${HOSTILE_NOTE.replace(/"/g, '\\"')}\\x07\\x1b[31m"`);
  writeFileSync(join(folder, 'hostile.yaml'), hostile);
  return folder;
}

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

describe('batch --format xlsx', () => {
  it('writes ranking, units × areas with a colour scale per area, distributions, findings, invalid files with instructions, duplicates and open items (format from .xlsx)', async () => {
    const out = join(dir, '汇总.xlsx');
    const r = await runInProcess(['batch', MIXED, '--out', out], EPOCH);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`已写入 ${out}`);
    const book = await openBook(out);
    expect(book.worksheets.map((s) => s.name)).toEqual(['概况', '排名', '类型内排名', '单位×领域', '分布', '全县·领域', '全县·条目', '无效文件', '重复提交', '待整改条目']);

    const ranking = rows(book.getWorksheet('排名')!);
    expect(ranking[0].slice(0, 5)).toEqual(['名次', '类型内名次', '单位', '类型', '得分']);
    // Six valid files, one a superseded copy of the township: five ranked units.
    expect(ranking).toHaveLength(1 + 5);
    // Verdict first: the vetoed unit is last, whatever its points, and says why in words.
    const last = ranking[5];
    expect(last[0]).toBe(5);
    expect(last[6]).toBe('是'); // vetoed
    expect(last[9]).toBe('一票否决：A3.3.5（年内未发生重大网络安全事件（一票否决））');
    expect(typeof last[4]).toBe('number');
    expect(ranking[1][0]).toBe(1);
    expect(book.getWorksheet('排名')!.autoFilter).toBe('A1:K6');

    const areas = book.getWorksheet('单位×领域')!;
    const header = rows(areas)[0] as string[];
    expect(header[header.length - 1]).toBe('最弱领域');
    const areaColumns = header.slice(3, -1);
    expect(areaColumns.length).toBeGreaterThan(1);
    expect(areaColumns[0]).toMatch(/^A1 /);
    // One colour scale per area column, each over the units' rows.
    // exceljs reads them back but leaves the property out of its types.
    const cf = (areas as unknown as { conditionalFormattings: { ref: string; rules: { type: string }[] }[] }).conditionalFormattings;
    expect(cf).toHaveLength(areaColumns.length);
    expect(cf.map((c) => c.ref)).toEqual(areaColumns.map((_, i) => `${String.fromCharCode(68 + i)}2:${String.fromCharCode(68 + i)}6`));
    expect(cf.every((c) => c.rules[0].type === 'colorScale')).toBe(true);

    const dist = rows(book.getWorksheet('分布')!);
    // The township's superseded copy is in no count.
    expect(dist.some((row) => row[0] === '良好' && row[1] === 3)).toBe(true);
    expect(dist.some((row) => row[0] === '按单位类型')).toBe(true);

    // The invalid file's first diagnostic, and what to tell the unit: the words of the JSON summary.
    const json = JSON.parse((await runInProcess(['batch', MIXED, '--format', 'json'], EPOCH)).stdout) as { files: { file: string; instruction?: string }[] };
    const instruction = json.files.find((f) => f.file.endsWith('invalid.yaml'))!.instruction!;
    expect(instruction).toContain('第 30 行第 3 列');
    const invalid = rows(book.getWorksheet('无效文件')!);
    expect(invalid).toHaveLength(2);
    expect(invalid[0][6]).toBe('可转给单位的说明');
    expect(invalid[1][0]).toMatch(/invalid\.yaml$/);
    expect(invalid[1][3]).toMatch(/invalid\.yaml:30:3$/);
    expect(invalid[1][4]).toBe('UNKNOWN_ITEM');
    expect(invalid[1][6]).toBe(instruction);

    const openSheet = book.getWorksheet('待整改条目')!;
    const open = rows(openSheet);
    expect(open[0]).toEqual(['单位', '类型', '一级指标', '条目', '考核内容', '结果', '失分', '单位说明', '文件']);
    // The township's counted copy (its other copy is superseded and listed nowhere).
    expect(open.some((row) => String(row[8]).endsWith('a-township.yaml'))).toBe(false);
    const a = open.filter((row) => String(row[8]).endsWith('c-township-again.yml'));
    expect(a.length).toBeGreaterThan(3);
    expect(a.every((row) => ['不符合', '部分符合', '未作答'].includes(row[5] as string))).toBe(true);
    expect(a.every((row) => typeof row[6] === 'number')).toBe(true);
    // The incomplete unit's unanswered items are open too.
    expect(open.some((row) => String(row[8]).endsWith('incomplete.yaml') && row[5] === '未作答')).toBe(true);
    expect(openSheet.autoFilter).toBe(`A1:I${open.length}`);
  });

  it('writes every text from answer files as text, never a formula, with control characters removed', async () => {
    const folder = hostileFolder();
    const out = join(folder, 'out.xlsx');
    const r = runBinary(['batch', folder, '--format', 'xlsx', '--out', out, '--lang', 'en'], EPOCH);
    expect(r.stderr).toContain(`wrote ${out}`);
    expect(r.code).toBe(0);
    const book = await openBook(out);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Overview', 'Ranking', 'Ranking by type', 'Units x areas', 'Distribution', 'County by area', 'County by item', 'Invalid files', 'Open items']);
    const sheet = book.getWorksheet('Open items')!;
    let noteCell: import('exceljs').Cell | undefined;
    let unitCell: import('exceljs').Cell | undefined;
    sheet.eachRow((row) => {
      if (row.getCell(4).value === 'A1.2.2' && String(row.getCell(9).value).endsWith('hostile.yaml')) {
        noteCell = row.getCell(8);
        unitCell = row.getCell(1);
      }
    });
    expect(noteCell?.value).toBe(`${HOSTILE_NOTE}[31m`);
    expect(noteCell?.type).toBe(ExcelJS.ValueType.String);
    expect(noteCell?.formula).toBeUndefined();
    expect(noteCell?.numFmt).toBe('@');
    expect(unitCell?.value).toBe(HOSTILE_UNIT);
    expect(unitCell?.numFmt).toBe('@');
    // Not one formula anywhere in the workbook.
    book.eachSheet((s) => s.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula))));
  });

  it('refuses a workbook on standard output or without --out (exit 2), and writes nothing', async () => {
    const none = await runInProcess(['batch', MIXED, '--format', 'xlsx']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('xlsx 是二进制格式，须用 --out 文件');
    expect(none.stdout).toBe('');
    const dash = await runInProcess(['batch', MIXED, '--format', 'xlsx', '--out', '-', '--lang', 'en']);
    expect(dash.code).toBe(2);
    expect(dash.stderr).toContain('xlsx is a binary format: give --out FILE');
    expect(dash.stdout).toBe('');
  });

  it('goes through the output writer: a symlink stays a link, a submission is never replaced', async () => {
    const folder = mkdtempSync(join(dir, 'outputs-'));
    cpSync(TOWNSHIP, join(folder, 'a.yaml'));
    mkdirSync(join(folder, 'reports'));
    writeFileSync(join(folder, 'reports', 'real.xlsx'), 'old');
    symlinkSync('reports/real.xlsx', join(folder, 'link.xlsx'));
    const r = await runInProcess(['batch', join(folder, 'a.yaml'), '--out', join(folder, 'link.xlsx')], EPOCH);
    expect(r.code).toBe(0);
    expect(lstatSync(join(folder, 'link.xlsx')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(folder, 'link.xlsx'))).toBe('reports/real.xlsx');
    expect(readFileSync(join(folder, 'reports', 'real.xlsx')).subarray(0, 2).toString()).toBe('PK');

    const before = readFileSync(join(folder, 'a.yaml'));
    const same = await runInProcess(['batch', folder, '--format', 'xlsx', '--out', join(folder, 'a.yaml')], EPOCH);
    expect(same.code).toBe(2);
    expect(readFileSync(join(folder, 'a.yaml'))).toEqual(before);
  });
});

describe('cellText', () => {
  it('removes control characters and lone surrogates, keeps tabs and line breaks, cuts at the cell limit', () => {
    expect(cellText('a\u0000b\u0007c\u001b[0m\u0085d')).toBe('abc[0md');
    expect(cellText('line\r\nnext\rlast\ttab')).toBe('line\nnext\nlast\ttab');
    expect(cellText('x\ud800y\udc00z 😀')).toBe('xyz 😀');
    const long = cellText('长'.repeat(40_000));
    expect(long).toHaveLength(32_767);
    expect(long.endsWith('…')).toBe(true);
  });
});

// `batch --format xlsx` as the office uses it: run the CLI, then open the workbook with exceljs and read it back.
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync, cpSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cellText } from '../../src/report/xlsx-book.js';
import { ROOT, runBinary, runInProcess } from '../helpers/run-cli.js';

const ExcelJS = createRequire(import.meta.url)('exceljs') as typeof import('exceljs');
const MIXED = join(ROOT, 'test', 'fixtures', 'batch', 'mixed');
const COUNTY = join('test', 'fixtures', 'batch', 'county');
const CHECKLIST = join(COUNTY, 'checklist.yaml');
const ROSTER = join('test', 'fixtures', 'batch', 'roster', 'units.yaml');
const BASELINE_NEW = join('test', 'fixtures', 'batch', 'baseline', 'new');
const BASELINE_OLD = join('test', 'fixtures', 'batch', 'baseline', 'old');
const TOWNSHIP = join(ROOT, 'examples', 'answers', 'township.yaml');
const EPOCH = { SOURCE_DATE_EPOCH: '1767225600' };
const dir = mkdtempSync(join(tmpdir(), 'wangxin-batch-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A hostile note and unit name: a DDE formula, Word XML, a bell, quotes. */
const HOSTILE_NOTE = `=cmd|' /C calc'!A0 <w:t>x</w:t> & "q"`;
const HOSTILE_UNIT = '@SUM(1+1) 某镇';
const HOSTILE_MISSING = '=HYPERLINK("http://example.org","点此")';

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

/** The rows under a heading of a sheet with sections: those that follow it without a blank row between. */
function section(sheet: import('exceljs').Worksheet, heading: string): unknown[][] {
  const numbered: [number, unknown[]][] = [];
  sheet.eachRow((row, n) => numbered.push([n, (row.values as unknown[]).slice(1)]));
  const at = numbered.findIndex(([, values]) => values[0] === heading && values.length === 1);
  expect(at, `${sheet.name}: ${heading}`).toBeGreaterThan(-1);
  const out: unknown[][] = [];
  for (let i = at + 1; i < numbered.length && numbered[i][0] === numbered[i - 1][0] + 1; i++) out.push(numbered[i][1]);
  return out;
}

/** A sheet of label–value rows as a map. */
function pairs(sheet: import('exceljs').Worksheet): Map<unknown, unknown> {
  return new Map(rows(sheet).map((row) => [row[0], row[1]]));
}

describe('batch --format xlsx', () => {
  it('writes ranking, units × areas with a colour scale per area, distributions, findings, invalid files with instructions, duplicates and open items (format from .xlsx)', async () => {
    const out = join(dir, '汇总.xlsx');
    const r = await runInProcess(['batch', MIXED, '--out', out], EPOCH);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`已写入 ${out}`);
    const book = await openBook(out);
    expect(book.worksheets.map((s) => s.name)).toEqual(['概况', '排名', '类型内排名', '单位×领域', '分布', '全县·领域', '全县·条目', '无效文件', '重复提交', '待整改条目', 'wangxin']);

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
    // A roster naming a unit that has not submitted with a formula for a name.
    const roster = `${folder}.roster.yaml`;
    writeFileSync(roster, `schemaVersion: 1\nunits:\n  - { name: '${HOSTILE_UNIT}', type: township }\n  - { name: 某某镇党委, type: township }\n  - { name: '${HOSTILE_MISSING}', type: township }\n`);
    const r = runBinary(['batch', folder, '--format', 'xlsx', '--out', out, '--lang', 'en', '--roster', roster, '--allow-missing'], EPOCH);
    expect(r.stderr).toContain(`Wrote ${out}`);
    expect(r.code).toBe(0);
    const book = await openBook(out);
    const missing = book.getWorksheet('Who has submitted')!;
    let missingCell: import('exceljs').Cell | undefined;
    missing.eachRow((row) => {
      if (row.getCell(1).value === HOSTILE_MISSING) missingCell = row.getCell(1);
    });
    expect(missingCell?.type).toBe(ExcelJS.ValueType.String);
    expect(missingCell?.numFmt).toBe('@');
    expect(book.worksheets.map((s) => s.name)).toEqual(['Overview', 'Who has submitted', 'Ranking', 'Ranking by type', 'Units x areas', 'Distribution', 'County by area', 'County by item', 'Open items', 'wangxin']);
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

  it('lists no bonus item among the open items: a bonus not won loses nothing', async () => {
    const out = join(dir, 'bonus-open.xlsx');
    expect(runBinary(['batch', 'examples/answers', '--out', out, '--lang', 'en'], EPOCH).code).toBe(0);
    const sheet = (await openBook(out)).getWorksheet('Open items')!;
    const texts: string[] = [];
    sheet.eachRow((row, n) => void (n > 1 && texts.push(String(row.getCell(5).value))));
    expect(texts.length).toBeGreaterThan(10);
    // The built-in checklist marks its bonus items' texts with ★.
    expect(texts.filter((t) => t.startsWith('★'))).toEqual([]);
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

// The county of test/cli/batch-findings.test.ts, every figure worked out by hand there:
// 乙镇 100 (its older copy superseded), 丁局 68.75 (1 unanswered), 甲镇 61.90, 丙局 53.13 vetoed by A2.3.
const JIA = 61.9;
const DING = 68.75;
const BING = 53.13;

interface BatchJson {
  ranking: { unit: { name: string }; why: string[] }[];
  findings: { areas: { id: string; average: number }[]; items: { id: string; text: string; failed: number; partial: number; unanswered: number; applying: number; lost: number }[] };
}

describe('batch --format xlsx has every section of the Markdown summary', () => {
  it('on a county with a roster: counts, who has not submitted, rankings overall and by type with reasons, weakest areas, findings, duplicates, other files', async () => {
    const out = join(dir, 'county.xlsx');
    const args = ['batch', COUNTY, '--checklist', CHECKLIST, '--roster', ROSTER];
    const r = await runInProcess([...args, '--out', out], EPOCH);
    // 戊镇 is on the roster and has not submitted: a finding.
    expect(r.code).toBe(1);
    const book = await openBook(out);
    expect(book.worksheets.map((s) => s.name)).toEqual(['概况', '报送情况', '排名', '类型内排名', '单位×领域', '分布', '全县·领域', '全县·条目', '重复提交', '其他文件', '待整改条目', 'wangxin']);

    const overview = pairs(book.getWorksheet('概况')!);
    expect(overview.get('未答完的单位')).toBe('判为不通过');
    for (const [label, n] of [['文件', 5], ['单位（有效文件）', 4], ['无效文件', 0], ['一票否决', 1], ['未答完', 1], ['重复提交的单位', 1], ['被取代的提交（不计分）', 1], ['其他文件（未评分）', 1], ['应报单位（名单）', 4], ['未报送的单位', 1], ['名单外的报送', 1]] as const) {
      expect(overview.get(label), label).toBe(n);
    }

    const roster = book.getWorksheet('报送情况')!;
    expect(rows(roster)[0][0]).toBe(`名单 ${ROSTER}：应报 4 个单位，已报 3 个，未报 1 个；名单外的报送 1 个。`);
    const missing = section(roster, '未报送的单位 (1)');
    expect(missing[0][0]).toMatch(/未报送判为不通过/);
    expect(missing.slice(1)).toEqual([['单位', '类型'], ['戊镇', '乡镇']]);
    expect(section(roster, '名单外的报送 (1)')).toEqual([['单位', '类型', '文件'], ['丁局', '部门', join(COUNTY, 'ding.yaml')]]);

    // Verdict first, the rank within the type, and each failing unit's reasons: the JSON summary's words.
    const json = JSON.parse((await runInProcess([...args, '--format', 'json'], EPOCH)).stdout) as BatchJson;
    const ranking = rows(book.getWorksheet('排名')!);
    expect(ranking.slice(1).map((row) => [row[0], row[1], row[2], row[4], row[8], row[9] ?? ''])).toEqual([
      [1, 1, '乙镇（重复）', 100, '通过', ''],
      [2, 1, '丁局', DING, '不通过', '1 项未作答'],
      [3, 2, '甲镇', JIA, '通过', ''],
      [4, 2, '丙局', BING, '不通过', '一票否决：A2.3（年内未发生重大网络安全事件）'],
    ]);
    expect(ranking.slice(1).map((row) => row[9] ?? '')).toEqual(json.ranking.map((u) => u.why.join('；')));

    const byType = book.getWorksheet('类型内排名')!;
    expect(rows(byType)[0][0]).toMatch(/^同类型单位相互比较/);
    const ranks = (heading: string): unknown[][] => section(byType, heading).map((row) => row.slice(0, 3));
    expect(ranks('乡镇 (2)')).toEqual([['类型内名次', '单位', '得分'], [1, '乙镇', 100], [2, '甲镇', JIA]]);
    expect(ranks('部门 (2)')).toEqual([['类型内名次', '单位', '得分'], [1, '丁局', DING], [2, '丙局', BING]]);

    // Each unit's weakest area: named in the last column and its score in bold.
    const areas = book.getWorksheet('单位×领域')!;
    expect(rows(areas).slice(1, 5).map((row) => [row[1], row[3], row[4], row[5]])).toEqual([
      ['乙镇', 100, 100, 'A1'],
      ['丁局', 100, 16.67, 'A2'],
      ['甲镇', 70, 54.55, 'A2'],
      ['丙局', 60, 41.67, 'A2'],
    ]);
    expect(areas.getRow(3).getCell(5).font?.bold).toBe(true);
    expect(areas.getRow(3).getCell(4).font?.bold).toBeFalsy();

    const dist = book.getWorksheet('分布')!;
    expect(section(dist, '按单位类型')).toEqual([
      ['类型', '数量', '平均分', '优秀', '合格', '不合格'],
      ['乡镇', 2, 80.95, 1, 1, 0],
      ['部门', 2, 60.94, 0, 1, 1],
    ]);

    expect(rows(book.getWorksheet('全县·领域')!).slice(1, 3)).toEqual([
      ['A1 一、责任落实', 4, 82.5, 60, 100, '丙局 60.0；甲镇 70.0；乙镇 100.0'],
      ['A2 二、安全防护', 4, 53.22, 16.67, 100, '丁局 16.7；丙局 41.7；甲镇 54.6'],
    ]);
    const itemSheet = book.getWorksheet('全县·条目')!;
    const items = rows(itemSheet);
    expect(items[0]).toEqual(['条目', '一级指标', '内容', '不符合', '部分符合', '未作答', '适用单位', '失分']);
    // By points lost: the figures worked out by hand, and the JSON summary's to the item.
    expect(items.slice(1, 6).map((row) => [row[0], row[3], row[4], row[5], row[6], row[7]])).toEqual([
      ['A2.1', 0, 1, 1, 4, 7.5],
      ['A2.2', 1, 0, 0, 2, 5],
      ['A1.1', 1, 0, 0, 4, 4],
      ['A1.2', 0, 1, 0, 4, 3],
      ['A2.3', 1, 0, 0, 4, 1],
    ]);
    expect(items.slice(1, 6).map((row) => ({ id: row[0], text: row[2], failed: row[3], partial: row[4], unanswered: row[5], applying: row[6], lost: row[7] }))).toEqual(
      json.findings.items.map(({ id, text, failed, partial, unanswered, applying, lost }) => ({ id, text, failed, partial, unanswered, applying, lost })),
    );
    expect(itemSheet.autoFilter).toBe('A1:H6');

    expect(rows(book.getWorksheet('重复提交')!)[1]).toEqual(['乙镇', '乡镇', join(COUNTY, 'yi.yaml'), '2026-03-01', join(COUNTY, 'z-yi-older.yaml'), '2026-01-15']);
    expect(rows(book.getWorksheet('其他文件')!)[1]).toEqual([join(COUNTY, 'checklist.yaml'), '检查表 tiny-county（版本 1.0.0）']);
  });

  it('in English, with --allow-missing: the same figures under English names and words', async () => {
    const out = join(dir, 'county-en.xlsx');
    const args = ['batch', COUNTY, '--checklist', CHECKLIST, '--roster', ROSTER, '--allow-missing', '--allow-duplicates', '--lang', 'en'];
    const r = await runInProcess([...args, '--out', out], EPOCH);
    // 丙局 is vetoed and 丁局 incomplete: still exit 1, the missing unit and the duplicate aside.
    expect(r.code).toBe(1);
    const book = await openBook(out);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Overview', 'Who has submitted', 'Ranking', 'Ranking by type', 'Units x areas', 'Distribution', 'County by area', 'County by item', 'Submitted twice', 'Other files', 'Open items', 'wangxin']);
    expect(pairs(book.getWorksheet('Overview')!).get('Units missing')).toBe(1);
    const missing = section(book.getWorksheet('Who has submitted')!, 'Units that have not submitted (1)');
    expect(missing[0][0]).toMatch(/--allow-missing/);
    expect(missing[2]).toEqual(['戊镇', 'Township']);
    const json = JSON.parse((await runInProcess([...args, '--format', 'json'], EPOCH)).stdout) as BatchJson;
    const ranking = rows(book.getWorksheet('Ranking')!);
    expect(ranking[0].slice(0, 2)).toEqual(['Rank', 'Rank in type']);
    expect(ranking[4][9]).toBe('vetoed by A2.3 (No major incident during the year)');
    expect(ranking.slice(1).map((row) => row[9] ?? '')).toEqual(json.ranking.map((u) => u.why.join('; ')));
    expect(section(book.getWorksheet('Ranking by type')!, 'Township (2)')[1].slice(0, 3)).toEqual([1, '乙镇', 100]);
    expect(rows(book.getWorksheet('County by item')!)[1].slice(0, 3)).toEqual(['A2.1', 'A2', json.findings.items[0].text]);
    expect(rows(book.getWorksheet('Submitted twice')!).at(-1)![0]).toMatch(/--allow-duplicates/);
  });

  it('with --baseline: the change per unit as a number, the biggest rises and falls, the units missing now, the follow-up', async () => {
    const out = join(dir, 'baseline.xlsx');
    const r = await runInProcess(['batch', BASELINE_NEW, '--baseline', BASELINE_OLD, '--out', out], EPOCH);
    expect(r.code).toBe(0);
    const book = await openBook(out);
    expect(book.worksheets.map((s) => s.name)).toContain('与基线比较');
    const ranking = book.getWorksheet('排名')!;
    expect(rows(ranking)[0][5]).toBe('变化');
    const change = new Map<unknown, import('exceljs').Cell>();
    ranking.eachRow((row, n) => n > 1 && row.getCell(3).value && change.set(row.getCell(3).value, row.getCell(6)));
    // A better grade shows ↑, a worse one ↓, through the number format: the value stays a number.
    expect(change.get('某某镇党委')!.value).toBe(41.36);
    expect(change.get('某某镇党委')!.numFmt).toContain('↑');
    expect(change.get('县教育体育局')!.value).toBe(-11.86);
    expect(change.get('县教育体育局')!.numFmt).toContain('↓');
    expect(change.get('某某网络科技有限公司')!.value).toBe(0);
    expect(change.get('中共某某县委网络安全和信息化委员会办公室')!.value).toBe('新');

    const sheet = book.getWorksheet('与基线比较')!;
    expect(rows(sheet)[0][0]).toMatch(/有基线的单位 3 个/);
    expect(section(sheet, '进步最大')[1]).toEqual(['某某镇党委', '乡（镇）党委', 47.4, 88.76, 41.36]);
    expect(section(sheet, '退步最大')[1]).toEqual(['县教育体育局', '县直部门单位', 62.71, 50.85, -11.86]);
    expect(section(sheet, '基线中有、本次未提交（或无效）的单位 (1)')[1].slice(0, 2)).toEqual(['某某县供电公司', '关键信息基础设施运营单位']);
    const followUp = section(sheet, '整改跟踪');
    expect(followUp[0][0]).toMatch(/已整改 9 项/);
    const township = followUp.find((row) => row[0] === '某某镇党委')!;
    expect(township.slice(0, 4)).toEqual(['某某镇党委', 9, 0, 9]);
    expect(String(township[4]).split(', ')).toHaveLength(9);
  });

  it('with rectification tasks: the counts on the overview, as the Markdown summary has them', async () => {
    const out = join(dir, 'tasks.xlsx');
    const r = await runInProcess(['batch', 'test/fixtures/ledger/units', '--as-of', '2026-07-12', '--out', out], EPOCH);
    expect(r.code).toBe(1);
    const md = (await runInProcess(['batch', 'test/fixtures/ledger/units', '--as-of', '2026-07-12'], EPOCH)).stdout;
    expect(md).toContain('2 个单位共 5 项；未完成 3 项，其中逾期 2 项；2026-01-01 以来已完成 1 项');
    const tasks = section((await openBook(out)).getWorksheet('概况')!, '整改任务');
    expect(tasks).toEqual([
      ['统计日期', '2026-07-12'],
      ['本期起始日期', '2026-01-01'],
      ['单位数', 2],
      ['整改任务', 5],
      ['未完成', 3],
      ['已逾期', 2],
      ['本期已完成', 1],
    ]);
  });

  it('with --verify-evidence: a sheet of the evidence that cannot be trusted; none without findings', async () => {
    const folder = mkdtempSync(join(dir, 'evidence-'));
    mkdirSync(join(folder, 'in', '某镇'), { recursive: true });
    writeFileSync(
      join(folder, 'in', '某镇', 'answers.yaml'),
      'schemaVersion: 1\nchecklist: { id: county-cyber-2018, version: 1.0.0 }\nunit: { name: 某镇, type: township }\nanswers:\n  A1.1.1: { status: pass, evidence: [gone.pdf] }\n',
    );
    const out = join(folder, 'e.xlsx');
    const r = await runInProcess(['batch', join(folder, 'in'), '--verify-evidence', '--allow-incomplete', '--out', out], EPOCH);
    expect(r.code).toBe(1);
    const book = await openBook(out);
    const evidence = rows(book.getWorksheet('佐证材料问题')!);
    expect(evidence).toHaveLength(2);
    expect(evidence[1].slice(1, 3)).toEqual(['A1.1.1', 'gone.pdf']);
    expect(String(evidence[1][0])).toMatch(/answers\.yaml$/);
    expect(rows(book.getWorksheet('排名')!)[1][9]).toMatch(/A1\.1\.1 gone\.pdf/);
    const clean = join(folder, 'clean.xlsx');
    expect((await runInProcess(['batch', join(folder, 'in'), '--allow-incomplete', '--out', clean], EPOCH)).code).toBe(0);
    expect((await openBook(clean)).getWorksheet('佐证材料问题')).toBeUndefined();
  });

  it('writes no workbook when the roster is bad (exit 2, located error)', async () => {
    const out = join(dir, 'bad-roster.xlsx');
    const r = await runInProcess(['batch', COUNTY, '--checklist', CHECKLIST, '--roster', join('test', 'fixtures', 'batch', 'roster', 'bad-schema.yaml'), '--out', out], EPOCH);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad-schema\.yaml:5:5/);
    expect(existsSync(out)).toBe(false);
  });
});

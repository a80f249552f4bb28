// Rectification tasks in answer workbooks as a unit and the office meet them: init --format xlsx, cells filled in by a spreadsheet program, validate, score, ledger, batch and convert.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { ROOT, runInProcess } from '../helpers/run-cli.js';
import { columnOf, editWorkbook, rowOf } from '../helpers/workbook.js';

let tmp = '';
let blank = '';
const AS_OF = '2026-08-01';

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'wangxin-tasks-'));
  blank = join(tmp, 'blank.xlsx');
  const r = await runInProcess(['init', '--format', 'xlsx', '--unit-type', 'township', '--unit', '某某镇党委', '--out', blank]);
  expect(r.code, r.stderr).toBe(0);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Excel's serial number of a day (days since 1899-12-30). */
const serial = (day: string): number => Date.parse(`${day}T00:00:00Z`) / 86_400_000 + 25569;

const HEADERS = { measures: '整改措施', owner: '整改责任人', due: '整改期限', status: '整改状态', doneOn: '完成日期', fix: '整改佐证' };
type Field = keyof typeof HEADERS;

/** Fills one item's row as a unit does in a spreadsheet program: its answer, then the task's cells given. */
function fill(ws: ExcelJS.Worksheet, id: string, answer: ExcelJS.CellValue, task: Partial<Record<Field, ExcelJS.CellValue>>): void {
  const row = rowOf(ws, id);
  if (answer !== null) row.getCell(columnOf(ws, '自查结果')).value = answer;
  for (const [field, value] of Object.entries(task)) row.getCell(columnOf(ws, HEADERS[field as Field])).value = value;
}

/** The address of an item's cell under a header, e.g. `K8`. */
async function address(file: string, id: string, header: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('自查表')!;
  return rowOf(ws, id).getCell(columnOf(ws, header)).address;
}

describe('the rectification columns of init --format xlsx', () => {
  it('has six unlocked task cells on every item row, dates validated as dates, the status a drop-down, explained on the instructions sheet', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(blank);
    const ws = wb.getWorksheet('自查表')!;
    const row = rowOf(ws, 'A1.2.2');
    for (const header of Object.values(HEADERS)) {
      const cell = row.getCell(columnOf(ws, header));
      expect(cell.protection, header).toMatchObject({ locked: false });
      expect(cell.value, header).toBeNull();
    }
    // A deduct item has them on its own row, not on its deduction sub-rows.
    expect(rowOf(ws, 'A3.2.3').getCell(columnOf(ws, '整改措施')).protection).toMatchObject({ locked: false });
    expect(rowOf(ws, 'A3.2.3 / d1').getCell(columnOf(ws, '整改措施')).protection?.locked).not.toBe(false);
    for (const header of [HEADERS.due, HEADERS.doneOn]) {
      const cell = row.getCell(columnOf(ws, header));
      expect(cell.dataValidation).toMatchObject({ type: 'date', operator: 'between', allowBlank: true });
      expect(cell.numFmt).toBe('yyyy-mm-dd');
    }
    expect(row.getCell(columnOf(ws, HEADERS.status)).dataValidation).toMatchObject({ type: 'list', formulae: ['"未开始,整改中,已完成"'] });
    // One heading over the six columns says what they are for.
    expect(ws.getCell(2, columnOf(ws, HEADERS.measures)).value).toBe('整改计划（未达标的条目填写）');
    const help: string[] = [];
    wb.getWorksheet('填写说明')!.eachRow((r) => help.push(String(r.getCell(1).value)));
    expect(help.join('\n')).toMatch(/整改计划：只为未达标的条目填写.*整改期限（日期，如 2026-06-30）.*未开始 \/ 整改中 \/ 已完成.*已完成的须填写完成日期和整改佐证/);
    expect(wb.getWorksheet('wangxin')!.getCell('B1').value).toBe(2);
  });

  it('in English with --lang en', async () => {
    const file = join(tmp, 'en.xlsx');
    expect((await runInProcess(['init', '--format', 'xlsx', '--unit-type', 'township', '--lang', 'en', '--out', file])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('Self-check')!;
    for (const header of ['Measures', 'Owner', 'Due', 'Task status', 'Done on', 'Evidence of the fix']) expect(columnOf(ws, header)).toBeGreaterThan(0);
    expect(rowOf(ws, 'A1.2.2').getCell(columnOf(ws, 'Task status')).dataValidation.formulae).toEqual(['"open,in progress,done"']);
  });
});

describe('a workbook with tasks filled in', () => {
  let dir = '';
  let file = '';
  beforeAll(async () => {
    dir = join(tmp, 'filled');
    mkdirSync(dir);
    file = join(dir, '某某镇党委.xlsx');
    await editWorkbook(
      blank,
      (wb) => {
        const ws = wb.getWorksheet('自查表')!;
        fill(ws, 'A1.1.1', '符合', {});
        // A date typed into a date cell: the spreadsheet stores a date.
        fill(ws, 'A1.2.2', '部分符合', { measures: '修订问题清单，逐条明确责任人和时限', owner: '王芳（党政办主任）', due: new Date(Date.UTC(2026, 5, 30)), status: '整改中' });
        // Text where a date goes, the status as the answer file's word.
        fill(ws, 'A1.3.2', '75%', { measures: '=每月原创稿件不少于2篇', owner: '宣传办', due: '2026/9/30', status: ' open ' });
        // A bare serial number (a date whose format was lost), a date typed in Chinese, two lines of evidence.
        fill(ws, 'A3.2.3', null, { measures: '舆情报送纳入值班制度', owner: '李明', due: serial('2026-05-31'), status: '已完成', doneOn: '２０２６年５月２０日', fix: '值班制度.pdf\nhttps://example.org/duty' });
        rowOf(ws, 'A3.2.3 / d2').getCell(columnOf(ws, '自查结果')).value = 1;
      },
      file,
    );
  });

  it('validates, and score shows each task as the answer file would, overdue as of --as-of', async () => {
    const v = await runInProcess(['validate', file]);
    expect(v.code, v.stdout + v.stderr).toBe(0);
    const r = await runInProcess(['score', file, '--format', 'json', '--as-of', AS_OF]);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { items: { id: string; rectify?: unknown }[]; rectification: unknown };
    const task = (id: string): unknown => report.items.find((i) => i.id === id)?.rectify;
    expect(task('A1.2.2')).toEqual({ measures: '修订问题清单，逐条明确责任人和时限', owner: '王芳（党政办主任）', due: '2026-06-30', status: 'in-progress', overdueDays: 32 });
    expect(task('A1.3.2')).toEqual({ measures: '=每月原创稿件不少于2篇', owner: '宣传办', due: '2026-09-30', status: 'open' });
    expect(task('A3.2.3')).toEqual({ measures: '舆情报送纳入值班制度', owner: '李明', due: '2026-05-31', status: 'done', doneOn: '2026-05-20', evidence: ['值班制度.pdf', 'https://example.org/duty'] });
    expect(task('A1.1.1')).toBeUndefined();
    expect(report.rectification).toEqual({ asOf: AS_OF, tasks: 3, open: 1, inProgress: 1, done: 1, overdue: 1 });
    const md = await runInProcess(['score', file, '--as-of', AS_OF]);
    expect(md.stdout).toContain('**整改措施**：修订问题清单，逐条明确责任人和时限（责任人：王芳（党政办主任）；期限：2026-06-30；整改中；⏰ **已逾期 32 天**）');
  });

  it('ledger and batch read the tasks from the workbook, next to a YAML file', async () => {
    copyFileSync(join(ROOT, 'examples/loop/2026/department.yaml'), join(dir, 'department.yaml'));
    const l = await runInProcess(['ledger', dir, '--format', 'json', '--as-of', AS_OF, '--fail-overdue']);
    expect(l.code).toBe(1); // overdue tasks are a finding with --fail-overdue
    const ledger = JSON.parse(l.stdout) as { counts: unknown; open: { file: string; item: string; owner: string; overdueDays?: number }[] };
    expect(ledger.counts).toEqual({ units: 2, tasks: 5, open: 3, overdue: 2, doneThisPeriod: 2 });
    const fromWorkbook = ledger.open.filter((t) => t.file.endsWith('.xlsx')).map((t) => [t.item, t.owner, t.overdueDays]);
    expect(fromWorkbook).toEqual([
      ['A1.2.2', '王芳（党政办主任）', 32],
      ['A1.3.2', '宣传办', 0],
    ]);
    const b = await runInProcess(['batch', dir, '--format', 'json', '--as-of', AS_OF, '--allow-incomplete']);
    expect((JSON.parse(b.stdout) as { rectification: unknown }).rectification).toEqual({ asOf: AS_OF, since: '2026-01-01', units: 2, tasks: 5, open: 3, overdue: 2, doneThisPeriod: 2 });
  });

  it('converts to an answer file with the tasks, and back to a workbook with them', async () => {
    const yaml = join(tmp, 'filled.yaml');
    expect((await runInProcess(['convert', file, '--out', yaml])).code).toBe(0);
    const text = readFileSync(yaml, 'utf8');
    expect(text).toContain("rectify: { measures: 舆情报送纳入值班制度, owner: 李明, due: 2026-05-31, status: done, doneOn: 2026-05-20, evidence: [ 值班制度.pdf, https://example.org/duty ] }");
    expect(text).toContain('A1.3.2: { value: 0.75, rectify: { measures: =每月原创稿件不少于2篇, owner: 宣传办, due: 2026-09-30, status: open } }');
    const back = join(tmp, 'back.xlsx');
    expect((await runInProcess(['convert', yaml, '--out', back])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(back);
    const ws = wb.getWorksheet('自查表')!;
    const row = rowOf(ws, 'A3.2.3');
    expect(row.getCell(columnOf(ws, '整改期限')).value).toEqual(new Date(Date.UTC(2026, 4, 31)));
    expect(row.getCell(columnOf(ws, '完成日期')).value).toEqual(new Date(Date.UTC(2026, 4, 20)));
    expect(row.getCell(columnOf(ws, '整改状态')).value).toBe('已完成');
    expect(rowOf(ws, 'A1.3.2').getCell(columnOf(ws, '整改措施')).value).toBe('=每月原创稿件不少于2篇');
  });
});

describe('a task the rules refuse, at its cell', () => {
  it('reports the answer file\'s codes at the task\'s cells, zh and en, and exits 1', async () => {
    const file = join(tmp, 'wrong.xlsx');
    await editWorkbook(
      blank,
      (wb) => {
        const ws = wb.getWorksheet('自查表')!;
        fill(ws, 'A1.1.1', '符合', { measures: '无需整改', owner: '王芳', due: '2026-06-30', status: '未开始' });
        fill(ws, 'A1.2.2', '部分符合', { measures: '修订问题清单', owner: '王芳', due: '2026-06-30', status: '已完成' });
        fill(ws, 'A1.1.3', '不符合', { owner: '李明', due: '2026-06-30', status: '整改中' });
        fill(ws, 'A1.1.2', '不符合', { measures: '补开会议', owner: '李明', due: '2026-06-30', status: '未开始', doneOn: '2026-05-01' });
      },
      file,
    );
    const x = await runInProcess(['validate', file, '--format', 'json']);
    expect(x.code).toBe(1);
    const found = (JSON.parse(x.stdout) as { files: { errors: { code: string; cell?: string }[]; warnings: { code: string; cell?: string }[] }[] }).files[0];
    const at = async (id: string, header: string): Promise<string> => `自查表!${await address(file, id, header)}`;
    expect(found.errors.map((e) => [e.code, e.cell])).toEqual([
      ['SCHEMA_REQUIRED', await at('A1.1.3', HEADERS.measures)],
      ['RECTIFY_NOT_NEEDED', await at('A1.1.1', HEADERS.measures)],
      ['RECTIFY_DONE_WITHOUT_DATE', await at('A1.2.2', HEADERS.status)],
      ['RECTIFY_DONE_WITHOUT_EVIDENCE', await at('A1.2.2', HEADERS.status)],
    ]);
    expect(found.warnings.map((e) => [e.code, e.cell])).toEqual([['RECTIFY_DONE_ON_NOT_DONE', await at('A1.1.2', HEADERS.doneOn)]]);
    const zh = await runInProcess(['validate', file]);
    expect(zh.stdout + zh.stderr).toContain(`wrong.xlsx:${await at('A1.1.1', HEADERS.measures)}`);
    expect(zh.stdout + zh.stderr).toContain('不需要整改计划');
    const en = await runInProcess(['validate', file, '--lang', 'en']);
    expect(en.stdout + en.stderr).toContain('a rectification with status done needs doneOn');
    const s = await runInProcess(['score', file]);
    expect(s.code).toBe(1);
  });

  it('a status not on the list and a cell that is no date: the workbook\'s own codes, in its words', async () => {
    const file = join(tmp, 'typed.xlsx');
    await editWorkbook(
      blank,
      (wb) => {
        const ws = wb.getWorksheet('自查表')!;
        fill(ws, 'A1.2.2', '部分符合', { measures: '修订问题清单', owner: '王芳', due: '六月底', status: '进行中' });
        fill(ws, 'A1.1.3', '不符合', { measures: '补课', owner: '李明', due: '2026-02-30', status: '整改中' });
        fill(ws, 'A1.1.2', '不符合', { measures: '补开会议', owner: '李明', due: 2026, status: '整改中' });
        // A bare number, the cell's date format cleared (the cell gets a style of its own first:
        // exceljs shares one among cells read alike). In a date-formatted cell 2026 would show,
        // and read, as 1905-07-18.
        const bare = rowOf(ws, 'A1.1.2').getCell(columnOf(ws, HEADERS.due));
        bare.style = { ...bare.style, numFmt: 'General' };
      },
      file,
    );
    const x = await runInProcess(['validate', file, '--format', 'json']);
    expect(x.code).toBe(1);
    const errors = (JSON.parse(x.stdout) as { files: { errors: { code: string; cell?: string }[] }[] }).files[0].errors;
    const at = async (id: string, header: string): Promise<string> => `自查表!${await address(file, id, header)}`;
    expect(errors.map((e) => [e.code, e.cell])).toEqual([
      ['WORKBOOK_DATE', await at('A1.1.2', HEADERS.due)],
      ['WORKBOOK_DATE', await at('A1.1.3', HEADERS.due)],
      ['WORKBOOK_DATE', await at('A1.2.2', HEADERS.due)],
      ['WORKBOOK_TASK_STATUS', await at('A1.2.2', HEADERS.status)],
    ]);
    const zh = await runInProcess(['validate', file]);
    expect(zh.stdout + zh.stderr).toContain('“六月底” 不是有效的日期，请写成 年-月-日，如 2026-06-30');
    expect(zh.stdout + zh.stderr).toContain('“2026” 不是有效的日期');
    expect(zh.stdout + zh.stderr).toContain('“进行中” 不是 未开始/整改中/已完成 之一');
    const en = await runInProcess(['validate', file, '--lang', 'en']);
    expect(en.stdout + en.stderr).toContain('"2026-02-30" is not a valid date');
  });
});

describe('workbooks written before the rectification columns (format 1)', () => {
  it('read as answers without tasks; convert --to xlsx gives the current layout with the same answers', async () => {
    const old = join(ROOT, 'test/fixtures/workbooks/township-filled.libreoffice.xlsx');
    const upgraded = join(tmp, 'upgraded.xlsx');
    const c = await runInProcess(['convert', old, '--to', 'xlsx', '--out', upgraded]);
    expect(c.code, c.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(upgraded);
    expect(wb.getWorksheet('wangxin')!.getCell('B1').value).toBe(2);
    expect(columnOf(wb.getWorksheet('自查表')!, '整改措施')).toBeGreaterThan(0);
    const json = async (f: string): Promise<unknown> => {
      const r = await runInProcess(['score', f, '--format', 'json']);
      const report = JSON.parse(r.stdout) as Record<string, unknown>;
      delete report.generatedAt;
      return report;
    };
    expect(await json(upgraded)).toEqual(await json(old));
  });

  it('refuses a workbook of a newer format with the fix: upgrade wangxin', async () => {
    const file = join(tmp, 'newer.xlsx');
    await editWorkbook(blank, (wb) => {
      wb.getWorksheet('wangxin')!.getCell('B1').value = 3;
    }, file);
    const r = await runInProcess(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain('格式版本为 3，由较新版本的 wangxin 生成；本版本只能读取格式 1 到 2');
  });
});

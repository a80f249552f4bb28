// Answer workbooks as a unit and the office use them: init --format xlsx, filled in by a spreadsheet program, read by validate, score, batch, compare and convert.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { ROOT, runInProcess } from '../helpers/run-cli.js';
import { columnOf, editWorkbook, rowOf, zipPart } from '../helpers/workbook.js';

let tmp = '';
const EXAMPLE = join(ROOT, 'examples/answers/township.yaml');

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'wangxin-workbook-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('init --format xlsx', () => {
  it('writes a workbook that validates as written: cover, instructions, items sheet, hidden sheet', async () => {
    const file = join(tmp, 'blank.xlsx');
    const r = await runInProcess(['init', '--unit-type', 'township', '--unit', '=HYPERLINK("http://x","y")', '--out', file]);
    expect(r.code, r.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['封面', '填写说明', '自查表', 'wangxin']);
    expect(wb.getWorksheet('wangxin')!.state).toBe('veryHidden');
    const items = wb.getWorksheet('自查表')!;
    expect(items.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(items.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '3:3' });
    const answer = columnOf(items, '自查结果');
    // A status item: the four labels; a veto item (A4.3.1 for a township): pass or fail only; a ratio item: validated 0..1.
    expect(rowOf(items, 'A1.1.1').getCell(answer).dataValidation).toMatchObject({ type: 'list', formulae: ['"符合,部分符合,不符合,不适用"'] });
    const ratio = rowOf(items, 'A1.3.2').getCell(answer);
    expect(ratio.dataValidation.type).toBe('custom');
    expect(ratio.protection).toMatchObject({ locked: false });
    expect(rowOf(items, 'A1.3.2').getCell(1).protection?.locked).not.toBe(false);
    expect(rowOf(items, 'A3.2.3 / d1').getCell(answer).dataValidation).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual' });
    // Protected without a password; the question cells stay locked.
    expect(zipPart(file, 'xl/worksheets/sheet3.xml')).toMatch(/<sheetProtection [^>]*sheet="1"/);
    expect(zipPart(file, 'xl/worksheets/sheet3.xml')).not.toMatch(/password=/);
    // The unit name that looks like a formula is text, never a formula.
    expect(zipPart(file, 'xl/worksheets/sheet1.xml')).not.toMatch(/<f>/);
    expect(wb.getWorksheet('封面')!.getCell('B4').value).toBe('=HYPERLINK("http://x","y")');
    const v = await runInProcess(['validate', file]);
    expect(v.code, v.stderr + v.stdout).toBe(0);
  });

  it('lists veto items with pass and fail only, in English with --lang en', async () => {
    const file = join(tmp, 'en.xlsx');
    expect((await runInProcess(['init', '--unit-type', 'township', '--format', 'xlsx', '--lang', 'en', '--out', file])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const items = wb.getWorksheet('Self-check')!;
    const vetoRows: string[] = [];
    items.eachRow((row) => {
      const kind = String(row.getCell(columnOf(items, 'Kind')).value ?? '');
      if (kind.includes('veto')) vetoRows.push(String(row.getCell(1).value));
    });
    expect(vetoRows.length).toBeGreaterThan(0);
    for (const id of vetoRows) expect(rowOf(items, id).getCell(columnOf(items, 'Answer')).dataValidation.formulae).toEqual(['"pass,fail"']);
  });

  it('refuses a workbook on standard output and an unknown format', async () => {
    expect((await runInProcess(['init', '--unit-type', 'township', '--format', 'xlsx'])).code).toBe(2);
    const r = await runInProcess(['init', '--unit-type', 'township', '--format', 'docx', '--out', join(tmp, 'x.docx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/yaml 或 xlsx/);
  });
});

describe('reading a filled-in workbook', () => {
  let filled = '';
  let yamlReport = '';
  beforeAll(async () => {
    filled = join(tmp, 'filled.xlsx');
    const c = await runInProcess(['convert', EXAMPLE, '--out', filled]);
    expect(c.code, c.stderr).toBe(0);
    yamlReport = (await runInProcess(['score', EXAMPLE, '--format', 'json'])).stdout;
  });
  const strip = (json: string): unknown => {
    const r = JSON.parse(json) as Record<string, unknown>;
    delete r.generatedAt;
    return r;
  };

  it('scores a workbook made from an answer file exactly as the answer file', async () => {
    const r = await runInProcess(['score', filled, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(strip(r.stdout)).toEqual(strip(yamlReport));
  });

  it('reads a re-saved workbook: rows re-sorted, a column and rows inserted, styles changed, values typed the ways people type them', async () => {
    const file = join(tmp, 'resaved.xlsx');
    await editWorkbook(
      filled,
      (wb) => {
        const ws = wb.getWorksheet('自查表')!;
        const answer = columnOf(ws, '自查结果');
        rowOf(ws, 'A1.3.2').getCell(answer).value = ' ９０％ '; // full-width, spaces
        rowOf(ws, 'A2.2.2').getCell(answer).value = '3/4';
        rowOf(ws, 'A2.3.2').getCell(answer).value = { formula: 'A1*0', result: 0.5 } as ExcelJS.CellFormulaValue;
        rowOf(ws, 'A4.1.4').getCell(answer).value = '0.8';
        rowOf(ws, 'A1.1.3').getCell(answer).value = ' Pass ';
        rowOf(ws, 'A3.3.4').getCell(answer).value = '符合　'; // ideographic space
        for (const row of [rowOf(ws, 'A1.1.1'), rowOf(ws, 'A5.3.1')]) row.eachCell((c) => (c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF0000' } }));
        // Re-sort: swap two item rows' whole contents.
        const a = rowOf(ws, 'A1.1.1');
        const b = rowOf(ws, 'A5.3.1');
        const av = a.values;
        a.values = b.values as ExcelJS.CellValue[];
        b.values = av as ExcelJS.CellValue[];
        ws.spliceColumns(1, 0, ['inserted']);
        ws.spliceRows(2, 0, ['a new row'], ['another']);
        ws.mergeCells('A1:C1');
      },
      file,
    );
    const r = await runInProcess(['score', file, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(strip(r.stdout)).toEqual(strip(yamlReport));
  });

  it('locates a wrong status at its cell, in the words of the drop-down', async () => {
    const file = join(tmp, 'wrong.xlsx');
    let cell = '';
    await editWorkbook(
      filled,
      (wb) => {
        const ws = wb.getWorksheet('自查表')!;
        const c = rowOf(ws, 'A1.1.1').getCell(columnOf(ws, '自查结果'));
        c.value = '是';
        cell = c.address;
      },
      file,
    );
    const x = await runInProcess(['validate', file, '--format', 'json']);
    expect(x.code).toBe(1);
    const errors = (JSON.parse(x.stdout) as { files: { errors: { code: string; pointer?: string }[] }[] }).files[0].errors;
    // One error, not a second one from the schema: the workbook names its labels, not pass/partial/fail/na.
    expect(errors.map((e) => e.code)).toEqual(['WORKBOOK_STATUS']);
    const text = await runInProcess(['validate', file]);
    expect(text.stdout + text.stderr).toContain(`wrong.xlsx:自查表!${cell}`);
    expect(text.stdout + text.stderr).toContain('“是” 不是 符合/部分符合/不符合/不适用 之一');
    const en = await runInProcess(['validate', file, '--lang', 'en']);
    // The English drop-down's own words.
    expect(en.stdout + en.stderr).toContain('"是" is not one of pass/partial/fail/n/a (符合/部分符合/不符合/不适用)');
    const s = await runInProcess(['score', file]);
    expect(s.code).toBe(1);
    expect(s.stderr).toContain(`自查表!${cell}`);
  });

  it('reads "not applicable" spelt out as the drop-down\'s n/a', async () => {
    const file = join(tmp, 'spelt-out.xlsx');
    await editWorkbook(
      filled,
      (wb) => {
        const ws = wb.getWorksheet('自查表')!;
        rowOf(ws, 'A1.1.1').getCell(columnOf(ws, '自查结果')).value = 'Not Applicable';
        rowOf(ws, 'A1.1.1').getCell(columnOf(ws, '情况说明')).value = '本单位不涉及';
      },
      file,
    );
    const y = await runInProcess(['convert', file, '--to', 'yaml', '--out', '-']);
    expect(y.code, y.stderr).toBe(0);
    expect(y.stdout).toMatch(/A1\.1\.1: \{ status: na, note: 本单位不涉及/);
  });

  it('says when a spreadsheet turned 3/4 into a date, at the cell, with the fix', async () => {
    const file = join(tmp, 'date.xlsx');
    let cell = '';
    await editWorkbook(
      filled,
      (wb) => {
        const ws = wb.getWorksheet('自查表')!;
        const c = rowOf(ws, 'A2.2.2').getCell(columnOf(ws, '自查结果'));
        c.value = new Date(Date.UTC(2026, 2, 4));
        c.numFmt = 'm/d';
        cell = c.address;
      },
      file,
    );
    const r = await runInProcess(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(new RegExp(`自查表!${cell} .*日期.*3/4.*百分比.*WORKBOOK_RATIO_DATE`));
    const en = await runInProcess(['validate', file, '--lang', 'en']);
    expect(en.stdout + en.stderr).toMatch(/holds a date .*"3\/4".* percentage/);
  });

  it('batches a mixed folder of YAML and workbooks, and compares a workbook with an answer file', async () => {
    const dir = join(tmp, 'mixed');
    mkdirSync(dir);
    copyFileSync(EXAMPLE, join(dir, 'a.yaml'));
    copyFileSync(filled, join(dir, 'b.xlsx'));
    writeFileSync(join(dir, '~$b.xlsx'), 'an Excel lock file');
    const r = await runInProcess(['batch', dir, '--format', 'json']);
    const out = JSON.parse(r.stdout) as { files: { file: string; status: string; score?: number }[] };
    expect(out.files.map((f) => [f.file.replace(/.*[\\/]/, ''), f.status])).toEqual([
      ['a.yaml', 'valid'],
      ['b.xlsx', 'valid'],
    ]);
    const c = await runInProcess(['compare', join(dir, 'a.yaml'), join(dir, 'b.xlsx')]);
    expect(c.code, c.stderr).toBe(0);
  });
});

describe('convert', () => {
  it('turns a workbook into the same answer file, through the one answer-file writer', async () => {
    const xlsx = join(tmp, 'c.xlsx');
    const back = join(tmp, 'c.yaml');
    expect((await runInProcess(['convert', EXAMPLE, '--to', 'xlsx', '--out', xlsx])).code).toBe(0);
    const r = await runInProcess(['convert', xlsx, '--to', 'yaml', '--out', back]);
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(back, 'utf8');
    expect(text).toMatch(/^# yaml-language-server: \$schema=/);
    expect(text).toContain('A1.3.2: { value: 0.9, note: 依申请政务服务事项40项，网上可办36项 }');
    // Nothing deducted (`{}`) is a 0 on each rule in a workbook.
    expect(text).toContain('A4.3.5: { deductions: { d1: 0, d2: 0 }');
    // An existing file is not replaced without --force; an invalid input is not converted.
    expect((await runInProcess(['convert', xlsx, '--out', back])).code).toBe(2);
    const bad = join(tmp, 'bad.yaml');
    writeFileSync(bad, readFileSync(EXAMPLE, 'utf8').replace('status: pass', 'status: yes'));
    expect((await runInProcess(['convert', bad, '--out', join(tmp, 'bad.xlsx')])).code).toBe(1);
  });
});

describe('migrate and evidence on a workbook', () => {
  it('migrate turns a workbook into a workbook for the new checklist, valid against it', async () => {
    const dir = join(tmp, 'migrate');
    mkdirSync(dir);
    expect((await runInProcess(['convert', EXAMPLE, '--out', join(dir, 'township.xlsx')])).code).toBe(0);
    const custom = join(ROOT, 'examples/custom/xx-county-2026.yaml');
    const r = await runInProcess(['migrate', 'township.xlsx', '--to', custom], {}, dir);
    expect(r.code, r.stderr).toBe(0);
    // Named after the checklist it now answers: the county's own, in its version.
    const out = r.stdout.match(/township\.xx-county-2026-[\d.]+\.xlsx/)?.[0];
    expect(out).toBeDefined();
    const v = await runInProcess(['validate', out!, '--checklist', custom], {}, dir);
    expect(v.code, v.stdout + v.stderr).toBe(0);
  });

  it('evidence records digests into the workbook\'s evidence cells and leaves the rest as the unit wrote it', async () => {
    const dir = join(tmp, 'evidence');
    mkdirSync(dir);
    const file = join(dir, 'unit.xlsx');
    expect((await runInProcess(['init', '--unit-type', 'township', '--unit', '某镇', '--out', file])).code).toBe(0);
    writeFileSync(join(dir, '纪要.pdf'), 'minutes');
    await editWorkbook(file, (wb) => {
      const ws = wb.getWorksheet('自查表')!;
      const row = rowOf(ws, 'A1.1.1');
      row.getCell(columnOf(ws, '自查结果')).value = '符合';
      row.getCell(columnOf(ws, '佐证材料')).value = '纪要.pdf';
      wb.getWorksheet('封面')!.getCell('B11').value = '2026年11月30日';
    });
    const r = await runInProcess(['evidence', file], {}, dir);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('自查表')!;
    expect(rowOf(ws, 'A1.1.1').getCell(columnOf(ws, '佐证材料')).value).toMatch(/^纪要\.pdf \| sha256:[0-9a-f]{64}$/);
    expect(wb.getWorksheet('封面')!.getCell('B11').value).toBe('2026年11月30日');
    const y = await runInProcess(['convert', file, '--to', 'yaml', '--out', '-'], {}, dir);
    expect(y.stdout).toMatch(/A1\.1\.1: \{ status: pass, evidence: \[ \{ path: 纪要\.pdf, sha256: [0-9a-f]{64} \} \] \}/);
  });
});

describe('convert chooses the format from --out', () => {
  it('writes a workbook for --out *.xlsx and refuses a name that says the other format', async () => {
    const xlsx = join(tmp, 'from-out.xlsx');
    expect((await runInProcess(['convert', EXAMPLE, '--out', xlsx])).code).toBe(0);
    const copy = join(tmp, 'copy.xlsx');
    const r = await runInProcess(['convert', xlsx, '--out', copy]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(copy).subarray(0, 2).toString()).toBe('PK');
    const bad = await runInProcess(['convert', xlsx, '--to', 'yaml', '--out', join(tmp, 'wrong.xlsx')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/扩展名/);
  });

  it('refuses an --out whose extension is neither format unless --to says which (a workbook named t.csv)', async () => {
    const csv = join(tmp, 't.csv');
    const r = await runInProcess(['convert', EXAMPLE, '--out', csv, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot write a ".csv" file; it writes .yaml, .yml, .xlsx (or say which with --to)');
    expect(existsSync(csv)).toBe(false);
    const said = await runInProcess(['convert', EXAMPLE, '--to', 'yaml', '--out', join(tmp, 't.txt')]);
    expect(said.code, said.stderr).toBe(0);
    expect(readFileSync(join(tmp, 't.txt'), 'utf8')).toMatch(/^schemaVersion: 1$/m);
  });
});

describe('the cover\'s date', () => {
  it('is the answer file\'s date, however the spreadsheet typed it; a cell that is no date is located', async () => {
    const dir = join(tmp, 'cover-date');
    mkdirSync(dir);
    const file = join(dir, 'unit.xlsx');
    expect((await runInProcess(['init', '--unit-type', 'township', '--unit', '某镇', '--out', file])).code).toBe(0);
    for (const [typed, day] of [['2026年11月30日', '2026-11-30'], [new Date(Date.UTC(2026, 9, 1)), '2026-10-01'], ['2026/7/5', '2026-07-05']] as const) {
      await editWorkbook(file, (wb) => {
        wb.getWorksheet('封面')!.getCell('B11').value = typed;
      });
      const y = await runInProcess(['convert', file, '--to', 'yaml', '--out', '-'], {}, dir);
      expect(y.code, y.stderr).toBe(0);
      expect(y.stdout).toMatch(new RegExp(`^date: ${day}$`, 'm'));
    }
    await editWorkbook(file, (wb) => {
      wb.getWorksheet('封面')!.getCell('B11').value = '上周五';
    });
    const v = await runInProcess(['validate', file, '--lang', 'en'], {}, dir);
    expect(v.code).toBe(1);
    expect(v.stdout + v.stderr).toMatch(/unit\.xlsx:封面!B11 .*"上周五" is not a valid date.*WORKBOOK_DATE/);
  });

  it('survives YAML → workbook → YAML, and decides which of a unit\'s submissions a batch counts', async () => {
    const dir = join(tmp, 'cover-date-batch');
    mkdirSync(dir);
    const text = readFileSync(EXAMPLE, 'utf8');
    writeFileSync(join(dir, 'late.yaml'), text.replace(/^period: (.*)$/m, 'period: $1\ndate: 2026-12-01'));
    expect((await runInProcess(['convert', join(dir, 'late.yaml'), '--out', join(dir, 'late.xlsx')])).code).toBe(0);
    const back = await runInProcess(['convert', join(dir, 'late.xlsx'), '--to', 'yaml', '--out', '-']);
    expect(back.stdout).toMatch(/^date: 2026-12-01$/m);
    rmSync(join(dir, 'late.yaml'));
    // The same unit in an older YAML file, last in path order.
    writeFileSync(join(dir, 'z-early.yaml'), text.replace(/^period: (.*)$/m, 'period: $1\ndate: 2026-10-01'));
    const r = await runInProcess(['batch', dir, '--format', 'json', '--allow-duplicates']);
    const doc = JSON.parse(r.stdout);
    expect(doc.duplicates[0]).toMatchObject({ kept: join(dir, 'late.xlsx'), date: '2026-12-01' });
  });
});

describe('a workbook with several problems', () => {
  it('shows them all at once, each once and at its cell, in the words of the workbook', async () => {
    const dir = join(tmp, 'several');
    mkdirSync(dir);
    const file = join(dir, 'unit.xlsx');
    expect((await runInProcess(['init', '--unit-type', 'township', '--unit', '某镇', '--out', file])).code).toBe(0);
    let na = '';
    await editWorkbook(file, (wb) => {
      const ws = wb.getWorksheet('自查表')!;
      rowOf(ws, 'A1.1.1').getCell(columnOf(ws, '自查结果')).value = '是';
      const ratio = rowOf(ws, 'A4.1.4').getCell(columnOf(ws, '自查结果'));
      ratio.value = '大约一半';
      const count = rowOf(ws, 'A3.1.8 / d1').getCell(columnOf(ws, '自查结果'));
      count.value = 2.5;
      const notApplicable = rowOf(ws, 'A1.1.2').getCell(columnOf(ws, '自查结果'));
      notApplicable.value = '不适用';
      na = notApplicable.address;
    });
    const r = await runInProcess(['validate', file, '--format', 'json']);
    expect(r.code).toBe(1);
    const errors = (JSON.parse(r.stdout) as { files: { errors: { code: string; cell?: string }[] }[] }).files[0].errors;
    expect(errors.map((e) => e.code).sort()).toEqual(['NA_WITHOUT_NOTE', 'WORKBOOK_COUNT', 'WORKBOOK_RATIO_TEXT', 'WORKBOOK_STATUS']);
    expect(errors.find((e) => e.code === 'NA_WITHOUT_NOTE')!.cell).toContain(na);
    const text = await runInProcess(['validate', file]);
    expect(text.stdout + text.stderr).toContain('“大约一半” 不是比例：请填写 0% 到 100% 之间的数');
    expect(text.stdout + text.stderr).toContain('“2.5” 不是次数：请填写 0 或正整数');
  });
});

describe('a custom checklist\'s workbook', () => {
  it('marks bonus items in the kind column, and its instructions give the checklist\'s own lowest grade and bonus rules', async () => {
    const dir = join(tmp, 'custom-bonus');
    mkdirSync(dir);
    const checklist = join(dir, 'city.yaml');
    writeFileSync(
      checklist,
      'schemaVersion: 1\nid: city-bonus\nversion: 1.0.0\ntitle: 市级测试\nunitTypes:\n  - { id: township, label: 乡镇 }\nscoring:\n  grades: [ { label: 优, min: 90 }, { label: 良, min: 75 }, { label: 差, min: 0 } ]\n  bonus: { cap: 5, minBase: 70 }\nareas:\n  - id: A1\n    title: 一、基础\n    items:\n      - { id: A1.1, text: 基础条目, points: 10 }\n      - { id: A1.2, text: 典型案例, points: 3, bonus: true }\n',
    );
    const file = join(dir, 'a.xlsx');
    const r = await runInProcess(['init', '--checklist', checklist, '--unit', '甲镇', '--unit-type', 'township', '--out', file]);
    expect(r.code, r.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const kinds: string[] = [];
    wb.getWorksheet('自查表')!.eachRow((row) => void (row.getCell(1).value === 'A1.2' && kinds.push(String(row.getCell(7).value))));
    expect(kinds).toEqual(['符合情况（加分项）']);
    const help: string[] = [];
    wb.getWorksheet('填写说明')!.eachRow((row) => void help.push(String(row.getCell(1).value)));
    expect(help.join('\n')).toContain('否决项不符合则为最低等级“差”');
    expect(help.join('\n')).toContain('合计最多 5 分，且基础分达到 70 分才计入总分');
  });
});

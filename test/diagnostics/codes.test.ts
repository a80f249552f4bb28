// Every diagnostic code has a fixture, and each fixture yields its code at the expected line and column.
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, writeFileSync, symlinkSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CODES, type DiagnosticCode } from '../../src/diagnostics/codes.js';
import { checkFile } from '../../src/check/check-file.js';
import { discoverFiles } from '../../src/batch/discover.js';
import { execFileSync } from 'node:child_process';
import { MAX_FILE_BYTES } from '../../src/load/read-text.js';
import { ROOT } from '../helpers/run-cli.js';
import { editWorkbook, makeZip } from '../helpers/workbook.js';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { builtinFile } from '../../src/checklist/resolve-checklist.js';
import { loadChecklist } from '../../src/checklist/load-checklist.js';
import { writeWorkbook } from '../../src/workbook/write-workbook.js';
import { createXlsxBook } from '../../src/report/xlsx-book.js';

const dir = join(ROOT, 'test/fixtures/diagnostics');
let tmp = '';

interface Case {
  code: DiagnosticCode;
  file: () => string;
  line?: number;
  column?: number;
  ref?: string;
  severity?: 'error' | 'warning';
  /** Reported by discoverFiles on the folder, not by checkFile. */
  discover?: boolean;
}

const f = (name: string) => () => join(dir, name);
const CASES: Case[] = [
  { code: 'FILE_NOT_FOUND', file: f('does-not-exist.yaml') },
  { code: 'FILE_IS_DIRECTORY', file: () => dir },
  { code: 'FILE_UNREADABLE', file: () => join(tmp, 'loop.yaml') },
  { code: 'FILE_TOO_LARGE', file: () => join(tmp, 'big.yaml') },
  { code: 'FILE_NOT_REGULAR', file: () => join(tmp, 'fifo.yaml') },
  // Found by batch's folder search, not by reading a file: checked in the test below.
  { code: 'SYMLINK_OUTSIDE', file: () => join(tmp, 'sub'), discover: true },
  { code: 'ENCODING_NOT_UTF8', file: f('encoding-gbk.yaml'), line: 2, column: 11 },
  { code: 'ENCODING_UTF16', file: f('encoding-utf16.yaml') },
  { code: 'BINARY_FILE', file: f('binary.yaml') },
  { code: 'YAML_EMPTY', file: f('yaml-empty.yaml'), line: 1, column: 1 },
  { code: 'YAML_SYNTAX', file: f('yaml-syntax.yaml'), line: 2, column: 1 },
  { code: 'YAML_DUPLICATE_KEY', file: f('yaml-duplicate-key.yaml'), line: 6, column: 3 },
  { code: 'YAML_TAB_INDENT', file: f('yaml-tab-indent.yaml'), line: 3, column: 1 },
  { code: 'YAML_TAG', file: f('yaml-tag-binary.yaml'), line: 5, column: 21 },
  { code: 'YAML_TAG', file: f('yaml-tag-js.yaml'), line: 5, column: 33 },
  { code: 'YAML_MULTIPLE_DOCUMENTS', file: f('yaml-multiple-documents.yaml'), line: 6, column: 1 },
  { code: 'YAML_ALIAS_LIMIT', file: f('yaml-alias-bomb.yaml'), line: 2, column: 8 },
  { code: 'YAML_TOO_DEEP', file: f('yaml-too-deep.yaml'), line: 2, column: 74 },
  { code: 'UNKNOWN_DOCUMENT', file: f('unknown-document.yaml'), line: 1, column: 1 },
  { code: 'SCHEMA_REQUIRED', file: f('schema-required.yaml'), line: 3, column: 1 },
  { code: 'SCHEMA_REQUIRED', file: f('schema-text-map.yaml'), line: 4, column: 1 },
  { code: 'SCHEMA_UNKNOWN_PROPERTY', file: f('schema-unknown-property.yaml'), line: 5, column: 27 },
  { code: 'SCHEMA_TYPE', file: f('schema-type.yaml'), line: 2, column: 46 },
  { code: 'SCHEMA_ENUM', file: f('schema-enum.yaml'), line: 5, column: 21 },
  { code: 'SCHEMA_PATTERN', file: f('schema-pattern.yaml'), line: 2, column: 5 },
  { code: 'SCHEMA_RANGE', file: f('schema-range.yaml'), line: 13, column: 17 },
  { code: 'SCHEMA_INVALID', file: f('schema-invalid.yaml'), line: 5, column: 11 },
  { code: 'DUPLICATE_ID', file: f('checklist-duplicate-id.yaml'), line: 14, column: 13 },
  { code: 'UNKNOWN_UNIT_TYPE', file: f('checklist-unknown-unit-type.yaml'), line: 14, column: 31 },
  { code: 'GRADES_NOT_DESCENDING', file: f('checklist-grades-not-descending.yaml'), line: 10, column: 14 },
  { code: 'GRADES_NOT_ENDING_AT_ZERO', file: f('checklist-grades-not-ending-at-zero.yaml'), line: 10, column: 14 },
  { code: 'DEDUCTIONS_NOT_ALLOWED', file: f('checklist-deductions-not-allowed.yaml'), line: 14, column: 9 },
  { code: 'DEDUCTIONS_MISSING', file: f('checklist-deductions-missing.yaml'), line: 14, column: 15 },
  { code: 'VETO_NOT_STATUS', file: f('checklist-veto-not-status.yaml'), line: 15, column: 9 },
  { code: 'BONUS_IN_WEIGHTED_AREA', file: f('checklist-bonus-in-weighted-area.yaml'), line: 18, column: 9 },
  { code: 'PARTIAL_CREDIT_RANGE', file: f('checklist-partial-credit-range.yaml'), line: 8, column: 18 },
  { code: 'POINTS_ZERO', file: f('checklist-points-zero.yaml'), line: 13, column: 17 },
  { code: 'EXTEND_UNKNOWN_BASE', file: f('extend-unknown-base.yaml'), line: 5, column: 10 },
  { code: 'EXTEND_BASE_INVALID', file: f('extend-base-invalid.yaml'), line: 5, column: 10 },
  { code: 'EXTEND_BASE_UNREADABLE', file: () => join(tmp, 'extends-fifo.yaml'), line: 5, column: 10 },
  { code: 'EXTEND_CYCLE', file: f('extend-cycle-a.yaml'), line: 5, column: 10 },
  { code: 'EXTEND_TOO_DEEP', file: () => join(tmp, 'deep-0.yaml'), line: 5, column: 10 },
  { code: 'EXTEND_UNKNOWN_ID', file: f('extend-unknown-id.yaml'), line: 6, column: 16 },
  { code: 'EXTEND_ID_DROPPED', file: f('extend-id-dropped.yaml'), line: 8, column: 3 },
  { code: 'EXTEND_OVERRIDE_FIELD', file: f('extend-override-field.yaml'), line: 7, column: 21 },
  { code: 'EXTEND_DUPLICATE_ID', file: f('extend-duplicate-id.yaml'), line: 10, column: 15 },
  { code: 'EXTEND_APPEND_MISMATCH', file: f('extend-append-mismatch.yaml'), line: 8, column: 5 },
  { code: 'UNKNOWN_CHECKLIST', file: f('answers-unknown-checklist.yaml'), line: 2, column: 18 },
  { code: 'CHECKLIST_ID_MISMATCH', file: f('answers-id-mismatch.yaml'), line: 2, column: 18, ref: 'county-cyber-2018' },
  { code: 'CHECKLIST_VERSION_MISMATCH', file: f('answers-version-mismatch.yaml'), line: 2, column: 46 },
  { code: 'UNKNOWN_ITEM', file: f('answers-unknown-item.yaml'), line: 6, column: 3 },
  { code: 'UNIT_NAME_PLACEHOLDER', file: f('answers-unit-name-placeholder.yaml'), line: 3, column: 15 },
  { code: 'UNIT_TYPE_UNDECLARED', file: f('answers-unit-type-undeclared.yaml'), line: 3, column: 28 },
  { code: 'ANSWER_WRONG_KIND', file: f('answers-wrong-kind.yaml'), line: 5, column: 3 },
  { code: 'VALUE_OUT_OF_RANGE', file: f('answers-value-out-of-range.yaml'), line: 5, column: 20 },
  { code: 'UNKNOWN_DEDUCTION', file: f('answers-unknown-deduction.yaml'), line: 5, column: 27 },
  { code: 'DEDUCTION_COUNT_INVALID', file: f('answers-deduction-count-invalid.yaml'), line: 5, column: 31 },
  { code: 'DEDUCTION_COUNT_TOO_LARGE', file: f('answers-deduction-count-too-large.yaml'), line: 5, column: 31 },
  { code: 'NA_WITHOUT_NOTE', file: f('answers-na-without-note.yaml'), line: 5, column: 21 },
  { code: 'RECTIFY_NOT_NEEDED', file: f('answers-rectify-not-needed.yaml'), line: 7, column: 5 },
  { code: 'RECTIFY_BLANK', file: f('answers-rectify-blank.yaml'), line: 7, column: 26 },
  { code: 'RECTIFY_DONE_WITHOUT_DATE', file: f('answers-rectify-done-without-date.yaml'), line: 7, column: 69 },
  { code: 'RECTIFY_DONE_WITHOUT_EVIDENCE', file: f('answers-rectify-done-without-evidence.yaml'), line: 7, column: 69 },
  { code: 'RECTIFY_DONE_ON_NOT_DONE', file: f('answers-rectify-done-on-not-done.yaml'), line: 7, column: 82, severity: 'warning' },
  { code: 'VETO_NOT_PASS_FAIL', file: f('answers-veto-partial.yaml'), line: 5, column: 21 },
  // na on a veto item: one error (the veto), not a second one for the note.
  { code: 'VETO_NOT_PASS_FAIL', file: f('answers-veto-na.yaml'), line: 5, column: 21 },
  { code: 'ANSWER_NOT_APPLICABLE', file: f('answers-not-applicable.yaml'), line: 6, column: 3, severity: 'warning' },
  // Review files, each checked against review-answers.yaml beside it, whose digest all but the first record.
  { code: 'REVIEW_ANSWERS_CHANGED', file: f('review-answers-changed.yaml'), line: 2, column: 48, severity: 'warning' },
  { code: 'REVIEW_ANSWERS_UNUSABLE', file: f('review-answers-unusable.yaml'), line: 2, column: 19 },
  { code: 'REVIEW_UNIT_MISMATCH', file: f('review-unit-mismatch.yaml'), line: 4, column: 7 },
  { code: 'REVIEW_CHECKLIST_MISMATCH', file: f('review-checklist-mismatch.yaml'), line: 3, column: 12 },
  { code: 'REVIEW_UNKNOWN_ITEM', file: f('review-unknown-item.yaml'), line: 8, column: 3 },
  { code: 'REVIEW_NOT_APPLICABLE', file: f('review-not-applicable.yaml'), line: 8, column: 3, severity: 'warning' },
  { code: 'REVIEW_REASON_MISSING', file: f('review-reason-missing.yaml'), line: 8, column: 22 },
  { code: 'REVIEW_ANSWER_MISSING', file: f('review-answer-missing.yaml'), line: 8, column: 22 },
  { code: 'REVIEW_CONFIRMED_WITH_ANSWER', file: f('review-confirmed-with-answer.yaml'), line: 8, column: 33 },
  { code: 'REVIEW_WRONG_KIND', file: f('review-wrong-kind.yaml'), line: 8, column: 3 },
  { code: 'REVIEW_UNKNOWN_DEDUCTION', file: f('review-unknown-deduction.yaml'), line: 8, column: 46 },
  { code: 'REVIEW_VETO_NOT_PASS_FAIL', file: f('review-veto-not-pass-fail.yaml'), line: 8, column: 40 },
  { code: 'REVIEW_CONFIRMS_NOTHING', file: f('review-confirms-nothing.yaml'), line: 8, column: 22, severity: 'warning' },
  { code: 'REVIEW_SAME_AS_ANSWER', file: f('review-same-as-answer.yaml'), line: 8, column: 22, severity: 'warning' },
  // Answer workbooks, made in beforeAll: cell-located codes at the cell's row and column.
  { code: 'WORKBOOK_NOT_ZIP', file: () => join(tmp, 'not-zip.xlsx') },
  { code: 'WORKBOOK_MACROS', file: () => join(tmp, 'macros.xlsm') },
  { code: 'WORKBOOK_TOO_MANY_ENTRIES', file: () => join(tmp, 'entries.xlsx') },
  { code: 'WORKBOOK_TOO_MANY_SHEETS', file: () => join(tmp, 'sheets.xlsx') },
  { code: 'WORKBOOK_UNPACKED_TOO_LARGE', file: () => join(tmp, 'unpacked.xlsx') },
  { code: 'WORKBOOK_RATIO', file: () => join(tmp, 'ratio-bomb.xlsx') },
  { code: 'WORKBOOK_DOCTYPE', file: () => join(tmp, 'doctype.xlsx') },
  { code: 'WORKBOOK_EXTERNAL_LINK', file: () => join(tmp, 'links.xlsx') },
  { code: 'WORKBOOK_UNREADABLE', file: () => join(tmp, 'unreadable.xlsx') },
  { code: 'WORKBOOK_NOT_ANSWERS', file: () => join(tmp, 'not-answers.xlsx') },
  { code: 'WORKBOOK_OUTPUT', file: () => join(tmp, 'own-summary.xlsx') },
  // The cover's unit name, B4.
  { code: 'WORKBOOK_UNIT_NAME', file: () => join(tmp, 'blank-name.xlsx'), line: 4, column: 2 },
  { code: 'WORKBOOK_META', file: () => join(tmp, 'meta.xlsx'), line: 1, column: 2 },
  { code: 'WORKBOOK_FORMAT_NEWER', file: () => join(tmp, 'newer.xlsx'), line: 1, column: 2 },
  { code: 'WORKBOOK_COLUMN_MISSING', file: () => join(tmp, 'column.xlsx'), line: 3, column: 1 },
  { code: 'WORKBOOK_ROW_DUPLICATE', file: () => join(tmp, 'duplicate.xlsx'), line: 7, column: 1 },
  { code: 'WORKBOOK_RATIO_DATE', file: () => join(tmp, 'date.xlsx'), line: 13, column: 8 },
  { code: 'WORKBOOK_RATIO_RANGE', file: () => join(tmp, 'range.xlsx'), line: 13, column: 8 },
  { code: 'WORKBOOK_RATIO_TEXT', file: () => join(tmp, 'ratio-text.xlsx'), line: 13, column: 8 },
  // Row 34 is A3.1.8's first deduction rule.
  { code: 'WORKBOOK_COUNT', file: () => join(tmp, 'count.xlsx'), line: 34, column: 8 },
  { code: 'WORKBOOK_STATUS', file: () => join(tmp, 'status.xlsx'), line: 6, column: 8 },
  // Row 8 is A1.2.2, a status item answered 部分符合 with a task: its status (column N) and due date (column M).
  { code: 'WORKBOOK_TASK_STATUS', file: () => join(tmp, 'task-status.xlsx'), line: 8, column: 14 },
  { code: 'WORKBOOK_DATE', file: () => join(tmp, 'task-date.xlsx'), line: 8, column: 13 },
];

/** Writes the workbook fixtures: a blank answer workbook edited, and zips made by hand. */
async function makeWorkbooks(): Promise<void> {
  const checklist = (await loadChecklist(builtinFile('county-cyber-2018')!)).checklist!;
  const blank = join(tmp, 'blank.xlsx');
  writeFileSync(blank, (await writeWorkbook(checklist, { schemaVersion: 1, checklist: { id: checklist.id, version: checklist.version }, unit: { name: '某镇', type: 'township' }, answers: {} }, 'zh')).bytes);
  const edit = (name: string, change: (wb: ExcelJS.Workbook) => void) => editWorkbook(blank, change, join(tmp, name));
  const types = '<?xml version="1.0"?><Types/>';
  writeFileSync(join(tmp, 'not-zip.xlsx'), 'unit: x\n');
  writeFileSync(join(tmp, 'macros.xlsm'), readFileSync(blank));
  writeFileSync(join(tmp, 'entries.xlsx'), makeZip(Array.from({ length: 501 }, (_, i) => ({ name: `p${i}.txt`, data: 'x' }))));
  writeFileSync(join(tmp, 'sheets.xlsx'), makeZip(Array.from({ length: 65 }, (_, i) => ({ name: `xl/worksheets/sheet${i}.xml`, data: '<worksheet/>' }))));
  writeFileSync(join(tmp, 'unpacked.xlsx'), makeZip(Array.from({ length: 40 }, (_, i) => ({ name: `xl/media/m${i}.png`, data: 'x', declare: 1 << 20 }))));
  writeFileSync(join(tmp, 'ratio-bomb.xlsx'), makeZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(4 << 20, 0x20) }]));
  writeFileSync(join(tmp, 'doctype.xlsx'), makeZip([{ name: '[Content_Types].xml', data: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><Types/>' }]));
  writeFileSync(join(tmp, 'links.xlsx'), makeZip([{ name: '[Content_Types].xml', data: types }, { name: 'xl/externalLinks/externalLink1.xml', data: '<externalLink/>' }]));
  writeFileSync(join(tmp, 'unreadable.xlsx'), makeZip([{ name: '[Content_Types].xml', data: types }, { name: 'xl/workbook.xml', data: '<workbook><sheets><sheet' }, { name: 'xl/_rels/workbook.xml.rels', data: '<Relationships' }]));
  const other = new ExcelJS.Workbook();
  other.addWorksheet('Sheet1').getCell('A1').value = 'x';
  writeFileSync(join(tmp, 'not-answers.xlsx'), Buffer.from(await other.xlsx.writeBuffer()));
  // A workbook of the office's own (a ledger) as wangxin writes it.
  const own: Uint8Array[] = [];
  const book = createXlsxBook((part) => own.push(part), '2026-01-01T00:00:00.000Z', 'ledger');
  book.sheet('S', [10]).commit();
  await book.commit();
  writeFileSync(join(tmp, 'own-summary.xlsx'), Buffer.concat(own));
  await edit('meta.xlsx', (wb) => (wb.getWorksheet('wangxin')!.getCell('B1').value = 'two'));
  await edit('newer.xlsx', (wb) => (wb.getWorksheet('wangxin')!.getCell('B1').value = 99));
  await edit('column.xlsx', (wb) => (wb.getWorksheet('自查表')!.getCell('H3').value = '答案'));
  // Row 6 is A1.1.1 (rows 4 and 5 are the area and section headings); row 7 says it again.
  await edit('duplicate.xlsx', (wb) => (wb.getWorksheet('自查表')!.getCell('A7').value = 'A1.1.1'));
  // Row 13 is A1.3.2, a ratio item.
  // A spreadsheet that takes 3/4 for a date stores the date with a date format.
  await edit('date.xlsx', (wb) => {
    const cell = wb.getWorksheet('自查表')!.getCell('H13');
    cell.value = new Date(Date.UTC(2026, 2, 4));
    cell.numFmt = 'm/d';
  });
  await edit('range.xlsx', (wb) => (wb.getWorksheet('自查表')!.getCell('H13').value = 75));
  await edit('blank-name.xlsx', (wb) => (wb.getWorksheet('封面')!.getCell('B4').value = null));
  await edit('ratio-text.xlsx', (wb) => (wb.getWorksheet('自查表')!.getCell('H13').value = '大约一半'));
  await edit('count.xlsx', (wb) => (wb.getWorksheet('自查表')!.getCell('H34').value = 2.5));
  await edit('status.xlsx', (wb) => (wb.getWorksheet('自查表')!.getCell('H6').value = '是'));
  const task = (name: string, status: string, due: ExcelJS.CellValue) =>
    edit(name, (wb) => {
      const ws = wb.getWorksheet('自查表')!;
      ws.getCell('H8').value = '部分符合';
      ws.getCell('K8').value = '修订问题清单';
      ws.getCell('L8').value = '王芳';
      ws.getCell('M8').value = due;
      ws.getCell('N8').value = status;
    });
  await task('task-status.xlsx', '进行中', '2026-06-30');
  await task('task-date.xlsx', '整改中', '六月底');
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'wangxin-codes-'));
  symlinkSync(join(tmp, 'loop.yaml'), join(tmp, 'loop.yaml'));
  writeFileSync(join(tmp, 'big.yaml'), Buffer.alloc(MAX_FILE_BYTES + 1, 0x61));
  mkdirSync(join(tmp, 'sub'));
  execFileSync('mkfifo', [join(tmp, 'fifo.yaml')]);
  // A chain of 20 checklists each extending the next: deeper than the limit, and no loop.
  for (let i = 0; i < 20; i++) {
    const base = i === 19 ? 'county-cyber-2018' : `./deep-${i + 1}.yaml`;
    writeFileSync(join(tmp, `deep-${i}.yaml`), `schemaVersion: 1\nid: deep-${i}\nversion: 1.0.0\ntitle: 深${i}\nextends: ${base}\n`);
  }
  writeFileSync(join(tmp, 'secret.yaml'), 'x: 1\n');
  symlinkSync(join(tmp, 'secret.yaml'), join(tmp, 'sub', 'link.yaml'));
  writeFileSync(join(tmp, 'extends-fifo.yaml'), 'schemaVersion: 1\nid: mine\nversion: 1.0.0\ntitle: 我的\nextends: ./fifo.yaml\n');
});
beforeAll(makeWorkbooks);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('diagnostic codes', () => {
  it('every code in the catalogue has at least one fixture case', () => {
    const covered = new Set(CASES.map((c) => c.code));
    expect(Object.keys(CODES).filter((code) => !covered.has(code as DiagnosticCode))).toEqual([]);
  });

  it.each(CASES.map((c) => [c.code, c] as const))('%s is reported at its position', async (_code, c) => {
    const check = c.discover ? { errors: (await discoverFiles([c.file()], tmp)).findings, warnings: [] } : await checkFile(c.file(), { ref: c.ref });
    const all = [...check.errors, ...check.warnings];
    const found = all.filter((d) => d.code === c.code);
    expect(found.length, JSON.stringify(all.map((d) => d.code))).toBeGreaterThan(0);
    const d = found[0];
    expect(d.line).toBe(c.line);
    expect(d.column).toBe(c.column);
    expect(d.severity).toBe(c.severity ?? 'error');
    expect(d.message.zh.length).toBeGreaterThan(0);
    expect(d.message.en.length).toBeGreaterThan(0);
    // Exactly the one intended problem: fixtures are minimal.
    expect(all.map((x) => x.code)).toEqual([c.code]);
  });
});

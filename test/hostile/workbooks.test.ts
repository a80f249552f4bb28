// Hostile workbooks: each refused with a located error and a non-zero exit, before exceljs unpacks it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { ROOT, runInProcess } from '../helpers/run-cli.js';
import { makeZip } from '../helpers/workbook.js';
import { inspectZip } from '../../src/workbook/inspect-zip.js';

const STACK = /\n\s+at .+:\d+:\d+/;
let tmp = '';
let blank: Buffer;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'wangxin-hostile-wb-'));
  const file = join(tmp, 'blank.xlsx');
  expect((await runInProcess(['init', '--unit', '某某镇党委', '--unit-type', 'township', '--out', file], {}, ROOT)).code).toBe(0);
  blank = (await import('node:fs')).readFileSync(file);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';

/** Validates `name` written with `bytes`, expecting exit 1 and `code`, in bounded time and without a stack trace. */
async function expectRefused(name: string, bytes: Buffer | undefined, code: string): Promise<string> {
  const file = join(tmp, name);
  if (bytes) writeFileSync(file, bytes);
  const started = Date.now();
  const r = await runInProcess(['validate', file, '--format', 'json'], {}, tmp);
  expect(Date.now() - started).toBeLessThan(20_000);
  expect(r.code, r.stdout + r.stderr).not.toBe(0);
  expect(r.stderr).not.toMatch(STACK);
  const errors = (JSON.parse(r.stdout) as { files: { errors: { code: string; file: string }[] }[] }).files[0].errors;
  expect(errors.map((e) => e.code)).toEqual([code]);
  expect(errors[0].file).toBe(file);
  return r.stdout;
}

describe('hostile answer workbooks', () => {
  it('a zip bomb: one part packed more than 100:1', async () => {
    await expectRefused('bomb.xlsx', makeZip([{ name: '[Content_Types].xml', data: TYPES }, { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(24 * 1024 * 1024, 0x20) }]), 'WORKBOOK_RATIO');
  });

  it('parts that declare more than the unpacked limit in all', async () => {
    const parts = Array.from({ length: 40 }, (_, i) => ({ name: `xl/media/image${i}.png`, data: 'x', declare: 1024 * 1024 }));
    await expectRefused('declared.xlsx', makeZip([{ name: '[Content_Types].xml', data: TYPES }, ...parts]), 'WORKBOOK_UNPACKED_TOO_LARGE');
  });

  it('a directory that understates a part is caught while it is unpacked', async () => {
    await expectRefused('liar.xlsx', makeZip([{ name: '[Content_Types].xml', data: TYPES + ' '.repeat(10_000), declare: 100 }]), 'WORKBOOK_NOT_ZIP');
  });

  it('a part that unpacks far past its declared size is caught before exceljs unpacks it', async () => {
    // Declares 5,000 bytes (more than the 4 KiB prolog read for a DOCTYPE) and unpacks to 2 MB.
    const zip = makeZip([{ name: '[Content_Types].xml', data: TYPES + ' '.repeat(2_000_000), declare: 5000 }]);
    // The check itself refuses it, not exceljs failing on it later.
    expect((await inspectZip(zip, 'liar-large.xlsx'))?.code).toBe('WORKBOOK_NOT_ZIP');
    await expectRefused('liar-large.xlsx', zip, 'WORKBOOK_NOT_ZIP');
  });

  it('a file over the size limit is not read', async () => {
    const file = join(tmp, 'huge.xlsx');
    writeFileSync(file, blank);
    truncateSync(file, 11 * 1024 * 1024);
    await expectRefused('huge.xlsx', undefined, 'FILE_TOO_LARGE');
  });

  it('thousands of parts, and a hundred sheets', async () => {
    const many = Array.from({ length: 3000 }, (_, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: '<worksheet/>' }));
    await expectRefused('parts.xlsx', makeZip(many), 'WORKBOOK_TOO_MANY_ENTRIES');
    await expectRefused('sheets.xlsx', makeZip(many.slice(0, 100)), 'WORKBOOK_TOO_MANY_SHEETS');
  });

  it('a sheet of a million rows: more than the unpacked limit', async () => {
    const rows = Array.from({ length: 1_000_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>1</v></c></row>`).join('');
    const sheet = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
    const out = await expectRefused('rows.xlsx', makeZip([{ name: '[Content_Types].xml', data: TYPES }, { name: 'xl/worksheets/sheet1.xml', data: sheet }]), 'WORKBOOK_UNPACKED_TOO_LARGE');
    expect(out).toMatch(/MiB/);
  });

  it('XML entity tricks: a DOCTYPE with entities in any part', async () => {
    const lol = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><Types>&lol2;</Types>';
    await expectRefused('entities.xlsx', makeZip([{ name: '[Content_Types].xml', data: lol }]), 'WORKBOOK_DOCTYPE');
  });

  it('external links', async () => {
    await expectRefused('links.xlsx', makeZip([{ name: '[Content_Types].xml', data: TYPES }, { name: 'xl/externalLinks/externalLink1.xml', data: '<externalLink/>' }]), 'WORKBOOK_EXTERNAL_LINK');
  });

  it('macros: an .xlsm by name, and a vbaProject inside an .xlsx', async () => {
    await expectRefused('macro.xlsm', blank, 'WORKBOOK_MACROS');
    await expectRefused('macro.xlsx', makeZip([{ name: '[Content_Types].xml', data: TYPES }, { name: 'xl/vbaProject.bin', data: 'VBA' }]), 'WORKBOOK_MACROS');
  });

  it('not a zip, and a workbook that is not an answer workbook', async () => {
    await expectRefused('text.xlsx', Buffer.from('unit: 某镇\n'), 'WORKBOOK_NOT_ZIP');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = 'hello';
    await expectRefused('other.xlsx', Buffer.from(await wb.xlsx.writeBuffer()), 'WORKBOOK_NOT_ANSWERS');
  });

  it('batch lists each as an invalid file and carries on', async () => {
    const r = await runInProcess(['batch', tmp, '--format', 'json'], {}, tmp);
    expect(r.code).not.toBe(0);
    const files = (JSON.parse(r.stdout) as { files: { file: string; status: string }[] }).files;
    const byName = new Map(files.map((f) => [f.file.replace(/.*[\\/]/, ''), f.status]));
    expect(byName.get('blank.xlsx')).toBe('valid');
    for (const name of ['bomb.xlsx', 'entities.xlsx', 'links.xlsx', 'macro.xlsm', 'macro.xlsx', 'rows.xlsx']) expect(byName.get(name), name).toBe('invalid');
    expect(byName.get('huge.xlsx')).toBe('unreadable');
  });
});

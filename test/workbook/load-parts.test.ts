// Differential test: a workbook loaded from the parts the check unpacked is the one exceljs's own load gives, on fixtures, generated and re-packed workbooks.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-cli.js';
import { makeZip } from '../helpers/workbook.js';
import { unpackZip } from '../../src/workbook/inspect-zip.js';
import { loadWorkbookParts } from '../../src/workbook/load-parts.js';
import { writeWorkbook } from '../../src/workbook/write-workbook.js';
import { loadChecklist } from '../../src/checklist/load-checklist.js';
import { builtinFile } from '../../src/checklist/resolve-checklist.js';
import { applyingItems, kindOf, type Checklist } from '../../src/model/checklist.js';

// What the reader passes to the load (read-workbook.ts): the same for both sides.
const OPTIONS = { ignoreNodes: ['dataValidations', 'sheetProtection', 'pageSetup', 'cols'] };

/** The workbook model from exceljs's `xlsx.load`, or its error's message. */
async function viaExceljs(bytes: Buffer, options: object = OPTIONS): Promise<unknown> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer, options as Parameters<typeof wb.xlsx.load>[1]);
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
  return wb.model;
}

/** The workbook model from the checked parts, or its error's message. */
async function viaParts(bytes: Buffer, options: object = OPTIONS): Promise<unknown> {
  const unpacked = await unpackZip(bytes, 'x.xlsx');
  if ('refused' in unpacked) throw new Error(`refused: ${unpacked.refused.code}`);
  const wb = new ExcelJS.Workbook();
  try {
    await loadWorkbookParts(wb, bytes, unpacked.parts, options);
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
  return wb.model;
}

/**
 * What the reader reads of a loaded workbook: each sheet's name, id and state, its merges and its
 * rows with every cell's model (value, type, style and so its number format), bar the comments
 * (a part the reader's load skips).
 */
function cellsOf(wb: ExcelJS.Workbook): unknown {
  return {
    date1904: wb.properties.date1904,
    sheets: wb.worksheets.map((ws) => {
      const model = ws.model as unknown as { merges: unknown; rows: { cells: Record<string, unknown>[] }[] };
      return {
        name: ws.name,
        id: ws.id,
        state: ws.state,
        merges: model.merges,
        rows: model.rows.map((row) => ({ ...row, cells: row.cells.map(({ comment: _comment, ...cell }) => cell) })),
      };
    }),
  };
}

/** The cells of the workbook `xlsx.load` gives and of the one the reader's load gives ('cells'), or the errors' messages. */
async function cellsBothWays(bytes: Buffer): Promise<[unknown, unknown]> {
  const full = new ExcelJS.Workbook();
  const reader = new ExcelJS.Workbook();
  const unpacked = await unpackZip(bytes, 'x.xlsx');
  if ('refused' in unpacked) throw new Error(`refused: ${unpacked.refused.code}`);
  const a = await full.xlsx.load(bytes as unknown as ArrayBuffer, OPTIONS as Parameters<typeof full.xlsx.load>[1]).then(
    () => cellsOf(full),
    (error: Error) => `error: ${error.message}`,
  );
  const b = await loadWorkbookParts(reader, bytes, unpacked.parts, OPTIONS, 'cells', unpacked.entries).then(
    () => cellsOf(reader),
    (error: Error) => `error: ${error.message}`,
  );
  return [a, b];
}

async function expectSameCells(bytes: Buffer, what: string): Promise<void> {
  const [a, b] = await cellsBothWays(bytes);
  expect(typeof b, what).toBe('object');
  expect(isDeepStrictEqual(a, b), what).toBe(true);
}

async function expectSameModel(bytes: Buffer, what: string, options?: object): Promise<void> {
  const a = await viaExceljs(bytes, options);
  const b = await viaParts(bytes, options);
  expect(typeof b, what).toBe('object');
  expect(isDeepStrictEqual(a, b), what).toBe(true);
}

/** A filled answer workbook: deterministic pseudo-random answers of a township or a department. */
async function filledWorkbook(checklist: Checklist, seed: number): Promise<Buffer> {
  let state = seed >>> 0;
  const random = (): number => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const type = random() < 0.5 ? 'township' : 'department';
  const answers: Record<string, unknown> = {};
  for (const { item } of applyingItems(checklist, type)) {
    if (random() < 0.1) continue;
    const note = random() < 0.3 ? `说明 ${seed}-${item.id} <&> "q"` : undefined;
    const kind = kindOf(item);
    if (kind === 'ratio') answers[item.id] = { value: Math.round(random() * 100) / 100, ...(note ? { note } : {}) };
    else if (kind === 'deduct') answers[item.id] = { deductions: Object.fromEntries((item.deductions ?? []).map((d) => [d.id, Math.floor(random() * 3)])) };
    else answers[item.id] = { status: ['pass', 'partial', 'fail', 'na'][Math.floor(random() * 4)], note: note ?? '不涉及' };
  }
  const doc = { schemaVersion: 1, checklist: { id: checklist.id, version: checklist.version }, unit: { name: `单位${seed}`, type }, answers };
  return Buffer.from((await writeWorkbook(checklist, doc as never, seed % 2 ? 'en' : 'zh')).bytes);
}

/** The parts of a zip, in order, as JSZip reads them. */
async function partsOf(bytes: Buffer): Promise<{ name: string; data: Buffer }[]> {
  const zip = await JSZip.loadAsync(bytes);
  const out: { name: string; data: Buffer }[] = [];
  for (const entry of Object.values(zip.files)) if (!entry.dir) out.push({ name: entry.name, data: await entry.async('nodebuffer') });
  return out;
}

describe('loadWorkbookParts', () => {
  it('gives the model exceljs gives, on workbooks saved by LibreOffice and on generated ones', async () => {
    const dir = join(ROOT, 'test', 'fixtures', 'workbooks');
    for (const name of readdirSync(dir)) await expectSameModel(readFileSync(join(dir, name)), name);
    const checklist = (await loadChecklist(builtinFile('county-cyber-2018')!)).checklist!;
    for (let seed = 1; seed <= 12; seed++) await expectSameModel(await filledWorkbook(checklist, seed), `generated ${seed}`);
    // And with every node read (no ignoreNodes), which the reader never asks for.
    await expectSameModel(await filledWorkbook(checklist, 99), 'all nodes', {});
  });

  it('reads the same cells from only the parts cells come from, on saved, re-saved and generated workbooks', async () => {
    const dir = join(ROOT, 'test', 'fixtures', 'workbooks');
    for (const name of readdirSync(dir)) await expectSameCells(readFileSync(join(dir, name)), name);
    const checklist = (await loadChecklist(builtinFile('county-cyber-2018')!)).checklist!;
    for (let seed = 1; seed <= 12; seed++) await expectSameCells(await filledWorkbook(checklist, seed), `generated ${seed}`);
  });

  it('reads the cells whatever the parts it skips hold, and fails as exceljs on a part it reads', async () => {
    const checklist = (await loadChecklist(builtinFile('county-cyber-2018')!)).checklist!;
    const parts = await partsOf(await filledWorkbook(checklist, 5));
    // Document properties exceljs cannot parse: the full load fails, the cells are still read.
    const garbled = makeZip(parts.map((p) => (/^docProps\/core\.xml$/.test(p.name) ? { ...p, data: Buffer.from('<cp:coreProperties></dc:title>') } : p)));
    const [full, cells] = await cellsBothWays(garbled);
    expect(String(full)).toMatch(/^error: /);
    const [, intact] = await cellsBothWays(makeZip(parts));
    expect(cells).toEqual(intact);
    // A worksheet, the workbook or the shared strings it cannot parse: the same error both ways.
    for (const name of ['xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/worksheets/sheet3.xml', 'xl/styles.xml']) {
      const bad = makeZip(parts.map((p) => (p.name === name ? { ...p, data: Buffer.from(p.data.toString('utf8').slice(0, 200)) } : p)));
      const [a, b] = await cellsBothWays(bad);
      expect(String(b), name).toMatch(/^error: /);
      expect(b, name).toEqual(a);
    }
  });

  it('reads the same cells where JSZip would list the parts otherwise than the check: a repeated name, not UTF-8, a folder bit, a tidied name', async () => {
    const checklist = (await loadChecklist(builtinFile('county-cyber-2018')!)).checklist!;
    const parts = await partsOf(await filledWorkbook(checklist, 8));
    await expectSameCells(makeZip(parts), 're-packed');
    const strings = parts.find((p) => p.name === 'xl/sharedStrings.xml')!;
    const other = Buffer.from(strings.data.toString('utf8').replace(/单位8/g, '另一单位'));
    const repeated = makeZip([...parts, { name: strings.name, data: other }]);
    await expectSameCells(repeated, 'repeated name');
    expect(JSON.stringify((await cellsBothWays(repeated))[1])).toContain('另一单位');
    const broken = Buffer.from(strings.data);
    broken[broken.indexOf(Buffer.from('单位8'))] = 0xff;
    await expectSameCells(makeZip(parts.map((p) => (p === strings ? { ...p, data: broken } : p))), 'not UTF-8');
    // A sheet with the DOS folder bit is a folder to JSZip: exceljs never reads it.
    const folder = makeZip(parts.map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { ...p, attributes: 0x10 } : p)));
    await expectSameCells(folder, 'folder bit');
    expect((await cellsBothWays(folder))[1]).not.toEqual((await cellsBothWays(makeZip(parts)))[1]);
    // JSZip lists `xl/./worksheets/sheet1.xml` as `xl/worksheets/sheet1.xml`; a name that is a number comes first.
    await expectSameCells(makeZip(parts.map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { ...p, name: 'xl/./worksheets/sheet1.xml' } : p))), 'dot segment');
    await expectSameCells(makeZip([...parts, { name: '7', data: 'x' }]), 'a number');
  });

  it('agrees on re-packed zips: a repeated name, text that is not UTF-8, a part exceljs cannot parse', async () => {
    const checklist = (await loadChecklist(builtinFile('county-cyber-2018')!)).checklist!;
    const parts = await partsOf(await filledWorkbook(checklist, 7));
    await expectSameModel(makeZip(parts), 're-packed');
    // A name with a leading slash is refused by the check (yauzl takes it for an absolute path) before any load.
    expect('refused' in (await unpackZip(makeZip(parts.map((p) => (p.name === 'xl/styles.xml' ? { ...p, name: '/xl/styles.xml' } : p))), 'x.xlsx'))).toBe(true);
    // A name given twice: JSZip keeps the last one's content at the first one's place.
    const strings = parts.find((p) => p.name === 'xl/sharedStrings.xml')!;
    const other = Buffer.from(strings.data.toString('utf8').replace(/单位7/g, '另一单位'));
    const repeated = makeZip([...parts, { name: strings.name, data: other }]);
    await expectSameModel(repeated, 'repeated name');
    expect(JSON.stringify(await viaParts(repeated))).toContain('另一单位');
    // Bytes that are not UTF-8 in the shared strings (JSZip decodes those itself).
    const broken = Buffer.from(strings.data);
    broken[broken.indexOf(Buffer.from('单位7'))] = 0xff;
    await expectSameModel(makeZip(parts.map((p) => (p === strings ? { ...p, data: broken } : p))), 'not UTF-8');
    // A worksheet exceljs cannot read: the same error.
    const bad = makeZip(parts.map((p) => (p.name === 'xl/workbook.xml' ? { ...p, data: Buffer.from('<workbook><sheets><sheet') } : p)));
    const failed = await viaParts(bad);
    expect(String(failed)).toMatch(/^error: /);
    expect(failed).toEqual(await viaExceljs(bad));
  });
});

// Workbooks re-saved by another office program (LibreOffice Calc, committed under test/fixtures/workbooks/) read as the answers they hold.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { ROOT, runInProcess } from '../helpers/run-cli.js';
import { zipPart } from '../helpers/workbook.js';

const FIXTURES = join(ROOT, 'test/fixtures/workbooks');

const report = async (file: string): Promise<unknown> => {
  const r = await runInProcess(['score', file, '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  const json = JSON.parse(r.stdout) as Record<string, unknown>;
  delete json.generatedAt;
  return json;
};

describe('workbooks re-saved by LibreOffice Calc', () => {
  for (const name of ['township-filled.libreoffice.xlsx', 'township-typed.libreoffice.xlsx']) {
    it(`${name}: the same report as the answer file it was made from`, async () => {
      const file = join(FIXTURES, name);
      // Really written by LibreOffice, not by exceljs.
      expect(zipPart(file, 'docProps/app.xml')).toMatch(/LibreOffice/);
      expect(await report(file)).toEqual(await report(join(ROOT, 'examples/answers/township.yaml')));
    });
  }

  it('township-tasks.libreoffice.xlsx: the tasks of the answer file it was made from, dates as a date, text, a bare serial and 2026年8月31日', async () => {
    const file = join(FIXTURES, 'township-tasks.libreoffice.xlsx');
    expect(zipPart(file, 'docProps/app.xml')).toMatch(/LibreOffice/);
    const strings = zipPart(file, 'xl/sharedStrings.xml');
    for (const typed of ['2026-06-30', '2026/9/12', ' Open ']) expect(strings).toContain(typed);
    // Stored by LibreOffice as rich text, a run per script: the text without the markup.
    expect(strings.replace(/<[^>]+>/g, '')).toContain('2026年8月31日');
    // 2026-10-31 as a bare number, without a date format.
    expect(zipPart(file, 'xl/worksheets/sheet3.xml')).toMatch(/<c r="M\d+"[^>]*t="n"[^>]*><v>46326<\/v>/);
    const as = async (f: string): Promise<unknown> => {
      const r = await runInProcess(['score', f, '--format', 'json', '--as-of', '2026-11-15']);
      expect(r.code, r.stderr).toBe(0);
      const json = JSON.parse(r.stdout) as Record<string, unknown>;
      delete json.generatedAt;
      return json;
    };
    const got = (await as(file)) as { rectification: unknown };
    expect(got.rectification).toEqual({ asOf: '2026-11-15', tasks: 5, open: 3, inProgress: 1, done: 1, overdue: 3 });
    // The example as the unit sent it: a copy away from the office's review beside the original.
    const dir = mkdtempSync(join(tmpdir(), 'wangxin-resaved-'));
    try {
      copyFileSync(join(ROOT, 'examples/loop/2026/township.yaml'), join(dir, 'township.yaml'));
      expect(got).toEqual(await as(join(dir, 'township.yaml')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the format-1 fixtures, written before the rectification columns, are still read (as answers without tasks)', () => {
    for (const name of ['township-filled.libreoffice.xlsx', 'township-typed.libreoffice.xlsx']) {
      const file = join(FIXTURES, name);
      expect(zipPart(file, 'xl/sharedStrings.xml')).not.toContain('整改责任人');
      expect(zipPart(file, 'xl/worksheets/sheet4.xml')).toMatch(/<c r="B1"[^>]*><v>1<\/v>/);
    }
  });

  it('the typed fixture holds the values as typed (text 90%, 3/4, English and spaced labels), not clean numbers', () => {
    const strings = zipPart(join(FIXTURES, 'township-typed.libreoffice.xlsx'), 'xl/sharedStrings.xml');
    for (const typed of ['９０％', '3/4', ' Pass ']) expect(strings).toContain(typed);
  });
});

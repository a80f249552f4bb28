// Workbooks re-saved by another office program (LibreOffice Calc, committed under test/fixtures/workbooks/) read as the answers they hold.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
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

  it('the typed fixture holds the values as typed (text 90%, 3/4, English and spaced labels), not clean numbers', () => {
    const strings = zipPart(join(FIXTURES, 'township-typed.libreoffice.xlsx'), 'xl/sharedStrings.xml');
    for (const typed of ['９０％', '3/4', ' Pass ']) expect(strings).toContain(typed);
  });
});

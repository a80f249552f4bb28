// Regenerates test/fixtures/workbooks/: answer workbooks written by wangxin, edited as people edit them, then re-saved by LibreOffice Calc.
// Needs LibreOffice (`soffice`) and a build (npm run build); CI only reads the committed files.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

const out = 'test/fixtures/workbooks';
const tmp = mkdtempSync(join(tmpdir(), 'wangxin-fixtures-'));
mkdirSync(out, { recursive: true });
const wangxin = (...args) => execFileSync(process.execPath, ['bin/wangxin.js', ...args], { stdio: 'inherit' });

// 1. The example answers as a workbook.
wangxin('convert', 'examples/answers/township.yaml', '--out', join(tmp, 'township-filled.xlsx'));

// 2. The same answers typed the ways people type them: 90% as text, 3/4, full-width digits, a formula, English labels, spaces.
const wb = new ExcelJS.Workbook();
await wb.xlsx.readFile(join(tmp, 'township-filled.xlsx'));
const ws = wb.getWorksheet('自查表');
const rows = new Map();
ws.eachRow((row) => rows.set(String(row.getCell(1).value ?? '').trim(), row));
const answer = 8;
rows.get('A1.3.2').getCell(answer).value = ' ９０％ ';
rows.get('A2.2.2').getCell(answer).value = '3/4';
rows.get('A2.3.2').getCell(answer).value = { formula: '1/2', result: 0.5 };
rows.get('A1.1.3').getCell(answer).value = ' Pass ';
rows.get('A3.3.4').getCell(answer).value = '符合　';
await wb.xlsx.writeFile(join(tmp, 'township-typed.xlsx'));

// LibreOffice re-saves each (a workbook another office program wrote).
for (const name of ['township-filled.xlsx', 'township-typed.xlsx']) {
  mkdirSync(join(tmp, 'lo'), { recursive: true });
  execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${join(tmp, 'profile')}`, '--convert-to', 'xlsx', '--outdir', join(tmp, 'lo'), join(tmp, name)], { stdio: 'inherit' });
  copyFileSync(join(tmp, 'lo', name), join(out, name.replace('.xlsx', '.libreoffice.xlsx')));
}
rmSync(tmp, { recursive: true, force: true });

// Regenerates test/fixtures/workbooks/: answer workbooks written by wangxin, edited as people edit them, then re-saved by LibreOffice Calc.
// township-filled and township-typed were written in workbook format 1 (before the rectification
// columns) and are kept as they are: they show that old workbooks still read. Only
// township-tasks is regenerated unless names are given: node scripts/workbook-fixtures.mjs [NAME.xlsx...]
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

// 3. Answers with rectification tasks (examples/loop/2026/township.yaml), their dates entered the
// ways people enter them: a date typed as text, a date serial whose date format was lost, a date
// typed in Chinese; and a task status typed in English.
wangxin('convert', 'examples/loop/2026/township.yaml', '--out', join(tmp, 'township-tasks.xlsx'));
const tasks = new ExcelJS.Workbook();
await tasks.xlsx.readFile(join(tmp, 'township-tasks.xlsx'));
const ts = tasks.getWorksheet('自查表');
const taskRows = new Map();
ts.eachRow((row) => taskRows.set(String(row.getCell(1).value ?? '').trim(), row));
const [due, status, doneOn] = [13, 14, 15];
taskRows.get('A1.2.2').getCell(due).value = '2026-06-30';
// 2026-10-31 as a bare serial. exceljs shares one style object among cells read alike: this cell
// gets its own before its format is changed, or every date cell would lose it.
const bare = taskRows.get('A3.3.2').getCell(due);
bare.style = { ...bare.style, numFmt: 'General' };
bare.value = 46326;
taskRows.get('A4.1.5').getCell(due).value = '2026年8月31日';
taskRows.get('A4.4.3').getCell(doneOn).value = '2026/9/12';
taskRows.get('A5.2.4').getCell(status).value = ' Open ';
await tasks.xlsx.writeFile(join(tmp, 'township-tasks.xlsx'));

// LibreOffice re-saves each (a workbook another office program wrote).
const wanted = process.argv.length > 2 ? process.argv.slice(2) : ['township-tasks.xlsx'];
for (const name of wanted) {
  mkdirSync(join(tmp, 'lo'), { recursive: true });
  execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${join(tmp, 'profile')}`, '--convert-to', 'xlsx', '--outdir', join(tmp, 'lo'), join(tmp, name)], { stdio: 'inherit' });
  copyFileSync(join(tmp, 'lo', name), join(out, name.replace('.xlsx', '.libreoffice.xlsx')));
}
rmSync(tmp, { recursive: true, force: true });

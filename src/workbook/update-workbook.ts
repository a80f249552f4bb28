// Writes answers back into the workbook they were read from (`evidence` records digests), keeping everything else the unit put in it.
import { writeOutput } from '../fs/write-output.js';
import type { Answers } from '../model/answers.js';
import { exceljs, META_SHEET } from './layout.js';
import { findHeader, idOfCell } from './read-workbook.js';
import { evidenceLine } from './write-workbook.js';

/**
 * Rewrites the evidence cell of every answered item of the workbook `bytes` (already read and
 * checked, so its layout is known good) from `answers`, and saves it to `file` through
 * writeOutput. Cover, styles, the date and any other cell are left as they were.
 */
export async function saveWorkbookEvidence(file: string, bytes: Buffer, answers: Answers): Promise<void> {
  const wb = new (exceljs().Workbook)();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  let itemsSheet = '';
  wb.getWorksheet(META_SHEET)?.eachRow((row) => {
    if (row.getCell(1).value === 'itemsSheet') itemsSheet = String(row.getCell(2).value ?? '');
  });
  const items = wb.getWorksheet(itemsSheet) ?? wb.worksheets.find((ws) => ws.name !== META_SHEET && findHeader(ws) !== undefined);
  const header = items ? findHeader(items) : undefined;
  if (!items || !header || header.columns.evidence === undefined) throw new Error('the workbook has no evidence column');
  items.eachRow((row, n) => {
    if (n <= header.row) return;
    const answer = answers.answers[idOfCell(row.getCell(header.columns.id!).value)];
    if (!answer?.evidence) return;
    row.getCell(header.columns.evidence!).value = answer.evidence.map(evidenceLine).join('\n');
  });
  await writeOutput(file, Buffer.from(await wb.xlsx.writeBuffer()), {});
}

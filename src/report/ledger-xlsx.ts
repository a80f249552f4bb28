// The ledger as an Excel workbook: the counts, every open task (one row each, sortable), tasks by area, done this period, files left out.
import { translate, type MessageKey } from '../i18n/translate.js';
import { createXlsxBook } from './xlsx-book.js';
import type { LedgerTask } from './ledger.js';
import type { LedgerView } from './ledger-format.js';

type Worksheet = import('exceljs').Worksheet;

const OVERDUE_FONT = { color: { argb: 'FFC00000' }, bold: true };

/** Writes the ledger as an .xlsx workbook through `write` (exceljs's streaming writer). */
export async function writeLedgerXlsx(view: LedgerView, write: (part: Uint8Array) => void): Promise<void> {
  const { ledger, lang } = view;
  const t = (key: MessageKey, params?: Record<string, unknown>): string => translate(lang, key, params);
  const book = createXlsxBook(write, view.generatedAt, 'ledger');
  const sheet = (name: string, widths: number[], header?: string[]): Worksheet => book.sheet(name, widths, header);
  const addRow = (ws: Worksheet, values: readonly (string | number | undefined)[], overdue = false): void =>
    book.addRow(ws, values, overdue ? { font: OVERDUE_FONT } : undefined);

  const overview = sheet(t('ledger.md.title'), [24, 16]);
  const c = ledger.counts;
  for (const [label, value] of [
    [t('ledger.xlsx.asOf'), ledger.asOf],
    [t('ledger.xlsx.since'), ledger.since],
    [t('ledger.xlsx.units'), c.units],
    [t('ledger.xlsx.tasks'), c.tasks],
    [t('ledger.xlsx.open'), c.open],
    [t('ledger.xlsx.overdue'), c.overdue],
    [t('ledger.xlsx.doneThisPeriod'), c.doneThisPeriod],
  ] as const) addRow(overview, [label, value]);
  overview.commit();

  const taskRow = (task: LedgerTask): (string | number | undefined)[] => [
    task.unit,
    task.item,
    task.text,
    task.areaTitle,
    task.pointsLost,
    task.measures,
    task.owner,
    task.due,
    t(`ledger.status.${task.status}`),
    task.overdueDays > 0 ? task.overdueDays : undefined,
    task.file,
  ];
  const taskHeader = ['unit', 'item', 'text', 'area', 'points', 'measures', 'owner', 'due', 'status', 'overdue', 'file'].map((k) => t(`ledger.col.${k}` as MessageKey));
  const open = sheet(t('ledger.xlsx.sheet.open'), [18, 9, 40, 24, 8, 36, 14, 12, 10, 10, 30], taskHeader);
  for (const task of ledger.open) addRow(open, taskRow(task), task.overdueDays > 0);
  open.commit();

  const byArea = sheet(t('ledger.md.byArea'), [40, 10, 10], [t('ledger.col.area'), t('ledger.xlsx.open'), t('ledger.xlsx.overdue')]);
  for (const g of ledger.byArea) addRow(byArea, [g.title, g.open, g.overdue]);
  byArea.commit();

  const done = sheet(t('ledger.md.done'), [18, 9, 36, 14, 12, 12, 30], ['unit', 'item', 'measures', 'owner', 'due', 'doneOn', 'file'].map((k) => t(`ledger.col.${k}` as MessageKey)));
  for (const task of ledger.done) addRow(done, [task.unit, task.item, task.measures, task.owner, task.due, task.doneOn, task.file]);
  done.commit();

  if (view.problems.length > 0) {
    const problems = sheet(t('ledger.md.problems'), [36, 60, 24], [t('ledger.col.file'), t('ledger.col.problem'), t('ledger.xlsx.codes')]);
    for (const p of view.problems) addRow(problems, [p.file, p.message, p.codes.join(', ')]);
    problems.commit();
  }
  await book.commit();
}

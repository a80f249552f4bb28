// What writer and reader of answer workbooks agree on: the hidden sheet, the columns, the cover fields, the status labels.
import { translate, type MessageKey } from '../i18n/translate.js';
import { createRequire } from 'node:module';
import type { RectifyStatus, Status } from '../model/answers.js';

// exceljs (and its dozens of dependencies) is required only when a workbook is written or read:
// start-up, and every command on YAML files, never pay for loading it. `require` rather than
// `import()`: the bundle runs inside vm.Script, where import() has no loader.
const requireModule = createRequire(import.meta.url);
let excel: Pick<typeof import('exceljs'), 'Workbook'> | undefined;
/**
 * exceljs's Workbook class, loaded on first use: its own module (the class the package exports as
 * `Workbook`), not the package's entry, which also loads the streaming reader and writer and their
 * zip libraries — half of its load time, paid by every worker of a batch, for what reading and
 * writing an answer workbook never use.
 */
export function exceljs(): Pick<typeof import('exceljs'), 'Workbook'> {
  return (excel ??= { Workbook: requireModule('exceljs/lib/doc/workbook.js') as typeof import('exceljs').Workbook });
}

/**
 * The version of the workbook layout, written into the hidden sheet. 2 added the rectification
 * columns; a workbook of format 1 (written before them) is still read, as answers without tasks.
 */
export const WORKBOOK_FORMAT = 2;

/** The oldest layout still read. */
export const OLDEST_WORKBOOK_FORMAT = 1;

/** The hidden sheet the reader needs (same name in every language). */
export const META_SHEET = 'wangxin';

/** The `kind` the hidden sheet of wangxin's own output workbooks names (an answer workbook names none). */
export const OFFICE_BOOK_KINDS = ['batch-summary', 'ledger'] as const;

/** Whether a file name is an answer workbook by its extension (`.xlsx`, `.xlsm` to be refused). */
export function isWorkbookPath(file: string | Uint8Array): boolean {
  const name = typeof file === 'string' ? file : Buffer.from(file).toString('latin1');
  return /\.xls[xm]$/i.test(name);
}

type Key = MessageKey;

/** The columns of the items sheet, in the order written; the reader finds each by its header. */
export const COLUMNS = ['id', 'text', 'basis', 'guidance', 'expected', 'points', 'kind', 'answer', 'note', 'evidence', 'measures', 'owner', 'due', 'taskStatus', 'doneOn', 'fixEvidence'] as const;
/** A column of the items sheet. */
export type Column = (typeof COLUMNS)[number];
/** The header key of each column. */
export const COLUMN_KEYS: Record<Column, Key> = {
  id: 'wb.head.id',
  text: 'wb.head.text',
  basis: 'wb.head.basis',
  guidance: 'wb.head.guidance',
  expected: 'wb.head.expected',
  points: 'wb.head.points',
  kind: 'wb.head.kind',
  answer: 'wb.head.answer',
  note: 'wb.head.note',
  evidence: 'wb.head.evidence',
  measures: 'wb.head.measures',
  owner: 'wb.head.owner',
  due: 'wb.head.due',
  taskStatus: 'wb.head.taskStatus',
  doneOn: 'wb.head.doneOn',
  fixEvidence: 'wb.head.fixEvidence',
};
/** The columns the reader needs in every format. */
export const READ_COLUMNS: readonly Column[] = ['id', 'answer', 'note', 'evidence'];
/**
 * The rectification task's columns, each with the field of `rectify` it holds, in the answer
 * file's order. The reader needs them from format 2 on.
 */
export const TASK_COLUMNS = [
  { column: 'measures', field: 'measures' },
  { column: 'owner', field: 'owner' },
  { column: 'due', field: 'due' },
  { column: 'taskStatus', field: 'status' },
  { column: 'doneOn', field: 'doneOn' },
  { column: 'fixEvidence', field: 'evidence' },
] as const satisfies readonly { column: Column; field: string }[];

/** The fields of the cover, by where they go in the answer file. */
export const COVER_FIELDS = [
  { path: ['unit', 'name'], key: 'wb.cover.unitName' },
  { path: ['unit', 'type'], key: 'wb.cover.unitType' },
  { path: ['unit', 'code'], key: 'wb.cover.unitCode' },
  { path: ['assessor', 'name'], key: 'wb.cover.assessorName' },
  { path: ['assessor', 'role'], key: 'wb.cover.assessorRole' },
  { path: ['assessor', 'contact'], key: 'wb.cover.assessorContact' },
  { path: ['period'], key: 'wb.cover.period' },
  { path: ['date'], key: 'wb.cover.date' },
] as const satisfies readonly { path: readonly string[]; key: Key }[];

const STATUS_KEYS: Record<Status, Key> = { pass: 'wb.status.pass', partial: 'wb.status.partial', fail: 'wb.status.fail', na: 'wb.status.na' };

/** The label of a status in a language. */
export function statusLabel(status: Status, lang: 'zh' | 'en'): string {
  return translate(lang, STATUS_KEYS[status]);
}

const TASK_STATUS_KEYS: Record<RectifyStatus, Key> = { open: 'wb.task.open', 'in-progress': 'wb.task.in-progress', done: 'wb.task.done' };

/** The label of a rectification status in a language (未开始 / 整改中 / 已完成). */
export function taskStatusLabel(status: RectifyStatus, lang: 'zh' | 'en'): string {
  return translate(lang, TASK_STATUS_KEYS[status]);
}

/** Normalises a label for matching: NFKC (full-width to half-width), spaces removed, lower case. */
export function normalizeLabel(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/**
 * Every spelling of each status that is read: the zh and en labels, the answer-file word, and
 * "not applicable" spelt out (what an English speaker types for the drop-down's `n/a`).
 */
export const STATUS_BY_LABEL: ReadonlyMap<string, Status> = new Map([
  ...(Object.keys(STATUS_KEYS) as Status[]).flatMap((s): [string, Status][] => [
    [normalizeLabel(translate('zh', STATUS_KEYS[s])), s],
    [normalizeLabel(translate('en', STATUS_KEYS[s])), s],
    [s, s],
  ]),
  [normalizeLabel('not applicable'), 'na'],
]);

/** Every spelling of each rectification status that is read: the zh and en labels and the answer-file word. */
export const TASK_STATUS_BY_LABEL: ReadonlyMap<string, RectifyStatus> = new Map(
  (Object.keys(TASK_STATUS_KEYS) as RectifyStatus[]).flatMap((s) => [
    [normalizeLabel(translate('zh', TASK_STATUS_KEYS[s])), s],
    [normalizeLabel(translate('en', TASK_STATUS_KEYS[s])), s],
    [s, s],
  ]),
);

/** Whether a header cell names `column` (in either language, spacing and width ignored). */
export function isHeaderOf(text: string, column: Column | Key): boolean {
  return isLabelOf(normalizeLabel(text), column);
}

// The labels of each header, normalized once: the reader compares every cell of a workbook's first
// rows with every column's, and normalizing both sides each time was most of reading its cells.
const LABELS = new Map<Key, readonly [string, string]>();

/** {@link isHeaderOf} for text already passed through {@link normalizeLabel}. */
export function isLabelOf(label: string, column: Column | Key): boolean {
  const key = (column in COLUMN_KEYS ? COLUMN_KEYS[column as Column] : column) as Key;
  let labels = LABELS.get(key);
  if (!labels) LABELS.set(key, (labels = [normalizeLabel(translate('zh', key)), normalizeLabel(translate('en', key))]));
  return label === labels[0] || label === labels[1];
}

/** The id written in the id column of a deduction's sub-row. */
export function deductionRowId(itemId: string, deductionId: string): string {
  return `${itemId} / ${deductionId}`;
}

/** Evidence with a recorded digest, as one line of the evidence cell. */
export const DIGEST_SEPARATOR = ' | sha256:';

// Reads an answer workbook (.xlsx) into the value an answer file parses to, with a locator from JSON pointer to `Sheet!CELL`.
import { localized, translate } from '../i18n/translate.js';
import type { Cell, CellValue, Workbook, Worksheet } from 'exceljs';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import { readInputSync } from '../fs/read-input.js';
import { joinPointer, type Span } from '../load/locate.js';
import { MAX_FILE_BYTES, readFailureDiagnostic } from '../load/read-text.js';
import type { ParsedYaml } from '../load/parse-yaml.js';
import { isBlankText } from '../model/identity.js';
import { isDay } from '../util/dates.js';
import { unpackZip } from './inspect-zip.js';
import { loadWorkbookParts } from './load-parts.js';
import {
  COLUMNS,
  COVER_FIELDS,
  DIGEST_SEPARATOR,
  META_SHEET,
  OFFICE_BOOK_KINDS,
  OLDEST_WORKBOOK_FORMAT,
  READ_COLUMNS,
  STATUS_BY_LABEL,
  TASK_COLUMNS,
  TASK_STATUS_BY_LABEL,
  WORKBOOK_FORMAT,
  deductionRowId,
  exceljs,
  isHeaderOf,
  isLabelOf,
  normalizeLabel,
  type Column,
} from './layout.js';

/** A read workbook, or why it could not be read at all (missing, a folder, too large: unreadable input). */
export type ReadWorkbook = { ok: true; parsed: ParsedYaml } | { ok: false; diagnostic: Diagnostic };

/** Worksheet parts the reader never needs (merged cells are kept: the cover's labels may be merged). */
const IGNORED_NODES = ['dataValidations', 'sheetProtection', 'pageSetup', 'pageMargins', 'printOptions', 'headerFooter', 'conditionalFormatting', 'hyperlinks', 'rowBreaks', 'colBreaks', 'drawing', 'picture', 'legacyDrawing', 'tableParts', 'extLst', 'autoFilter', 'sheetViews', 'cols'];

/** Where a value came from: a sheet and a 1-based row and column. */
interface Place {
  sheet: string;
  row: number;
  col: number;
}

/**
 * Reads the workbook at `path` (shown as `file`) with the same size limit as any input, refuses
 * it when its zip looks hostile (see inspect-zip.ts) before exceljs opens it, and turns it into
 * what parsing an answer file gives: the plain value and a locator, here to cells. Never throws.
 */
export async function readWorkbookFile(path: string | Buffer, file: string): Promise<ReadWorkbook> {
  // Read at once (a workbook is within the input size limit): an asynchronous read, a few
  // promises per chunk, cost as much as unpacking the zip.
  const read = readInputSync(path, MAX_FILE_BYTES);
  if (!read.ok) return { ok: false, diagnostic: readFailureDiagnostic(read.failure, file) };
  return { ok: true, parsed: await readWorkbookBytes(Buffer.from(read.bytes), file) };
}

/** {@link readWorkbookFile} for bytes already read. */
export async function readWorkbookBytes(bytes: Buffer, file: string): Promise<ParsedYaml> {
  const failed = (d: Diagnostic): ParsedYaml => ({ file, source: '', diagnostics: [d] });
  if (/\.xlsm$/i.test(file)) return failed(createDiagnostic('WORKBOOK_MACROS', file, { entry: '.xlsm' }));
  const inspected = await unpackZip(bytes, file);
  if ('refused' in inspected) return failed(inspected.refused);
  const wb = new (exceljs().Workbook)();
  try {
    // Never evaluates a formula: exceljs keeps each formula's cached result, which is all that is read.
    // Only cell values are read: the rest of each sheet (a data validation per answer cell, the
    // print setup, protection, formatting) is skipped rather than parsed into objects. The parts
    // the check unpacked are handed on, not unpacked again; and only the parts cells are read
    // from are parsed at all (not the theme, the document properties, comments or drawings).
    await loadWorkbookParts(wb, bytes, inspected.parts, { ignoreNodes: IGNORED_NODES }, 'cells', inspected.entries);
  } catch (error) {
    return failed(createDiagnostic('WORKBOOK_UNREADABLE', file, { detail: error instanceof Error ? error.message.split('\n')[0] : String(error) }));
  }
  return readLoaded(wb, file);
}

/** Turns a loaded workbook into the answer file's value. */
function readLoaded(wb: Workbook, file: string): ParsedYaml {
  const diagnostics: Diagnostic[] = [];
  const places = new Map<string, Place>();
  const fail = (code: DiagnosticCode, params: Record<string, unknown>, at?: Place): ParsedYaml => ({
    file,
    source: '',
    diagnostics: [createDiagnostic(code, file, params, at ? spanOf(at) : {})],
  });
  const meta = wb.getWorksheet(META_SHEET);
  if (!meta) return fail('WORKBOOK_NOT_ANSWERS', { sheet: META_SHEET });
  const settings = new Map<string, string>();
  const rows: { kind: 'item' | 'deduction'; item: string; deduction?: string; itemKind?: string }[] = [];
  const metaPlace = new Map<string, Place>();
  meta.eachRow((row, n) => {
    const key = textOf(row.getCell(1).value);
    if (key === 'item' || key === 'deduction') {
      const third = textOf(row.getCell(3).value);
      rows.push({ kind: key, item: textOf(row.getCell(2).value), ...(key === 'deduction' ? { deduction: third } : { itemKind: third }) });
    } else if (key) {
      settings.set(key, textOf(row.getCell(2).value));
      metaPlace.set(key, { sheet: META_SHEET, row: n, col: 2 });
    }
  });
  // One of wangxin's own outputs (a batch summary or a ledger saved among the submissions, say).
  const own = OFFICE_BOOK_KINDS.find((k) => k === settings.get('kind'));
  if (own) return fail('WORKBOOK_OUTPUT', { kind: localized(own === 'ledger' ? 'wb.kind.ledger' : 'wb.kind.batchSummary') });
  const format = /^\d+$/.test(settings.get('format') ?? '') ? Number(settings.get('format')) : undefined;
  if (format !== undefined && format > WORKBOOK_FORMAT) {
    return fail('WORKBOOK_FORMAT_NEWER', { format, oldest: OLDEST_WORKBOOK_FORMAT, newest: WORKBOOK_FORMAT }, metaPlace.get('format'));
  }
  if (format === undefined || format < OLDEST_WORKBOOK_FORMAT) {
    return fail('WORKBOOK_META', { sheet: META_SHEET, detail: `format ${settings.get('format') ?? '—'}` }, metaPlace.get('format'));
  }
  for (const key of ['checklistId', 'checklistVersion', 'unitType']) {
    if (!settings.get(key)) return fail('WORKBOOK_META', { sheet: META_SHEET, detail: key });
  }
  places.set('/checklist/id', metaPlace.get('checklistId')!);
  places.set('/checklist/version', metaPlace.get('checklistVersion')!);
  places.set('/unit/type', metaPlace.get('unitType')!);

  const value: Record<string, unknown> = {
    schemaVersion: 1,
    checklist: { id: settings.get('checklistId'), version: settings.get('checklistVersion') },
  };

  // The cover: each label found anywhere, its value the first filled cell to its right.
  const unit: Record<string, unknown> = { name: '', type: settings.get('unitType') };
  const assessor: Record<string, string> = {};
  const cover = wb.getWorksheet(settings.get('coverSheet') ?? '') ?? findSheet(wb, (ws) => COVER_FIELDS.some((f) => findLabel(ws, f.key) !== undefined));
  if (cover) {
    for (const field of COVER_FIELDS) {
      if (field.path[0] === 'unit' && field.path[1] === 'type') continue;
      const label = findLabel(cover, field.key);
      if (!label) continue;
      const at = valueRightOf(cover, label.row, label.col);
      const text = at ? textOf(at.cell.value).trim() : '';
      const place = at ? at.place : { sheet: cover.name, row: label.row, col: label.col + 1 };
      places.set(joinPointer(field.path), place);
      if (field.path[0] === 'unit') {
        if (text !== '' || field.path[1] === 'name') unit[field.path[1]] = text;
      } else if (field.path[0] === 'assessor') {
        if (text !== '') assessor[field.path[1]] = text;
      } else if (field.path[0] === 'date') {
        // The day the answers were completed: among a unit's submissions the latest counts, so a
        // date typed in any of a spreadsheet's ways is read as one, and anything else is located.
        const raw = at ? plainValue(at.cell.value) : undefined;
        if (raw === undefined) continue;
        const day = dayOf(raw);
        if (day !== undefined) value.date = day;
        else diagnostics.push(createDiagnostic('WORKBOOK_DATE', file, { text }, { ...spanOf(place), pointer: '/date' }));
      } else if (text !== '') {
        value.period = text;
      }
    }
  }
  value.unit = unit;
  // In the cover's words, not the schema's ("unit.name must NOT be shorter than 1 character").
  const namePlace = places.get('/unit/name');
  if (namePlace && isBlankText(String(unit.name))) diagnostics.push(createDiagnostic('WORKBOOK_UNIT_NAME', file, {}, { ...spanOf(namePlace), pointer: '/unit/name' }));
  if (Object.keys(assessor).length > 0) value.assessor = assessor;

  // The items sheet: columns by header, rows by the id column.
  const items = wb.getWorksheet(settings.get('itemsSheet') ?? '') ?? findSheet(wb, (ws) => findHeader(ws) !== undefined);
  const header = items ? findHeader(items) : undefined;
  if (!items || !header) return fail('WORKBOOK_COLUMN_MISSING', { sheet: settings.get('itemsSheet') ?? '—', column: translate('zh', 'wb.head.id') + ' / ' + translate('en', 'wb.head.id') });
  // Format 1 was written before the rectification columns: it has no tasks to read. From format 2
  // on they are needed like the note and evidence columns, so that a task is never dropped unseen.
  const taskColumns = format >= 2 ? TASK_COLUMNS.map((c) => c.column) : [];
  for (const column of [...READ_COLUMNS, ...taskColumns]) {
    if (header.columns[column] === undefined) return fail('WORKBOOK_COLUMN_MISSING', { sheet: items.name, column: `${translate('zh', `wb.head.${column}`)} / ${translate('en', `wb.head.${column}`)}` }, { sheet: items.name, row: header.row, col: 1 });
  }
  const byId = new Map<string, number>();
  const known = new Set(rows.map((r) => (r.kind === 'item' ? r.item : deductionRowId(r.item, r.deduction ?? ''))));
  items.eachRow((row, n) => {
    if (n <= header.row) return;
    const id = normalizeId(textOf(row.getCell(header.columns.id!).value));
    if (!known.has(id)) return;
    const first = byId.get(id);
    if (first !== undefined) {
      const at = { sheet: items.name, row: n, col: header.columns.id! };
      diagnostics.push(createDiagnostic('WORKBOOK_ROW_DUPLICATE', file, { id, other: cellName({ sheet: items.name, row: first, col: header.columns.id! }) }, spanOf(at)));
      return;
    }
    byId.set(id, n);
  });

  const answers: Record<string, Record<string, unknown>> = {};
  // Items with a cell that cannot be read (a status not on the list, a count that is no count): left
  // out of the value, so that the rest is still checked by the schema and rules and every problem
  // of the workbook is shown at once, each once.
  const broken = new Set<string>();
  const cellAt = (rowNumber: number, column: Column): { cell: Cell; place: Place } => ({
    cell: items.getRow(rowNumber).getCell(header.columns[column]!),
    place: { sheet: items.name, row: rowNumber, col: header.columns[column]! },
  });
  for (const r of rows) {
    const rowNumber = byId.get(r.kind === 'item' ? r.item : deductionRowId(r.item, r.deduction ?? ''));
    if (rowNumber === undefined) continue;
    const base = `/answers/${escapePointer(r.item)}`;
    if (r.kind === 'deduction') {
      const { cell, place } = cellAt(rowNumber, 'answer');
      const count = countOf(cell.value);
      if (count === undefined) continue;
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
        diagnostics.push(createDiagnostic('WORKBOOK_COUNT', file, { text: textOf(cell.value).trim() }, { ...spanOf(place), pointer: `${base}/deductions/${escapePointer(r.deduction!)}` }));
        broken.add(r.item);
        continue;
      }
      const answer = (answers[r.item] ??= {});
      const deductions = (answer.deductions ??= {}) as Record<string, unknown>;
      deductions[r.deduction!] = count;
      places.set(`${base}/deductions/${escapePointer(r.deduction!)}`, place);
      if (!places.has(`${base}/deductions`)) places.set(`${base}/deductions`, place);
      continue;
    }
    const answerCell = cellAt(rowNumber, 'answer');
    places.set(base, answerCell.place);
    for (const field of ['status', 'value']) places.set(`${base}/${field}`, answerCell.place);
    const kind = r.itemKind;
    const answer: Record<string, unknown> = {};
    const raw = plainValue(answerCell.cell.value);
    if (raw !== undefined) {
      const read = kind === 'ratio' ? ratioOf(raw) : statusOf(raw);
      if (read.diagnostic) {
        diagnostics.push(createDiagnostic(read.diagnostic.code, file, read.diagnostic.params, { ...spanOf(answerCell.place), pointer: `${base}/${kind === 'ratio' ? 'value' : 'status'}` }));
        broken.add(r.item);
      } else Object.assign(answer, read.answer);
    }
    const note = cellAt(rowNumber, 'note');
    const noteText = textOf(note.cell.value);
    places.set(`${base}/note`, note.place);
    if (!isBlankText(noteText)) answer.note = noteText;
    const evidence = cellAt(rowNumber, 'evidence');
    places.set(`${base}/evidence`, evidence.place);
    const list = linesOf(textOf(evidence.cell.value)).map(evidenceOf);
    if (list.length > 0) answer.evidence = list;
    if (taskColumns.length > 0) {
      const task = readTask((column) => cellAt(rowNumber, column), base, places);
      if (task.diagnostics.length > 0) {
        diagnostics.push(...task.diagnostics.map((d) => createDiagnostic(d.code, file, d.params, { ...spanOf(d.at), pointer: d.pointer })));
        broken.add(r.item);
      } else if (task.rectify) answer.rectify = task.rectify;
    }
    if (Object.keys(answer).length > 0) answers[r.item] = { ...answer, ...answers[r.item] };
  }
  // Field order as in an answer file (status/value/deductions, note, evidence).
  const ordered: Record<string, unknown> = {};
  for (const r of rows) {
    const a = answers[r.item];
    if (r.kind !== 'item' || !a || broken.has(r.item)) continue;
    const out: Record<string, unknown> = {};
    for (const key of ['status', 'value', 'deductions', 'note', 'evidence', 'rectify']) if (a[key] !== undefined) out[key] = a[key];
    ordered[r.item] = out;
  }
  value.answers = ordered;
  places.set('/answers', { sheet: items.name, row: header.row, col: header.columns.answer! });
  return {
    file,
    source: '',
    // With the unreadable cells' items left out: their diagnostics stand for them.
    value,
    locate: (segments) => {
      for (let n = segments.length; n >= 0; n--) {
        const at = places.get(joinPointer(segments.slice(0, n)));
        if (at) return spanOf(at);
      }
      return undefined;
    },
    diagnostics,
  };
}

/** A problem of one task cell, located, before it becomes a diagnostic of the file. */
interface TaskProblem {
  code: DiagnosticCode;
  params: Record<string, unknown>;
  at: Place;
  pointer: string;
}

/**
 * The rectification task of an item's row (no `rectify` when every task cell is blank). Fields are
 * read as the answer file holds them (dates as YYYY-MM-DD, the status as its word) and left to
 * the answer file's schema and rules; only what cannot be put in an answer file's words — a
 * status not on the list, a cell that is no date — is reported here, at its cell. Each field's
 * cell is recorded in `places`; the task itself is placed at its first empty required cell (where
 * a missing field is reported), else its first cell.
 */
function readTask(cellAt: (column: Column) => { cell: Cell; place: Place }, base: string, places: Map<string, Place>): { rectify?: Record<string, unknown>; diagnostics: TaskProblem[] } {
  const rectify: Record<string, unknown> = {};
  const diagnostics: TaskProblem[] = [];
  let missing: Place | undefined;
  for (const { column, field } of TASK_COLUMNS) {
    const { cell, place } = cellAt(column);
    const pointer = `${base}/rectify/${field}`;
    places.set(pointer, place);
    const raw = plainValue(cell.value);
    if (raw === undefined) {
      if (!missing && field !== 'doneOn' && field !== 'evidence') missing = place;
      continue;
    }
    if (field === 'due' || field === 'doneOn') {
      const day = dayOf(raw);
      if (day === undefined) diagnostics.push({ code: 'WORKBOOK_DATE', params: { text: textOf(cell.value).trim() }, at: place, pointer });
      else rectify[field] = day;
    } else if (field === 'status') {
      const status = typeof raw === 'string' ? TASK_STATUS_BY_LABEL.get(normalizeLabel(raw)) : undefined;
      if (status) rectify.status = status;
      else diagnostics.push({ code: 'WORKBOOK_TASK_STATUS', params: { text: textOf(cell.value).trim() }, at: place, pointer });
    } else if (field === 'evidence') {
      const list = linesOf(textOf(cell.value)).map(evidenceOf);
      if (list.length > 0) rectify.evidence = list;
    } else {
      // As typed, spaces and all: a blank measure is the rules' RECTIFY_BLANK, as in an answer file.
      rectify[field] = textOf(cell.value);
    }
  }
  if (Object.keys(rectify).length === 0 && diagnostics.length === 0) return { diagnostics };
  places.set(`${base}/rectify`, missing ?? cellAt(TASK_COLUMNS[0].column).place);
  return { rectify, diagnostics };
}

/** The smallest and largest serial read as a date from a bare number: 1990-01-01 and 2199-12-31, as the cells' validation allows. */
const SERIALS = { min: 32874, max: 109574 };
/** Days between Excel's day 0 (1899-12-30, after its 1900 leap-year bug) and 1970-01-01. */
const EPOCH_SERIAL = 25569;

/**
 * A date cell as `YYYY-MM-DD`, or undefined when it holds no date. Read: a date (what a
 * spreadsheet stores for a typed date: exceljs gives it at midnight UTC), a bare serial number (a
 * date cell whose date format was lost), 20260630, and text `2026-06-30`, `2026/6/30`,
 * `2026.6.30` or `2026年6月30日` (full-width too). A time of day is ignored.
 */
function dayOf(raw: unknown): string | undefined {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? undefined : raw.toISOString().slice(0, 10);
  let text: string;
  if (typeof raw === 'number') {
    if (raw >= SERIALS.min && raw < SERIALS.max + 1) return new Date((Math.floor(raw) - EPOCH_SERIAL) * 86_400_000).toISOString().slice(0, 10);
    text = String(raw);
  } else if (typeof raw === 'string') {
    text = raw.normalize('NFKC').replace(/\s+/g, '');
  } else {
    return undefined;
  }
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!m) return undefined;
  const day = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isDay(day) ? day : undefined;
}

/** The non-blank lines of a cell, trimmed. */
function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

type Read = { answer?: Record<string, unknown>; diagnostic?: { code: DiagnosticCode; params: Record<string, unknown> } };

/**
 * A status cell: a label in either language (spacing and width ignored). Anything else is refused
 * here, in the workbook's own words (the labels of its drop-down), not the answer file's keywords.
 */
function statusOf(raw: unknown): Read {
  const text = raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw).trim();
  const status = typeof raw === 'string' ? STATUS_BY_LABEL.get(normalizeLabel(raw)) : undefined;
  if (status) return { answer: { status } };
  return { diagnostic: { code: 'WORKBOOK_STATUS', params: { text } } };
}

/** A ratio cell: 75%, 0.75, 3/4 (as number or text), or not applicable; a date is a located error with the fix. */
function ratioOf(raw: unknown): Read {
  if (raw instanceof Date) {
    return { diagnostic: { code: 'WORKBOOK_RATIO_DATE', params: { text: `${raw.getUTCMonth() + 1}/${raw.getUTCDate()}` } } };
  }
  if (typeof raw === 'number') return inRange(raw);
  if (typeof raw === 'string') {
    const text = raw.normalize('NFKC').replace(/\s+/g, '');
    const status = STATUS_BY_LABEL.get(normalizeLabel(text));
    if (status === 'na') return { answer: { status: 'na' } };
    let m = /^(\d+(?:\.\d+)?)%$/.exec(text);
    if (m) return { answer: { value: Number(m[1]) / 100 } };
    m = /^(\d+)\/(\d+)$/.exec(text);
    if (m && Number(m[2]) > 0) return { answer: { value: Number(m[1]) / Number(m[2]) } };
    if (/^\d+(\.\d+)?$/.test(text)) return inRange(Number(text));
  }
  return { diagnostic: { code: 'WORKBOOK_RATIO_TEXT', params: { text: String(raw).trim() } } };
}

function inRange(n: number): Read {
  if (n > 1 && n <= 100) return { diagnostic: { code: 'WORKBOOK_RATIO_RANGE', params: { value: n } } };
  if (n < 0 || n > 100) return { diagnostic: { code: 'WORKBOOK_RATIO_TEXT', params: { text: String(n) } } };
  return { answer: { value: n } };
}

/** A deduction count: a number, or digits as text; blank is no count; anything else as typed, for the caller to refuse at its cell. */
function countOf(value: CellValue): unknown {
  const raw = plainValue(value);
  if (raw === undefined) return undefined;
  if (typeof raw === 'string') {
    const text = raw.normalize('NFKC').trim();
    return /^\d+$/.test(text) ? Number(text) : raw.trim();
  }
  return raw;
}

/** One line of the evidence cell: a path or URL, or a path with its recorded digest. */
function evidenceOf(line: string): string | { path: string; sha256: string } {
  const at = line.lastIndexOf(DIGEST_SEPARATOR);
  if (at > 0) {
    const digest = line.slice(at + DIGEST_SEPARATOR.length).trim();
    if (/^[0-9a-f]{64}$/i.test(digest)) return { path: line.slice(0, at).trim(), sha256: digest };
  }
  return line;
}

/**
 * A cell's value as plain data: a formula's cached result (never evaluated), rich text joined, a
 * hyperlink's text; blank text is no value.
 */
function plainValue(value: CellValue): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return plainValue(value.richText.map((r) => r.text).join(''));
  if ('result' in value) return plainValue(value.result as CellValue);
  if ('formula' in value || 'sharedFormula' in value) return undefined;
  if ('text' in value) return plainValue((value as { text: CellValue }).text);
  if ('error' in value) return String(value.error);
  return undefined;
}

/** A cell's value as text ('' when blank); numbers as written. */
function textOf(value: CellValue): string {
  const raw = plainValue(value);
  if (raw === undefined) return '';
  if (raw instanceof Date) return raw.toISOString().slice(0, 10);
  return String(raw);
}

/** The text of an id cell as the hidden sheet writes ids (width and spacing folded). */
export function idOfCell(value: CellValue): string {
  return normalizeId(textOf(value));
}

function normalizeId(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s*\/\s*/, ' / ');
}

function findSheet(wb: Workbook, test: (ws: Worksheet) => boolean): Worksheet | undefined {
  return wb.worksheets.find((ws) => ws.name !== META_SHEET && test(ws));
}

/** Where the header row of the items sheet is, and the column of each header (found in the first rows). */
export function findHeader(ws: Worksheet): { row: number; columns: Partial<Record<Column, number>> } | undefined {
  const last = Math.min(ws.rowCount, 30);
  for (let r = 1; r <= last; r++) {
    const columns: Partial<Record<Column, number>> = {};
    ws.getRow(r).eachCell((cell, c) => {
      const label = normalizeLabel(textOf(cell.value));
      for (const column of COLUMNS) {
        if (columns[column] === undefined && isLabelOf(label, column)) columns[column] = c;
      }
    });
    // The id column makes the header row; a missing answer, note or evidence column is then reported at it.
    if (columns.id !== undefined) return { row: r, columns };
  }
  return undefined;
}

function findLabel(ws: Worksheet, key: Parameters<typeof isHeaderOf>[1]): { row: number; col: number } | undefined {
  const last = Math.min(ws.rowCount, 60);
  for (let r = 1; r <= last; r++) {
    let found: { row: number; col: number } | undefined;
    ws.getRow(r).eachCell((cell, c) => {
      if (!found && isHeaderOf(textOf(cell.value), key)) found = { row: r, col: c };
    });
    if (found) return found;
  }
  return undefined;
}

/** The first cell right of a label that holds something (merged cells around the label are skipped), else the next one. */
function valueRightOf(ws: Worksheet, row: number, col: number): { cell: Cell; place: Place } | undefined {
  const label = ws.getRow(row).getCell(col);
  for (let c = col + 1; c <= col + 4; c++) {
    const cell = ws.getRow(row).getCell(c);
    if (cell.isMerged && cell.master === label.master) continue;
    if (plainValue(cell.value) !== undefined) return { cell: cell.master ?? cell, place: { sheet: ws.name, row, col: c } };
  }
  for (let c = col + 1; c <= col + 4; c++) {
    const cell = ws.getRow(row).getCell(c);
    if (cell.isMerged && cell.master === label.master) continue;
    return { cell, place: { sheet: ws.name, row, col: c } };
  }
  return undefined;
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** `Sheet!I14`, the sheet quoted as spreadsheets quote it when it is not one word. */
export function cellName(at: Place): string {
  const sheet = /^[\p{L}\p{N}_]+$/u.test(at.sheet) ? at.sheet : `'${at.sheet.replace(/'/g, "''")}'`;
  return `${sheet}!${columnLetters(at.col)}${at.row}`;
}

function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function spanOf(at: Place): Span {
  return { line: at.row, column: at.col, endLine: at.row, endColumn: at.col + 1, cell: cellName(at) };
}

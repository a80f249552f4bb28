// Writes an answer workbook (.xlsx): cover, instructions, the items sheet with answer cells, and the hidden sheet that lets it be read back.
import { translate, type MessageKey } from '../i18n/translate.js';
import type { Cell, Worksheet } from 'exceljs';
import { RECTIFY_STATUSES, type Answer, type Answers, type Evidence, type Rectify } from '../model/answers.js';
import { applyingItems, DEFAULT_BONUS, gradesOf, kindOf, listItems, type Checklist, type Item } from '../model/checklist.js';
import { pickText, type Text } from '../model/text.js';
import type { Lang } from '../i18n/lang.js';
import {
  COLUMN_KEYS,
  COLUMNS,
  COVER_FIELDS,
  DIGEST_SEPARATOR,
  META_SHEET,
  TASK_COLUMNS,
  WORKBOOK_FORMAT,
  deductionRowId,
  exceljs,
  statusLabel,
  taskStatusLabel,
  type Column,
} from './layout.js';

/** Row of the items sheet that holds the headers. */
export const HEADER_ROW = 3;

const WIDTHS: Record<Column, number> = {
  id: 12,
  text: 48,
  basis: 24,
  guidance: 30,
  expected: 26,
  points: 8,
  kind: 12,
  answer: 14,
  note: 32,
  evidence: 28,
  measures: 32,
  owner: 14,
  due: 12,
  taskStatus: 10,
  doneOn: 12,
  fixEvidence: 24,
};
/** How dates are shown in the date cells: as the answer file writes them. */
const DATE_FORMAT = 'yyyy-mm-dd';
const FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } } as const;
const HEADING_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } } as const;

/**
 * Builds the answer workbook of `answers.unit` for `checklist`, in `lang`, with whatever
 * `answers` already holds filled in (a blank one has no answers). Returns the bytes of the .xlsx
 * and the number of items in it.
 */
export async function writeWorkbook(checklist: Checklist, answers: Answers, lang: Lang): Promise<{ bytes: Buffer; count: number }> {
  const wb = new (exceljs().Workbook)();
  wb.creator = 'wangxin';
  const t = (key: MessageKey, params?: Record<string, unknown>): string => translate(lang, key, params);
  const pick = (text: Text | undefined): string => pickText(text, lang);
  const title = t('wb.title', { title: pick(checklist.title) });

  const cover = wb.addWorksheet(t('wb.sheet.cover'), { pageSetup: { paperSize: 9, orientation: 'portrait' } });
  const help = wb.addWorksheet(t('wb.sheet.instructions'), { pageSetup: { paperSize: 9, orientation: 'portrait' } });
  const items = wb.addWorksheet(t('wb.sheet.items'), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}` },
  });
  const meta = wb.addWorksheet(META_SHEET);
  meta.state = 'veryHidden';
  const metaRows: unknown[][] = [
    ['format', WORKBOOK_FORMAT],
    ['checklistId', checklist.id],
    ['checklistVersion', checklist.version],
    ['unitType', answers.unit.type],
    ['lang', lang],
    ['coverSheet', cover.name],
    ['itemsSheet', items.name],
  ];

  // The cover: labels in A, the cells to fill in B.
  cover.columns = [{ width: 22 }, { width: 48 }];
  cover.getCell('A1').value = title;
  cover.getCell('A1').font = { bold: true, size: 16 };
  cover.getCell('A2').value = t('wb.cover.checklist', { id: checklist.id, version: checklist.version });
  const typeLabel = checklist.unitTypes.find((u) => u.id === answers.unit.type)?.label;
  const coverValue = (path: readonly string[]): string | undefined => {
    if (path[0] === 'unit' && path[1] === 'type') return typeLabel ? pick(typeLabel) : answers.unit.type;
    let v: unknown = answers;
    for (const p of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
    return typeof v === 'string' ? v : undefined;
  };
  COVER_FIELDS.forEach((field, i) => {
    const row = 4 + i;
    cover.getCell(row, 1).value = t(field.key);
    cover.getCell(row, 1).font = { bold: true };
    const cell = cover.getCell(row, 2);
    setText(cell, coverValue(field.path));
    if (!(field.path[0] === 'unit' && field.path[1] === 'type')) answerCell(cell);
  });
  cover.getCell(4 + COVER_FIELDS.length + 1, 1).value = t('wb.cover.fill');
  await cover.protect('', { selectLockedCells: true, selectUnlockedCells: true });

  // The instructions.
  help.columns = [{ width: 110 }];
  // The checklist's own lowest grade and bonus rules, not the built-in one's words.
  const grades = gradesOf(checklist);
  const bonus = { cap: checklist.scoring?.bonus?.cap ?? DEFAULT_BONUS.cap, minBase: checklist.scoring?.bonus?.minBase ?? DEFAULT_BONUS.minBase };
  const hasBonus = listItems(checklist).some((p) => p.item.bonus === true);
  const lines: [MessageKey, Record<string, unknown>?][] = [
    ['wb.help.title'], ['wb.help.1'], ['wb.help.status'], ['wb.help.ratio'], ['wb.help.deduct'], ['wb.help.na'], ['wb.help.evidence'], ['wb.help.rectify'],
    ['wb.help.score', { lowest: pickText(grades[grades.length - 1].label, lang) }],
    ...(hasBonus ? [['wb.help.bonus', bonus] as [MessageKey, Record<string, unknown>]] : []),
    ['wb.help.send'], ['wb.help.protect'],
  ];
  lines.forEach(([key, params], i) => {
    const cell = help.getCell(i + 1, 1);
    cell.value = t(key, params);
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (i === 0) cell.font = { bold: true, size: 14 };
  });
  await help.protect('', { selectLockedCells: true, selectUnlockedCells: true });

  // The items sheet.
  items.columns = COLUMNS.map((c) => ({ key: c, width: WIDTHS[c] }));
  items.getCell('A1').value = title;
  items.getCell('A1').font = { bold: true, size: 14 };
  COLUMNS.forEach((c, i) => {
    const cell = items.getCell(HEADER_ROW, i + 1);
    cell.value = translate(lang, COLUMN_KEYS[c]);
    cell.font = { bold: true };
    cell.fill = HEADING_FILL;
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  });
  const col = (c: Column): number => COLUMNS.indexOf(c) + 1;
  // Above the task's columns, one heading saying what they are for.
  const firstTask = col(TASK_COLUMNS[0].column);
  items.mergeCells(HEADER_ROW - 1, firstTask, HEADER_ROW - 1, col(TASK_COLUMNS[TASK_COLUMNS.length - 1].column));
  const taskHead = items.getCell(HEADER_ROW - 1, firstTask);
  taskHead.value = t('wb.head.task');
  taskHead.font = { bold: true };
  taskHead.fill = HEADING_FILL;
  taskHead.alignment = { horizontal: 'center', vertical: 'middle' };
  const placed = applyingItems(checklist, answers.unit.type);
  let row = HEADER_ROW + 1;
  let lastArea: string | undefined;
  let lastSection: string | undefined;
  const heading = (text: string, level: number): void => {
    const r = items.getRow(row++);
    r.getCell(1).value = text;
    r.getCell(1).font = { bold: true, size: level === 1 ? 12 : 11 };
    items.mergeCells(r.number, 1, r.number, COLUMNS.length);
    r.getCell(1).fill = HEADING_FILL;
  };
  for (const { item, area, section } of placed) {
    if (area.id !== lastArea) {
      heading(`${area.id}  ${pick(area.title)}`, 1);
      lastArea = area.id;
      lastSection = undefined;
    }
    if (section && section.id !== lastSection) {
      heading(`${section.id}  ${pick(section.title)}`, 2);
      lastSection = section.id;
    }
    const answer = answers.answers[item.id];
    const r = items.getRow(row++);
    const kind = kindOf(item);
    setText(r.getCell(col('id')), item.id);
    setText(r.getCell(col('text')), pick(item.text));
    setText(r.getCell(col('basis')), item.basis ? pick(item.basis) : undefined);
    setText(r.getCell(col('guidance')), item.guidance ? pick(item.guidance) : undefined);
    setText(r.getCell(col('expected')), item.evidence?.map((e) => pick(e)).join('\n'));
    r.getCell(col('points')).value = item.points;
    setText(r.getCell(col('kind')), t(`wb.kind.${kind}`) + (item.veto ? t('wb.kind.veto') : '') + (item.bonus ? t('wb.kind.bonus') : ''));
    const cell = r.getCell(col('answer'));
    answerCell(cell);
    fillAnswer(cell, item, answer, lang);
    answerCell(r.getCell(col('note')));
    setText(r.getCell(col('note')), answer?.note);
    answerCell(r.getCell(col('evidence')));
    setText(r.getCell(col('evidence')), answer?.evidence?.map(evidenceLine).join('\n'));
    fillTask((c) => r.getCell(col(c)), answer?.rectify, lang);
    wrapRow(r);
    metaRows.push(['item', item.id, kind]);
    if (kind === 'deduct') {
      for (const d of item.deductions ?? []) {
        const s = items.getRow(row++);
        setText(s.getCell(col('id')), deductionRowId(item.id, d.id));
        setText(s.getCell(col('text')), pick(d.text));
        setText(s.getCell(col('points')), t('wb.points.each', { points: d.points }));
        setText(s.getCell(col('kind')), t('wb.kind.deduction'));
        const count = s.getCell(col('answer'));
        answerCell(count);
        count.dataValidation = {
          type: 'whole',
          operator: 'greaterThanOrEqual',
          allowBlank: true,
          formulae: [0],
          showErrorMessage: true,
          error: t('wb.validation.count'),
        };
        // `deductions: {}` (nothing deducted) is a 0 on every rule: a blank count would read as unanswered.
        const given = answer?.deductions;
        const n = given ? (given[d.id] ?? (Object.keys(given).length === 0 ? 0 : undefined)) : undefined;
        if (n !== undefined) count.value = n;
        wrapRow(s);
        metaRows.push(['deduction', item.id, d.id]);
      }
    }
  }
  await items.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, autoFilter: true, sort: true });

  for (const r of metaRows) meta.addRow(r);
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  return { bytes, count: placed.length };
}

/** An unlocked, highlighted cell the unit fills in. */
function answerCell(cell: Cell): void {
  cell.protection = { locked: false };
  cell.fill = FILL;
  cell.alignment = { wrapText: true, vertical: 'top' };
}

function wrapRow(row: ReturnType<Worksheet['getRow']>): void {
  let lines = 1;
  row.eachCell({ includeEmpty: false }, (cell) => {
    cell.alignment = { ...cell.alignment, wrapText: true, vertical: 'top' };
    const width = row.worksheet.getColumn(cell.col).width ?? 10;
    if (typeof cell.value === 'string') lines = Math.max(lines, countLines(cell.value, width));
  });
  // LibreOffice (and WPS when printing) keep a written row at its default height, so wrapped text
  // would overlap the rows below: the height is set from the longest cell, at 15 points a line.
  row.height = Math.min(409, 15 * lines);
}

/** How many lines `text` wraps to in a column `width` characters wide (a CJK character is two). */
function countLines(text: string, width: number): number {
  let lines = 0;
  for (const part of text.split('\n')) {
    let units = 0;
    for (const ch of part) units += ch.codePointAt(0)! > 0x2e7f ? 2 : 1;
    lines += Math.max(1, Math.ceil(units / Math.max(1, width - 1)));
  }
  return lines;
}

/**
 * Writes text as a string cell. exceljs never turns a string into a formula, and text that
 * begins with = + - @ is also given the text format, so a spreadsheet that re-evaluates a cell
 * on editing keeps it text.
 */
function setText(cell: Cell, text: string | undefined): void {
  if (text === undefined || text === '') return;
  cell.value = text;
  if (/^[=+\-@]/.test(text)) cell.numFmt = '@';
}

/** The answer cell of an item: its drop-down or validation, and the answer given so far. */
function fillAnswer(cell: Cell, item: Item, answer: Answer | undefined, lang: Lang): void {
  const kind = kindOf(item);
  const na = statusLabel('na', lang);
  if (kind === 'status') {
    const allowed = item.veto ? (['pass', 'fail'] as const) : (['pass', 'partial', 'fail', 'na'] as const);
    cell.dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${allowed.map((s) => statusLabel(s, lang)).join(',')}"`],
      showErrorMessage: true,
      error: translate(lang, 'wb.validation.status'),
    };
    if (answer?.status) cell.value = statusLabel(answer.status, lang);
  } else if (kind === 'ratio') {
    const ref = cell.address;
    cell.numFmt = '0%';
    cell.dataValidation = {
      type: 'custom',
      allowBlank: true,
      formulae: [`OR(AND(ISNUMBER(${ref}),${ref}>=0,${ref}<=1),${ref}="${na}")`],
      showErrorMessage: true,
      error: translate(lang, 'wb.validation.ratio'),
    };
    if (answer?.status === 'na') cell.value = na;
    else if (answer?.value !== undefined) cell.value = answer.value;
  } else {
    cell.dataValidation = { type: 'list', allowBlank: true, formulae: [`"${na}"`], showErrorMessage: true, error: translate(lang, 'wb.validation.status') };
    if (answer?.status === 'na') cell.value = na;
  }
}

/**
 * The rectification cells of an item's row, each unlocked with its drop-down or date validation,
 * and the task given so far. Every item row has them: which items fall short is only known once
 * they are answered.
 */
function fillTask(cellOf: (column: Column) => Cell, plan: Rectify | undefined, lang: Lang): void {
  for (const { column } of TASK_COLUMNS) answerCell(cellOf(column));
  setText(cellOf('measures'), plan?.measures);
  setText(cellOf('owner'), plan?.owner);
  for (const [column, date] of [['due', plan?.due], ['doneOn', plan?.doneOn]] as const) {
    const cell = cellOf(column);
    cell.numFmt = DATE_FORMAT;
    cell.dataValidation = {
      type: 'date',
      operator: 'between',
      allowBlank: true,
      formulae: [new Date(Date.UTC(1990, 0, 1)), new Date(Date.UTC(2199, 11, 31))],
      showErrorMessage: true,
      error: translate(lang, 'wb.validation.date'),
    };
    // A date, not text: the spreadsheet shows its own date picker and sorts by it. Midnight UTC
    // is the whole day exceljs stores as a serial.
    if (date !== undefined) cell.value = new Date(`${date}T00:00:00Z`);
  }
  const status = cellOf('taskStatus');
  status.dataValidation = {
    type: 'list',
    allowBlank: true,
    formulae: [`"${RECTIFY_STATUSES.map((s) => taskStatusLabel(s, lang)).join(',')}"`],
    showErrorMessage: true,
    error: translate(lang, 'wb.validation.status'),
  };
  if (plan) status.value = taskStatusLabel(plan.status, lang);
  setText(cellOf('fixEvidence'), plan?.evidence?.map(evidenceLine).join('\n'));
}

/** One line of the evidence cell. */
export function evidenceLine(e: Evidence): string {
  return typeof e === 'string' ? e : `${e.path}${DIGEST_SEPARATOR}${e.sha256}`;
}

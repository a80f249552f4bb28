// The batch summary as an Excel workbook: every section of the Markdown summary as a sheet, and every unit's open items.
import { itemTextLookup, overstatement, weakestArea, type BatchSummary, type RankedUnit, type OpenItem, type UnitSummary } from '../model/batch.js';
import { formatLocation } from '../diagnostics/render.js';
import type { Lang } from '../i18n/lang.js';
import { translate, type MessageKey } from '../i18n/translate.js';
import { explainReasons, instructionFor } from './batch-reasons.js';
import { countRows, hasReviews, otherFileText, rankingByType, reviewNotes, scoreHeadings, weakestUnitsText } from './batch-view.js';
import { createXlsxBook, type CellValue, type XlsxBook } from './xlsx-book.js';

type Worksheet = import('exceljs').Worksheet;

/** What the workbook formatter needs besides the summary. */
export interface BatchXlsxContext {
  lang: Lang;
  /** Each valid file's open items, by the file as the summary names it (`--format xlsx` keeps them). */
  openItems: ReadonlyMap<string, readonly OpenItem[]>;
}

/** Area scores are coloured from red (lowest of the column) through yellow to green (highest). */
const COLOUR_SCALE = [{ argb: 'FFF8696B' }, { argb: 'FFFFEB84' }, { argb: 'FF63BE7B' }];
/** Each unit's weakest area, as the HTML summary marks it. */
const WEAKEST_FONT = { bold: true, underline: true };
const FAILED_FONT = { bold: true, color: { argb: 'FFC00000' } };
const SCORE = '0.0';
const NUMBER = '0.##';

/** The text of a translate function's key, with parameters. */
type T = (key: MessageKey, params?: Record<string, unknown>) => string;

/**
 * Writes the summary as an .xlsx workbook, part by part through `write` (exceljs's streaming
 * writer: each sheet's rows are let go once written, so a national batch's open items are never
 * held as cells). The sheets follow the Markdown summary's sections, from the same summary and
 * the same words (reasons, instructions, findings); a section that is empty there (no roster, no
 * baseline, no duplicates …) has no sheet here.
 */
export async function writeBatchXlsx(summary: BatchSummary, ctx: BatchXlsxContext, write: (part: Uint8Array) => void): Promise<void> {
  const { lang } = ctx;
  const w: Writer = {
    summary,
    lang,
    book: createXlsxBook(write, summary.generatedAt, 'batch-summary'),
    t: (key, params) => translate(lang, key, params),
    o: (key, params) => translate(lang, key, params),
  };
  writeOverview(w);
  if (summary.roster) writeRoster(w, summary.roster);
  writeRanking(w);
  writeTypeRankings(w);
  writeAreas(w);
  if (summary.baseline) writeBaseline(w, summary.baseline);
  writeDistribution(w);
  writeFindings(w);
  writeInvalid(w);
  writeEvidence(w);
  writeDuplicates(w);
  writeOtherFiles(w);
  writeOpenItems(w, ctx.openItems);
  await w.book.commit();
}

/** What each sheet's writer shares. */
interface Writer {
  summary: BatchSummary;
  lang: Lang;
  book: XlsxBook;
  t: T;
  o: T;
}

/** Adds a row (numbers formatted by column index). */
function add(w: Writer, ws: Worksheet, values: readonly CellValue[], numFmt?: Record<number, string>): void {
  w.book.addRow(ws, values, { numFmt });
}

/** The filter over a table whose header is row 1, when it has rows. */
function filter(ws: Worksheet, rows: number, columns: number): void {
  if (rows > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows + 1, column: columns } };
}

/** What was run, the counts, and the rectification tasks. */
function writeOverview(w: Writer): void {
  const { summary, t, o } = w;
  const ws = w.book.sheet(o('xlsx.sheet.overview'), [30, 40]);
  w.book.addRow(ws, [o('xlsx.title')], { font: { bold: true, size: 14 } });
  add(w, ws, [o('xlsx.generated'), summary.generatedAt]);
  add(w, ws, [o('xlsx.failUnder'), summary.policy.failUnder ?? o('xlsx.none')]);
  add(w, ws, [o('xlsx.incomplete'), t(summary.policy.allowIncomplete ? 'md.policy.allowed' : 'md.policy.notAllowed')]);
  for (const [label, n] of countRows(summary, w.lang)) add(w, ws, [label, n]);
  const r = summary.rectification;
  if (r) {
    const l = (key: MessageKey): string => translate(w.lang, key);
    add(w, ws, []);
    w.book.addHeading(ws, o('xlsx.rectification'));
    add(w, ws, [l('ledger.xlsx.asOf'), r.asOf]);
    add(w, ws, [l('ledger.xlsx.since'), r.since]);
    add(w, ws, [l('ledger.xlsx.units'), r.units]);
    add(w, ws, [l('ledger.xlsx.tasks'), r.tasks]);
    add(w, ws, [l('ledger.xlsx.open'), r.open]);
    add(w, ws, [l('ledger.xlsx.overdue'), r.overdue]);
    add(w, ws, [l('ledger.xlsx.doneThisPeriod'), r.doneThisPeriod]);
  }
  ws.commit();
}

/** `--roster`: the counts, the units missing, the submissions from units not on the roster. */
function writeRoster(w: Writer, r: NonNullable<BatchSummary['roster']>): void {
  const { t, o, book } = w;
  const ws = book.sheet(o('xlsx.sheet.roster'), [34, 18, 60]);
  add(w, ws, [t('md.roster.counts', { file: r.file, expected: r.expected, submitted: r.submitted, missing: r.missing.length, extra: r.notOnRoster.length })]);
  add(w, ws, []);
  book.addHeading(ws, `${t('md.roster.missing')} (${r.missing.length})`);
  if (r.missing.length === 0) add(w, ws, [t('md.none')]);
  else {
    add(w, ws, [t(w.summary.policy.allowMissing ? 'md.roster.missingAllowed' : 'md.roster.missingNote')]);
    book.addHeader(ws, [t('md.col.unit'), t('md.col.type')]);
    for (const u of r.missing) add(w, ws, [u.name, u.typeLabel]);
  }
  add(w, ws, []);
  book.addHeading(ws, `${t('md.roster.extra')} (${r.notOnRoster.length})`);
  if (r.notOnRoster.length === 0) add(w, ws, [t('md.none')]);
  else {
    book.addHeader(ws, [t('md.col.unit'), t('md.col.type'), t('md.col.file')]);
    for (const u of r.notOnRoster) add(w, ws, [u.name, u.typeLabel, u.file]);
  }
  ws.commit();
}

/** Self minus verified as a signed number. */
const DIFFERENCE = '+0.0;-0.0;0.0';

/** A ranked unit's self-assessed score and self minus verified, as numbers; empty cells for a unit not reviewed; nothing without reviews. */
function reviewCells(s: UnitSummary, reviews: boolean): (number | null)[] {
  if (!reviews) return [];
  return s.review ? [s.review.selfScore, overstatement(s)!] : [null, null];
}

/** The overall ranking, verdict first, with the rank in the unit's type, the change since the baseline and every failing unit's reasons. */
function writeRanking(w: Writer): void {
  const { summary, t, o } = w;
  const baseline = summary.baseline !== undefined;
  // With reviews: the verified score, then the self-assessed one and the difference (numbers, to sort and filter).
  const reviews = hasReviews(summary);
  const extra = reviews ? 2 : 0;
  const head = (keys: string[]): string[] => keys.map((k) => t(k as MessageKey));
  const header = [
    ...head(['md.col.rank', 'md.col.typeRank', 'md.col.unit', 'md.col.type']),
    ...scoreHeadings(summary, w.lang),
    ...head([...(baseline ? ['md.col.change'] : []), 'md.col.grade', 'md.col.veto', 'md.col.complete', 'md.col.result']),
    o('xlsx.col.reasons'),
    t('md.col.file'),
  ];
  const ws = w.book.sheet(o('xlsx.sheet.ranking'), [7, 8, 30, 14, 9, ...(reviews ? [10, 10] : []), ...(baseline ? [10] : []), 10, 7, 7, 10, 50, 40], header, 34);
  const yes = t('md.yes');
  const no = t('md.no');
  const duplicateMark = t('md.duplicateMark');
  const reasonContext = { lang: w.lang, failUnder: summary.policy.failUnder, maxOverstatement: summary.policy.maxOverstatement, itemText: itemTextLookup(summary) };
  const joiner = t('why.and');
  // The change is a number (sortable) whose format shows a better or worse grade as Markdown does.
  const changeFormat = (b: NonNullable<RankedUnit['baseline']>): string => {
    const arrow = b.gradeChange === 'up' ? '" ↑"' : b.gradeChange === 'down' ? '" ↓"' : '';
    return `+0.0${arrow};-0.0${arrow};0.0${arrow}`;
  };
  const result = (baseline ? 9 : 8) + extra;
  for (const r of summary.ranking) {
    const f = summary.files[r.index];
    const s = f.summary!;
    const change = baseline ? [r.baseline ? r.baseline.delta : t('md.change.new')] : [];
    const numFmt: Record<number, string> = reviews ? { 4: SCORE, 5: SCORE, 6: DIFFERENCE } : { 4: SCORE };
    if (r.baseline) numFmt[5 + extra] = changeFormat(r.baseline);
    w.book.addRow(
      ws,
      [
        r.rank,
        r.typeRank,
        s.unit.name + (f.duplicate ? duplicateMark : ''),
        s.unit.typeLabel || s.unit.type,
        s.score,
        ...reviewCells(s, reviews),
        ...change,
        s.grade.label,
        s.vetoed ? yes : no,
        s.complete ? yes : no,
        f.failed ? t('md.failed') : t('md.passed'),
        explainReasons(f, reasonContext).join(joiner),
        f.file,
      ],
      { numFmt, fonts: f.failed ? { [result]: FAILED_FONT } : undefined },
    );
  }
  filter(ws, summary.ranking.length, header.length);
  if (summary.ranking.length === 0) add(w, ws, [t('md.noUnits')]);
  if (reviews) {
    add(w, ws, []);
    for (const line of reviewNotes(summary, w.lang)) add(w, ws, [line]);
  }
  if (baseline) {
    add(w, ws, []);
    add(w, ws, [t('md.change.note', { dir: summary.baseline!.dir })]);
  }
  ws.commit();
}

/** One ranking per unit type (townships with townships), each under its heading. */
function writeTypeRankings(w: Writer): void {
  const { summary, t, o, book } = w;
  const reviews = hasReviews(summary);
  const extra = reviews ? 2 : 0;
  const ws = book.sheet(o('xlsx.sheet.typeRanking'), [12, 30, 9, ...(reviews ? [10, 10] : []), 10, 10]);
  add(w, ws, [t('md.typeRanking.note')]);
  for (const group of rankingByType(summary)) {
    add(w, ws, []);
    book.addHeading(ws, `${group.label} (${group.ranked.length})`);
    book.addHeader(ws, [t('md.col.typeRank'), t('md.col.unit'), ...scoreHeadings(summary, w.lang), t('md.col.grade'), t('md.col.result')]);
    for (const r of group.ranked) {
      const f = summary.files[r.index];
      const s = f.summary!;
      book.addRow(ws, [r.typeRank, s.unit.name, s.score, ...reviewCells(s, reviews), s.grade.label, f.failed ? t('md.failed') : t('md.passed')], {
        numFmt: reviews ? { 2: SCORE, 3: SCORE, 4: DIFFERENCE } : { 2: SCORE },
        fonts: f.failed ? { [4 + extra]: FAILED_FONT } : undefined,
      });
    }
  }
  if (summary.ranking.length === 0) add(w, ws, [t('md.noUnits')]);
  ws.commit();
}

/** Units × areas, one colour scale per area column, each unit's weakest area marked and named. */
function writeAreas(w: Writer): void {
  const { summary, t, o } = w;
  const areas = summary.areas;
  const ws = w.book.sheet(
    o('xlsx.sheet.areas'),
    [7, 36, 9, ...areas.map(() => 16), 12],
    [t('md.col.rank'), t('md.col.unit'), t('md.col.score'), ...areas.map((a) => `${a.id} ${a.title}`), o('xlsx.col.weakestArea')],
    64,
  );
  const numFmt: Record<number, string> = { 2: SCORE };
  areas.forEach((_, i) => (numFmt[3 + i] = SCORE));
  for (const r of summary.ranking) {
    const s = summary.files[r.index].summary!;
    const weakest = weakestArea(s);
    const fonts: Record<number, typeof WEAKEST_FONT> = {};
    const cells = areas.map((area, i) => {
      // A unit's areas are normally in the same checklist order as the columns: try that first.
      const at = s.areaIds[i] === area.id ? i : s.areaIds.indexOf(area.id);
      if (at === -1) return o('xlsx.notApplicable');
      if (area.id === weakest) fonts[3 + i] = WEAKEST_FONT;
      return s.areaScores[at] ?? '—';
    });
    w.book.addRow(ws, [r.rank, s.unit.name, s.score, ...cells, weakest ?? ''], { numFmt, fonts });
  }
  const last = summary.ranking.length + 1;
  if (summary.ranking.length > 0) {
    areas.forEach((_, i) => {
      const column = columnName(4 + i);
      ws.addConditionalFormatting({
        ref: `${column}2:${column}${last}`,
        rules: [{ type: 'colorScale', priority: i + 1, cfvo: [{ type: 'min' }, { type: 'percentile', value: 50 }, { type: 'max' }], color: COLOUR_SCALE }],
      });
    });
  }
  add(w, ws, []);
  add(w, ws, [o('xlsx.areas.note')]);
  ws.commit();
}

/** `--baseline`: the counts, the biggest rises and falls, the units missing now, and the follow-up item by item per unit. */
function writeBaseline(w: Writer, b: NonNullable<BatchSummary['baseline']>): void {
  const { summary, t, o, book } = w;
  const c: T = (key, params) => translate(w.lang, key, params);
  const ws = book.sheet(o('xlsx.sheet.baseline'), [34, 16, 12, 12, 12, 40]);
  add(w, ws, [t('md.baseline.counts', { dir: b.dir, matched: b.matched, newUnits: b.newUnits, missing: b.missingUnits.length })]);
  const changes = (title: string, list: typeof b.improvements): void => {
    add(w, ws, []);
    book.addHeading(ws, title);
    if (list.length === 0) return add(w, ws, [t('md.none')]);
    book.addHeader(ws, [t('md.col.unit'), t('md.col.type'), t('md.col.baselineScore'), t('md.col.score'), t('md.col.change')]);
    for (const x of list) add(w, ws, [x.name, x.typeLabel || x.type, x.baselineScore, x.score, x.delta], { 2: SCORE, 3: SCORE, 4: '+0.0;-0.0;0.0' });
  };
  changes(t('md.baseline.improved'), b.improvements);
  changes(t('md.baseline.declined'), b.declines);
  add(w, ws, []);
  book.addHeading(ws, `${t('md.baseline.missing')} (${b.missingUnits.length})`);
  if (b.missingUnits.length === 0) add(w, ws, [t('md.none')]);
  else {
    book.addHeader(ws, [t('md.col.unit'), t('md.col.type'), t('md.col.baselineFile')]);
    for (const u of b.missingUnits) add(w, ws, [u.name, u.typeLabel || u.type, u.file]);
  }

  const f = b.followUp;
  add(w, ws, []);
  book.addHeading(ws, c('compare.md.followUp'));
  add(w, ws, [c('batch.followUp.summary', { ...f, ...f.tasks, total: f.tasks.total })]);
  const rows = summary.ranking.filter((r) => r.baseline?.followUp);
  if (rows.length === 0) add(w, ws, [c('compare.md.none')]);
  else {
    book.addHeader(ws, [c('batch.followUp.col.unit'), c('batch.followUp.col.fixed'), c('batch.followUp.col.new'), c('batch.followUp.col.repeat'), o('xlsx.col.repeatItems'), c('batch.followUp.col.tasks')]);
    for (const r of rows) {
      const u = r.baseline!.followUp!;
      const tasks = u.tasks.total === 0 ? '—' : c('batch.followUp.tasks', { ...u.tasks });
      add(w, ws, [summary.files[r.index].summary!.unit.name, u.fixed.length, u.newlyFailing.length, u.stillFailing.length, u.stillFailing.join(', '), tasks]);
    }
  }
  ws.commit();
}

/** By grade, then by unit type with the average and how many of its units are in each grade. */
function writeDistribution(w: Writer): void {
  const { summary, t, o, book } = w;
  const ws = book.sheet(o('xlsx.sheet.distribution'), [22, 10, 10, ...summary.byGrade.map(() => 10)]);
  book.addHeading(ws, o('xlsx.byGrade'));
  book.addHeader(ws, [t('md.col.grade'), t('md.col.count')]);
  for (const g of summary.byGrade) add(w, ws, [g.label, g.count]);
  add(w, ws, []);
  book.addHeading(ws, o('xlsx.byType'));
  book.addHeader(ws, [t('md.col.type'), t('md.col.count'), t('md.col.average'), ...summary.byGrade.map((g) => g.label)]);
  for (const g of summary.byType) add(w, ws, [g.label || g.type, g.count, g.averageScore ?? '—', ...g.byGrade], { 2: SCORE });
  ws.commit();
}

/** County-wide: per area the average, spread and weakest units; per item how often it is not met, by points lost (filterable). */
function writeFindings(w: Writer): void {
  const { summary, t, o } = w;
  const areas = w.book.sheet(o('xlsx.sheet.findingsAreas'), [30, 9, 9, 9, 9, 50], [t('md.col.area'), t('md.col.units'), t('md.col.average'), t('md.col.min'), t('md.col.max'), t('md.col.weakest')]);
  for (const a of summary.findings.areas) {
    add(w, areas, [`${a.id} ${a.title}`, a.units, a.average ?? '—', a.min ?? '—', a.max ?? '—', weakestUnitsText(a, (x) => x, w.lang)], { 2: SCORE, 3: SCORE, 4: SCORE });
  }
  add(w, areas, []);
  add(w, areas, [t('md.findings.areas.note')]);
  areas.commit();

  const items = summary.findings.items;
  const header = [t('md.col.item'), o('xlsx.col.area'), t('md.col.text'), t('md.col.failed'), t('md.col.partial'), t('md.col.unanswered'), t('md.col.applying'), t('md.col.lost')];
  const ws = w.book.sheet(o('xlsx.sheet.findingsItems'), [12, 8, 60, 9, 9, 9, 9, 10], header, 34);
  for (const i of items) add(w, ws, [i.id, i.area, i.text, i.failed, i.partial, i.unanswered, i.applying, i.lost], { 7: NUMBER });
  filter(ws, items.length, header.length);
  add(w, ws, []);
  if (items.length === 0) add(w, ws, [t(summary.findings.checklist ? 'md.findings.items.none' : 'md.findings.items.unknown')]);
  else add(w, ws, [t('md.findings.items.note')]);
  ws.commit();
}

/** Invalid files, when there are any: a row per kept diagnostic, and on each file's first row what to tell the unit. */
function writeInvalid(w: Writer): void {
  const { summary, t, o, lang } = w;
  // No sheet when every file is valid, as the Markdown has no section then.
  if (summary.files.every((f) => f.status === 'valid')) return;
  const header = [t('md.col.file'), o('xlsx.col.status'), o('xlsx.col.errors'), o('xlsx.col.location'), o('xlsx.col.code'), o('xlsx.col.message'), t('md.col.instruction')];
  const ws = w.book.sheet(o('xlsx.sheet.invalid'), [40, 12, 8, 44, 22, 70, 70], header);
  let rows = 0;
  for (const f of summary.files) {
    if (f.status === 'valid') continue;
    const status = o(f.status === 'unreadable' ? 'xlsx.fileStatus.unreadable' : 'xlsx.fileStatus.invalid');
    const shown = f.errors.length > 0 ? f.errors : [undefined];
    shown.forEach((d, i) => {
      add(w, ws, [f.file, status, f.errorCount, d ? formatLocation(d) : '', d?.code ?? '', d ? d.message[lang] : '', i === 0 ? instructionFor(f, lang) : '']);
      rows++;
    });
  }
  filter(ws, rows, header.length);
  ws.commit();
}

/** `--verify-evidence`: a row per piece of evidence missing, changed or outside the submission. */
function writeEvidence(w: Writer): void {
  const { summary, t, o, lang } = w;
  const found = summary.files.flatMap((f) => (f.evidence ?? []).map((e) => ({ f, e })));
  if (found.length === 0) return;
  const header = [t('md.col.file'), translate(lang, 'verify.col.item'), translate(lang, 'verify.col.path'), translate(lang, 'verify.col.problem')];
  const ws = w.book.sheet(o('xlsx.sheet.evidence'), [40, 12, 40, 40], header);
  for (const { f, e } of found) add(w, ws, [f.file, e.item, e.path, translate(lang, `verify.${e.problem}`)]);
  filter(ws, found.length, header.length);
  ws.commit();
}

/** Units submitted more than once: a row per superseded file, with the one that counts. */
function writeDuplicates(w: Writer): void {
  const { summary, t, o } = w;
  if (summary.duplicates.length === 0) return;
  const header = [t('md.col.unit'), t('md.col.type'), t('md.col.kept'), o('xlsx.col.keptDate'), t('md.col.superseded'), o('xlsx.col.supersededDate')];
  const ws = w.book.sheet(o('xlsx.sheet.duplicates'), [30, 14, 40, 12, 40, 12], header);
  let rows = 0;
  for (const d of summary.duplicates) {
    for (const x of d.superseded) {
      add(w, ws, [d.name, d.typeLabel, d.kept, d.date ?? '', x.file, x.date ?? '']);
      rows++;
    }
  }
  filter(ws, rows, header.length);
  add(w, ws, []);
  add(w, ws, [t(summary.policy.allowDuplicates ? 'md.duplicates.allowed' : 'md.duplicates.note')]);
  ws.commit();
}

/** Files among the submissions that are not answer files (checklists, reviews, rosters): listed, not scored. */
function writeOtherFiles(w: Writer): void {
  const { summary, t, o } = w;
  if (summary.otherFiles.length === 0) return;
  const ws = w.book.sheet(o('xlsx.sheet.other'), [50, 40], [t('md.col.file'), t('md.col.kind')]);
  for (const x of summary.otherFiles) add(w, ws, [x.file, otherFileText(x, (text: string) => text, w.lang)]);
  add(w, ws, []);
  add(w, ws, [t('md.other.note')]);
  ws.commit();
}

/** Every unit's open items, filterable. */
function writeOpenItems(w: Writer, openItems: ReadonlyMap<string, readonly OpenItem[]>): void {
  const { summary, t, o, lang } = w;
  const header = [t('md.col.unit'), t('md.col.type'), o('xlsx.col.area'), o('xlsx.col.item'), o('xlsx.col.itemText'), o('xlsx.col.itemStatus'), o('xlsx.col.lost'), o('xlsx.col.note'), t('md.col.file')];
  const ws = w.book.sheet(o('xlsx.sheet.open'), [30, 14, 10, 12, 60, 12, 9, 50, 40], header);
  let rows = 0;
  for (const r of summary.ranking) {
    const f = summary.files[r.index];
    const s = f.summary!;
    for (const item of openItems.get(f.file) ?? []) {
      add(w, ws, [s.unit.name, s.unit.typeLabel || s.unit.type, item.area, item.id, item.text, translate(lang, `status.${item.status}`), item.lost, item.note ?? '', f.file], { 6: NUMBER });
      rows++;
    }
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows + 1, column: header.length } };
  ws.commit();
}

/** A 1-based column number as its letters (1 → A, 27 → AA). */
function columnName(n: number): string {
  let out = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) out = String.fromCharCode(65 + ((x - 1) % 26)) + out;
  return out;
}

// The JSON report of one unit as UTF-8 bytes, written straight from the score: what batch sends and writes for every unit.
import { escapeJsonText, quoteJsonText } from '../util/safe-text.js';
import type { Answers, Evidence } from '../model/answers.js';
import { DEFAULT_BONUS, gradesOf, kindOf, listItems, type Checklist } from '../model/checklist.js';
import type { ItemScore, ScoreResult } from '../model/score-result.js';
import type { ReportReview } from '../model/report.js';
import { pickText } from '../model/text.js';
import { type Lang } from '../i18n/lang.js';
import { rankGains } from '../score/gains.js';
import { formatRounded } from '../score/round.js';
import { partialCreditOf, SCORE_EPSILON } from '../score/score.js';
import { asOfDay, type BuildReportOptions } from './json-report.js';
import { countRectify, reportRectify } from '../score/rectify.js';
import { readToolVersion } from './tool-version.js';

// The numbers as buildReport rounds them (roundHalfAway) and JSON.stringify then writes them.
const r2 = (x: number): string => formatRounded(x, 2);
const r4 = (x: number): string => formatRounded(x, 4);

/**
 * The report of `buildReport` (json-report.ts) as the UTF-8 bytes of its JSON: byte for byte
 * `Buffer.from(escapeJsonText(JSON.stringify(buildReport(…))))`, as a view of a buffer that other
 * reports of the thread share (see Output): to hand it to another thread, copy it.
 *
 * A batch writes a full report for every unit, and building the object, stringifying it and
 * encoding the text cost more than reading, validating and scoring the file. Here everything the
 * checklist decides (ids, titles, texts, labels, and for a status item its whole entry up to the
 * note) is encoded once per checklist and language and copied; only what the unit wrote (its
 * name, notes, evidence, ratios, deductions) and the numbers are encoded each time. The fields,
 * their order and their rounding are buildReport's: a differential test holds the two together.
 * Only the unit's own texts can hold a character escapeJsonText changes: each is escaped on its
 * own, and the numbers around them are copied as they are.
 */
export function reportBytes(result: ScoreResult, checklist: Checklist, answers: Answers, options: BuildReportOptions, review?: ReportReview): Uint8Array {
  const parts = partsOf(checklist, options.lang);
  const out = new Output();
  const generatedAt = writeHead(out, parts, result, answers, options);
  let asOf: string | undefined;
  out.bytes(ITEMS_OPEN);
  let at = 0;
  for (let i = 0; i < result.items.length; i++) {
    const s = result.items[i];
    // The entries are in checklist order, as the parts are: look ahead from the last one.
    while (at < parts.items.length && parts.items[at].id !== s.id) at++;
    const part = at < parts.items.length ? parts.items[at] : parts.byId.get(s.id);
    if (!part) throw new Error(`item ${s.id} is not in checklist ${checklist.id}`);
    if (i > 0) out.byte(COMMA);
    const known = s.value === undefined && s.deductions === undefined ? part.byStatus[s.status] : undefined;
    const bare = s.rectify === undefined && s.note === undefined && s.evidence.length === 0;
    if (known && known.earned === s.earned && known.max === s.max && known.counted === s.counted) {
      // The most common entry of all, a status item without a note or evidence, is one copy.
      if (bare) {
        out.bytes(known.bare);
        continue;
      }
      out.bytes(known.bytes);
    } else {
      out.bytes(part.head);
      out.ascii(`"${s.status}","earned":${r2(s.earned)},"max":${r2(s.max)},"counted":${s.counted},"veto":${s.veto},"bonus":${s.bonus}`);
      if (s.value !== undefined) out.text(`,"value":${JSON.stringify(s.value)}`);
      if (s.deductions !== undefined) writeDeductions(out, s, part);
      if (bare) {
        out.bytes(NO_EVIDENCE);
        continue;
      }
    }
    // What the unit wrote, as one text: each encoding is a call into the runtime, and a report
    // has dozens of notes.
    let tail = s.note !== undefined ? `,"note":${quoteJsonText(s.note)},"evidence":` : ',"evidence":';
    tail += s.evidence.length === 0 ? '[]' : evidenceJson(s.evidence);
    if (s.rectify !== undefined) {
      asOf ??= asOfDay(options, generatedAt);
      // Every output's JSON writes bidi, zero-width and C1 controls as escapes (see escapeJsonText).
      tail += escapeJsonText(`,"rectify":${JSON.stringify(reportRectify(s.rectify, asOf))}`);
    }
    out.escaped(tail + '}');
  }
  out.bytes(IMPROVEMENTS_OPEN);
  const gains = rankGains(checklist, result);
  // As one text, encoded once (each encoding is a call into the runtime).
  let list = '';
  for (let i = 0; i < gains.length; i++) {
    const g = gains[i];
    list += `${i > 0 ? ',' : ''}${parts.gainHead.get(g.id)!}${r2(g.gain)},"scoreIfMet":${r2(g.scoreIfMet)},"liftsVeto":${g.liftsVeto}}`;
  }
  if (list !== '') out.escaped(list);
  // Only a file with rectification tasks has their counts (asOf is set once the first one is written).
  const rectification = asOf === undefined ? undefined : countRectify(result.items.map((i) => i.rectify), asOf);
  if (rectification || review) {
    out.byte(CLOSE_BRACKET);
    // The office's review comes last, as buildReport's caller adds it.
    out.text(`${rectification ? `,"rectification":${JSON.stringify(rectification)}` : ''}${review ? `,"review":${JSON.stringify(review)}` : ''}}`);
  } else out.bytes(END);
  return out.done();
}

/** Everything before the items, as reportHead (json-report.ts) builds it; returns the time stamp written. */
function writeHead(out: Output, parts: ChecklistParts, result: ScoreResult, answers: Answers, options: BuildReportOptions): string {
  const generatedAt = options.generatedAt ?? new Date().toISOString();
  const toolVersion = options.toolVersion ?? readToolVersion();
  const key = `${generatedAt}\0${toolVersion}`;
  let opening = parts.opening.get(key);
  if (!opening) {
    const fields = { schemaVersion: 1, generatedAt, tool: { name: 'wangxin', version: toolVersion }, lang: parts.lang, checklist: parts.checklistRef };
    opening = encode(`${JSON.stringify(fields).slice(0, -1)},"unit":`);
    parts.opening.set(key, opening);
  }
  out.bytes(opening);
  const unit = result.unit;
  const typeLabel = parts.typeLabels.get(unit.type) ?? unit.type;
  const applied = result.baseScore + SCORE_EPSILON >= parts.minBase;
  // The rest of the head is one text, encoded once: each encoding is a call into the runtime.
  let text =
    `{"name":${quoteJsonText(unit.name)},"type":${quoteJsonText(unit.type)},"typeLabel":${quoteJsonText(typeLabel)}${unit.code !== undefined ? `,"code":${quoteJsonText(unit.code)}` : ''}}` +
    (answers.assessor ? `,"assessor":${escapeJsonText(JSON.stringify(answers.assessor))}` : '') +
    (answers.period !== undefined ? `,"period":${quoteJsonText(answers.period)}` : '') +
    `,"score":${r2(result.score)},"baseScore":${r2(result.baseScore)},"bonusScore":${r2(result.bonusScore)},"bonus":{"earned":${r2(result.bonusEarned)},"cap":${parts.cap},"minBase":${parts.minBase},"applied":${applied},"items":`;
  let bonusIds = parts.bonusIds.get(unit.type);
  if (bonusIds === undefined) {
    bonusIds = escapeJsonText(`${JSON.stringify(result.items.filter((i) => i.bonus).map((i) => i.id))}}`);
    parts.bonusIds.set(unit.type, bonusIds);
  }
  text += bonusIds + parts.grades[result.grade.index];
  // Counted in locals: an object keyed by the status text was a keyed store per item.
  let pass = 0;
  let partial = 0;
  let fail = 0;
  let na = 0;
  let unanswered = 0;
  for (const i of result.items) {
    const status = i.status;
    if (status === 'pass') pass++;
    else if (status === 'na') na++;
    else if (status === 'fail') fail++;
    else if (status === 'partial') partial++;
    else unanswered++;
  }
  // Then the outcomes and the areas, in the same text.
  text += escapeJsonText(
    `,"vetoed":${result.vetoed},"vetoItems":${idList(result.vetoItems)},"complete":${result.complete},"unanswered":${idList(result.unanswered)},"ignored":${idList(result.ignored)},"partialCredit":${parts.partialCredit},"counts":{"items":${result.items.length},"pass":${pass},"partial":${partial},"fail":${fail},"na":${na},"unanswered":${unanswered}},"areas":[`,
  );
  let totalWeight = 0;
  for (const a of result.areas) totalWeight += a.ratio === null ? 0 : a.weight;
  for (let i = 0; i < result.areas.length; i++) {
    const a = result.areas[i];
    const share = a.ratio === null || totalWeight === 0 ? 0 : a.weight / totalWeight;
    text += `${i > 0 ? ',' : ''}${parts.areaHead.get(a.id)!}${r2(a.weight)},"earned":${r2(a.earned)},"max":${r2(a.max)},"ratio":${a.ratio === null ? null : r4(a.ratio)},"score":${a.score === null ? null : r2(a.score)},"share":${r4(share)},"contribution":${r2(a.ratio === null ? 0 : 100 * share * a.ratio)},"applicable":${a.applicable}}`;
  }
  out.escaped(text + ']');
  return generatedAt;
}

function writeDeductions(out: Output, s: ItemScore, part: ItemParts): void {
  out.bytes(DEDUCTIONS_OPEN);
  let first = true;
  for (const d of part.deductions) {
    const count = s.deductions![d.id] ?? 0;
    if (!(count > 0)) continue;
    if (!first) out.byte(COMMA);
    first = false;
    out.bytes(d.head);
    out.ascii(JSON.stringify(count));
    out.bytes(d.tail);
  }
  out.byte(CLOSE_BRACKET);
}

/** A list of ids (`vetoItems`, `unanswered`, `ignored`): usually empty. */
function idList(ids: readonly string[]): string {
  return ids.length === 0 ? '[]' : JSON.stringify(ids);
}

/** An evidence list, escaped as escapeJsonText does: file names and URLs quoted as they are, recorded digests as written. */
function evidenceJson(list: readonly Evidence[]): string {
  let text = '[';
  for (let i = 0; i < list.length; i++) {
    const e = list[i];
    text += (i > 0 ? ',' : '') + (typeof e === 'string' ? quoteJsonText(e) : escapeJsonText(JSON.stringify(e)));
  }
  return text + ']';
}

const encode = (json: string): Uint8Array => Buffer.from(escapeJsonText(json), 'utf8');
const ITEMS_OPEN = encode(',"items":[');
const IMPROVEMENTS_OPEN = encode('],"improvements":[');
const END = encode(']}');
const NO_EVIDENCE = encode(',"evidence":[]}');
const DEDUCTIONS_OPEN = encode(',"deductions":[');
const COMMA = 0x2c;
const CLOSE_BRACKET = 0x5d;

/** The bytes of an item's entry that do not depend on the answer, encoded once. */
interface ItemParts {
  id: string;
  /** `{"id":…,"area":…,("section":…,)"text":…,"kind":…,"status":` */
  head: Uint8Array;
  /**
   * Status items: the entry up to the note for each outcome, with the unrounded numbers scoreItem
   * gives it; `bare`, the whole entry of an answer without a note or evidence.
   */
  byStatus: Partial<Record<string, { earned: number; max: number; counted: boolean; bytes: Uint8Array; bare: Uint8Array }>>;
  /** Each deduction rule: `{"id":…,"text":…,"count":` and `,"points":…}`. */
  deductions: { id: string; head: Uint8Array; tail: Uint8Array }[];
}

/** What a checklist decides of its reports in one language, encoded once. */
interface ChecklistParts {
  lang: Lang;
  checklistRef: { id: string; version: string; title: string };
  /** The report's opening up to `"unit":`, by time stamp and tool version (one per batch). */
  opening: Map<string, Uint8Array>;
  typeLabels: Map<string, string>;
  /** The ids of the bonus items that apply, by unit type, with the closing brace of `bonus`; escaped. */
  bonusIds: Map<string, string>;
  /** `,"grade":{…}` by grade index, escaped. */
  grades: string[];
  cap: number;
  minBase: number;
  partialCredit: number;
  /** `{"id":…,"title":…,"weight":` by area id, escaped. */
  areaHead: Map<string, string>;
  /** `{"id":…,"gain":` by item id, escaped. */
  gainHead: Map<string, string>;
  items: ItemParts[];
  byId: Map<string, ItemParts>;
}

// A loaded checklist is not changed afterwards: its parts are encoded once per object and language.
const partsCache = new WeakMap<Checklist, Partial<Record<Lang, ChecklistParts>>>();

function partsOf(checklist: Checklist, lang: Lang): ChecklistParts {
  let byLang = partsCache.get(checklist);
  if (!byLang) partsCache.set(checklist, (byLang = {}));
  const known = byLang[lang];
  if (known) return known;
  const partialCredit = partialCreditOf(checklist);
  const items: ItemParts[] = [];
  const gainHead = new Map<string, string>();
  for (const { item, area, section } of listItems(checklist)) {
    const kind = kindOf(item);
    const headText = JSON.stringify({ id: item.id, area: area.id, ...(section ? { section: section.id } : {}), text: pickText(item.text, lang), kind }).slice(0, -1) + ',"status":';
    const flags = `,"veto":${item.veto === true},"bonus":${item.bonus === true}`;
    const byStatus: ItemParts['byStatus'] = {};
    if (kind === 'status') {
      // The outcomes scoreItem gives a status item, with its arithmetic.
      const outcomes: [string, number, number, boolean][] = [
        ['pass', item.points, item.points, true],
        ['partial', item.points * partialCredit, item.points, true],
        ['fail', 0, item.points, true],
        ['unanswered', 0, item.points, true],
        ['na', 0, 0, false],
      ];
      for (const [status, earned, max, counted] of outcomes) {
        const entry = `${headText}"${status}","earned":${r2(earned)},"max":${r2(max)},"counted":${counted}${flags}`;
        byStatus[status] = { earned, max, counted, bytes: encode(entry), bare: encode(`${entry},"evidence":[]}`) };
      }
    }
    const deductions = (item.deductions ?? []).map((d) => ({
      id: d.id,
      head: encode(JSON.stringify({ id: d.id, text: pickText(d.text, lang) }).slice(0, -1) + ',"count":'),
      tail: encode(`,"points":${JSON.stringify(d.points)}}`),
    }));
    items.push({ id: item.id, head: encode(headText), byStatus, deductions });
    gainHead.set(item.id, escapeJsonText(`{"id":${JSON.stringify(item.id)},"gain":`));
  }
  const parts: ChecklistParts = {
    lang,
    checklistRef: { id: checklist.id, version: checklist.version, title: pickText(checklist.title, lang) },
    opening: new Map(),
    typeLabels: new Map(checklist.unitTypes.map((u) => [u.id, pickText(u.label, lang)])),
    bonusIds: new Map(),
    grades: gradesOf(checklist).map((g, index) => escapeJsonText(`,"grade":${JSON.stringify({ index, label: pickText(g.label, lang), min: g.min })}`)),
    cap: checklist.scoring?.bonus?.cap ?? DEFAULT_BONUS.cap,
    minBase: checklist.scoring?.bonus?.minBase ?? DEFAULT_BONUS.minBase,
    partialCredit,
    areaHead: new Map(checklist.areas.map((a) => [a.id, escapeJsonText(`${JSON.stringify({ id: a.id, title: pickText(a.title, lang) }).slice(0, -1)},"weight":`)])),
    gainHead,
    items,
    byId: new Map(items.map((p) => [p.id, p])),
  };
  byLang[lang] = parts;
  return parts;
}

/** The size of the slabs reports are written into: some fifteen reports of the built-in checklist. */
const SLAB_SIZE = 1 << 18;

/**
 * Makes the next report start a new slab: the reports written so far then have slabs to
 * themselves, which can be moved to another thread (a worker sends a chunk's reports so).
 */
export function startReportSlab(): void {
  Output.retire();
}

/**
 * One report being written, at the end of the thread's current slab: the reports of a thread are
 * written one after another into shared slabs, and each is a view of its own bytes there. A
 * buffer of its own per report cost a large part of a batch's time (an allocation, first writes
 * to fresh memory and a copy for every unit). A slab is let go once none of its reports is held.
 */
class Output {
  private static slab = Buffer.allocUnsafeSlow(0);
  private static used = 0;

  /** The next report starts a new slab. */
  static retire(): void {
    Output.slab = Buffer.allocUnsafeSlow(0);
    Output.used = 0;
  }

  private buffer = Output.slab;
  private start = Output.used;
  private at = this.start;

  /** Room for `n` more bytes: a report that outgrows its slab moves to a new one, with what it has so far. */
  private reserve(n: number): void {
    if (this.at + n <= this.buffer.length) return;
    const length = this.at - this.start;
    const slab = Buffer.allocUnsafeSlow(Math.max(SLAB_SIZE, 2 * (length + n)));
    this.buffer.copy(slab, 0, this.start, this.at);
    this.buffer = Output.slab = slab;
    this.start = 0;
    this.at = length;
  }

  byte(b: number): void {
    this.reserve(1);
    this.buffer[this.at++] = b;
  }

  bytes(b: Uint8Array): void {
    this.reserve(b.length);
    this.buffer.set(b, this.at);
    this.at += b.length;
  }

  /** `text` as UTF-8. */
  text(json: string): void {
    // Every output's JSON writes bidi, zero-width and C1 controls as escapes (see escapeJsonText).
    this.escaped(escapeJsonText(json));
  }

  /** JSON text escapeJsonText has already been through, as UTF-8. */
  escaped(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    this.reserve(text.length * 3);
    this.at += this.buffer.write(text, this.at, 'utf8');
  }

  /** JSON text of ASCII characters only (numbers, booleans, names of fields): nothing in it to escape or encode. */
  ascii(text: string): void {
    this.reserve(text.length);
    this.at += this.buffer.write(text, this.at, 'latin1');
  }

  /** The report: a view of its bytes in the slab, which the next report does not touch. */
  done(): Uint8Array {
    Output.used = this.at;
    return this.buffer.subarray(this.start, this.at);
  }
}

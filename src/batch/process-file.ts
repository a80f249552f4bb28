// Validates and scores one answer file of a batch on its own, returning only a small, cloneable outcome.
import type { FileOutcome, OtherFile, UnitRound, UnitSummary } from '../model/batch.js';
import { isUtf8 } from 'node:buffer';
import { parseYaml, withPositions } from '../load/parse-yaml.js';
import { decodeText, MAX_FILE_BYTES, readFailureDiagnostic, type ReadResult } from '../load/read-text.js';
import { readInputSync, type Scratch } from '../fs/read-input.js';
import { pickText } from '../model/text.js';
import type { Checklist } from '../model/checklist.js';
import type { ScoreResult } from '../model/score-result.js';
import { roundHalfAway } from '../score/round.js';
import type { Lang } from '../i18n/lang.js';
import type { Report } from '../model/report.js';
import { getValidator } from '../validate/ajv-factory.js';
import { checkParsed, checkWorkbook, isOfficeWorkbook, type FileCheck } from '../check/check-file.js';
import { isWorkbookPath } from '../workbook/layout.js';
import { detectKind, validateAnswers } from '../validate/validate.js';
import { answersChecklistFile } from '../checklist/resolve-checklist.js';
import { loadChecklist, type LoadedChecklist } from '../checklist/load-checklist.js';
import type { Answers } from '../model/answers.js';
import { scoreAnswers } from '../score/score.js';
import { reportBytes } from '../report/report-bytes.js';
import type { BatchFile } from './discover.js';
import { listOpenItems } from './open-items.js';
import { startOfYear, tallyTasks } from '../score/rectify.js';
import type { Rectify } from '../model/answers.js';
import type { ItemOutcome } from '../model/score-result.js';
import { lstatSync } from 'node:fs';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { UnitReview } from '../model/batch.js';
import { defaultReviewPath } from '../model/review.js';
import { sha256Hex } from '../fs/sha256.js';
import { checkReviewText } from '../check/check-review.js';
import { scoreReviewed, type ReviewedScore } from '../score/review.js';
import { buildReportReview, type ReviewSource } from '../report/review-report.js';

/** How many diagnostics of each severity an outcome keeps (the count is always exact). */
export const KEPT_DIAGNOSTICS = 5;

/** Settings shared by every file of a batch. */
export interface ProcessOptions {
  /** `--checklist ID|PATH`. */
  checklist?: string;
  lang: Lang;
  generatedAt: string;
  /** Keep the full report (JSON output). */
  keepReport: boolean;
  /** Keep each valid unit's open items (the summary workbook lists them). */
  keepOpenItems?: boolean;
  /** Check each valid unit's evidence against its folder and recorded digests (`--verify-evidence`). */
  verifyEvidence?: boolean;
  /** Try the fast parse first (default true; tests turn it off to compare both paths). */
  fastParse?: boolean;
  /** The day rectification tasks are judged overdue on (`YYYY-MM-DD`); defaults to the day of `generatedAt`. */
  asOf?: string;
  /** The first day of the period whose done tasks are counted; defaults to 1 January of `asOf`'s year. */
  since?: string;
  /** Keep each unit's item outcomes and tasks (`--baseline`: this round and the baseline's). */
  followUp?: boolean;
}

/**
 * Reads, validates and scores `target`. The common valid file goes through the fast parse; any
 * doubt (a bail-out, an error or a warning) re-does the file with the positioned parse, so every
 * diagnostic has its line:col and the verdict is the positioned path's. Never throws for a bad file.
 */
export async function processFile(target: BatchFile, options: ProcessOptions): Promise<FileOutcome> {
  if (isWorkbookPath(target.file)) return processWorkbook(target, options);
  // The common file takes no await until it is scored: each one is a trip through the microtask
  // queue and a promise or two, thousands of times over.
  const read = readQuickly(target.path, target.file);
  if (!read.ok) {
    const d = read.diagnostic;
    return { file: target.file, status: 'unreadable', fast: false, errors: [d], errorCount: 1, warnings: [], warningCount: 0 };
  }
  const choice = { ref: options.checklist };
  const quick = options.fastParse === false ? undefined : parseYaml(read.text, target.file, { positions: false });
  if (quick?.value !== undefined && getValidator('answers')(quick.value)) {
    const answers = quick.value as Answers;
    const lookup = checklistFor(options.checklist, answers.checklist.id, answers.checklist.version);
    const loaded = lookup instanceof Promise ? await lookup : lookup.loaded;
    const fast = checkQuickly(target.file, read.text, answers, loaded);
    if (fast) return options.verifyEvidence ? withEvidence(target, fast, scored(target, fast, options, true)) : scored(target, fast, options, true);
  }
  // Errors to locate: the positioned parse.
  const located = quick ? withPositions(quick) : parseYaml(read.text, target.file);
  // A checklist kept beside the answer files (the one they were filled in from) is not a
  // submission, nor is the office's review of one, nor its roster of the units due.
  const kind = detectKind(located.value);
  if (kind !== undefined && kind !== 'answers') return otherOutcome(target.file, located.value as Record<string, unknown>, kind);
  return outcomeOf(target, await checkParsed(located, choice, 'answers'), options);
}

/** An answer workbook of the batch: read to its cells, then checked and scored like any answer file. */
async function processWorkbook(target: BatchFile, options: ProcessOptions): Promise<FileOutcome> {
  const path = typeof target.path === 'string' ? target.path : Buffer.from(target.path.buffer, target.path.byteOffset, target.path.byteLength);
  const check = await checkWorkbook(path, target.file, { ref: options.checklist });
  // A summary or ledger wangxin wrote, saved among the submissions: listed, not a unit's broken workbook.
  if (isOfficeWorkbook(check)) return otherOutcome(target.file, {}, 'output');
  // Could not be read at all (missing, a FIFO, too large), as for a YAML file; a broken checklist is an invalid file, as there.
  if (check.unreadable && !check.checklistFile) {
    return { file: target.file, status: 'unreadable', fast: false, errors: check.errors.slice(0, 1), errorCount: 1, warnings: [], warningCount: 0 };
  }
  return outcomeOf(target, check, options);
}

/** The outcome of a located check: scored when valid, else its first diagnostics. */
async function outcomeOf(target: BatchFile, check: FileCheck, options: ProcessOptions): Promise<FileOutcome> {
  if (check.errors.length === 0 && check.answers && check.checklist) {
    const outcome = scored(target, check, options, false);
    return options.verifyEvidence ? withEvidence(target, check, outcome) : outcome;
  }
  return {
    file: target.file,
    status: 'invalid',
    fast: false,
    errors: check.errors.slice(0, KEPT_DIAGNOSTICS),
    errorCount: Math.max(1, check.errors.length),
    warnings: check.warnings.slice(0, KEPT_DIAGNOSTICS),
    warningCount: check.warnings.length,
  };
}

/**
 * The outcome of a file that is a checklist, a review, a roster or one of wangxin's workbooks by
 * its content: the checklist's id and version where they are strings (a roster names none).
 */
function otherOutcome(file: string, value: Record<string, unknown>, kind: OtherFile['kind']): FileOutcome {
  const text = (x: unknown): string | null => (kind !== 'roster' && typeof x === 'string' ? x : null);
  // A review names the checklist of the answers it reviewed.
  const named = kind === 'review' && value.checklist !== null && typeof value.checklist === 'object' ? (value.checklist as Record<string, unknown>) : value;
  return { file, status: 'other', fast: false, other: { kind, id: text(named.id), version: text(named.version) }, errors: [], errorCount: 0, warnings: [], warningCount: 0 };
}

/**
 * Adds the evidence findings of a scored unit (`--verify-evidence`): done here, in the thread that
 * has the answers, so that each unit's entry of a streamed summary is complete when it is scored.
 */
async function withEvidence(target: BatchFile, check: FileCheck, outcome: FileOutcome): Promise<FileOutcome> {
  // Lazy: only --verify-evidence hashes files; every worker would otherwise load it at start-up.
  const { verifyEvidence, createEvidenceHasher } = await import('../evidence/evidence.js');
  // One hasher per thread for the whole batch: a file that many entries or units name is read
  // once in each thread (once in all with --jobs 1), not once per entry.
  evidenceHasher ??= createEvidenceHasher();
  const findings = await verifyEvidence(target.path, check.answers!, evidenceHasher);
  if (findings.length > 0) outcome.evidence = findings;
  return outcome;
}

let evidenceHasher: import('../evidence/evidence.js').EvidenceHasher | undefined;

/** Checklist lookups of this thread, by `--checklist` or else by the id and version a file names: pending, then settled. */
const pending = new Map<string, Promise<LoadedChecklist | undefined>>();
const settled = new Map<string, { loaded: LoadedChecklist | undefined }>();

/**
 * The checklist an answer file is checked against (as `checkFile` finds it), loaded once per
 * thread; undefined when there is none. Once known it is returned as is, not as a promise: the
 * common file then takes no await.
 */
function checklistFor(ref: string | undefined, id: string, version: string): { loaded: LoadedChecklist | undefined } | Promise<LoadedChecklist | undefined> {
  const key = ref ?? `id:${id}@${version}`;
  const done = settled.get(key);
  if (done) return done;
  let waiting = pending.get(key);
  if (!waiting) {
    const file = answersChecklistFile(ref, id, version);
    waiting = (file ? loadChecklist(file) : Promise.resolve(undefined)).then((loaded) => {
      settled.set(key, { loaded });
      return loaded;
    });
    pending.set(key, waiting);
  }
  return waiting;
}

/**
 * The fast validation of a fast-parsed value that passed the schema: `validateAnswers` with the
 * schema's verdict given. Returns the check only when it is spotless (no error, no warning);
 * otherwise undefined, and the caller re-does the file with the positioned parse so that every
 * diagnostic is located.
 */
function checkQuickly(file: string, source: string, answers: Answers, loaded: LoadedChecklist | undefined): FileCheck | undefined {
  const checklist = loaded?.checklist;
  if (!checklist) return undefined;
  const result = validateAnswers({ file, source, value: answers, diagnostics: [] }, checklist, { value: answers, errors: [], warnings: [] });
  if (result.errors.length > 0 || result.warnings.length > 0) return undefined;
  return { file, kind: 'answers', unreadable: false, checklist, checklistFile: loaded.file, answers, errors: [], warnings: [] };
}

/** One buffer per thread that every file is read into (see readInputSync): memory stays flat over a big batch. */
const scratch: Scratch = { buffer: Buffer.allocUnsafe(1 << 16) };

/**
 * Reads a file synchronously into the thread's shared buffer (a worker does one file at a time,
 * and this skips a thread-pool round trip per file). Only a regular file within the size limit is
 * read; anything else (a FIFO, a device, a folder, a missing file) is its located diagnostic.
 */
function readQuickly(path: string | Uint8Array, shown: string): ReadResult {
  const read = readInputSync(typeof path === 'string' ? path : Buffer.from(path.buffer, path.byteOffset, path.byteLength), MAX_FILE_BYTES, scratch);
  if (!read.ok) return { ok: false, diagnostic: readFailureDiagnostic(read.failure, shown) };
  const bytes = read.bytes;
  if (isUtf8(bytes) && !bytes.includes(0)) {
    // The common case, checked natively; every refusal (GBK, UTF-16, NUL) is left to decodeText's diagnostics.
    // Drops BOMs as decodeText does: its own, then the one TextDecoder consumes at the start of its input.
    const bomAt = (i: number): boolean => bytes[i] === 0xef && bytes[i + 1] === 0xbb && bytes[i + 2] === 0xbf;
    let start = bomAt(0) ? 3 : 0;
    if (bomAt(start)) start += 3;
    return { ok: true, text: bytes.toString('utf8', start) };
  }
  return located(decodeText(bytes, shown), shown);
}

/** A read failure's diagnostic with the file as the batch shows it. */
function located(read: ReadResult, shown: string): ReadResult {
  return read.ok ? read : { ok: false, diagnostic: { ...read.diagnostic, file: shown } };
}

function scored(target: BatchFile, check: FileCheck, options: ProcessOptions, fast: boolean): FileOutcome {
  const file = target.file;
  // The office's review beside the answer file, when there is one: the unit is then ranked on the verified score.
  const found = findReview(target, check);
  if (found?.problem) return found.problem;
  const source = found?.source;
  // The per-item entries only when the full report is output.
  const scoreOptions = { items: options.keepReport || options.keepOpenItems === true || options.followUp === true, shortfalls: true };
  const reviewed = source ? scoreReviewed(check.checklist!, check.answers!, source.review, scoreOptions) : undefined;
  const result = reviewed ? reviewed.verified : scoreAnswers(check.checklist!, check.answers!, scoreOptions);
  const answers = reviewed ? reviewed.verifiedAnswers : check.answers!;
  const asOf = options.asOf ?? options.generatedAt.slice(0, 10);
  const summary = withDate(summarizeResult(result, check.checklist!, options.lang), check.answers!.date);
  if (result.shortfalls) summary.shortfalls = result.shortfalls;
  if (reviewed && source) summary.review = reviewSummary(reviewed, source, options.lang);
  const plans = plansOf(answers, result.ignored);
  const tasks = plans.length > 0 ? tallyTasks(plans, asOf, options.since ?? startOfYear(asOf)) : undefined;
  if (tasks) summary.tasks = tasks;
  if (options.followUp) summary.round = roundOf(result.items);
  const review = reviewed && source && options.keepReport ? buildReportReview(reviewed, source, check.checklist!, options.lang) : undefined;
  const outcome: FileOutcome = {
    file,
    status: 'valid',
    fast,
    summary,
    // The full report only when it is output, as the bytes it is written as.
    report: options.keepReport ? reportBytes(result, check.checklist!, answers, { lang: options.lang, generatedAt: options.generatedAt, asOf }, review) : undefined,
    errors: [],
    errorCount: 0,
    warnings: check.warnings.slice(0, KEPT_DIAGNOSTICS),
    warningCount: check.warnings.length,
  };
  if (found?.warnings.length) outcome.reviewWarnings = found.warnings.slice(0, KEPT_DIAGNOSTICS);
  if (options.keepOpenItems) outcome.openItems = listOpenItems(result, check.checklist!, options.lang);
  return outcome;
}

/** What a batch keeps of a unit's review: enough to rank on the verified score and show the self-assessed one beside it. */
function reviewSummary(reviewed: ReviewedScore, source: ReviewSource, lang: Lang): UnitReview {
  const r2 = (x: number): number => roundHalfAway(x, 2);
  return {
    file: source.file,
    reviewer: source.review.reviewer,
    date: source.review.date,
    selfScore: r2(reviewed.self.score),
    selfGrade: { index: reviewed.self.grade.index, label: pickText(reviewed.self.grade.label, lang) },
    selfVetoed: reviewed.self.vetoed,
    adjusted: reviewed.adjusted.length,
    changed: source.changed,
  };
}

/**
 * The review beside a unit's answer file (`<answers>.review.yaml`), read and checked against it:
 * undefined when there is none; `problem`, an invalid outcome naming the review's errors, when it
 * cannot be used. Only a regular file is read: a symbolic link (which could lead out of the
 * submissions' folder) is not followed. The ledger reads it too, to count the tasks a batch counts.
 */
export function findReview(target: BatchFile, check: FileCheck): { source?: ReviewSource; warnings: Diagnostic[]; problem?: FileOutcome } | undefined {
  // A folder search saw whether the review is there: most units have none, and a look per file cost a system call and a thrown error.
  if (target.reviewListed === false) return undefined;
  const path = reviewPathOf(target.path);
  let info;
  try {
    info = lstatSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
  if (!info?.isFile()) return undefined;
  const shown = defaultReviewPath(target.file);
  const read = readInputSync(path, MAX_FILE_BYTES);
  const text = read.ok ? decodeText(read.bytes, shown) : { ok: false as const, diagnostic: readFailureDiagnostic(read.failure, shown) };
  const answersBytes = readInputSync(typeof target.path === 'string' ? target.path : Buffer.from(target.path), MAX_FILE_BYTES);
  const problem = (errors: Diagnostic[], warnings: Diagnostic[]): FileOutcome => ({
    file: target.file,
    status: 'invalid',
    fast: false,
    errors: errors.slice(0, KEPT_DIAGNOSTICS),
    errorCount: Math.max(1, errors.length),
    warnings: warnings.slice(0, KEPT_DIAGNOSTICS),
    warningCount: warnings.length,
  });
  if (!text.ok) return { warnings: [], problem: problem([{ ...text.diagnostic, file: shown }], []) };
  if (!answersBytes.ok) return { warnings: [], problem: problem([readFailureDiagnostic(answersBytes.failure, target.file)], []) };
  const sha256 = sha256Hex(answersBytes.bytes);
  const checked = checkReviewText(text.text, shown, { answers: check.answers!, checklist: check.checklist!, sha256, file: target.file });
  if (!checked.review) return { warnings: checked.warnings, problem: problem(checked.errors, checked.warnings) };
  return { source: { review: checked.review, file: shown, changed: checked.review.reviewed.sha256 !== sha256 }, warnings: checked.warnings };
}

/** `<answers>.review.yaml` beside the answer file at `path` (its bytes when its name is not UTF-8). */
function reviewPathOf(path: string | Uint8Array): string | Buffer {
  if (typeof path === 'string') return defaultReviewPath(path);
  const bytes = Buffer.from(path.buffer, path.byteOffset, path.byteLength);
  const name = bytes.toString('latin1');
  const stem = name.replace(/\.(ya?ml|xlsx)$/i, '');
  return Buffer.concat([bytes.subarray(0, Buffer.byteLength(stem, 'latin1')), Buffer.from('.review.yaml')]);
}

/**
 * The outcomes and tasks of a scored unit's items (pass, partial and fail only: the others never
 * count as met or short; bonus items neither, as a bonus not earned is no shortfall).
 */
export function roundOf(items: readonly { id: string; status: ItemOutcome; bonus: boolean; rectify?: Rectify }[]): UnitRound {
  const round: UnitRound = { outcomes: [], plans: [] };
  for (const i of items) {
    if (!i.bonus && (i.status === 'pass' || i.status === 'partial' || i.status === 'fail')) round.outcomes.push([i.id, i.status]);
    if (i.rectify) round.plans.push([i.id, i.rectify]);
  }
  return round;
}

/**
 * The rectification tasks of the answers that count (those to items applying to the unit). Most
 * files have none, and this runs for every file of a batch: a plain loop, no entries or generator.
 */
function plansOf(answers: Answers, ignored: readonly string[]): Rectify[] {
  const all = answers.answers;
  let plans: Rectify[] | undefined;
  for (const id in all) {
    const rectify = all[id].rectify;
    if (rectify && !(ignored.length > 0 && ignored.includes(id))) (plans ??= []).push(rectify);
  }
  return plans ?? NO_PLANS;
}
const NO_PLANS: Rectify[] = [];

/** The summary with the answer file's `date`, when it has one. */
function withDate(summary: UnitSummary, date: string | undefined): UnitSummary {
  if (date !== undefined) summary.date = date;
  return summary;
}

/** The parts of a report the batch summary uses. */
export function summarize(report: Report): UnitSummary {
  const applying = report.areas.filter((a) => a.applicable !== false);
  return {
    checklist: { id: report.checklist.id, version: report.checklist.version },
    unit: report.unit,
    score: report.score,
    baseScore: report.baseScore,
    bonusScore: report.bonusScore,
    grade: report.grade,
    vetoed: report.vetoed,
    vetoItems: report.vetoItems,
    complete: report.complete,
    unanswered: report.unanswered,
    areaIds: applying.map((a) => a.id),
    areaScores: applying.map((a) => a.score),
  };
}

/** The same summary as {@link summarize} of `buildReport`'s report, straight from the score (rounded alike). */
export function summarizeResult(result: ScoreResult, checklist: Checklist, lang: Lang): UnitSummary {
  const r2 = (x: number): number => roundHalfAway(x, 2);
  const unitType = checklist.unitTypes.find((u) => u.id === result.unit.type);
  const applying = result.areas.filter((a) => a.applicable);
  return {
    checklist: { id: checklist.id, version: checklist.version },
    unit: {
      name: result.unit.name,
      type: result.unit.type,
      typeLabel: unitType ? pickText(unitType.label, lang) : result.unit.type,
      ...(result.unit.code !== undefined ? { code: result.unit.code } : {}),
    },
    score: r2(result.score),
    shownScore: roundHalfAway(result.score, 1),
    baseScore: r2(result.baseScore),
    bonusScore: r2(result.bonusScore),
    grade: { index: result.grade.index, label: pickText(result.grade.label, lang), min: result.grade.min },
    vetoed: result.vetoed,
    vetoItems: [...result.vetoItems],
    complete: result.complete,
    unanswered: [...result.unanswered],
    areaIds: applying.map((a) => a.id),
    areaScores: applying.map((a) => (a.score === null ? null : r2(a.score))),
  };
}

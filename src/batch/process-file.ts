// Validates and scores one answer file of a batch on its own, returning only a small, cloneable outcome.
import { isUtf8 } from 'node:buffer';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { parseLocated, parsePositioned, parseQuickly, type QuickParse } from '../load/parse-positioned.js';
import { decodeText, MAX_FILE_BYTES, readFailureDiagnostic, type ReadResult } from '../load/read-text.js';
import { readInputSync, type Scratch } from '../fs/read-input.js';
import { pickText } from '../model/text.js';
import type { Checklist } from '../model/checklist.js';
import type { ScoreResult, Shortfalls } from '../model/score-result.js';
import { roundHalfAway } from '../score/round.js';
import type { Lang } from '../i18n/lang.js';
import type { Report } from '../model/report.js';
import { getValidator } from '../validate/ajv-factory.js';
import { checkParsed, type FileCheck } from '../validate/check-file.js';
import { detectKind, validateAnswers } from '../validate/validate.js';
import { answersChecklistFile, loadChecklist, type LoadedChecklist } from '../load/resolve-checklist.js';
import type { Answers } from '../model/answers.js';
import { scoreAnswers } from '../score/score.js';
import { reportBytes } from '../report/report-bytes.js';
import type { BatchFile } from './discover.js';
import type { EvidenceFinding } from '../evidence/evidence.js';

/** How many diagnostics of each severity an outcome keeps (the count is always exact). */
export const KEPT_DIAGNOSTICS = 5;

/** What the summary needs of a valid unit (the report without its items). */
export interface UnitSummary {
  checklist: { id: string; version: string };
  unit: Report['unit'];
  score: number;
  baseScore: number;
  bonusScore: number;
  grade: Report['grade'];
  vetoed: boolean;
  vetoItems: string[];
  complete: boolean;
  unanswered: string[];
  /** The answer file's `date` (YYYY-MM-DD), which decides among a unit's submissions. */
  date?: string;
  /**
   * The items the unit did not fully meet, as scored in the worker: the main thread adds them to
   * the county-wide item counts as the outcome comes in and then deletes them, so they are never
   * kept per unit.
   */
  shortfalls?: Shortfalls;
  /**
   * The ids of the areas that apply to the unit (the others are "not applicable"), in checklist
   * order, and their scores (null where every item is `na`) at the same positions; titles come from the checklist, once, in the main thread. Two
   * lists rather than one object per area: a national batch keeps every unit's summary in memory.
   */
  areaIds: readonly string[];
  areaScores: (number | null)[];
}

/** A file found among the submissions that is not an answer file: a checklist, named by its id and version. */
export interface OtherFile {
  kind: 'checklist';
  id: string | null;
  version: string | null;
}

/** The outcome of one file: plain data, so it crosses worker threads cheaply. */
export interface FileOutcome {
  file: string;
  /**
   * `unreadable`: could not be read or decoded; `invalid`: read but has errors; `valid`: scored;
   * `other`: not an answer file by its content (a checklist), so neither scored nor a failure.
   */
  status: 'valid' | 'invalid' | 'unreadable' | 'other';
  /** For `other`: what the file is. */
  other?: OtherFile;
  /** Whether the fast parse was enough (for the benchmark; never changes the result). */
  fast: boolean;
  summary?: UnitSummary;
  /**
   * The full single-unit report as the UTF-8 bytes of its JSON, only when asked for (`--format
   * json`/`jsonl`): in a buffer of its own, handed from a worker thread without a copy.
   */
  report?: Uint8Array;
  /** `--verify-evidence`: evidence missing, changed since recorded, or outside the submission's folder (valid files only). */
  evidence?: EvidenceFinding[];
  errors: Diagnostic[];
  errorCount: number;
  warnings: Diagnostic[];
  warningCount: number;
}

/** Settings shared by every file of a batch. */
export interface ProcessOptions {
  /** `--checklist ID|PATH`. */
  checklist?: string;
  lang: Lang;
  generatedAt: string;
  /** Keep the full report (JSON output). */
  keepReport: boolean;
  /** Check each valid unit's evidence against its folder and recorded digests (`--verify-evidence`). */
  verifyEvidence?: boolean;
  /** Try the fast parse first (default true; tests turn it off to compare both paths). */
  fastParse?: boolean;
}

/**
 * Reads, validates and scores `target`. The common valid file goes through the fast parse; any
 * doubt (a bail-out, an error or a warning) re-does the file with the positioned parse, so every
 * diagnostic has its line:col and the verdict is the positioned path's. Never throws for a bad file.
 */
export async function processFile(target: BatchFile, options: ProcessOptions): Promise<FileOutcome> {
  // The common file takes no await until it is scored: each one is a trip through the microtask
  // queue and a promise or two, thousands of times over.
  const read = readQuickly(target.path, target.file);
  if (!read.ok) {
    const d = read.diagnostic;
    return { file: target.file, status: 'unreadable', fast: false, errors: [d], errorCount: 1, warnings: [], warningCount: 0 };
  }
  const choice = { ref: options.checklist };
  const quick: QuickParse = options.fastParse === false ? {} : parseQuickly(read.text, target.file);
  if (quick.value !== undefined && getValidator('answers')(quick.value)) {
    const answers = quick.value as Answers;
    const lookup = checklistFor(options.checklist, answers.checklist.id, answers.checklist.version);
    const loaded = lookup instanceof Promise ? await lookup : lookup.loaded;
    const fast = checkQuickly(target.file, read.text, answers, loaded);
    if (fast) return options.verifyEvidence ? withEvidence(target, fast, scored(target.file, fast, options, true)) : scored(target.file, fast, options, true);
  }
  // Errors to locate: the positioned parse.
  const located = options.fastParse === false ? parsePositioned(read.text, target.file) : parseLocated(quick, read.text, target.file);
  // A checklist kept beside the answer files (the one they were filled in from) is not a submission.
  if (detectKind(located.value) === 'checklist') return otherOutcome(target.file, located.value as Record<string, unknown>);
  const check = await checkParsed(located, choice, 'answers');
  if (check.errors.length === 0 && check.answers && check.checklist) {
    const outcome = scored(target.file, check, options, false);
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

/** The outcome of a file that is a checklist by its content: its id and version where they are strings. */
function otherOutcome(file: string, value: Record<string, unknown>): FileOutcome {
  const text = (x: unknown): string | null => (typeof x === 'string' ? x : null);
  return { file, status: 'other', fast: false, other: { kind: 'checklist', id: text(value.id), version: text(value.version) }, errors: [], errorCount: 0, warnings: [], warningCount: 0 };
}

/**
 * Adds the evidence findings of a scored unit (`--verify-evidence`): done here, in the thread that
 * has the answers, so that each unit's entry of a streamed summary is complete when it is scored.
 */
async function withEvidence(target: BatchFile, check: FileCheck, outcome: FileOutcome): Promise<FileOutcome> {
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

function scored(file: string, check: FileCheck, options: ProcessOptions, fast: boolean): FileOutcome {
  // The per-item entries only when the full report is output.
  const result = scoreAnswers(check.checklist!, check.answers!, { items: options.keepReport, shortfalls: true });
  const summary = withDate(summarizeResult(result, check.checklist!, options.lang), check.answers!.date);
  if (result.shortfalls) summary.shortfalls = result.shortfalls;
  return {
    file,
    status: 'valid',
    fast,
    summary,
    // The full report only when it is output, as the bytes it is written as.
    report: options.keepReport ? reportBytes(result, check.checklist!, check.answers!, { lang: options.lang, generatedAt: options.generatedAt }) : undefined,
    errors: [],
    errorCount: 0,
    warnings: check.warnings.slice(0, KEPT_DIAGNOSTICS),
    warningCount: check.warnings.length,
  };
}

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

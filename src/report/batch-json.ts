// The batch summary as JSON (schemas/batch.schema.json) or JSON Lines, written file by file while the batch is scored.
import { escapeJsonText } from '../util/safe-text.js';
import { findingOutcome, itemTextLookup, judgeFile, overstatement, weakestArea, type BaselineAggregate, type BatchPolicy, type BatchSummary, type FileOutcome, type RankedUnit } from '../model/batch.js';
import { comparePaths } from '../util/compare-paths.js';
import { explainReasons, instructionFor, type ReasonContext } from './batch-reasons.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { toJsonDiagnostic } from '../diagnostics/render.js';
import type { Lang } from '../i18n/lang.js';

/** The version of the batch JSON layout (`schemaVersion`); see the README for what changed. */
export const BATCH_SCHEMA_VERSION = 2;

/** `json`: one document; `jsonl`: one line per file, then one summary line. */
export type BatchJsonFormat = 'json' | 'jsonl';

/** What the writer needs besides the outcomes. */
export interface BatchJsonOptions {
  format: BatchJsonFormat;
  lang: Lang;
  toolVersion: string;
  generatedAt: string;
  policy: BatchPolicy;
  /** Entries discovery could not read: each is a file of the batch, in path order with the others. */
  findings: readonly Diagnostic[];
}

/** Writes a batch summary as its files come in: {@link BatchJsonWriter.add} each, then {@link BatchJsonWriter.finish}. */
export interface BatchJsonWriter {
  /** One file's outcome, in path order; its entry (with the unit report) is written now, and the report text let go. */
  add(outcome: FileOutcome): void;
  /** Writes what remains (the other findings, the aggregates) once every file is in. */
  finish(summary: BatchSummary): void;
}

/** Parts are gathered up to this many bytes before each write: one system call per part, not per unit. */
const PART_SIZE = 1 << 18;

/**
 * Creates the writer. `write` takes each part as it is made and never holds it (a file written
 * through, or standard output), so a national batch needs no more memory than a county's: at any
 * moment only the unit being written and the compact aggregates are held.
 *
 * The document is the one `schemas/batch.schema.json` describes. Its `files` come before the
 * aggregates, because a file's entry is written as soon as the file is scored, and the
 * aggregates (counts, ranking, duplicates) are known only at the end.
 */
export function createBatchJsonWriter(write: (part: Uint8Array) => void, options: BatchJsonOptions): BatchJsonWriter {
  const { format, lang, policy, findings } = options;
  // Parts are whole texts and whole reports: a part never ends inside a character.
  const part = Buffer.allocUnsafe(PART_SIZE);
  let at = 0;
  const flush = (): void => {
    if (at === 0) return;
    write(part.subarray(0, at));
    at = 0;
  };
  const put = (json: string): void => {
    // Every output's JSON writes bidi, zero-width and C1 controls as escapes (see escapeJsonText).
    const text = escapeJsonText(json);
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    if (at + text.length * 3 > PART_SIZE) flush();
    if (text.length * 3 > PART_SIZE) write(Buffer.from(text, 'utf8'));
    else at += part.write(text, at, 'utf8');
  };
  const putBytes = (bytes: Uint8Array): void => {
    if (at + bytes.length > PART_SIZE) flush();
    if (bytes.length > PART_SIZE) write(bytes);
    else {
      part.set(bytes, at);
      at += bytes.length;
    }
  };
  const head = {
    schemaVersion: BATCH_SCHEMA_VERSION,
    kind: 'batch',
    generatedAt: options.generatedAt,
    tool: { name: 'wangxin', version: options.toolVersion },
    lang,
    policy: {
      failUnder: policy.failUnder ?? null,
      allowIncomplete: policy.allowIncomplete,
      allowDuplicates: policy.allowDuplicates === true,
      allowMissing: policy.allowMissing === true,
      ...(policy.maxOverstatement !== undefined ? { maxOverstatement: policy.maxOverstatement } : {}),
    },
  };
  let count = 0;
  /** One file's entry; a JSON document puts each on its own line of the `files` list. */
  const entry = (o: FileOutcome): void => {
    const text = fileEntryJson(o, policy, lang);
    const before = format === 'jsonl' ? '' : count === 0 ? '\n    ' : ',\n    ';
    const after = format === 'jsonl' ? '\n' : '';
    if (o.report === undefined) put(before + text + after);
    else {
      // The report is spliced in as the bytes the worker wrote: never decoded, parsed or copied into a string.
      put(`${before}${text.slice(0, -1)},"report":`);
      putBytes(o.report);
      put('}' + after);
    }
    count++;
  };
  let nextFinding = 0;
  if (format === 'json') put(JSON.stringify(head, null, 2).slice(0, -2) + ',\n  "files": [');
  return {
    add(outcome) {
      // A file that is not an answer file (a checklist) is listed with the aggregates, not among the files.
      if (outcome.status === 'other') return;
      // Findings are files too, in the same path order (a finding after an outcome of the same name).
      while (nextFinding < findings.length && comparePaths(findings[nextFinding].file, outcome.file) < 0) entry(findingOutcome(findings[nextFinding++]));
      entry(outcome);
      outcome.report = undefined;
    },
    finish(summary) {
      while (nextFinding < findings.length) entry(findingOutcome(findings[nextFinding++]));
      if (format === 'json') {
        put(count === 0 ? '],\n' : '\n  ],\n');
        writeAggregates(summary, { put, indent: '  ', newline: '\n', lang });
        put('\n}\n');
      } else {
        put(JSON.stringify(head).slice(0, -1) + ',');
        writeAggregates(summary, { put, indent: '', newline: '', lang });
        put('}\n');
      }
      flush();
    },
  };
}

/**
 * One file's entry of the `files` list (and one line of JSON Lines) without its report: its
 * verdict, its first diagnostics and its evidence findings. The writer splices the report in.
 */
export function fileEntryJson(o: FileOutcome, policy: BatchPolicy, lang: Lang): string {
  const reasons = judgeFile(o, policy);
  const entry = {
    file: o.file,
    status: o.status,
    failed: reasons.length > 0,
    reasons,
    errorCount: o.errorCount,
    warningCount: o.warningCount,
    errors: o.errors.map((d) => toJsonDiagnostic(d, lang)),
    ...(o.evidence?.length ? { evidence: o.evidence } : {}),
    // What the office can forward to the unit, for a file that is invalid or cannot be read.
    ...(o.status === 'invalid' || o.status === 'unreadable' ? { instruction: instructionFor(o, lang) } : {}),
  };
  return JSON.stringify(entry);
}

/**
 * The aggregates after `files`: counts, ranking, areas, distribution, duplicates and baseline.
 * The ranking is written an entry at a time (a national batch ranks 100,000 units); in a JSON
 * document each entry has a line of its own, in JSON Lines the summary is one line.
 */
function writeAggregates(
  summary: BatchSummary,
  out: { put(text: string): void; indent: string; newline: string; lang: Lang },
): void {
  const { put, indent, newline, lang } = out;
  const pretty = newline !== '';
  const field = (name: string, value: unknown): void => {
    const text = pretty ? JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`) : JSON.stringify(value);
    put(`${indent}${JSON.stringify(name)}:${pretty ? ' ' : ''}${text},${newline}`);
  };
  field('counts', summary.counts);
  if (summary.rectification) field('rectification', summary.rectification);
  put(`${indent}"ranking":${pretty ? ' ' : ''}[`);
  const reasons: ReasonContext = { lang, failUnder: summary.policy.failUnder, maxOverstatement: summary.policy.maxOverstatement, itemText: itemTextLookup(summary) };
  summary.ranking.forEach((r, i) => {
    const text = JSON.stringify(rankingEntry(summary, r, reasons));
    put(pretty ? `${i === 0 ? '' : ','}\n${indent}${indent}${text}` : `${i === 0 ? '' : ','}${text}`);
  });
  put(summary.ranking.length > 0 && pretty ? `\n${indent}],${newline}` : `],${newline}`);
  // The fields after the ranking as one object's fields: stringified with the document's
  // indentation already (no pass over the text to indent it again), its braces left out.
  const rest = {
    areas: summary.areas,
    distribution: { byGrade: summary.byGrade, byType: summary.byType },
    findings: summary.findings,
    duplicates: summary.duplicates,
    ...(summary.roster ? { roster: summary.roster } : {}),
    otherFiles: summary.otherFiles,
    ...(summary.baseline ? { baseline: baselineJson(summary.baseline) } : {}),
  };
  put(pretty ? JSON.stringify(rest, null, 2).slice(2, -2) : JSON.stringify(rest).slice(1, -1));
}

/** One line of the ranking. */
function rankingEntry(summary: BatchSummary, r: RankedUnit, reasons: ReasonContext): object {
  const f = summary.files[r.index];
  const s = f.summary!;
  return {
    rank: r.rank,
    typeRank: r.typeRank,
    file: f.file,
    unit: { name: s.unit.name, type: s.unit.type, typeLabel: s.unit.typeLabel },
    score: s.score,
    grade: { index: s.grade.index, label: s.grade.label },
    vetoed: s.vetoed,
    complete: s.complete,
    weakestArea: weakestArea(s) ?? null,
    failed: f.failed,
    // Why it fails, in words (empty when it passes).
    why: explainReasons(f, reasons),
    // Only for a unit the office reviewed: `score` and `grade` above are then the verified ones.
    ...(s.review ? { review: { ...s.review, difference: overstatement(s) } } : {}),
    // Only with --baseline: null for a unit new since the baseline.
    ...(summary.baseline ? { baseline: r.baseline ? { score: r.baseline.score, delta: r.baseline.delta, gradeChange: r.baseline.gradeChange, ...(r.baseline.followUp ? { followUp: r.baseline.followUp } : {}) } : null } : {}),
  };
}

/** The batch-wide part of the comparison as it appears in the JSON summary (`baseline` at the top). */
function baselineJson(aggregate: BaselineAggregate): Record<string, unknown> {
  return {
    dir: aggregate.dir,
    matched: aggregate.matched,
    newUnits: aggregate.newUnits,
    missingUnits: aggregate.missingUnits.map((u) => ({ name: u.name, type: u.type, file: u.file })),
    followUp: aggregate.followUp,
  };
}

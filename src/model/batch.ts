// What a batch run produces, shared by batch (which builds it), report (which formats it) and the CLI: per-file outcomes, verdicts, the summary.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { EvidenceFinding } from './evidence.js';
import type { Report } from './report.js';

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
  /** The unit's fail, partial and unanswered items, only when asked for (`--format xlsx`). */
  openItems?: OpenItem[];
  /** `--verify-evidence`: evidence missing, changed since recorded, or outside the submission's folder (valid files only). */
  evidence?: EvidenceFinding[];
  errors: Diagnostic[];
  errorCount: number;
  warnings: Diagnostic[];
  warningCount: number;
}

/** One open item of one unit: what the workbook lists, and nothing more (a national batch keeps them all). */
export interface OpenItem {
  id: string;
  area: string;
  status: 'fail' | 'partial' | 'unanswered';
  /** What is checked, in the batch's language. */
  text: string;
  /** max − earned, 2 decimals (an unanswered item loses all of its points). */
  lost: number;
  note?: string;
}

/** A ranked unit's change since the baseline. */
export interface UnitBaseline {
  /** The baseline score. */
  score: number;
  /** This batch's score minus the baseline score, rounded to 2 decimals. */
  delta: number;
  /** `up`: a better grade than in the baseline (a lower grade index). */
  gradeChange: 'up' | 'down' | 'same';
  /** The baseline grade. */
  grade: { index: number; label: string };
  /** The baseline file. */
  file: string;
}

/** One line of the biggest changes. */
export interface BaselineChange {
  name: string;
  type: string;
  typeLabel: string;
  file: string;
  score: number;
  baselineScore: number;
  delta: number;
}

/** The batch-wide comparison with the baseline. */
export interface BaselineAggregate {
  dir: string;
  /** Ranked units (valid files) that have a baseline. */
  matched: number;
  /** Ranked units without one. */
  newUnits: number;
  /** Units of the baseline that submitted nothing valid in this batch, by name then type. */
  missingUnits: { name: string; type: string; typeLabel: string; file: string }[];
  /** The biggest rises and falls (at most {@link TOP_CHANGES} each, biggest first). */
  improvements: BaselineChange[];
  declines: BaselineChange[];
}

/** Why a file fails the batch. */
export type FailReason = 'unreadable' | 'invalid' | 'vetoed' | 'belowThreshold' | 'incomplete' | 'evidence';

/** The thresholds of a batch run. */
export interface BatchPolicy {
  /** `--fail-under N`: a unit scoring below N fails. */
  failUnder?: number;
  /** `--allow-incomplete`: unanswered items do not fail a unit. */
  allowIncomplete: boolean;
}

/** One file's line in the summary, in input order. */
export interface FileVerdict {
  file: string;
  status: FileOutcome['status'];
  failed: boolean;
  reasons: FailReason[];
  /** The unit's data (valid files). */
  summary?: UnitSummary;
  /** Whether another file submitted the same unit (same name and type). */
  duplicate: boolean;
  /** Diagnostics kept for invalid files, and the total. */
  errors: Diagnostic[];
  errorCount: number;
  warningCount: number;
  /** `--verify-evidence`: evidence missing, changed since recorded, or outside the submission's folder. */
  evidence?: EvidenceFinding[];
}

/** One line of the ranking. */
export interface RankedUnit {
  rank: number;
  /** Index into `files`. */
  index: number;
  /** `--baseline`: the change since the baseline; undefined for a unit new since then. */
  baseline?: UnitBaseline;
}

/** Everything the Markdown, JSON and JUnit outputs are made from. */
export interface BatchSummary {
  generatedAt: string;
  policy: BatchPolicy;
  files: FileVerdict[];
  counts: {
    files: number;
    valid: number;
    invalid: number;
    unreadable: number;
    vetoed: number;
    incomplete: number;
    belowThreshold: number;
    failed: number;
    duplicates: number;
    /** Files that are not answer files by their content (`otherFiles`). */
    other: number;
  };
  ranking: RankedUnit[];
  /** Area columns: the areas of the units' checklist, in checklist order. */
  areas: { id: string; title: string }[];
  byGrade: { index: number; label: string; count: number }[];
  byType: { type: string; label: string; count: number; averageScore: number | null }[];
  /** Units submitted more than once: their files, in order. */
  duplicates: { name: string; type: string; files: string[] }[];
  /** Files found among the submissions that are not answer files (checklists): listed, not scored, never a failure. */
  otherFiles: ({ file: string } & OtherFile)[];
  /** `--baseline`: the comparison with an earlier round (set by `applyBaseline`). */
  baseline?: BaselineAggregate;
}

/**
 * Why one file fails the batch, from that file alone: unreadable or invalid, vetoed, below
 * `--fail-under`, incomplete (without `--allow-incomplete`), evidence that cannot be trusted.
 * Empty when it passes. A streamed summary writes each file's verdict as soon as it is scored.
 */
export function judgeFile(o: FileOutcome, policy: BatchPolicy): FailReason[] {
  const reasons: FailReason[] = [];
  if (o.status === 'other') return reasons;
  if (o.status !== 'valid') reasons.push(o.status);
  const s = o.summary;
  if (s) {
    if (s.vetoed) reasons.push('vetoed');
    if (policy.failUnder !== undefined && s.score < policy.failUnder) reasons.push('belowThreshold');
    if (!s.complete && !policy.allowIncomplete) reasons.push('incomplete');
  }
  // Tampered, missing or escaping evidence fails the unit.
  if (o.evidence?.length) reasons.push('evidence');
  return reasons;
}

/** The outcome of an entry that discovery could not read (an unreadable folder, a symlink loop). */
export function findingOutcome(d: Diagnostic): FileOutcome {
  return { file: d.file, status: 'unreadable', fast: false, errors: [d], errorCount: 1, warnings: [], warningCount: 0 };
}

/** The id of each unit's weakest area (lowest score; the first in checklist order on a tie), or undefined. */
export function weakestArea(summary: UnitSummary): string | undefined {
  let id: string | undefined;
  let lowest = Infinity;
  summary.areaScores.forEach((score, i) => {
    if (score === null) return;
    if (id === undefined || score < lowest) {
      id = summary.areaIds[i];
      lowest = score;
    }
  });
  return id;
}

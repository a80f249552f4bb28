// What a batch run produces, shared by batch (which builds it), report (which formats it) and the CLI: per-file outcomes, verdicts, the summary.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { EvidenceFinding } from './evidence.js';
import type { Report } from './report.js';
import type { Rectify } from './answers.js';
import type { ItemOutcome } from './score-result.js';
import type { Shortfalls } from './score-result.js';

/** What the summary needs of a valid unit (the report without its items). */
export interface UnitSummary {
  checklist: { id: string; version: string };
  unit: Report['unit'];
  score: number;
  /**
   * The score rounded once to one decimal from the exact value, as the summaries show it (`score`
   * is rounded to two: shown to one from there, 59.949 would be 60.0 where the unit's own report
   * says 59.9); absent where only the rounded score is known (a summary of a JSON report).
   */
  shownScore?: number;
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
  /** The answer file's `date` (YYYY-MM-DD), which decides among a unit's submissions. */
  date?: string;
  /**
   * The items the unit did not fully meet, as scored in the worker: the main thread adds them to
   * the county-wide item counts as the outcome comes in and then deletes them, so they are never
   * kept per unit.
   */
  shortfalls?: Shortfalls;
  /** The unit's rectification tasks on the batch's day, when it has any. */
  tasks?: TaskTally;
  /** With `followUp`: the answered items' outcomes (pass, partial, fail) in checklist order, and the rectification tasks. */
  round?: UnitRound;
  /** The office's review, when the unit has one: `score`, `grade` and the rest are then the verified ones. */
  review?: UnitReview;
}

/** What the batch keeps of a unit's review: the self-assessed score beside the verified one the unit is ranked on. */
export interface UnitReview {
  /** The review file, as the batch shows paths. */
  file: string;
  reviewer: string;
  date: string;
  /** The self-assessed score (自评分), 2 decimals. */
  selfScore: number;
  selfGrade: { index: number; label: string };
  selfVetoed: boolean;
  /** How many applying items the review adjusted. */
  adjusted: number;
  /** Whether the answer file has changed since the review (its SHA-256 differs). */
  changed: boolean;
}

/** Self-assessed minus verified score, at the 2 decimals reports show: above 0 when the unit rated itself higher. */
export function overstatement(summary: UnitSummary): number | undefined {
  if (!summary.review) return undefined;
  return Math.round(summary.review.selfScore * 100 - summary.score * 100) / 100;
}

/** What `batch --baseline` needs of one round of a unit to follow it up item by item. */
export interface UnitRound {
  outcomes: [string, ItemOutcome][];
  plans: [string, Rectify][];
}

/** Counts of one unit's (or many units') rectification tasks for a period: what `ledger` and `batch` show on top. */
export interface TaskTally {
  /** Tasks in all. */
  tasks: number;
  /** Tasks not done. */
  open: number;
  /** Tasks not done whose due date has passed on the day counted for. */
  overdue: number;
  /** Tasks done from `since` to `asOf`, both included. */
  doneThisPeriod: number;
}

/**
 * A file found among the submissions that is not an answer file: a checklist, the office's review
 * of a unit (named by its checklist), the office's roster of the units due, or a workbook wangxin
 * wrote (a batch summary, a ledger); the last two name no checklist.
 */
export interface OtherFile {
  kind: 'checklist' | 'review' | 'roster' | 'output';
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
   * json`/`jsonl`): a view of a buffer shared with other reports of the same thread, or of the
   * same chunk once handed from a worker thread (see reportBytes and the worker).
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
  /** The first warnings about the unit's review (its answer file changed since, say): printed with the batch's diagnostics. */
  reviewWarnings?: Diagnostic[];
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
  /** Item by item since the baseline (when both rounds' items are known). */
  followUp?: UnitFollowUp;
}

/** One unit's item-by-item follow-up since the baseline: item ids, and the baseline's tasks judged. */
export interface UnitFollowUp {
  fixed: string[];
  newlyFailing: string[];
  /** Repeat findings: short in both rounds. */
  stillFailing: string[];
  tasks: { total: number; onTime: number; late: number; open: number };
}

/** One line of the biggest changes. */
export interface BaselineChange {
  name: string;
  type: string;
  typeLabel: string;
  file: string;
  score: number;
  /** The score as the summaries show it (see {@link UnitSummary.shownScore}). */
  shownScore?: number;
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
  /** The follow-up summed over the matched units, and how many units have a repeat finding. */
  followUp: { fixed: number; newlyFailing: number; stillFailing: number; repeatUnits: number; tasks: { total: number; onTime: number; late: number; open: number } };
}

/** Why a file fails the batch. */
export type FailReason = 'unreadable' | 'invalid' | 'vetoed' | 'belowThreshold' | 'incomplete' | 'evidence' | 'duplicate' | 'overstated';

/** The thresholds of a batch run. */
export interface BatchPolicy {
  /** `--fail-under N`: a unit scoring below N fails. */
  failUnder?: number;
  /** `--allow-incomplete`: unanswered items do not fail a unit. */
  allowIncomplete: boolean;
  /** `--allow-duplicates`: a unit submitted more than once is not a finding (its latest copy still counts alone). */
  allowDuplicates?: boolean;
  /** `--allow-missing`: a unit on the roster that has not submitted is not a finding. */
  allowMissing?: boolean;
  /** `--max-overstatement N`: a reviewed unit whose self-assessed score exceeds the verified one by more than N fails. */
  maxOverstatement?: number;
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
  /**
   * For a unit's superseded submission: the file that counts instead (latest `date`, else last in
   * path order). A superseded file is neither scored in the summary nor ranked nor in any aggregate.
   */
  supersededBy?: string;
  /** Diagnostics kept for invalid files, and the total. */
  errors: Diagnostic[];
  errorCount: number;
  warningCount: number;
  /** `--verify-evidence`: evidence missing, changed since recorded, or outside the submission's folder. */
  evidence?: EvidenceFinding[];
}

/** One line of the ranking. */
export interface RankedUnit {
  /** The place among every ranked unit: verdict first (a vetoed unit below every other), then score. */
  rank: number;
  /** The place among the ranked units of the same unit type, by the same order. */
  typeRank: number;
  /** Index into `files`. */
  index: number;
  /** `--baseline`: the change since the baseline; undefined for a unit new since then. */
  baseline?: UnitBaseline;
}

/** An item of the checklist the summary is about, with its text in the summary's language. */
export interface SummaryItem {
  id: string;
  area: string;
  text: string;
  points: number;
  veto: boolean;
  bonus: boolean;
  /** Unit type ids; absent means every unit type. */
  appliesTo?: readonly string[];
}

/** One item across the county. */
export interface ItemFinding {
  id: string;
  area: string;
  text: string;
  /** Counted units whose type the item applies to. */
  applying: number;
  failed: number;
  partial: number;
  unanswered: number;
  /** Σ points lost across the county, 2 decimals. */
  lost: number;
}

/** One area across the county. */
export interface AreaFinding {
  id: string;
  title: string;
  /** Units with a score in the area (it applies to their type and not every item was `na`). */
  units: number;
  /** The mean of those units' area scores (each unit weighs the same), 2 decimals; null without units. */
  average: number | null;
  /** The spread: the lowest and the highest unit score in the area. */
  min: number | null;
  max: number | null;
  /** The units lowest in the area (at most 3), lowest first. */
  weakest: { name: string; typeLabel: string; score: number; file: string }[];
}

/** The roster against the submissions (`--roster`): who is missing, who submitted without being on it. */
export interface RosterCheck {
  file: string;
  /** Units on the roster. */
  expected: number;
  /** Units on the roster with a valid submission. */
  submitted: number;
  /** Units on the roster without a valid submission (an invalid file names no unit), in roster order. */
  missing: { name: string; type: string; typeLabel: string }[];
  /** Counted submissions of units not on the roster, in ranking order. */
  notOnRoster: { name: string; type: string; typeLabel: string; file: string }[];
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
    /** Submissions left out because a later one of the same unit counts. */
    superseded: number;
    /** Files that are not answer files by their content (`otherFiles`). */
    other: number;
    /** Counted units the office reviewed (only when any was). */
    reviewed?: number;
    /** Of those, the units failing `--max-overstatement` (only when any unit was reviewed). */
    overstated?: number;
  };
  ranking: RankedUnit[];
  /** Area columns: the areas of the units' checklist, in checklist order. */
  areas: { id: string; title: string }[];
  /** The items of the units' checklist (when known), in checklist order: their texts name items in reasons and findings. */
  items: SummaryItem[];
  byGrade: { index: number; label: string; count: number }[];
  /** Per unit type: how many units, their average score, and how many of them in each grade (aligned with `byGrade`). */
  byType: { type: string; label: string; count: number; averageScore: number | null; byGrade: number[] }[];
  /** County-wide: per area (average, spread, weakest units) and per item (how often not met, points lost). */
  findings: {
    /** The checklist version the item findings are about (units of other versions are left out of them). */
    checklist: { id: string; version: string } | null;
    areas: AreaFinding[];
    items: ItemFinding[];
  };
  /** Units submitted more than once: their files in path order, the one that counts, and the ones it supersedes. */
  duplicates: { name: string; type: string; typeLabel: string; files: string[]; kept: string; superseded: { file: string; date: string | null }[]; date: string | null }[];
  /** Files found among the submissions that are not answer files (checklists): listed, not scored, never a failure. */
  otherFiles: ({ file: string } & OtherFile)[];
  /** `--roster`: the units expected, those missing, the submissions from units not on it (set by the command). */
  roster?: RosterCheck;
  /** `--baseline`: the comparison with an earlier round (set by `applyBaseline`). */
  baseline?: BaselineAggregate;
  /** The rectification tasks of the valid units on `asOf` (set by the command), when any unit has one. */
  rectification?: { asOf: string; since: string; units: number; tasks: number; open: number; overdue: number; doneThisPeriod: number };
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
    const over = overstatement(s);
    if (policy.maxOverstatement !== undefined && over !== undefined && over > policy.maxOverstatement) reasons.push('overstated');
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

/** The text of each item of the summary's checklist by id, for the reasons. */
export function itemTextLookup(summary: Pick<BatchSummary, 'items'>): (id: string) => string | undefined {
  const texts = new Map(summary.items.map((i) => [i.id, i.text]));
  return (id) => texts.get(id);
}

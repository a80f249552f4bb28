// The JSON report of one scored unit (docs/formats.md §5), as validated by schemas/report.schema.json.
import type { Evidence, Rectify } from './answers.js';
import type { ItemKind } from './checklist.js';
import type { ItemOutcome } from './score-result.js';
import type { Lang } from '../i18n/lang.js';

/** One deduction rule as applied to a deduct item. */
export interface ReportDeduction {
  id: string;
  text: string;
  /** Occurrences counted by the unit. */
  count: number;
  /** Points off per occurrence. */
  points: number;
}

/** A rectification task in a report: the plan as written, with `overdueDays` when it is overdue. */
export interface ReportRectify extends Rectify {
  /** Days past `due` on the report's day, for a task that is not done; absent when not overdue. */
  overdueDays?: number;
}

/** Counts of rectification tasks on the report's day. */
export interface RectifyCounts {
  /** The day the counts are for, `YYYY-MM-DD`. */
  asOf: string;
  /** Tasks in the file. */
  tasks: number;
  open: number;
  inProgress: number;
  done: number;
  /** Tasks not done whose due date has passed. */
  overdue: number;
}

/** One applying item in the report. Numbers are rounded to 2 decimals. */
export interface ReportItem {
  id: string;
  area: string;
  section?: string;
  /** What is checked, in the report's language. */
  text: string;
  kind: ItemKind;
  status: ItemOutcome;
  earned: number;
  max: number;
  /** False for `na` items, which are left out of every sum. */
  counted: boolean;
  veto: boolean;
  bonus: boolean;
  /** The value given, for ratio items. */
  value?: number;
  /** The deductions, for deduct items. */
  deductions?: ReportDeduction[];
  note?: string;
  evidence: Evidence[];
  /** The answer's rectification task, with the days it is overdue on the report's day. */
  rectify?: ReportRectify;
}

/** One area in the report. */
export interface ReportArea {
  id: string;
  title: string;
  weight: number;
  earned: number;
  max: number;
  /** Σ earned / Σ max, 4 decimals; null when every item was left out (`na`). */
  ratio: number | null;
  /** 100 × ratio, 2 decimals; null with ratio. */
  score: number | null;
  /** Share of the base score's weight this area carries (0..1, 4 decimals); 0 when it has no ratio. */
  share: number;
  /** Points this area adds to the base score: 100 × w·r / Σw (2 decimals). */
  contribution: number;
  /**
   * False when no non-bonus item of the area applies to the unit type: weight, earned and max are
   * then 0 and ratio and score null. Reports written before this field existed left such areas out.
   */
  applicable?: boolean;
}

/** An open item and what meeting it would add to the final score. */
export interface ReportImprovement {
  id: string;
  gain: number;
  scoreIfMet: number;
  liftsVeto: boolean;
}

/** The report of one unit. */
export interface Report {
  schemaVersion: 1;
  generatedAt: string;
  tool: { name: 'wangxin'; version: string };
  lang: Lang;
  checklist: { id: string; version: string; title: string };
  unit: { name: string; type: string; typeLabel: string; code?: string };
  assessor?: { name?: string; role?: string; contact?: string };
  period?: string;
  score: number;
  baseScore: number;
  bonusScore: number;
  bonus: {
    /** Σ earned over bonus items, before the cap. */
    earned: number;
    cap: number;
    minBase: number;
    /** Whether the base score reached minBase (bonus counts). */
    applied: boolean;
    items: string[];
  };
  grade: { index: number; label: string; min: number };
  vetoed: boolean;
  vetoItems: string[];
  complete: boolean;
  unanswered: string[];
  ignored: string[];
  partialCredit: number;
  counts: { items: number; pass: number; partial: number; fail: number; na: number; unanswered: number };
  areas: ReportArea[];
  items: ReportItem[];
  improvements: ReportImprovement[];
  /** Counts of the rectification tasks on the day the report is made for; absent when the answers have none. */
  rectification?: RectifyCounts;
  /**
   * The office's review, when the unit's answers were reviewed: the report's scores, grade, areas
   * and items are then the verified ones (核查), and this holds the self-assessed score beside them.
   */
  review?: ReportReview;
}

/** An item's answer as one side of a review scored it. */
export interface ReportReviewAnswer {
  status: ItemOutcome;
  /** Points earned, 2 decimals. */
  earned: number;
  value?: number;
  deductions?: ReportDeduction[];
}

/** An item whose answer the office changed. */
export interface ReportAdjusted {
  id: string;
  text: string;
  /** The item's points for the unit (0 when verified `na`). */
  max: number;
  /** As the unit answered it. */
  self: ReportReviewAnswer;
  /** As the office verified it. */
  verified: ReportReviewAnswer;
  /** The verified points minus the unit's own, 2 decimals. */
  change: number;
  reason: string;
  note?: string;
}

/** The office's review of the unit's answers, in a report. */
export interface ReportReview {
  /** The review file, as the command was given it or found it. */
  file: string;
  reviewer: string;
  /** The day the review was last saved. */
  date: string;
  /** The SHA-256 the review recorded of the answer file. */
  answersSha256: string;
  /** Whether the answer file has changed since it was reviewed (its SHA-256 differs). */
  answersChanged: boolean;
  /** The self-assessed score (自评分) and its parts and grade; the report's own are the verified ones. */
  selfScore: number;
  selfBaseScore: number;
  selfBonusScore: number;
  selfGrade: { index: number; label: string; min: number };
  selfVetoed: boolean;
  /** Self-assessed minus verified score (2 decimals): above 0 when the unit rated itself higher. */
  difference: number;
  /** Applying items the office confirmed. */
  confirmed: number;
  /** Applying items it adjusted, in checklist order. */
  adjusted: ReportAdjusted[];
}

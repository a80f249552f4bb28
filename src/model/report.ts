// The JSON report of one scored unit (docs/formats.md §5), as validated by schemas/report.schema.json.
import type { Evidence } from './answers.js';
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
}

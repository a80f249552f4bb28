// The typed result of scoring one answer file (docs/formats.md §4), shared by score, run, batch and every reporter.
import type { Evidence, Rectify, Status, Unit } from './answers.js';
import type { ItemKind } from './checklist.js';
import type { Text } from './text.js';

/** An item's outcome: the answer's status, or derived for ratio/deduct items, or unanswered. */
export type ItemOutcome = Status | 'unanswered';

/** One applying item, scored. Numbers are unrounded. */
export interface ItemScore {
  id: string;
  area: string;
  section?: string;
  kind: ItemKind;
  /**
   * `pass`/`partial`/`fail`/`na` as answered for status items; for ratio and deduct items
   * derived from the points (all → pass, none → fail, some → partial) or `na`; `unanswered`.
   */
  status: ItemOutcome;
  /** Points earned (0 for na: it is left out, see `counted`). */
  earned: number;
  /** Maximum points (0 for na). */
  max: number;
  /** False for `na` items, which are left out of every sum. */
  counted: boolean;
  veto: boolean;
  bonus: boolean;
  /** The ratio value given, for ratio items. */
  value?: number;
  /** The deduction counts given, for deduct items. */
  deductions?: Record<string, number>;
  note?: string;
  evidence: Evidence[];
  /** The rectification task of the answer, when it has one. */
  rectify?: Rectify;
}

/**
 * One area, scored. `ratio`/`score` are null when every item was left out (weight redistributed),
 * and for an area none of whose non-bonus items applies to the unit type (`applicable: false`).
 */
export interface AreaScore {
  id: string;
  /** The weight used: the area's `weight`, or the points of its applying non-bonus items; 0 when not applicable. */
  weight: number;
  /** Σ earned over counted non-bonus items. */
  earned: number;
  /** Σ max over counted non-bonus items. */
  max: number;
  ratio: number | null;
  /** 100 × ratio. */
  score: number | null;
  /** False when no non-bonus item of the area applies to the unit type (shown as "not applicable"). */
  applicable: boolean;
}

/**
 * The applying non-bonus items a unit did not fully meet, packed (a few bytes each, cheap to send
 * between threads and to keep): two numbers per item, `position × 4 + outcome` (the item's position
 * in the checklist's item list, `listItems` order; outcome 0 fail, 1 partial, 2 unanswered) and the
 * points lost in hundredths of a point.
 */
export type Shortfalls = Uint32Array;

/** A shortfall's outcome in {@link Shortfalls}. */
export const SHORTFALL = { fail: 0, partial: 1, unanswered: 2 } as const;

/** The full scored result of one answer file. Numbers are unrounded; reporters round. */
export interface ScoreResult {
  checklist: { id: string; version: string };
  unit: Unit;
  items: ItemScore[];
  areas: AreaScore[];
  baseScore: number;
  /** Σ earned over bonus items, before the cap. */
  bonusEarned: number;
  /** Bonus that counts: min(bonusEarned, cap) when baseScore >= minBase, else 0. */
  bonusScore: number;
  score: number;
  grade: { index: number; label: Text; min: number };
  vetoed: boolean;
  /** Ids of applying veto items answered `fail`. */
  vetoItems: string[];
  complete: boolean;
  /** Ids of applying items with no answer, in checklist order. */
  unanswered: string[];
  /** Ids of answers ignored because their item does not apply to the unit type. */
  ignored: string[];
  /** With `options.shortfalls`: the items not fully met (batch's county-wide findings). */
  shortfalls?: Shortfalls;
}

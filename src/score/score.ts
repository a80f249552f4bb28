// The scoring engine of docs/formats.md §4: pure, no I/O; the same numbers for `score`, `run` and `batch`.
import type { Answer, Answers } from '../model/answers.js';
import {
  DEFAULT_BONUS,
  appliesTo,
  gradesOf,
  DEFAULT_PARTIAL_CREDIT,
  kindOf,
  listItems,
  type Area,
  type Checklist,
  type Item,
  type ItemKind,
  type Section,
} from '../model/checklist.js';
import { SHORTFALL, type AreaScore, type ItemOutcome, type ItemScore, type ScoreResult, type Shortfalls } from '../model/score-result.js';
import { appendAll } from '../util/append-all.js';

/**
 * Tolerance for comparisons against thresholds (grade `min`, bonus `minBase`): sums of
 * fractional points such as 0.1 + 0.2 land a hair below the value they stand for, and a unit
 * whose score is 80 on paper must not be graded below 80 because of binary arithmetic.
 */
export const SCORE_EPSILON = 1e-9;

/** The credit of a `partial` answer (0..1). */
export function partialCreditOf(checklist: Checklist): number {
  return checklist.scoring?.partialCredit ?? DEFAULT_PARTIAL_CREDIT;
}

/**
 * Scores one item (docs/formats.md §4 step 1). `answer` may be undefined (unanswered). Answers of the
 * wrong shape for the item's kind (which validation rejects) are treated as unanswered.
 */
export function scoreItem(
  item: Item,
  answer: Answer | undefined,
  partialCredit: number,
): Pick<ItemScore, 'status' | 'earned' | 'max' | 'counted' | 'value' | 'deductions'> {
  const points = item.points;
  const kind = kindOf(item);
  const unanswered = (): ReturnType<typeof scoreItem> => ({ status: 'unanswered', earned: 0, max: points, counted: true });
  if (answer === undefined) return unanswered();
  if (answer.status === 'na') return { status: 'na', earned: 0, max: 0, counted: false };
  if (kind === 'status') {
    switch (answer.status) {
      case 'pass':
        return { status: 'pass', earned: points, max: points, counted: true };
      case 'partial':
        return { status: 'partial', earned: points * partialCredit, max: points, counted: true };
      case 'fail':
        return { status: 'fail', earned: 0, max: points, counted: true };
      default:
        return unanswered();
    }
  }
  if (kind === 'ratio') {
    if (typeof answer.value !== 'number' || !Number.isFinite(answer.value)) return unanswered();
    const value = Math.min(1, Math.max(0, answer.value));
    const earned = points * value;
    return { status: deriveStatus(earned, points), earned, max: points, counted: true, value: answer.value };
  }
  // deduct
  if (answer.deductions === undefined || answer.deductions === null || typeof answer.deductions !== 'object') return unanswered();
  let off = 0;
  for (const rule of item.deductions ?? []) {
    const count = answer.deductions[rule.id];
    if (typeof count === 'number' && Number.isFinite(count) && count > 0) off += count * rule.points;
  }
  const earned = Math.max(0, points - off);
  return { status: deriveStatus(earned, points), earned, max: points, counted: true, deductions: { ...answer.deductions } };
}

/** pass/partial/fail for ratio and deduct items, from the points they earned. */
function deriveStatus(earned: number, max: number): ItemOutcome {
  if (earned >= max - SCORE_EPSILON) return 'pass';
  if (earned <= SCORE_EPSILON) return 'fail';
  return 'partial';
}

/** An item where it sits, with what scoring asks of it every time. */
interface ScoringItem {
  item: Item;
  area: Area;
  section?: Section;
  kind: ItemKind;
  veto: boolean;
  bonus: boolean;
}

// Batch scores thousands of files against one checklist; its items are listed once. A
// loaded checklist is not changed afterwards, so the list stays true for the object's lifetime.
const placedCache = new WeakMap<Checklist, { list: ScoringItem[]; ids: Set<string> }>();

/**
 * The checklist's items in order (as `listItems`), with kind, veto and bonus resolved, and the set
 * of their ids; memoised per checklist object.
 */
function placedItems(checklist: Checklist): { list: ScoringItem[]; ids: Set<string> } {
  let placed = placedCache.get(checklist);
  if (!placed) {
    const list = listItems(checklist).map(({ item, area, section }) => ({
      item,
      area,
      ...(section ? { section } : {}),
      kind: kindOf(item),
      veto: item.veto === true,
      bonus: item.bonus === true,
    }));
    placed = { list, ids: new Set(list.map(({ item }) => item.id)) };
    placedCache.set(checklist, placed);
  }
  return placed;
}

/**
 * One item's entry, its properties assigned in the report's order (id, area, section, kind, the
 * score's own fields, veto, bonus, note, evidence): without object spreads, which cost more per item.
 */
function makeItemScore(
  id: string,
  area: string,
  section: string | undefined,
  kind: ItemKind,
  scored: ReturnType<typeof scoreItem>,
  veto: boolean,
  bonus: boolean,
  answer: Answer | undefined,
): ItemScore {
  // Every field is set, absent ones to undefined, always in the same order: the entries then share
  // one shape, and the reporters that read thousands of them (batch) read them at full speed.
  return {
    id,
    area,
    section,
    kind,
    status: scored.status,
    earned: scored.earned,
    max: scored.max,
    counted: scored.counted,
    value: scored.value,
    deductions: scored.deductions,
    veto,
    bonus,
    note: answer?.note,
    evidence: answer?.evidence ? [...answer.evidence] : [],
    rectify: answer?.rectify,
  };
}

/**
 * Scores one answer file against its checklist (docs/formats.md §4). Pure: takes schema- and
 * rule-valid inputs and returns unrounded numbers (reporters round).
 *
 * - Items that do not apply to the unit type are skipped; answers to them are listed in `ignored`.
 * - `na` items are left out of every sum (`counted: false`).
 * - An area's default weight is the Σ points of its non-bonus items that APPLY to the unit type,
 *   `na` ones included: §4 step 3 says "applying", not "counted". So an `na` answer lowers the
 *   area's ratio denominator but not its weight; only an area whose every item is `na` (Σ max = 0)
 *   loses its weight, which is then redistributed over the other areas.
 * - Every area of the checklist is in `areas`, in checklist order. One with no applying non-bonus
 *   item at all (none is meant for this unit type) has `applicable: false`, weight, earned and max
 *   0 and no ratio; one whose applying items are all `na` keeps its weight with `ratio: null`.
 * - `scoring.bonus` and each of its keys default to cap 10 and minBase 80 (docs/formats.md §2).
 * - With `options.items === false`, `items` is left empty; every other field is the same.
 */
export function scoreAnswers(checklist: Checklist, answers: Answers, options: { items?: boolean; shortfalls?: boolean } = {}): ScoreResult {
  // `items: false` (batch's summary, which never shows them) skips the per-item entries, the
  // bulk of the allocation; every number is computed as before.
  const withItems = options.items !== false;
  const unitType = answers.unit.type;
  const given = answers.answers ?? {};
  const partialCredit = partialCreditOf(checklist);
  const items: ItemScore[] = [];
  const unanswered: string[] = [];
  const ignored: string[] = [];
  const vetoItems: string[] = [];
  const placed = placedItems(checklist);
  const areaSums = new Map<string, { points: number; earned: number; max: number; applying: number }>();
  let bonusEarned = 0;
  const shortfalls: number[] | undefined = options.shortfalls ? [] : undefined;
  let position = -1;

  for (const { item, area, section, kind, veto, bonus } of placed.list) {
    position++;
    const answer = Object.prototype.hasOwnProperty.call(given, item.id) ? given[item.id] : undefined;
    if (!appliesTo(item, unitType)) {
      if (answer !== undefined) ignored.push(item.id);
      continue;
    }
    const scored = scoreItem(item, answer, partialCredit);
    if (withItems) items.push(makeItemScore(item.id, area.id, section?.id, kind, scored, veto, bonus, answer));
    if (scored.status === 'unanswered') unanswered.push(item.id);
    if (veto && scored.status === 'fail') vetoItems.push(item.id);
    if (bonus) {
      bonusEarned += scored.earned;
      continue;
    }
    // An unearned bonus is an opportunity, not a shortfall: only non-bonus items are listed.
    if (shortfalls && (scored.status === 'fail' || scored.status === 'partial' || scored.status === 'unanswered')) {
      shortfalls.push(position * 4 + SHORTFALL[scored.status], Math.round((scored.max - scored.earned) * 100));
    }
    const sums = areaSums.get(area.id) ?? { points: 0, earned: 0, max: 0, applying: 0 };
    sums.points += item.points;
    sums.applying += 1;
    if (scored.counted) {
      sums.earned += scored.earned;
      sums.max += scored.max;
    }
    areaSums.set(area.id, sums);
  }
  // Answers to ids the checklist does not have (validation rejects them; be safe anyway).
  appendAll(ignored, Object.keys(given).filter((id) => !placed.ids.has(id)).sort());

  const areas: AreaScore[] = [];
  let weighted = 0;
  let totalWeight = 0;
  for (const area of checklist.areas) {
    const sums = areaSums.get(area.id);
    if (!sums || sums.applying === 0) {
      // Not meant for this unit type: listed, as the report lists every area, but never counted.
      areas.push({ id: area.id, weight: 0, earned: 0, max: 0, ratio: null, score: null, applicable: false });
      continue;
    }
    const weight = area.weight ?? sums.points;
    const ratio = sums.max > 0 ? sums.earned / sums.max : null;
    areas.push({ id: area.id, weight, earned: sums.earned, max: sums.max, ratio, score: ratio === null ? null : 100 * ratio, applicable: true });
    if (ratio !== null) {
      weighted += weight * ratio;
      totalWeight += weight;
    }
  }
  const baseScore = totalWeight > 0 ? (100 * weighted) / totalWeight : 0;

  const cap = checklist.scoring?.bonus?.cap ?? DEFAULT_BONUS.cap;
  const minBase = checklist.scoring?.bonus?.minBase ?? DEFAULT_BONUS.minBase;
  const bonusScore = baseScore + SCORE_EPSILON >= minBase ? Math.min(bonusEarned, cap) : 0;
  const score = baseScore + bonusScore;

  const grades = gradesOf(checklist);
  const vetoed = vetoItems.length > 0;
  let index = grades.length - 1;
  if (!vetoed) {
    const found = grades.findIndex((g) => g.min <= score + SCORE_EPSILON);
    if (found >= 0) index = found;
  }
  const grade = grades[index];

  return {
    checklist: { id: checklist.id, version: checklist.version },
    unit: { ...answers.unit },
    items,
    areas,
    baseScore,
    bonusEarned,
    bonusScore,
    score,
    grade: { index, label: grade.label, min: grade.min },
    vetoed,
    vetoItems,
    complete: unanswered.length === 0,
    unanswered,
    ignored,
    // From the array directly: `Uint32Array.from` goes through its iterator, a good part of scoring a file.
    ...(shortfalls ? { shortfalls: new Uint32Array(shortfalls) as Shortfalls } : {}),
  };
}

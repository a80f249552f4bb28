// "What raises the score most": for each open item, the final score if it alone were met, from the area sums in one pass.
import type { Answers } from '../model/answers.js';
import { DEFAULT_BONUS, type Checklist } from '../model/checklist.js';
import type { ScoreResult } from '../model/score-result.js';
import { SCORE_EPSILON } from './score.js';

/** One open item and what fixing it would do to the final score. */
export interface Gain {
  id: string;
  /** The final score if this item alone were fully met, minus the current score (unrounded). */
  gain: number;
  /** The final score if this item alone were fully met (unrounded). */
  scoreIfMet: number;
  /** A failed veto item: the unit keeps the lowest grade until every such item is met. */
  liftsVeto: boolean;
}

/**
 * Ranks the open items (fail, partial, unanswered; ratio and deduct items short of full points)
 * by how much the FINAL score would rise if each alone were fully met. Item points are not
 * enough: area weights make a point in a small area worth more, and a higher base may unlock the
 * bonus. Failed veto items come first (they decide the grade), then the largest gains; items
 * that would not change the score are left out unless they lift the veto. Ties keep checklist order.
 *
 * Meeting one item changes only its own area's earned points (or, for a bonus item, the bonus
 * earned): an area's weight and maximum do not depend on how its items are answered. So each
 * item's new score is worked out from the sums in `result` in constant time, not by scoring the
 * whole checklist again: linear in the items (a 10,000-item checklist took minutes the other
 * way). A differential test checks it against re-scoring.
 */
export function rankGains(checklist: Checklist, _answers: Answers, result: ScoreResult): Gain[] {
  const areas = new Map(result.areas.map((a) => [a.id, a]));
  let weighted = 0;
  let totalWeight = 0;
  for (const a of result.areas) {
    if (a.ratio === null) continue;
    weighted += a.weight * a.ratio;
    totalWeight += a.weight;
  }
  const cap = checklist.scoring?.bonus?.cap ?? DEFAULT_BONUS.cap;
  const minBase = checklist.scoring?.bonus?.minBase ?? DEFAULT_BONUS.minBase;
  // As scoreAnswers combines them (formats.md §4, steps 4 to 6).
  const finalScore = (base: number, bonusEarned: number): number => base + (base + SCORE_EPSILON >= minBase ? Math.min(bonusEarned, cap) : 0);

  const gains: Gain[] = [];
  for (const scored of result.items) {
    if (scored.status === 'pass' || scored.status === 'na') continue;
    // Met, an item earns its maximum (its points): the rise is what it does not earn now.
    const rise = scored.max - scored.earned;
    let after: number;
    if (scored.bonus) {
      after = finalScore(result.baseScore, result.bonusEarned + rise);
    } else {
      const area = areas.get(scored.area);
      if (!area || area.ratio === null || area.max <= 0) continue;
      const ratio = (area.earned + rise) / area.max;
      const base = totalWeight > 0 ? (100 * (weighted + area.weight * (ratio - area.ratio))) / totalWeight : 0;
      after = finalScore(base, result.bonusEarned);
    }
    const liftsVeto = scored.veto && scored.status === 'fail';
    const gain = after - result.score;
    if (gain > SCORE_EPSILON || liftsVeto) gains.push({ id: scored.id, gain: Math.max(0, gain), scoreIfMet: after, liftsVeto });
  }
  const order = new Map(result.items.map((i, n) => [i.id, n]));
  return gains.sort(
    (a, b) =>
      Number(b.liftsVeto) - Number(a.liftsVeto) ||
      (Math.abs(b.gain - a.gain) > SCORE_EPSILON ? b.gain - a.gain : 0) ||
      order.get(a.id)! - order.get(b.id)!,
  );
}

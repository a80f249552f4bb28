// "What raises the score most": the final score with each open item met in turn, ranked by the real gain.
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
 * `result` must have its item entries (`scoreAnswers` without `items: false`). Meeting one item
 * changes only its own earned points, so each "what if" re-adds that item's area (or the bonus)
 * with the item at full points and re-weighs the areas, in the same order and with the same
 * operations as `scoreAnswers`: the numbers are exactly those of scoring the fixed answers again,
 * at a fraction of the cost (a batch builds a report, gains included, for every unit).
 */
export function rankGains(checklist: Checklist, result: ScoreResult): Gain[] {
  // The earned points of each area's counted non-bonus items, and of the bonus items, in checklist
  // order, and where each item is in its list.
  const byArea = new Map<string, number[]>();
  const bonus: number[] = [];
  const items = result.items;
  const position: number[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const s = items[i];
    if (s.bonus) {
      position[i] = bonus.length;
      bonus.push(s.earned);
    } else if (s.counted) {
      let list = byArea.get(s.area);
      if (!list) byArea.set(s.area, (list = []));
      position[i] = list.length;
      list.push(s.earned);
    } else position[i] = -1;
  }
  const cap = checklist.scoring?.bonus?.cap ?? DEFAULT_BONUS.cap;
  const minBase = checklist.scoring?.bonus?.minBase ?? DEFAULT_BONUS.minBase;
  const found: { gain: Gain; order: number }[] = [];
  for (let i = 0; i < items.length; i++) {
    const scored = items[i];
    if (scored.status === 'pass' || scored.status === 'na' || position[i] < 0) continue;
    // An open item is counted at its full points (`max`); met, it earns them.
    const full = scored.max;
    let base = result.baseScore;
    let bonusEarned = result.bonusEarned;
    if (scored.bonus) {
      bonusEarned = sumWith(bonus, position[i], full);
    } else {
      const earned = sumWith(byArea.get(scored.area)!, position[i], full);
      let weighted = 0;
      let totalWeight = 0;
      for (const area of result.areas) {
        const ratio = area.id === scored.area ? (area.max > 0 ? earned / area.max : null) : area.ratio;
        if (ratio !== null) {
          weighted += area.weight * ratio;
          totalWeight += area.weight;
        }
      }
      base = totalWeight > 0 ? (100 * weighted) / totalWeight : 0;
    }
    const bonusScore = base + SCORE_EPSILON >= minBase ? Math.min(bonusEarned, cap) : 0;
    const scoreIfMet = base + bonusScore;
    const liftsVeto = scored.veto && scored.status === 'fail';
    const gain = scoreIfMet - result.score;
    if (gain > SCORE_EPSILON || liftsVeto) found.push({ gain: { id: scored.id, gain: Math.max(0, gain), scoreIfMet, liftsVeto }, order: i });
  }
  return found
    .sort(
      (a, b) =>
        Number(b.gain.liftsVeto) - Number(a.gain.liftsVeto) ||
        (Math.abs(b.gain.gain - a.gain.gain) > SCORE_EPSILON ? b.gain.gain - a.gain.gain : 0) ||
        a.order - b.order,
    )
    .map((f) => f.gain);
}

/** Σ of `values` from 0, in order, with the one at `position` replaced by `value` (the order `scoreAnswers` adds in). */
function sumWith(values: readonly number[], position: number, value: number): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += i === position ? value : values[i];
  return sum;
}

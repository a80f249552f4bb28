// "What raises the score most": re-scores the unit with each open item fixed and ranks the real gains.
import type { Answer, Answers } from '../model/answers.js';
import { kindOf, listItems, type Checklist, type Item } from '../model/checklist.js';
import type { ScoreResult } from '../model/score-result.js';
import { scoreAnswers, SCORE_EPSILON } from './score.js';

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

/** The answer that fully meets an item of this kind. */
function fullAnswer(item: Item, previous: Answer | undefined): Answer {
  const keep = { ...(previous?.note !== undefined ? { note: previous.note } : {}), ...(previous?.evidence ? { evidence: previous.evidence } : {}) };
  switch (kindOf(item)) {
    case 'ratio':
      return { ...keep, value: 1 };
    case 'deduct':
      return { ...keep, deductions: {} };
    default:
      return { ...keep, status: 'pass' };
  }
}

/**
 * Ranks the open items (fail, partial, unanswered; ratio and deduct items short of full points)
 * by how much the FINAL score would rise if each alone were fully met. Item points are not
 * enough: area weights make a point in a small area worth more, and a higher base may unlock the
 * bonus. Failed veto items come first (they decide the grade), then the largest gains; items
 * that would not change the score are left out unless they lift the veto. Ties keep checklist order.
 */
export function rankGains(checklist: Checklist, answers: Answers, result: ScoreResult): Gain[] {
  const byId = new Map(listItems(checklist).map((p) => [p.item.id, p.item]));
  const gains: Gain[] = [];
  for (const scored of result.items) {
    if (scored.status === 'pass' || scored.status === 'na') continue;
    const item = byId.get(scored.id);
    if (!item) continue;
    const fixed: Answers = { ...answers, answers: { ...answers.answers, [item.id]: fullAnswer(item, answers.answers[item.id]) } };
    const after = scoreAnswers(checklist, fixed);
    const liftsVeto = scored.veto && scored.status === 'fail';
    const gain = after.score - result.score;
    if (gain > SCORE_EPSILON || liftsVeto) gains.push({ id: item.id, gain: Math.max(0, gain), scoreIfMet: after.score, liftsVeto });
  }
  const order = new Map(result.items.map((i, n) => [i.id, n]));
  return gains.sort(
    (a, b) =>
      Number(b.liftsVeto) - Number(a.liftsVeto) ||
      (Math.abs(b.gain - a.gain) > SCORE_EPSILON ? b.gain - a.gain : 0) ||
      order.get(a.id)! - order.get(b.id)!,
  );
}

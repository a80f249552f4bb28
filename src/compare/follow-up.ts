// Round over round, item by item: what was fixed, what newly falls short, what still does (a repeat finding), and whether last round's tasks were closed by their due dates.
import type { Rectify } from '../model/answers.js';
import type { ItemOutcome } from '../model/score-result.js';
import { daysBetween } from '../util/dates.js';

/** The outcomes of one round that the follow-up needs, by item id. */
export type RoundOutcomes = ReadonlyMap<string, ItemOutcome>;

/** Whether an outcome falls short: answered fail or partial (ratio and deduct items: some or all points lost). */
export function fallsShort(status: ItemOutcome | undefined): boolean {
  return status === 'fail' || status === 'partial';
}

/** One of last round's rectification tasks, judged now. */
export interface TaskFollowUp {
  item: string;
  measures: string;
  owner: string;
  due: string;
  /**
   * `onTime`: done on or before its due date; `late`: done after it (`daysLate`); `open`: not
   * done as last round's file stands.
   */
  verdict: 'onTime' | 'late' | 'open';
  doneOn?: string;
  daysLate?: number;
  /** Whether the item no longer falls short this round. */
  fixedNow: boolean;
}

/** One item in the follow-up: its outcome in each round (null where it was not asked). */
export interface FollowUpItem {
  id: string;
  /** What the item checks, when the caller knows it. */
  text?: string;
  last: ItemOutcome | null;
  now: ItemOutcome | null;
}

/** The item-by-item follow-up of two rounds. */
export interface FollowUp {
  /** Fell short last round, answered and met (`pass`) now. */
  fixed: FollowUpItem[];
  /** Falls short now, and did not last round (met, not applicable, unanswered, or not asked). */
  newlyFailing: FollowUpItem[];
  /** Fell short in both rounds: repeat findings (重复发现). */
  stillFailing: FollowUpItem[];
  /** Last round's rectification tasks and whether they were closed by their due dates. */
  tasks: TaskFollowUp[];
  /** Counts of `tasks` by verdict. */
  taskCounts: { total: number; onTime: number; late: number; open: number };
}

/** Judges one task of last round: closed on time, late, or still open. */
export function judgeTask(item: string, plan: Rectify, fixedNow: boolean): TaskFollowUp {
  const base = { item, measures: plan.measures, owner: plan.owner, due: plan.due, fixedNow };
  if (plan.status !== 'done' || plan.doneOn === undefined) return { ...base, verdict: 'open' };
  const late = daysBetween(plan.due, plan.doneOn);
  return late > 0 ? { ...base, verdict: 'late', doneOn: plan.doneOn, daysLate: late } : { ...base, verdict: 'onTime', doneOn: plan.doneOn };
}

/**
 * Follows two rounds of one unit up, item by item. `order` lists the item ids in the order to
 * report them (this round's checklist order, then last round's items no longer asked).
 */
export function followUp(
  last: RoundOutcomes,
  now: RoundOutcomes,
  lastTasks: ReadonlyMap<string, Rectify>,
  order: readonly string[],
  texts?: ReadonlyMap<string, string>,
): FollowUp {
  const fixed: FollowUpItem[] = [];
  const newlyFailing: FollowUpItem[] = [];
  const stillFailing: FollowUpItem[] = [];
  for (const id of order) {
    const before = fallsShort(last.get(id));
    const after = fallsShort(now.get(id));
    const text = texts?.get(id);
    const entry = (): FollowUpItem => ({ id, ...(text !== undefined ? { text } : {}), last: last.get(id) ?? null, now: now.get(id) ?? null });
    if (before && after) stillFailing.push(entry());
    else if (after) newlyFailing.push(entry());
    else if (before && now.get(id) === 'pass') fixed.push(entry());
  }
  const tasks: TaskFollowUp[] = [];
  for (const id of order) {
    const plan = lastTasks.get(id);
    if (plan) tasks.push(judgeTask(id, plan, now.get(id) === 'pass'));
  }
  const taskCounts = { total: tasks.length, onTime: 0, late: 0, open: 0 };
  for (const t of tasks) taskCounts[t.verdict]++;
  return { fixed, newlyFailing, stillFailing, tasks, taskCounts };
}

/** Item ids in report order: `now`'s, then those only `last` has. */
export function itemOrder(now: Iterable<string>, last: Iterable<string>): string[] {
  const order = [...now];
  const seen = new Set(order);
  for (const id of last) if (!seen.has(id)) order.push(id);
  return order;
}

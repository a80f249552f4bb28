// A rectification task as reports show it: the plan, and how many days it is overdue on the report's day.
import type { Rectify } from '../model/answers.js';
import type { RectifyCounts, ReportRectify } from '../model/report.js';
import { daysBetween } from './dates.js';

/** Days `plan` is overdue on `asOf` (0 when done or not yet due). */
export function overdueDays(plan: Rectify, asOf: string): number {
  if (plan.status === 'done') return 0;
  return Math.max(0, daysBetween(plan.due, asOf));
}

/**
 * The report's view of a plan, its keys always in this order (the JSON report is compared byte
 * for byte with the one written straight from the score): measures, owner, due, status, doneOn,
 * evidence, overdueDays.
 */
export function reportRectify(plan: Rectify, asOf: string): ReportRectify {
  const late = overdueDays(plan, asOf);
  return {
    measures: plan.measures,
    owner: plan.owner,
    due: plan.due,
    status: plan.status,
    ...(plan.doneOn !== undefined ? { doneOn: plan.doneOn } : {}),
    ...(plan.evidence !== undefined ? { evidence: [...plan.evidence] } : {}),
    ...(late > 0 ? { overdueDays: late } : {}),
  };
}

/** Counts the plans among `plans` (undefined entries are items without one); undefined when there is none. */
export function countRectify(plans: Iterable<Rectify | undefined>, asOf: string): RectifyCounts | undefined {
  const counts: RectifyCounts = { asOf, tasks: 0, open: 0, inProgress: 0, done: 0, overdue: 0 };
  for (const plan of plans) {
    if (!plan) continue;
    counts.tasks++;
    if (plan.status === 'open') counts.open++;
    else if (plan.status === 'in-progress') counts.inProgress++;
    else counts.done++;
    if (overdueDays(plan, asOf) > 0) counts.overdue++;
  }
  return counts.tasks > 0 ? counts : undefined;
}

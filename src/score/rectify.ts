// Rectification tasks on a given day: how many days each is overdue, and the counts reports, the ledger and batch show.
import type { Rectify } from '../model/answers.js';
import type { RectifyCounts, ReportRectify } from '../model/report.js';
import type { TaskTally } from '../model/batch.js';
import { dayNumber, daysBetween } from '../util/dates.js';

/**
 * Whether `plan` was done by the day `asOf`: marked done, and not on a later day. A ledger looked at
 * as of a day before the task was done shows it as it stood then, open and perhaps overdue.
 */
export function isDoneBy(plan: Rectify, asOf: string): boolean {
  return plan.status === 'done' && (plan.doneOn === undefined || plan.doneOn <= asOf);
}

/** Days `plan` is overdue on `asOf` (0 when done by then or not yet due). */
export function overdueDays(plan: Rectify, asOf: string): number {
  if (isDoneBy(plan, asOf)) return 0;
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
    else if (plan.status === 'in-progress' || !isDoneBy(plan, asOf)) counts.inProgress++;
    else counts.done++;
    if (overdueDays(plan, asOf) > 0) counts.overdue++;
  }
  return counts.tasks > 0 ? counts : undefined;
}

/** Tallies `plans` on the day `asOf` for the period from `since`; undefined when there is none. */
export function tallyTasks(plans: Iterable<Rectify>, asOf: string, since: string): TaskTally | undefined {
  const from = dayNumber(since)!;
  const to = dayNumber(asOf)!;
  const tally: TaskTally = { tasks: 0, open: 0, overdue: 0, doneThisPeriod: 0 };
  for (const plan of plans) {
    tally.tasks++;
    if (!isDoneBy(plan, asOf)) {
      tally.open++;
      if (overdueDays(plan, asOf) > 0) tally.overdue++;
    } else {
      const day = plan.doneOn === undefined ? undefined : dayNumber(plan.doneOn);
      if (day !== undefined && day >= from && day <= to) tally.doneThisPeriod++;
    }
  }
  return tally.tasks > 0 ? tally : undefined;
}

/** The first day of the year of `asOf`: the default start of the period for "done this period". */
export function startOfYear(asOf: string): string {
  return `${asOf.slice(0, 4)}-01-01`;
}

/** The tasks of many units together, with how many units have any; undefined when none has. */
export function sumTallies(tallies: Iterable<TaskTally | undefined>): (TaskTally & { units: number }) | undefined {
  const sum = { units: 0, tasks: 0, open: 0, overdue: 0, doneThisPeriod: 0 };
  for (const t of tallies) {
    if (!t) continue;
    sum.units++;
    sum.tasks += t.tasks;
    sum.open += t.open;
    sum.overdue += t.overdue;
    sum.doneThisPeriod += t.doneThisPeriod;
  }
  return sum.units > 0 ? sum : undefined;
}

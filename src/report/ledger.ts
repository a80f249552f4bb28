// The office's ledger of rectification tasks (整改台账) across units: open tasks, overdue ones, and counts.
import type { Answers, Rectify, RectifyStatus } from '../model/answers.js';
import { listItems, type Checklist } from '../model/checklist.js';
import type { ScoreResult } from '../model/score-result.js';
import { pickText } from '../model/text.js';
import type { Lang } from '../i18n/lang.js';
import { dayNumber } from '../util/dates.js';
import { isDoneBy, overdueDays } from '../score/rectify.js';
export { startOfYear } from '../score/rectify.js';
import { roundHalfAway } from '../score/round.js';

/** One rectification task of one unit, as the ledger lists it. */
export interface LedgerTask {
  /** The answer file, as given on the command line. */
  file: string;
  unit: string;
  unitType: string;
  item: string;
  /** What the item checks, in the ledger's language. */
  text: string;
  area: string;
  areaTitle: string;
  /** Points the unit lost on the item (its points less those earned), 2 decimals. */
  pointsLost: number;
  measures: string;
  owner: string;
  due: string;
  status: RectifyStatus;
  doneOn?: string;
  /** Days past `due` on `asOf` for a task not done; 0 otherwise. */
  overdueDays: number;
}

/** The tasks of one group (a unit or an area). */
export interface LedgerGroup {
  key: string;
  title: string;
  open: number;
  overdue: number;
}

/** The counts at the top of the ledger. */
export interface LedgerCounts {
  /** Answer files read without error. */
  units: number;
  /** Tasks in all, done or not. */
  tasks: number;
  /** Tasks not done (`open` or `in-progress`). */
  open: number;
  /** Tasks not done whose due date has passed on `asOf`. */
  overdue: number;
  /** Tasks done between `since` and `asOf`, both included. */
  doneThisPeriod: number;
}

/** The whole ledger. */
export interface Ledger {
  asOf: string;
  since: string;
  counts: LedgerCounts;
  /** Every task not done, by unit (in file order), then by item (in checklist order). */
  open: LedgerTask[];
  /** Tasks done in the period, in the same order. */
  done: LedgerTask[];
  byUnit: LedgerGroup[];
  byArea: LedgerGroup[];
}

/** One scored answer file, the ledger's input. */
export interface LedgerUnit {
  file: string;
  checklist: Checklist;
  answers: Answers;
  result: ScoreResult;
}

/**
 * Builds the ledger of `units` on the day `asOf`. A task counts as done this period when its
 * `doneOn` is from `since` to `asOf`; the ledger lists every task not done.
 */
export function buildLedger(units: readonly LedgerUnit[], options: { asOf: string; since: string; lang: Lang }): Ledger {
  const { asOf, since, lang } = options;
  const from = dayNumber(since)!;
  const to = dayNumber(asOf)!;
  const open: LedgerTask[] = [];
  const done: LedgerTask[] = [];
  let tasks = 0;
  for (const unit of units) {
    const placed = new Map(listItems(unit.checklist).map((p) => [p.item.id, p]));
    for (const scored of unit.result.items) {
      const plan: Rectify | undefined = scored.rectify;
      if (!plan) continue;
      tasks++;
      const where = placed.get(scored.id);
      const task: LedgerTask = {
        file: unit.file,
        unit: unit.answers.unit.name,
        unitType: unit.answers.unit.type,
        item: scored.id,
        text: pickText(where?.item.text, lang),
        area: scored.area,
        areaTitle: pickText(where?.area.title, lang),
        pointsLost: roundHalfAway(Math.max(0, scored.max - scored.earned), 2),
        measures: plan.measures,
        owner: plan.owner,
        due: plan.due,
        status: plan.status,
        ...(plan.doneOn !== undefined ? { doneOn: plan.doneOn } : {}),
        overdueDays: overdueDays(plan, asOf),
      };
      if (!isDoneBy(plan, asOf)) open.push(task);
      else {
        const day = plan.doneOn === undefined ? undefined : dayNumber(plan.doneOn);
        if (day !== undefined && day >= from && day <= to) done.push(task);
      }
    }
  }
  return {
    asOf,
    since,
    counts: { units: units.length, tasks, open: open.length, overdue: open.filter((t) => t.overdueDays > 0).length, doneThisPeriod: done.length },
    open,
    done,
    byUnit: groupBy(open, (t) => [t.file, t.unit]),
    byArea: groupBy(open, (t) => [t.area, t.areaTitle]).sort((a, b) => a.key.localeCompare(b.key, 'en', { numeric: true })),
  };
}

/** Open and overdue counts per group, in order of first appearance. */
function groupBy(list: readonly LedgerTask[], keyOf: (t: LedgerTask) => [string, string]): LedgerGroup[] {
  const groups = new Map<string, LedgerGroup>();
  for (const t of list) {
    const [key, title] = keyOf(t);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, title, open: 0, overdue: 0 }));
    g.open++;
    if (t.overdueDays > 0) g.overdue++;
  }
  return [...groups.values()];
}

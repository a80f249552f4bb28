// County-wide findings of a batch: per area, per item (counted as outcomes come in), per unit type.
import type { AreaFinding, BatchSummary, ItemFinding, SummaryItem, UnitSummary } from '../model/batch.js';
import { SHORTFALL, type Shortfalls } from '../model/score-result.js';
import { unitKey } from '../model/identity.js';
import { roundHalfAway } from '../score/round.js';

/** How often one item was not met across the county, and the points it cost. */
export interface ItemCount {
  failed: number;
  partial: number;
  unanswered: number;
  /** Σ points lost (each unit's loss counted to the hundredth of a point). */
  lost: number;
}

/** The key of a checklist version in the tally. */
export function checklistKey(checklist: { id: string; version: string }): string {
  return `${checklist.id}@${checklist.version}`;
}

/** Counters of one checklist version, by item position (`listItems` order). */
interface Counters {
  failed: number[];
  partial: number[];
  unanswered: number[];
  /** Hundredths of a point. */
  lost: number[];
}

const NONE: Shortfalls = new Uint32Array(0);

/**
 * Per-item counters of a batch, per checklist version, updated as each unit's outcome comes in
 * (in path order). A unit counts once: when a later copy of a unit takes an earlier one's place
 * (a date as late or later, see `summarizeBatch`), the earlier copy's shortfalls are taken back.
 * That is why each unit's packed shortfalls (a few bytes per item not met) are kept here; never
 * a report.
 */
export class ItemTally {
  private readonly byChecklist = new Map<string, Counters>();
  /** Per unit (by identity), where its counted copy's record is in the lists below. */
  private readonly kept = new Map<string, number>();
  private readonly dates: string[] = [];
  private readonly keys: string[] = [];
  private readonly starts: number[] = [];
  private readonly lengths: number[] = [];
  /** Every counted copy's shortfalls, one after the other: one buffer, not a typed array per unit. */
  private pool = new Uint32Array(1 << 12);
  private used = 0;

  /** One valid unit's outcome, in path order (the caller may then drop its `shortfalls`: they are kept here). */
  offer(summary: UnitSummary): void {
    const shortfalls = summary.shortfalls ?? NONE;
    const unit = unitKey(summary.unit.name, summary.unit.type);
    const date = summary.date ?? '';
    const before = this.kept.get(unit);
    // An earlier date than the copy already in: this one is superseded and never counted.
    if (before !== undefined && date < this.dates[before]) return;
    if (before !== undefined) this.apply(this.keys[before], this.pool.subarray(this.starts[before], this.starts[before] + this.lengths[before]), -1);
    const key = checklistKey(summary.checklist);
    this.apply(key, shortfalls, 1);
    const record = before ?? this.dates.length;
    this.kept.set(unit, record);
    this.dates[record] = date;
    this.keys[record] = key;
    this.starts[record] = this.store(shortfalls);
    this.lengths[record] = shortfalls.length;
  }

  /** Copies shortfalls into the pool (doubling it when full); returns where they start. */
  private store(s: Shortfalls): number {
    if (this.used + s.length > this.pool.length) {
      const bigger = new Uint32Array(Math.max(this.pool.length * 2, this.used + s.length));
      bigger.set(this.pool.subarray(0, this.used));
      this.pool = bigger;
    }
    this.pool.set(s, this.used);
    this.used += s.length;
    return this.used - s.length;
  }

  private apply(key: string, s: Shortfalls, sign: 1 | -1): void {
    let c = this.byChecklist.get(key);
    if (!c) this.byChecklist.set(key, (c = { failed: [], partial: [], unanswered: [], lost: [] }));
    for (let i = 0; i < s.length; i += 2) {
      const position = s[i] >>> 2;
      const outcome = s[i] & 3;
      const list = outcome === SHORTFALL.fail ? c.failed : outcome === SHORTFALL.partial ? c.partial : c.unanswered;
      list[position] = (list[position] ?? 0) + sign;
      c.lost[position] = (c.lost[position] ?? 0) + sign * s[i + 1];
    }
  }

  /** The counts of the item at `position` of one checklist version's item list. */
  countOf(key: string, position: number): ItemCount {
    const c = this.byChecklist.get(key);
    if (!c) return { failed: 0, partial: 0, unanswered: 0, lost: 0 };
    return { failed: c.failed[position] ?? 0, partial: c.partial[position] ?? 0, unanswered: c.unanswered[position] ?? 0, lost: (c.lost[position] ?? 0) / 100 };
  }
}

/** How many weakest units each area names. */
export const WEAKEST_UNITS = 3;

const r2 = (x: number): number => roundHalfAway(x, 2);

/**
 * The per-area findings over the ranked units (a superseded copy is not ranked): average, spread
 * and weakest units. Ties among the weakest keep the ranking's order.
 */
export function areaFindings(summary: Pick<BatchSummary, 'areas' | 'ranking' | 'files'>): AreaFinding[] {
  return summary.areas.map((area) => {
    // One pass in ranking order, keeping only the weakest so far: a national batch ranks 100,000
    // units, and an entry per unit sorted whole per area cost more than the rest of the summary.
    const weakest: AreaFinding['weakest'] = [];
    let units = 0;
    let total = 0;
    let min = Infinity;
    let max = -Infinity;
    for (const r of summary.ranking) {
      const f = summary.files[r.index];
      const s = f.summary!;
      const at = s.areaIds.indexOf(area.id);
      const score = at === -1 ? null : s.areaScores[at];
      if (score === null) continue;
      units++;
      total += score;
      min = Math.min(min, score);
      max = Math.max(max, score);
      if (weakest.length === WEAKEST_UNITS && !(score < weakest[WEAKEST_UNITS - 1].score)) continue;
      // After every kept unit of the same score: equal scores stay in ranking order.
      let place = weakest.length;
      while (place > 0 && score < weakest[place - 1].score) place--;
      weakest.splice(place, 0, { name: s.unit.name, typeLabel: s.unit.typeLabel || s.unit.type, score, file: f.file });
      if (weakest.length > WEAKEST_UNITS) weakest.pop();
    }
    if (units === 0) return { id: area.id, title: area.title, units: 0, average: null, min: null, max: null, weakest: [] };
    return { id: area.id, title: area.title, units, average: r2(total / units), min, max, weakest };
  });
}

/**
 * The per-item findings: for each non-bonus item of the summary's checklist that some counted unit
 * failed, met in part or left unanswered, how many and out of how many applying units, sorted by
 * the points lost across the county (then by failures, then checklist order). Only units of the
 * summary's checklist version count; `key` names it.
 */
export function itemFindings(summary: Pick<BatchSummary, 'items' | 'ranking' | 'files'>, tally: ItemTally, key: string | undefined): ItemFinding[] {
  if (key === undefined) return [];
  const perType = new Map<string, number>();
  let all = 0;
  for (const r of summary.ranking) {
    const s = summary.files[r.index].summary!;
    if (checklistKey(s.checklist) !== key) continue;
    perType.set(s.unit.type, (perType.get(s.unit.type) ?? 0) + 1);
    all++;
  }
  const applyingUnits = (item: SummaryItem): number => (item.appliesTo ? item.appliesTo.reduce((n, t) => n + (perType.get(t) ?? 0), 0) : all);
  const out: { finding: ItemFinding; order: number }[] = [];
  summary.items.forEach((item, order) => {
    const c = tally.countOf(key, order);
    if (item.bonus || c.failed + c.partial + c.unanswered === 0) return;
    out.push({
      finding: { id: item.id, area: item.area, text: item.text, applying: applyingUnits(item), failed: c.failed, partial: c.partial, unanswered: c.unanswered, lost: r2(c.lost) },
      order,
    });
  });
  out.sort((a, b) => b.finding.lost - a.finding.lost || b.finding.failed - a.finding.failed || a.order - b.order);
  return out.map((x) => x.finding);
}

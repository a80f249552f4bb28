// Pure comparison of two reports of one unit (e.g. last year's and this year's): score, grade, areas, items.
import type { Report, ReportItem } from '../model/report.js';
import type { ItemOutcome } from '../model/score-result.js';
import type { ItemKind } from '../model/checklist.js';
import { roundHalfAway } from '../score/round.js';
import type { Rectify } from '../model/answers.js';
import { followUp, itemOrder, type FollowUp } from './follow-up.js';

/** Where one side came from and what it says, in short. */
export interface CompareSide {
  file: string;
  /** An answer file (scored for the comparison) or a JSON report as given. */
  kind: 'answers' | 'report';
  checklist: { id: string; version: string; title: string };
  unit: { name: string; type: string; typeLabel: string };
  period?: string;
  score: number;
  baseScore: number;
  bonusScore: number;
  grade: { index: number; label: string };
  vetoed: boolean;
  complete: boolean;
  unanswered: number;
}

/** A number on both sides and the change (new − old), 2 decimals. */
export interface NumberChange {
  old: number;
  new: number;
  delta: number;
}

/** One area's score (0..100) on both sides; null where it has no ratio or does not exist. */
export interface AreaChange {
  id: string;
  title: string;
  old: number | null;
  new: number | null;
  /** new − old when both exist. */
  delta: number | null;
}

/** One item's state on one side. */
export interface ItemState {
  status: ItemOutcome;
  earned: number;
  max: number;
}

/** An item present on both sides whose state changed. */
export interface ItemChange {
  id: string;
  area: string;
  text: string;
  kind: ItemKind;
  old: ItemState;
  new: ItemState;
}

/** An item present on one side only (checklist versions or unit types differ). */
export interface ItemOnly {
  id: string;
  area: string;
  text: string;
  kind: ItemKind;
  state: ItemState;
}

/** Something about the two files the reader should know (they may not be of one unit). */
export interface CompareWarning {
  code: 'unitName' | 'unitType' | 'checklistId' | 'checklistVersion';
  old: string;
  new: string;
}

/** The whole comparison (the `--format json` output). */
export interface Comparison {
  schemaVersion: 1;
  old: CompareSide;
  new: CompareSide;
  warnings: CompareWarning[];
  score: NumberChange;
  baseScore: NumberChange;
  bonusScore: NumberChange;
  /** `up` when the new grade is better (lower index), `down` when worse. */
  grade: { old: { index: number; label: string }; new: { index: number; label: string }; change: 'up' | 'down' | 'same' };
  areas: AreaChange[];
  /** Items that earned more (status order fail < partial < pass; ratio/deduct by the share of points earned). */
  improved: ItemChange[];
  /** Items that earned less. */
  regressed: ItemChange[];
  /** Items open in NEW (fail, partial, unanswered) that were not open in OLD, including items new to NEW. */
  newlyOpen: ItemOnly[];
  /** Other changes of status that are neither better nor worse (to or from `na`; unanswered ↔ fail). */
  otherChanges: ItemChange[];
  onlyInOld: ItemOnly[];
  onlyInNew: ItemOnly[];
  /** Item by item: fixed, newly failing, still failing (repeat findings), and OLD's rectification tasks judged. */
  followUp: FollowUp;
}

const r2 = (x: number): number => roundHalfAway(x, 2);
const EPSILON = 1e-9;

/** The side summary of a report. */
export function summarizeSide(report: Report, file: string, kind: CompareSide['kind']): CompareSide {
  return {
    file,
    kind,
    checklist: { ...report.checklist },
    unit: { name: report.unit.name, type: report.unit.type, typeLabel: report.unit.typeLabel },
    ...(report.period !== undefined ? { period: report.period } : {}),
    score: report.score,
    baseScore: report.baseScore,
    bonusScore: report.bonusScore,
    grade: { index: report.grade.index, label: report.grade.label },
    vetoed: report.vetoed,
    complete: report.complete,
    unanswered: report.unanswered.length,
  };
}

/** Whether an item still needs work. */
export function isOpen(status: ItemOutcome): boolean {
  return status === 'fail' || status === 'partial' || status === 'unanswered';
}

/**
 * How well an item is met, 0..1, or undefined when it is left out (`na`): the share of its
 * points earned; for items without points (a veto item may have 0) the status order
 * fail = unanswered < partial < pass.
 */
export function levelOf(item: Pick<ReportItem, 'status' | 'earned' | 'max'>): number | undefined {
  if (item.status === 'na') return undefined;
  if (item.max > 0) return item.earned / item.max;
  return item.status === 'pass' ? 1 : item.status === 'partial' ? 0.5 : 0;
}

const stateOf = (i: ReportItem): ItemState => ({ status: i.status, earned: i.earned, max: i.max });
const onlyOf = (i: ReportItem): ItemOnly => ({ id: i.id, area: i.area, text: i.text, kind: i.kind, state: stateOf(i) });
const change = (from: number, to: number): NumberChange => ({ old: from, new: to, delta: r2(to - from) });

/** Compares two reports; OLD first. Texts are taken from NEW where an item or area is on both sides. */
export function compareReports(oldReport: Report, newReport: Report, sides: { old: CompareSide; new: CompareSide }): Comparison {
  const warnings: CompareWarning[] = [];
  const warn = (code: CompareWarning['code'], a: string, b: string): void => {
    if (a !== b) warnings.push({ code, old: a, new: b });
  };
  warn('unitName', oldReport.unit.name, newReport.unit.name);
  warn('unitType', oldReport.unit.type, newReport.unit.type);
  warn('checklistId', oldReport.checklist.id, newReport.checklist.id);
  if (oldReport.checklist.id === newReport.checklist.id) warn('checklistVersion', oldReport.checklist.version, newReport.checklist.version);

  const oldAreas = new Map(oldReport.areas.map((a) => [a.id, a]));
  const newAreaIds = new Set(newReport.areas.map((a) => a.id));
  const areas: AreaChange[] = [
    ...newReport.areas.map((a) => {
      const before = oldAreas.get(a.id);
      const o = before?.score ?? null;
      return { id: a.id, title: a.title, old: o, new: a.score, delta: o !== null && a.score !== null ? r2(a.score - o) : null };
    }),
    ...oldReport.areas.filter((a) => !newAreaIds.has(a.id)).map((a) => ({ id: a.id, title: a.title, old: a.score, new: null, delta: null })),
  ];

  const oldItems = new Map(oldReport.items.map((i) => [i.id, i]));
  const newIds = new Set(newReport.items.map((i) => i.id));
  const improved: ItemChange[] = [];
  const regressed: ItemChange[] = [];
  const otherChanges: ItemChange[] = [];
  const newlyOpen: ItemOnly[] = [];
  const onlyInNew: ItemOnly[] = [];
  for (const item of newReport.items) {
    const before = oldItems.get(item.id);
    if (!before) {
      onlyInNew.push(onlyOf(item));
      if (isOpen(item.status)) newlyOpen.push(onlyOf(item));
      continue;
    }
    if (isOpen(item.status) && !isOpen(before.status)) newlyOpen.push(onlyOf(item));
    const entry: ItemChange = { id: item.id, area: item.area, text: item.text, kind: item.kind, old: stateOf(before), new: stateOf(item) };
    const a = levelOf(before);
    const b = levelOf(item);
    if (a !== undefined && b !== undefined && Math.abs(b - a) > EPSILON) (b > a ? improved : regressed).push(entry);
    else if (before.status !== item.status) otherChanges.push(entry);
  }
  const onlyInOld = oldReport.items.filter((i) => !newIds.has(i.id)).map(onlyOf);
  const tasks = new Map<string, Rectify>();
  for (const i of oldReport.items) if (i.rectify) tasks.set(i.id, i.rectify);
  // A bonus item not earned is no shortfall: never a finding, fixed or repeated.
  const follow = followUp(
    new Map(oldReport.items.filter((i) => !i.bonus).map((i) => [i.id, i.status])),
    new Map(newReport.items.filter((i) => !i.bonus).map((i) => [i.id, i.status])),
    tasks,
    itemOrder(newIds, oldItems.keys()),
    new Map([...oldReport.items, ...newReport.items].map((i) => [i.id, i.text])),
  );

  const gi = { old: oldReport.grade.index, new: newReport.grade.index };
  return {
    schemaVersion: 1,
    old: sides.old,
    new: sides.new,
    warnings,
    score: change(oldReport.score, newReport.score),
    baseScore: change(oldReport.baseScore, newReport.baseScore),
    bonusScore: change(oldReport.bonusScore, newReport.bonusScore),
    grade: {
      old: { index: gi.old, label: oldReport.grade.label },
      new: { index: gi.new, label: newReport.grade.label },
      change: gi.new < gi.old ? 'up' : gi.new > gi.old ? 'down' : 'same',
    },
    areas,
    improved,
    regressed,
    newlyOpen,
    otherChanges,
    onlyInOld,
    onlyInNew,
    followUp: follow,
  };
}

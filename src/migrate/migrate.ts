// Pure migration of an answer file to another checklist (version): keeps answers by item id, lists what changed.
import type { Answer, Answers } from '../model/answers.js';
import { appliesTo, applyingItems, kindOf, listItems, type Checklist, type Item } from '../model/checklist.js';

/** Why an answer was not carried over. */
export type DropReason = 'removed' | 'notApplying' | 'kind' | 'deductions';

/** A field of an item that differs between the two checklists. */
export type ChangedField = 'text' | 'kind' | 'points' | 'deductions';

/** An item on both sides whose meaning or scoring changed: to re-check. */
export interface ChangedItem {
  id: string;
  fields: ChangedField[];
  /** Whether the unit's answer was kept. */
  kept: boolean;
}

/** The outcome of a migration. */
export interface Migration {
  /** The migrated answers, naming the new checklist. */
  answers: Answers;
  from: { id: string; version: string };
  to: { id: string; version: string };
  /** Whether the old checklist (exact version) was available to compare with. */
  oldKnown: boolean;
  /** Ids of answers carried over. */
  kept: string[];
  /** Applying items of the new checklist that the old one did not have (old unknown: every applying item left unanswered). */
  newItems: string[];
  /** Items of the old checklist (old unknown: answered ids) that the new one no longer has, and whether they had an answer. */
  removed: { id: string; answered: boolean }[];
  /** Applying items whose text, kind, points or deductions changed (empty when the old checklist is unknown). */
  changed: ChangedItem[];
  /** Answers not carried over, and why. */
  dropped: { id: string; reason: DropReason }[];
  /** Applying items without an answer after the migration. */
  unanswered: string[];
}

/** Whether an answer is well-formed for an item of this kind (docs/formats.md §3), deduction ids included. */
export function answerFits(item: Item, answer: Answer): DropReason | undefined {
  if (answer.status === 'na') return answer.value === undefined && answer.deductions === undefined ? undefined : 'kind';
  const kind = kindOf(item);
  if (kind === 'status') return answer.status !== undefined && answer.value === undefined && answer.deductions === undefined ? undefined : 'kind';
  if (kind === 'ratio') return typeof answer.value === 'number' && answer.status === undefined && answer.deductions === undefined ? undefined : 'kind';
  if (answer.deductions === undefined || answer.status !== undefined || answer.value !== undefined) return 'kind';
  const ids = new Set((item.deductions ?? []).map((d) => d.id));
  return Object.keys(answer.deductions).every((id) => ids.has(id)) ? undefined : 'deductions';
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields that differ between an item's old and new definitions. */
export function changedFields(before: Item, after: Item): ChangedField[] {
  const fields: ChangedField[] = [];
  if (!same(before.text, after.text)) fields.push('text');
  if (kindOf(before) !== kindOf(after)) fields.push('kind');
  if (before.points !== after.points) fields.push('points');
  if (!same(before.deductions, after.deductions)) fields.push('deductions');
  return fields;
}

/**
 * Carries `answers` over to `target`. `old` is the checklist the answers were made for, when that
 * exact version is available; without it nothing is known about changed items, and "new" means
 * "applying and unanswered". The unit type must be declared by `target` (callers check).
 */
export function migrateAnswers(answers: Answers, target: Checklist, old?: Checklist): Migration {
  const unitType = answers.unit.type;
  const newItems = new Map(listItems(target).map((p) => [p.item.id, p.item]));
  const oldItems = old ? new Map(listItems(old).map((p) => [p.item.id, p.item])) : undefined;

  const carried: Record<string, Answer> = {};
  const kept: string[] = [];
  const dropped: Migration['dropped'] = [];
  for (const [id, answer] of Object.entries(answers.answers)) {
    const item = newItems.get(id);
    if (!item) {
      dropped.push({ id, reason: 'removed' });
      continue;
    }
    if (!appliesTo(item, unitType)) {
      dropped.push({ id, reason: 'notApplying' });
      continue;
    }
    const misfit = answerFits(item, answer);
    if (misfit) {
      dropped.push({ id, reason: misfit });
      continue;
    }
    carried[id] = answer;
    kept.push(id);
  }

  const applying = applyingItems(target, unitType).map((p) => p.item);
  const changed: ChangedItem[] = [];
  if (oldItems) {
    for (const item of applying) {
      const before = oldItems.get(item.id);
      if (!before) continue;
      const fields = changedFields(before, item);
      if (fields.length > 0) changed.push({ id: item.id, fields, kept: item.id in carried });
    }
  }
  const removed = oldItems
    ? [...oldItems.keys()].filter((id) => !newItems.has(id)).map((id) => ({ id, answered: id in answers.answers }))
    : Object.keys(answers.answers).filter((id) => !newItems.has(id)).map((id) => ({ id, answered: true }));
  const unanswered = applying.filter((i) => !(i.id in carried)).map((i) => i.id);
  const added = oldItems ? applying.filter((i) => !oldItems.has(i.id)).map((i) => i.id) : unanswered;

  return {
    answers: { ...answers, checklist: { id: target.id, version: target.version }, answers: carried },
    from: { ...answers.checklist },
    to: { id: target.id, version: target.version },
    oldKnown: old !== undefined,
    kept,
    newItems: added,
    removed,
    changed,
    dropped,
    unanswered,
  };
}

// Pure migration of an answer file to another checklist (version): keeps answers by item id, carries those of replaced items, lists what changed.
import type { Answer, Answers } from '../model/answers.js';
import { appliesTo, applyingItems, kindOf, listItems, type Checklist, type Item } from '../model/checklist.js';
import { pickText } from '../model/text.js';
import { escapeJsonText } from '../util/safe-text.js';

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

/** An applying item of the new checklist answered with the answer given to an item it `replaces`: to re-check. */
export interface CarriedItem {
  id: string;
  /** The replaced item whose answer was carried over. */
  from: string;
}

/** The outcome of a migration. */
export interface Migration {
  /** The migrated answers, naming the new checklist. */
  answers: Answers;
  from: { id: string; version: string };
  to: { id: string; version: string };
  /** Whether the old checklist (exact version) was available to compare with. */
  oldKnown: boolean;
  /** Ids of answers carried over under their own ids. */
  kept: string[];
  /** Applying items answered with the answer to an item they replace (see {@link Item.replaces}). */
  carried: CarriedItem[];
  /**
   * Applying items, not carried, that the old checklist did not have or did not apply to the
   * unit's type (old unknown: every applying item left unanswered).
   */
  newItems: string[];
  /**
   * Items of the old checklist (old unknown: answered ids) that the new one no longer has, whether
   * they had an answer, and the items that answer was carried over to.
   */
  removed: { id: string; answered: boolean; carriedTo: string[] }[];
  /** Applying items whose text, kind, points or deductions changed (empty when the old checklist is unknown). */
  changed: ChangedItem[];
  /** Answers neither kept nor carried over to a replacing item, and why. */
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

/**
 * The fields that differ between an item's old and new definitions. Texts are compared in
 * Chinese, the language a checklist must have and the one its meaning is settled in: a revised
 * translation alone does not ask units to re-check their answers.
 */
export function changedFields(before: Item, after: Item): ChangedField[] {
  const fields: ChangedField[] = [];
  if (pickText(before.text, 'zh') !== pickText(after.text, 'zh')) fields.push('text');
  if (kindOf(before) !== kindOf(after)) fields.push('kind');
  if (before.points !== after.points) fields.push('points');
  if (!same(deductionTerms(before), deductionTerms(after))) fields.push('deductions');
  return fields;
}

/** What a deduct item's rules mean for an answer: ids, points and Chinese texts, in order. */
function deductionTerms(item: Item): unknown {
  return item.deductions?.map((d) => [d.id, d.points, pickText(d.text, 'zh')]);
}

/**
 * Carries `answers` over to `target`. `old` is the checklist the answers were made for, when that
 * exact version is available; without it nothing is known about changed items, and "new" means
 * "applying and unanswered". The unit type must be declared by `target` (callers check).
 *
 * An answer is kept under its own id when the item is still there, applies to the unit's type and
 * the answer fits its kind. An answer that is not kept goes to every applying, unanswered item
 * that lists its id in `replaces` and whose kind it fits (the first such answer in `replaces`
 * order): a split item's answer reaches both halves, to be re-checked.
 */
export function migrateAnswers(answers: Answers, target: Checklist, old?: Checklist): Migration {
  const unitType = answers.unit.type;
  const newItems = new Map(listItems(target).map((p) => [p.item.id, p.item]));
  const oldItems = old ? new Map(listItems(old).map((p) => [p.item.id, p.item])) : undefined;

  const carried: Record<string, Answer> = {};
  const kept: string[] = [];
  const notKept = new Map<string, DropReason>();
  for (const [id, answer] of Object.entries(answers.answers)) {
    const item = newItems.get(id);
    const reason = !item ? 'removed' : !appliesTo(item, unitType) ? 'notApplying' : answerFits(item, answer);
    if (reason) {
      notKept.set(id, reason);
      continue;
    }
    carried[id] = answer;
    kept.push(id);
  }

  const applying = applyingItems(target, unitType).map((p) => p.item);
  const moved: CarriedItem[] = [];
  for (const item of applying) {
    if (item.id in carried) continue;
    const from = item.replaces?.find((id) => notKept.has(id) && answerFits(item, answers.answers[id]) === undefined);
    if (from === undefined) continue;
    carried[item.id] = answers.answers[from];
    moved.push({ id: item.id, from });
  }
  const carriedTo = (id: string): string[] => moved.filter((m) => m.from === id).map((m) => m.id);
  const dropped = [...notKept].filter(([id]) => carriedTo(id).length === 0).map(([id, reason]) => ({ id, reason }));

  const changed: ChangedItem[] = [];
  if (oldItems) {
    for (const item of applying) {
      const before = oldItems.get(item.id);
      if (!before || !appliesTo(before, unitType)) continue;
      const fields = changedFields(before, item);
      if (fields.length > 0) changed.push({ id: item.id, fields, kept: kept.includes(item.id) });
    }
  }
  const removedIds = oldItems ? [...oldItems.keys()].filter((id) => !newItems.has(id)) : Object.keys(answers.answers).filter((id) => !newItems.has(id));
  const removed = removedIds.map((id) => ({ id, answered: id in answers.answers, carriedTo: carriedTo(id) }));
  const unanswered = applying.filter((i) => !(i.id in carried)).map((i) => i.id);
  const isCarried = (id: string): boolean => moved.some((m) => m.id === id);
  const added = oldItems
    ? applying.filter((i) => !isCarried(i.id) && (!oldItems.has(i.id) || !appliesTo(oldItems.get(i.id)!, unitType))).map((i) => i.id)
    : unanswered;

  return {
    answers: { ...answers, checklist: { id: target.id, version: target.version }, answers: carried },
    from: { ...answers.checklist },
    to: { id: target.id, version: target.version },
    oldKnown: old !== undefined,
    kept,
    carried: moved,
    newItems: added,
    removed,
    changed,
    dropped,
    unanswered,
  };
}

/**
 * The answers a migration could not carry over, as comment lines for the end of the new answer
 * file: each as it was (status, note, evidence, rectification task), one flow line per item, so
 * that nothing the unit wrote is lost with the answer. Empty when none was dropped.
 */
export function droppedAnswerLines(m: Migration, original: Answers, heading: string): string[] {
  if (m.dropped.length === 0) return [];
  // JSON is YAML flow: one line per answer, line breaks escaped, bidi and control characters too.
  return ['', `# ${heading}`, ...m.dropped.map((d) => `#   ${d.id}: ${escapeJsonText(JSON.stringify(original.answers[d.id]))}`)];
}

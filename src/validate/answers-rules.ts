// Semantic rules for answer files against their checklist (docs/formats.md §3), one small function each.
import { localized } from '../i18n/translate.js';
import type { Localized } from '../i18n/lang.js';
import { appliesTo, kindOf, listItems, type Checklist, type Item, type ItemKind } from '../model/checklist.js';
import { isPlaceholderUnitName, type Answer, type Answers } from '../model/answers.js';
import { isBlankText } from '../model/identity.js';
import type { RuleContext } from './rule-context.js';

/**
 * The largest deduction count an answer may give (documented in the README). Far above any real
 * count, and a count past the item's points deducts nothing more: larger numbers are mistakes
 * (or `1e20`), which would otherwise show as `100000000000000000000 × 0.5` in a report.
 */
export const MAX_DEDUCTION_COUNT = 1_000_000;

/** A semantic rule over a schema-valid answer file and the checklist it names. */
export type AnswersRule = (answers: Answers, checklist: Checklist, ctx: RuleContext) => void;

/** How each item kind is named in messages. */
export const KIND_NAMES: Record<ItemKind, Localized> = {
  status: localized('diag.kind.status'),
  ratio: localized('diag.kind.ratio'),
  deduct: localized('diag.kind.deduct'),
};

/** What an answer of each item kind gives, in messages. */
export const EXPECTED: Record<ItemKind, Localized> = {
  status: localized('diag.expected.status'),
  ratio: localized('diag.expected.ratio'),
  deduct: localized('diag.expected.deduct'),
};

// Batch checks thousands of files against one checklist; its index is built once. A
// loaded checklist is not changed afterwards, so the index stays true for the object's lifetime.
const indexCache = new WeakMap<Checklist, Map<string, Item>>();

/** The checklist's items by id, memoised per checklist object. */
export function itemIndex(checklist: Checklist): Map<string, Item> {
  let index = indexCache.get(checklist);
  if (!index) {
    index = new Map(listItems(checklist).map(({ item }) => [item.id, item]));
    indexCache.set(checklist, index);
  }
  return index;
}

const unitTypeDeclared: AnswersRule = (answers, checklist, ctx) => {
  const known = checklist.unitTypes.map((u) => u.id);
  if (!known.includes(answers.unit.type)) {
    ctx.report('UNIT_TYPE_UNDECLARED', ['unit', 'type'], { type: answers.unit.type, known: known.join(', ') });
  }
};

const unitNamed: AnswersRule = (answers, _checklist, ctx) => {
  if (isPlaceholderUnitName(answers.unit.name)) ctx.report('UNIT_NAME_PLACEHOLDER', ['unit', 'name'], { name: answers.unit.name.trim() });
};

/** Whether an answer has the shape its item's kind asks for. */
export function answerFitsKind(answer: Answer, kind: ItemKind): boolean {
  const na = answer.status === 'na';
  switch (kind) {
    case 'status':
      return answer.status !== undefined && answer.value === undefined && answer.deductions === undefined;
    case 'ratio':
      return answer.deductions === undefined && (na ? answer.value === undefined : answer.status === undefined && answer.value !== undefined);
    case 'deduct':
      return answer.value === undefined && (na ? answer.deductions === undefined : answer.status === undefined && answer.deductions !== undefined);
  }
}

const answersMatchItems: AnswersRule = (answers, checklist, ctx) => {
  const items = itemIndex(checklist);
  const typeKnown = checklist.unitTypes.some((u) => u.id === answers.unit.type);
  const all = answers.answers;
  // Every file of a batch passes here with a hundred answers or more: a plain loop, not a list of entries.
  for (const id in all) {
    const answer = all[id];
    const item = items.get(id);
    const path = ['answers', id];
    if (!item) {
      ctx.report('UNKNOWN_ITEM', path, { id }, { onKey: true });
      continue;
    }
    const kind = kindOf(item);
    const fits = answerFitsKind(answer, kind);
    if (!fits) {
      ctx.report('ANSWER_WRONG_KIND', path, { id, kindName: KIND_NAMES[kind], expected: EXPECTED[kind] }, { onKey: true });
    }
    // An answer of the wrong kind is reported already; its plan cannot be judged.
    if (answer.rectify !== undefined && fits) checkRectify(id, answer, kind, ctx);
    if (kind === 'ratio' && answer.value !== undefined && !(answer.value >= 0 && answer.value <= 1)) {
      ctx.report('VALUE_OUT_OF_RANGE', [...path, 'value'], { value: answer.value });
    }
    if (kind === 'deduct' && answer.deductions) {
      const rules = item.deductions ?? [];
      for (const [ruleId, count] of Object.entries(answer.deductions)) {
        if (!rules.some((r) => r.id === ruleId)) {
          ctx.report('UNKNOWN_DEDUCTION', [...path, 'deductions', ruleId], { item: id, id: ruleId, known: rules.map((r) => r.id).join(', ') }, { onKey: true });
        } else if (!(Number.isInteger(count) && count >= 0)) {
          ctx.report('DEDUCTION_COUNT_INVALID', [...path, 'deductions', ruleId], { value: count });
        } else if (count > MAX_DEDUCTION_COUNT) {
          ctx.report('DEDUCTION_COUNT_TOO_LARGE', [...path, 'deductions', ruleId], { value: count.toLocaleString('en-US'), max: MAX_DEDUCTION_COUNT.toLocaleString('en-US') });
        }
      }
    }
    // A veto decides the grade on one question: did it happen or not. "Partly" or "does not
    // apply" would let a unit answer its way around the veto, so only pass and fail are accepted.
    if (item.veto && (answer.status === 'partial' || answer.status === 'na')) {
      ctx.report('VETO_NOT_PASS_FAIL', [...path, 'status'], { id, status: answer.status });
    }
    // A note of spaces or invisible characters (zero-width, bidi) is no note.
    if (answer.status === 'na' && !item.veto && isBlankText(answer.note)) {
      ctx.report('NA_WITHOUT_NOTE', [...path, 'status']);
    }
    if (typeKnown && !appliesTo(item, answers.unit.type)) {
      ctx.report('ANSWER_NOT_APPLICABLE', path, { id, type: answers.unit.type }, { onKey: true, severity: 'warning' });
    }
  }
};

/**
 * Whether an answer falls short, so that a rectification task may be attached: answered `fail` or
 * `partial`, a deduction counted, or a value below 1. An `na` answer, a full pass and an answer of
 * the wrong kind do not.
 */
export function answerFallsShort(answer: Answer, kind: ItemKind): boolean {
  if (!answerFitsKind(answer, kind) || answer.status === 'na') return false;
  switch (kind) {
    case 'status':
      return answer.status === 'fail' || answer.status === 'partial';
    case 'ratio':
      return answer.value !== undefined && answer.value < 1;
    case 'deduct':
      return Object.values(answer.deductions ?? {}).some((count) => count > 0);
  }
}

/** How an answer that needs no rectification reads in RECTIFY_NOT_NEEDED. */
function answerState(answer: Answer, kind: ItemKind): Localized {
  if (answer.status === 'na') return localized('diag.state.na');
  if (kind === 'ratio') return localized('diag.state.value', { value: answer.value });
  if (kind === 'deduct') return localized('diag.state.noDeduction');
  return localized('diag.state.pass');
}

/**
 * The rectification task of one answer, judged against its item (called from the pass over the
 * answers, not a pass of its own: a file may have 100,000 answers, and most have no plan).
 */
function checkRectify(id: string, answer: Answer, kind: ItemKind, ctx: RuleContext): void {
  const plan = answer.rectify!;
  const path = ['answers', id, 'rectify'];
  if (!answerFallsShort(answer, kind)) {
    ctx.report('RECTIFY_NOT_NEEDED', path, { id, state: answerState(answer, kind) }, { onKey: true });
  }
  for (const field of ['measures', 'owner'] as const) {
    // The schema asks for a non-empty string; spaces or zero-width characters alone say nothing either.
    if (plan[field].length > 0 && isBlankText(plan[field])) ctx.report('RECTIFY_BLANK', [...path, field], { field });
  }
  if (plan.status === 'done') {
    if (plan.doneOn === undefined) ctx.report('RECTIFY_DONE_WITHOUT_DATE', [...path, 'status']);
    if (!plan.evidence || plan.evidence.length === 0) ctx.report('RECTIFY_DONE_WITHOUT_EVIDENCE', [...path, 'status']);
  } else if (plan.doneOn !== undefined) {
    ctx.report('RECTIFY_DONE_ON_NOT_DONE', [...path, 'doneOn'], { status: plan.status }, { onKey: true, severity: 'warning' });
  }
}

/** Every answer-file rule, run in this order. */
export const ANSWERS_RULES: readonly AnswersRule[] = [unitNamed, unitTypeDeclared, answersMatchItems];

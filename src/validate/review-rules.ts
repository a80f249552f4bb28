// Validation of a review file (docs/formats.md §3.2): its schema, then its rules against the answer file reviewed and their checklist.
import type { ParsedYaml } from '../load/parse-yaml.js';
import { appliesTo, kindOf, type Checklist } from '../model/checklist.js';
import type { Answers } from '../model/answers.js';
import { sameAsAnswer, type Review } from '../model/review.js';
import { isBlankText, unitIdentity } from '../model/identity.js';
import { RuleContext } from './rule-context.js';
import { answerFitsKind, EXPECTED, itemIndex, KIND_NAMES } from './answers-rules.js';
import { checkSchema, splitSeverity, type ValidationResult } from './validate.js';
import { appendAll } from '../util/append-all.js';

/** What a review is checked against: the answer file as read now (its answers, checklist and digest, and how it is shown). */
export interface ReviewTarget {
  answers: Answers;
  checklist: Checklist;
  /** The SHA-256 of the answer file's bytes now. */
  sha256: string;
  /** The answer file as messages name it. */
  file: string;
}

/** Only the schema part of a review's validation (the YAML problems, then the schema). */
export function validateReviewShape(parsed: ParsedYaml): ValidationResult<Review> {
  const found = [...parsed.diagnostics];
  if (parsed.value === undefined || found.some((d) => d.severity === 'error')) return splitSeverity(found);
  appendAll(found, checkSchema('review', parsed));
  const result = splitSeverity(found);
  return result.errors.length === 0 ? { ...result, value: parsed.value as Review } : result;
}

/**
 * Validates a parsed review file against the answer file it is read with: the schema, that it is
 * of the same unit and checklist, that its answer file has not changed since (a warning), and the
 * rules of each item's review.
 */
export function validateReview(parsed: ParsedYaml, target: ReviewTarget): ValidationResult<Review> {
  const shape = validateReviewShape(parsed);
  const review = shape.value;
  if (!review) return shape;
  const ctx = new RuleContext(parsed);
  for (const rule of REVIEW_RULES) rule(review, target, ctx);
  const result = splitSeverity([...shape.errors, ...shape.warnings, ...ctx.diagnostics]);
  return result.errors.length === 0 ? { ...result, value: review } : result;
}

/** A semantic rule over a schema-valid review and the answer file it is read with. */
type ReviewRule = (review: Review, target: ReviewTarget, ctx: RuleContext) => void;

const sameUnit: ReviewRule = (review, { answers }, ctx) => {
  if (unitIdentity(review.unit.name) !== unitIdentity(answers.unit.name) || review.unit.type !== answers.unit.type) {
    ctx.report('REVIEW_UNIT_MISMATCH', ['unit'], { reviewed: review.unit.name, reviewedType: review.unit.type, unit: answers.unit.name, unitType: answers.unit.type });
  }
};

const sameChecklist: ReviewRule = (review, { answers }, ctx) => {
  const a = answers.checklist;
  const r = review.checklist;
  if (a.id !== r.id || a.version !== r.version) ctx.report('REVIEW_CHECKLIST_MISMATCH', ['checklist'], { reviewed: `${r.id}@${r.version}`, answers: `${a.id}@${a.version}` });
};

// Not an error: the review still says what the office found; every command that reads it says it is out of date.
const unchanged: ReviewRule = (review, { sha256, file }, ctx) => {
  if (review.reviewed.sha256 !== sha256) ctx.report('REVIEW_ANSWERS_CHANGED', ['reviewed', 'sha256'], { file }, { severity: 'warning' });
};

const ANSWER_FIELDS = ['status', 'value', 'deductions'] as const;

const itemsMatch: ReviewRule = (review, { answers, checklist }, ctx) => {
  const items = itemIndex(checklist);
  for (const [id, entry] of Object.entries(review.items)) {
    const path = ['items', id];
    const item = items.get(id);
    if (!item) {
      ctx.report('REVIEW_UNKNOWN_ITEM', path, { id }, { onKey: true });
      continue;
    }
    const own = Object.prototype.hasOwnProperty.call(answers.answers, id) ? answers.answers[id] : undefined;
    if (!appliesTo(item, answers.unit.type)) ctx.report('REVIEW_NOT_APPLICABLE', path, { id, type: answers.unit.type }, { onKey: true, severity: 'warning' });
    const kind = kindOf(item);
    if (entry.verdict === 'confirmed') {
      for (const field of [...ANSWER_FIELDS, 'reason'] as const) {
        if (entry[field] !== undefined) ctx.report('REVIEW_CONFIRMED_WITH_ANSWER', [...path, field], { field }, { onKey: true });
      }
      if (own === undefined) ctx.report('REVIEW_CONFIRMS_NOTHING', [...path, 'verdict'], { id }, { severity: 'warning' });
      continue;
    }
    // Adjusted: a reason, and a verified answer of the item's kind.
    if (isBlankText(entry.reason)) ctx.report('REVIEW_REASON_MISSING', entry.reason === undefined ? [...path, 'verdict'] : [...path, 'reason']);
    if (ANSWER_FIELDS.every((f) => entry[f] === undefined)) {
      ctx.report('REVIEW_ANSWER_MISSING', [...path, 'verdict'], { expected: EXPECTED[kind] });
      continue;
    }
    if (!answerFitsKind(entry, kind)) {
      ctx.report('REVIEW_WRONG_KIND', path, { id, kindName: KIND_NAMES[kind], expected: EXPECTED[kind] }, { onKey: true });
      continue;
    }
    if (kind === 'deduct' && entry.deductions) {
      const rules = item.deductions ?? [];
      for (const ruleId of Object.keys(entry.deductions)) {
        if (!rules.some((r) => r.id === ruleId)) ctx.report('REVIEW_UNKNOWN_DEDUCTION', [...path, 'deductions', ruleId], { item: id, id: ruleId, known: rules.map((r) => r.id).join(', ') }, { onKey: true });
      }
    }
    if (item.veto && (entry.status === 'partial' || entry.status === 'na')) ctx.report('REVIEW_VETO_NOT_PASS_FAIL', [...path, 'status'], { id, status: entry.status });
    if (sameAsAnswer(entry, own)) ctx.report('REVIEW_SAME_AS_ANSWER', [...path, 'verdict'], { id }, { severity: 'warning' });
  }
};

/** Every review rule, run in this order. */
const REVIEW_RULES: readonly ReviewRule[] = [sameUnit, sameChecklist, unchanged, itemsMatch];

// Validation = JSON Schema (all errors) + semantic rules, returning { value, errors, warnings }.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { createDiagnostic } from '../diagnostics/diagnostic.js';
import type { ParsedYaml } from '../load/parse-yaml.js';
import type { Checklist } from '../model/checklist.js';
import type { Answers } from '../model/answers.js';
import { getValidator, readSchema, type SchemaName } from './ajv-factory.js';
import { schemaDiagnostics } from './schema-diagnostics.js';
import { RuleContext } from './rule-context.js';
import { CHECKLIST_RULES } from './checklist-rules.js';
import { ANSWERS_RULES } from './answers-rules.js';
import { appendAll } from '../util/append-all.js';

/** The outcome of validating one document. `value` is set only when there are no errors. */
export interface ValidationResult<T> {
  value?: T;
  /**
   * With schema errors in some answers only: the file without them, for the semantic rules to
   * check the rest in the same run (every error of a file at once, not in rounds).
   */
  partial?: T;
  errors: Diagnostic[];
  warnings: Diagnostic[];
}

/** What a document is, told apart by content. */
export type DocumentKind = 'checklist' | 'answers' | 'review' | 'roster';

/** Tells a checklist (`areas`/`unitTypes`) from a review (`reviewer`/`reviewed`), an answer file (`answers`/`unit`) and a roster (`units`). */
export function detectKind(value: unknown): DocumentKind | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  // `extends`: a checklist built on another, which may have neither areas nor unitTypes.
  if ('areas' in value || 'unitTypes' in value || 'extends' in value) return 'checklist';
  // Before answer files: a review names its unit too.
  if ('reviewer' in value || 'reviewed' in value) return 'review';
  if ('answers' in value || 'unit' in value) return 'answers';
  // The office's list of units due to submit (batch --roster).
  if ('units' in value) return 'roster';
  return undefined;
}

/** Splits diagnostics into errors and warnings. */
export function splitSeverity(list: readonly Diagnostic[]): { errors: Diagnostic[]; warnings: Diagnostic[] } {
  return {
    errors: list.filter((d) => d.severity === 'error'),
    warnings: list.filter((d) => d.severity === 'warning'),
  };
}

/** Runs a schema over a parsed document; returns located diagnostics. */
export function checkSchema(name: SchemaName, parsed: ParsedYaml): Diagnostic[] {
  const validate = getValidator(name);
  if (validate(parsed.value)) return [];
  // The schema itself is read only now, on the first failure, for "did you mean" hints; a batch's
  // invalid files then share it.
  let schema = schemas.get(name);
  if (!schema) schemas.set(name, (schema = readSchema(name)));
  return schemaDiagnostics(validate.errors ?? [], parsed, schema);
}

/** The schemas read so far (see {@link checkSchema}). */
const schemas = new Map<SchemaName, Record<string, unknown>>();

/**
 * The first checks of any checklist document, an extension or not: its YAML problems, then the
 * schema (skipped after a YAML error). Merging an extension with its base is done above
 * validation, by the checklist module, which then calls {@link validatePlainChecklist}'s rules.
 */
export function checkChecklistShape(parsed: ParsedYaml): Diagnostic[] {
  const found = [...parsed.diagnostics];
  if (parsed.value === undefined || found.some((d) => d.severity === 'error')) return found;
  appendAll(found, checkSchema('checklist', parsed));
  return found;
}

/**
 * Runs the semantic rules over a schema-valid checklist that extends no other; `found` are the
 * diagnostics of {@link checkChecklistShape}, kept in the result.
 */
export function validatePlainChecklist(parsed: ParsedYaml, found: readonly Diagnostic[]): ValidationResult<Checklist> {
  const checklist = parsed.value as Checklist;
  const ctx = new RuleContext(parsed);
  for (const rule of CHECKLIST_RULES) rule(checklist, ctx);
  const result = splitSeverity([...found, ...ctx.diagnostics]);
  return result.errors.length === 0 ? { ...result, value: checklist } : result;
}

/** Only the schema part of answer validation: for when the checklist is not known yet. */
export function validateAnswersShape(parsed: ParsedYaml): ValidationResult<Answers> {
  const found = [...parsed.diagnostics];
  // A YAML file with errors has no value. A workbook has one, without the items whose cells could
  // not be read (their errors are in `found`): the rest is checked too, so that every problem
  // shows at once rather than one round after another.
  if (parsed.value === undefined) return splitSeverity(found);
  // A place the reader has already reported (a workbook's cell, in its own words) is not reported again by the schema.
  const reported = new Set(found.map((d) => d.pointer).filter((p) => p !== undefined));
  appendAll(found, checkSchema('answers', parsed).filter((d) => d.pointer === undefined || !reported.has(d.pointer)));
  const result = splitSeverity(found);
  if (result.errors.length === 0) return { ...result, value: parsed.value as Answers };
  const partial = withoutSchemaErrors(parsed.value, result.errors);
  return partial ? { ...result, partial } : result;
}

/**
 * The answer file without the answers that have schema errors, when the rest of it (checklist,
 * unit, the answers map) is sound: the semantic rules then check what is left, and nothing is
 * reported twice. Undefined when an error lies outside the answers.
 */
function withoutSchemaErrors(value: unknown, errors: readonly Diagnostic[]): Answers | undefined {
  const doc = value as Partial<Answers> & Record<string, unknown>;
  const bad = new Set<string>();
  for (const e of errors) {
    const m = /^\/answers\/([^/]+)(?:\/|$)/.exec(e.pointer ?? '');
    if (!m) return undefined;
    bad.add(m[1].replace(/~1/g, '/').replace(/~0/g, '~'));
  }
  if (!doc.answers || typeof doc.answers !== 'object') return undefined;
  const answers = Object.fromEntries(Object.entries(doc.answers).filter(([id]) => !bad.has(id)));
  return { ...(doc as Answers), answers };
}

/**
 * Validates a parsed answer file against its checklist: the schema, that it names this checklist
 * and version, then the semantic rules.
 */
export function validateAnswers(
  parsed: ParsedYaml,
  checklist: Checklist,
  /** The schema result when the caller has it already (the schema then runs once, not twice). */
  checkedShape?: ValidationResult<Answers>,
): ValidationResult<Answers> {
  const shape = checkedShape ?? validateAnswersShape(parsed);
  const answers = shape.value ?? shape.partial;
  if (!answers) return shape;
  const ctx = new RuleContext(parsed);
  if (answers.checklist.id !== checklist.id) {
    ctx.report('CHECKLIST_ID_MISMATCH', ['checklist', 'id'], { id: answers.checklist.id, actual: checklist.id });
  } else if (answers.checklist.version !== checklist.version) {
    ctx.report('CHECKLIST_VERSION_MISMATCH', ['checklist', 'version'], {
      id: checklist.id,
      version: answers.checklist.version,
      actual: checklist.version,
    });
  }
  for (const rule of ANSWERS_RULES) rule(answers, checklist, ctx);
  const result = splitSeverity([...shape.errors, ...shape.warnings, ...ctx.diagnostics]);
  return result.errors.length === 0 ? { ...result, value: answers } : result;
}

/** A diagnostic for a document that is neither a checklist nor an answer file. */
export function unknownDocument(parsed: ParsedYaml): Diagnostic {
  return createDiagnostic('UNKNOWN_DOCUMENT', parsed.file, {}, { line: 1, column: 1 });
}

// Validates one file of either kind end to end: read, parse, tell apart, schema, rules, checklist lookup.
import { validateChecklist } from '../checklist/extend-checklist.js';
import { isReadFailure, type Diagnostic } from '../diagnostics/diagnostic.js';
import { decodeText, MAX_FILE_BYTES, readFailureDiagnostic, readText } from '../load/read-text.js';
import { readInput } from '../fs/read-input.js';
import { parseYaml, withPositions, type ParsedYaml } from '../load/parse-yaml.js';
import { answersChecklistFile, builtinIds } from '../checklist/resolve-checklist.js';
import { loadChecklist, type LoadedChecklist } from '../checklist/load-checklist.js';
import type { Checklist } from '../model/checklist.js';
import type { Answers } from '../model/answers.js';
import type { Review } from '../model/review.js';
import { detectKind, splitSeverity, unknownDocument, validateAnswers, validateAnswersShape, type DocumentKind } from '../validate/validate.js';
import { validateRoster } from '../validate/roster.js';
import { RuleContext } from '../validate/rule-context.js';
import { isWorkbookPath } from '../workbook/layout.js';
import { withFullWidthHints } from '../validate/hand-edit-hints.js';
import { dirname, join, resolve } from 'node:path';
import { sha256Hex } from '../fs/sha256.js';
import { localized } from '../i18n/translate.js';
import { validateReview, validateReviewShape } from '../validate/review-rules.js';

/** Everything known about one checked file. */
export interface FileCheck {
  file: string;
  kind?: DocumentKind;
  /** The file could not be read or decoded (missing, folder, encoding, size). */
  unreadable: boolean;
  parsed?: ParsedYaml;
  checklist?: Checklist;
  /** The checklist file an answer file was checked against. */
  checklistFile?: string;
  answers?: Answers;
  /** For a review file (see check-review.ts): the review, when it has no error. */
  review?: Review;
  errors: Diagnostic[];
  warnings: Diagnostic[];
}

/** How to find the checklist of an answer file. */
export interface ChecklistChoice {
  /** `--checklist ID|PATH`, used for every answer file when given. */
  ref?: string;
  /** Checklists already loaded (e.g. given on the same command line), by `id@version` and by id. */
  known?: ReadonlyMap<string, LoadedChecklist>;
}

/**
 * Checks one file. `expect` forces the kind (e.g. `score` takes answer files only); otherwise the
 * kind is told from the content.
 */
export async function checkFile(file: string, choice: ChecklistChoice = {}, expect?: DocumentKind): Promise<FileCheck> {
  if (isWorkbookPath(file)) return checkWorkbook(file, file, choice);
  const read = await readText(file);
  if (!read.ok) return { file, unreadable: true, errors: [read.diagnostic], warnings: [] };
  return checkText(read.text, file, choice, expect);
}

/**
 * {@link checkFile}, also returning the bytes it read: a command that rewrites the file compares
 * them with the file on disk before writing, so it never overwrites a change it did not read.
 */
export async function checkFileBytes(file: string, choice: ChecklistChoice = {}, expect?: DocumentKind): Promise<{ check: FileCheck; bytes?: Buffer }> {
  const read = await readInput(file, MAX_FILE_BYTES);
  if (!read.ok) return { check: unreadableCheck(file, readFailureDiagnostic(read.failure, file)) };
  if (isWorkbookPath(file)) {
    const { readWorkbookBytes } = await import('../workbook/read-workbook.js');
    return { check: await checkParsed(await readWorkbookBytes(Buffer.from(read.bytes), file), choice, 'answers'), bytes: Buffer.from(read.bytes) };
  }
  const decoded = decodeText(read.bytes, file);
  if (!decoded.ok) return { check: unreadableCheck(file, decoded.diagnostic) };
  return { check: await checkText(decoded.text, file, choice, expect), bytes: Buffer.from(read.bytes) };
}

/**
 * Checks a file's text. The common clean file goes through the fast parse; any doubt (a bail-out,
 * an error or a warning) re-does it with the positioned parse, so every diagnostic has its
 * line:col and the verdict is always the positioned path's.
 */
export async function checkText(text: string, file: string, choice: ChecklistChoice = {}, expect?: DocumentKind): Promise<FileCheck> {
  return checkQuickParse(parseYaml(text, file, { positions: false }), choice, expect);
}

/** {@link checkText} for a text parsed already, perhaps without positions (`parseYaml(…, { positions: false })`). */
export async function checkQuickParse(quick: ParsedYaml, choice: ChecklistChoice = {}, expect?: DocumentKind): Promise<FileCheck> {
  if (quick.value !== undefined && !quick.locate) {
    const check = await checkParsed(quick, choice, expect);
    if (check.errors.length === 0 && check.warnings.length === 0) return check;
  }
  return checkParsed(withPositions(quick), choice, expect);
}

/** Checks an already parsed file (see {@link checkFile}), with hints for full-width punctuation in its errors. */
export async function checkParsed(parsed: ParsedYaml, choice: ChecklistChoice = {}, expect?: DocumentKind): Promise<FileCheck> {
  const check = await checkParsedAs(parsed, choice, expect);
  return check.errors.length > 0 ? { ...check, errors: withFullWidthHints(check.errors, parsed.source) } : check;
}

async function checkParsedAs(parsed: ParsedYaml, choice: ChecklistChoice = {}, expect?: DocumentKind): Promise<FileCheck> {
  const base = { file: parsed.file, unreadable: false, parsed };
  if (parsed.value === undefined) return { ...base, ...splitSeverity(parsed.diagnostics) };
  const kind = expect ?? detectKind(parsed.value);
  if (!kind) return { ...base, errors: [...parsed.diagnostics, unknownDocument(parsed)], warnings: [] };
  // A review is checked with the answer file it names, read from beside it.
  if (kind === 'review') return checkReviewDocument(parsed, parsed.file, choice);
  if (kind === 'checklist') {
    const result = validateChecklist(parsed);
    return { ...base, kind, checklist: result.value, errors: result.errors, warnings: result.warnings };
  }
  // Which unit types exist depends on the checklist a batch scores with: only `batch --roster` can check them.
  if (kind === 'roster') return { ...base, kind, ...splitSeverity(validateRoster(parsed).diagnostics) };
  const shape = validateAnswersShape(parsed);
  const named = shape.value ?? shape.partial;
  if (!named) return { ...base, kind, errors: shape.errors, warnings: shape.warnings };
  const found = await findChecklist(named, parsed, choice);
  if (!found.loaded) return { ...base, kind, errors: [...shape.errors, ...found.errors], warnings: shape.warnings };
  if (!found.loaded.checklist) {
    // The checklist itself is broken: its own diagnostics explain why the answers cannot be checked.
    // One that cannot be read at all (missing, a FIFO, too large) is unreadable input, like the file itself.
    return { ...base, kind, unreadable: isReadFailure(found.loaded.diagnostics), checklistFile: found.loaded.file, ...splitSeverity(found.loaded.diagnostics) };
  }
  const result = validateAnswers(parsed, found.loaded.checklist, shape);
  return {
    ...base,
    kind,
    checklist: found.loaded.checklist,
    checklistFile: found.loaded.file,
    answers: result.value,
    errors: result.errors,
    warnings: result.warnings,
  };
}

async function findChecklist(
  answers: Answers,
  parsed: ParsedYaml,
  choice: ChecklistChoice,
): Promise<{ loaded?: LoadedChecklist; errors: Diagnostic[] }> {
  const id = answers.checklist.id;
  const known = choice.ref ? undefined : (choice.known?.get(`${id}@${answers.checklist.version}`) ?? choice.known?.get(id));
  if (known) return { loaded: known, errors: [] };
  const file = answersChecklistFile(choice.ref, id, answers.checklist.version);
  if (file) return { loaded: await loadChecklist(file), errors: [] };
  return { errors: [unknownChecklist(parsed, choice.ref || id)] };
}

function unknownChecklist(parsed: ParsedYaml, id: string): Diagnostic {
  const ctx = new RuleContext(parsed);
  ctx.report('UNKNOWN_CHECKLIST', ['checklist', 'id'], { id, known: builtinIds().join(', ') || '—', hint: localized('diag.hint.checklistOption') });
  return ctx.diagnostics[0];
}

/** Whether a checked workbook is one of wangxin's own outputs (a batch summary, a ledger) rather than an answer workbook. */
export function isOfficeWorkbook(check: FileCheck): boolean {
  return check.errors.length === 1 && check.errors[0].code === 'WORKBOOK_OUTPUT';
}

/**
 * Checks an answer workbook (.xlsx): read into the value an answer file parses to, with every
 * diagnostic located at its cell, then the same checks as any answer file. `path` is read,
 * `file` shown.
 */
export async function checkWorkbook(path: string | Buffer, file: string, choice: ChecklistChoice = {}): Promise<FileCheck> {
  const { readWorkbookFile } = await import('../workbook/read-workbook.js');
  const read = await readWorkbookFile(path, file);
  if (!read.ok) return unreadableCheck(file, read.diagnostic);
  return checkParsed(read.parsed, choice, 'answers');
}

/**
 * Checks a review named on its own (`validate`): its schema, then the answer file it names
 * (relative to the review's folder, `reviewPath`), then the review against that file. The answer
 * file's own problems are not repeated: one error says it cannot be used, and why.
 */
export async function checkReviewDocument(parsed: ParsedYaml, reviewPath: string = parsed.file, choice: ChecklistChoice = {}): Promise<FileCheck> {
  const base = { file: parsed.file, kind: 'review' as const, unreadable: false, parsed };
  const shape = validateReviewShape(parsed);
  if (!shape.value) return { ...base, errors: shape.errors, warnings: shape.warnings };
  const named = shape.value.reviewed.file;
  const shownAnswers = join(dirname(parsed.file), named);
  const { check, bytes } = await checkFileBytes(resolve(dirname(reviewPath), named), choice, 'answers');
  if (check.errors.length > 0 || !check.answers || !check.checklist || !bytes) {
    const ctx = new RuleContext(parsed);
    const first = check.errors[0];
    const reason = check.unreadable && first
      ? first.message
      : localized('diag.review.answersInvalid', { count: check.errors.length });
    ctx.report('REVIEW_ANSWERS_UNUSABLE', ['reviewed', 'file'], { file: shownAnswers, reason });
    return { ...base, errors: [...shape.errors, ...ctx.diagnostics], warnings: shape.warnings };
  }
  const result = validateReview(parsed, { answers: check.answers, checklist: check.checklist, sha256: sha256Hex(bytes), file: shownAnswers });
  return { ...base, checklist: check.checklist, checklistFile: check.checklistFile, review: result.value, errors: result.errors, warnings: result.warnings };
}

/** A FileCheck for a file that could not be read, for callers that build one themselves. */
export function unreadableCheck(file: string, diagnostic: Diagnostic): FileCheck {
  return { file, unreadable: isReadFailure([diagnostic]), errors: [diagnostic], warnings: [] };
}


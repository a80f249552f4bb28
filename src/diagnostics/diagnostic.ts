// The Diagnostic type: one located finding about one file, with messages in both languages.
import { fill, type Lang, type Localized } from '../i18n/lang.js';
import { CODES, READ_FAILURE_CODES, type DiagnosticCode } from './codes.js';
import { excerpt } from '../util/excerpt.js';

/** `error` makes a file invalid; `warning` is reported but does not. */
export type Severity = 'error' | 'warning';

/** A 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}

/** One finding: what, where, how bad, and the message in every language. */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  file: string;
  /** Start of the offending text; absent when the finding concerns the whole file. */
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** In a workbook: the cell, as `Sheet!I14` (shown after the file instead of line:col). */
  cell?: string;
  /** Where in the document, as a JSON pointer (e.g. `/answers/A1.1.1/status`). */
  pointer?: string;
  message: Localized;
}

/**
 * Builds a diagnostic whose message comes from the code's templates; a parameter given as
 * `{ zh, en }` is filled in per language.
 */
export function createDiagnostic(
  code: DiagnosticCode,
  file: string,
  params: Record<string, unknown> = {},
  where: Partial<Position> & { endLine?: number; endColumn?: number; pointer?: string; cell?: string } = {},
  severity: Severity = 'error',
): Diagnostic {
  const templates = CODES[code];
  return {
    code,
    severity,
    file,
    ...where,
    message: { zh: fill(templates.zh, pick(params, 'zh')), en: fill(templates.en, pick(params, 'en')) },
  };
}

/**
 * Parameters may carry per-language text as `{ zh, en }`; this picks one language. Every string
 * becomes an excerpt: a parameter is often text from a file (a key, a value, a line), and a
 * 9 MB value must make a message of one line, not a 9 MB one in every output.
 */
function pick(params: Record<string, unknown>, lang: Lang): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    const chosen = value !== null && typeof value === 'object' && lang in value ? (value as Localized)[lang] : value;
    out[key] = typeof chosen === 'string' ? excerpt(chosen) : chosen;
  }
  return out;
}

/** Whether any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Whether the file could not be read or decoded at all. */
export function isReadFailure(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => READ_FAILURE_CODES.has(d.code));
}

/** The message of a diagnostic in a language. */
export function messageOf(d: Diagnostic, lang: Lang): string {
  return d.message[lang];
}

/** Orders diagnostics by file, line, column, then code, so output is stable. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return list.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

// The closed set of diagnostic codes; their texts in both languages live in the diagnostics catalogue.
import { DIAGNOSTIC_CODES } from '../i18n/diagnostics/codes.js';

/**
 * Every diagnostic the tool can report, with its message template in both languages. Codes are
 * stable: tools and CI scripts may match on them. `{name}` placeholders are filled from the
 * diagnostic's parameters.
 */
export const CODES = DIAGNOSTIC_CODES;

/** A diagnostic code: one of the keys of {@link CODES}. */
export type DiagnosticCode = keyof typeof CODES;

/** Codes that mean the file could not be read at all (exit 2 outside batch). */
export const READ_FAILURE_CODES: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>([
  'FILE_NOT_FOUND',
  'FILE_IS_DIRECTORY',
  'FILE_UNREADABLE',
  'FILE_NOT_REGULAR',
  'SYMLINK_OUTSIDE',
  'FILE_TOO_LARGE',
  'ENCODING_NOT_UTF8',
  'ENCODING_UTF16',
  'BINARY_FILE',
]);

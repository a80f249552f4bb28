// Reads and checks a review file against the answer file it is read with (a review named on its own: check-file.ts).
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { parseYaml, type ParsedYaml } from '../load/parse-yaml.js';
import { readText } from '../load/read-text.js';
import type { Review } from '../model/review.js';
import { sha256Hex } from '../fs/sha256.js';
import { validateReview, type ReviewTarget } from '../validate/review-rules.js';
import type { FileCheck } from './check-file.js';

/** Everything known about one checked review file. */
export interface ReviewCheck {
  file: string;
  /** The file could not be read or decoded. */
  unreadable: boolean;
  parsed?: ParsedYaml;
  /** Set only when the review has no error. */
  review?: Review;
  errors: Diagnostic[];
  warnings: Diagnostic[];
}

/** Reads `path` (shown as `shown`) and validates it as the review of `target`. */
export async function checkReviewFile(path: string, shown: string, target: ReviewTarget): Promise<ReviewCheck> {
  const read = await readText(path);
  if (!read.ok) return { file: shown, unreadable: true, errors: [{ ...read.diagnostic, file: shown }], warnings: [] };
  return checkReviewText(read.text, shown, target);
}

/** Validates the text of a review as the review of `target` (review files are small: always the positioned parse). */
export function checkReviewText(text: string, shown: string, target: ReviewTarget): ReviewCheck {
  const parsed = parseYaml(text, shown);
  const result = validateReview(parsed, target);
  return { file: shown, unreadable: false, parsed, review: result.value, errors: result.errors, warnings: result.warnings };
}

/** A review read with its answer file: the check, and whether the answer file changed since it was reviewed. */
export interface LoadedReview extends ReviewCheck {
  /** Whether the answer file's SHA-256 differs from the one the review recorded (valid reviews only). */
  changed: boolean;
}

/**
 * Reads the review at `path` (shown as `shown`) and checks it against an answer file already
 * checked valid: `answersBytes` are the bytes it was read from, `answersShown` how messages name it.
 */
export async function loadReview(
  path: string,
  shown: string,
  answers: { check: FileCheck; bytes: Uint8Array; shown: string },
): Promise<LoadedReview> {
  const sha256 = sha256Hex(answers.bytes);
  const checked = await checkReviewFile(path, shown, { answers: answers.check.answers!, checklist: answers.check.checklist!, sha256, file: answers.shown });
  return { ...checked, changed: checked.review !== undefined && checked.review.reviewed.sha256 !== sha256 };
}

// Finds, reads and checks the office's review of an answer file for `score`: `--review FILE`, or `<answers>.review.yaml` beside it.
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { CommandContext } from '../io/io.js';
import type { FileCheck } from '../check/check-file.js';
import { defaultReviewPath } from '../model/review.js';
import { translate } from '../i18n/translate.js';
import { renderDiagnostics } from '../diagnostics/render.js';
import { makeVisible } from '../util/safe-text.js';
import { EXIT, ExitError } from './exit.js';
import type { ReviewSource } from '../report/review-report.js';

/**
 * The review to score `answersShown` with: the one named (`explicit`), else the default one beside
 * the answer file when it exists, else none. Its warnings are printed (an answer file changed
 * since the review among them); a review that cannot be read ends the command with exit 2, an
 * invalid one with exit 1, its diagnostics printed.
 */
export async function findReviewSource(ctx: CommandContext, answersShown: string, check: FileCheck, explicit?: string): Promise<ReviewSource | undefined> {
  const { io, lang } = ctx;
  const at = (p: string): string => (isAbsolute(p) ? p : resolve(io.cwd, p));
  const fallback = answersShown === '-' ? undefined : defaultReviewPath(answersShown);
  const shown = explicit ?? (fallback !== undefined && existsSync(at(fallback)) ? fallback : undefined);
  if (shown === undefined) return undefined;
  const { readInput } = await import('../fs/read-input.js');
  const { MAX_FILE_BYTES } = await import('../load/read-text.js');
  const { loadReview } = await import('../check/check-review.js');
  // The bytes the answer file has now: the review recorded the digest of those it reviewed.
  const bytes = answersShown === '-' ? Buffer.from(check.parsed?.source ?? '', 'utf8') : await readInput(at(answersShown), MAX_FILE_BYTES).then((r) => (r.ok ? r.bytes : Buffer.alloc(0)));
  const loaded = await loadReview(at(shown), shown, { check, bytes, shown: answersShown });
  const sources = loaded.parsed ? new Map([[loaded.parsed.file, loaded.parsed.source]]) : undefined;
  const paint = ctx.paintErr;
  if (loaded.unreadable) {
    io.stderr.write(renderDiagnostics(loaded.errors, { lang, paint }) + '\n');
    throw new ExitError(EXIT.USAGE);
  }
  if (loaded.errors.length > 0 || !loaded.review) {
    io.stderr.write(renderDiagnostics([...loaded.errors, ...loaded.warnings], { lang, paint, sources }) + '\n\n');
    io.stderr.write(paint.red(translate(lang, 'review.cli.reviewInvalid', { file: makeVisible(shown), count: loaded.errors.length })) + '\n');
    throw new ExitError(EXIT.FINDINGS);
  }
  if (loaded.warnings.length > 0) io.stderr.write(renderDiagnostics(loaded.warnings, { lang, paint, sources }) + '\n\n');
  io.stderr.write(paint.dim(translate(lang, 'review.cli.reviewUsed', { file: makeVisible(shown), reviewer: makeVisible(loaded.review.reviewer), date: loaded.review.date })) + '\n');
  return { review: loaded.review, file: shown, changed: loaded.changed };
}

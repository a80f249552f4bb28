// `wangxin evidence ANSWERS`: records the SHA-256 of each local evidence file in the answer file, atomically.
import { makeVisible } from '../util/safe-text.js';
import { translate } from '../i18n/translate.js';
import { isAbsolute, resolve } from 'node:path';
import type { Lang } from '../i18n/lang.js';
import { MAX_EVIDENCE_BYTES, type RecordOutcome, recordEvidence } from '../evidence/evidence.js';
import { type EvidenceFinding } from '../model/evidence.js';
import { formatBytes, MAX_FILE_BYTES } from '../load/read-text.js';
import { renderDiagnostics, type Paint } from '../diagnostics/render.js';
import type { CommandContext } from '../io/io.js';
import { addExamples, example } from './help-examples.js';
import type { AddCommand } from './command.js';
import { describeWriteFailure } from './outputs.js';
import { EXIT } from './exit.js';
import { printError } from './print-error.js';
import { checkFileBytes } from '../check/check-file.js';
import { saveAnswers } from '../walk/answer-file.js';
import { readInput } from '../fs/read-input.js';
import { lockAnswerFile } from './answer-lock.js';
import { isWorkbookPath } from '../workbook/layout.js';

/** Registers `evidence`. */
export function registerEvidence(add: AddCommand, ctx: CommandContext, setExit: (code: number) => void): void {
  const { lang } = ctx;
  const cmd = add('evidence')
    .description(translate(lang, 'evidence.description'))
    .argument('<answers>', translate(lang, 'evidence.arg.answers'))
    .action(async (answers: string) => setExit(await runEvidence(answers, ctx)));
  addExamples(cmd, lang, [
    example('wangxin evidence examples/evidence/township.yaml', 'evidence.example.record'),
  ]);
}

/**
 * Records the digests and rewrites the answer file (only when something changed). Returns 0 when
 * every local evidence file was recorded, 1 when one could not be (missing, outside the folder,
 * not a regular file, too large) or the answer file is invalid, 2 when
 * the answer file cannot be read or written.
 */
export async function runEvidence(file: string, ctx: CommandContext): Promise<number> {
  const { io, lang } = ctx;
  const paint = ctx.paintErr;
  const absolute = isAbsolute(file) ? file : resolve(io.cwd, file);

  const { check, bytes } = await checkFileBytes(absolute, {}, 'answers');
  const sources = check.parsed ? new Map([[check.parsed.file, check.parsed.source]]) : undefined;
  if (check.unreadable || !bytes) {
    io.stderr.write(renderDiagnostics(check.errors, { lang, paint }) + '\n');
    return EXIT.USAGE;
  }
  if (check.errors.length > 0 || !check.answers) {
    io.stderr.write(renderDiagnostics([...check.errors, ...check.warnings], { lang, paint, sources }) + '\n\n');
    io.stderr.write(paint.red(translate(lang, 'evidence.invalid', { file: makeVisible(file), count: Math.max(1, check.errors.length) })) + '\n');
    return EXIT.FINDINGS;
  }
  // The same lock as `run`: no digest is written into a file someone is answering.
  const lock = await lockAnswerFile(absolute, file, lang, { cwd: ctx.io.cwd });
  if (!lock.ok) {
    printError(ctx, lock.message);
    return EXIT.USAGE;
  }
  let outcome;
  try {
    outcome = await recordEvidence(absolute, check.answers);
    io.stderr.write(describeOutcome(outcome, lang, paint, makeVisible));
    if (outcome.recorded > 0 || outcome.updated.length > 0) {
      // Hashing takes time: a hand edit made meanwhile is never overwritten.
      const now = await readInput(absolute, MAX_FILE_BYTES);
      if (!now.ok || !now.bytes.equals(bytes)) {
        printError(ctx, translate(lang, 'evidence.changedMeanwhile', { file: makeVisible(file) }));
        return EXIT.USAGE;
      }
      try {
        if (isWorkbookPath(absolute)) {
          // A workbook keeps being a workbook: only its evidence cells change.
          const { saveWorkbookEvidence } = await import('../workbook/update-workbook.js');
          await saveWorkbookEvidence(absolute, bytes, outcome.answers);
        } else {
          await saveAnswers(absolute, outcome.answers, check.checklist, bytes);
        }
      } catch (error) {
        const reason = describeWriteFailure(error, lang);
        printError(ctx, translate(lang, 'evidence.writeFailed', { file: makeVisible(file), reason }));
        return EXIT.USAGE;
      }
    } else {
      io.stderr.write(paint.dim(translate(lang, 'evidence.unchangedFile')) + '\n');
    }
  } finally {
    lock.lock.release();
  }
  const missing = outcome.findings.filter((f) => f.problem === 'missing').length;
  // Any local file whose digest could not be recorded (missing, outside, not a file, too large) fails the command.
  const unrecorded = outcome.findings.length;
  const summary = translate(lang, 'evidence.summary', {
    file: makeVisible(file),
    recorded: outcome.recorded,
    unchanged: outcome.unchanged,
    updated: outcome.updated.length,
    urls: outcome.urls,
    missing,
  });
  io.stdout.write((unrecorded > 0 ? paint.red(summary) : paint.green(summary)) + '\n');
  return unrecorded > 0 ? EXIT.FINDINGS : EXIT.OK;
}

/** One line per finding and per updated digest, for the terminal. */
export function describeOutcome(outcome: RecordOutcome, lang: Lang, paint: Paint, visible: (s: string) => string): string {
  const lines: string[] = [];
  for (const f of outcome.findings) lines.push(describeFinding(f, lang, paint, visible));
  for (const u of outcome.updated) lines.push(paint.yellow(translate(lang, 'evidence.updated', { item: visible(u.item), path: visible(u.path) })));
  return lines.map((l) => l + '\n').join('');
}

/** A finding as one terminal line (what stops a digest in red, outside and changed in yellow). */
export function describeFinding(f: EvidenceFinding, lang: Lang, paint: Paint, visible: (s: string) => string): string {
  const params = { item: visible(f.item), path: visible(f.path), limit: formatBytes(MAX_EVIDENCE_BYTES) };
  if (f.problem === 'outside' || f.problem === 'changed') return paint.yellow(translate(lang, `evidence.${f.problem}`, params));
  return paint.red(translate(lang, `evidence.${f.problem}`, params));
}

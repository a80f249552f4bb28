// `wangxin review ANSWERS`: the office's interactive review of a unit's answer file, saved after every verdict to its own review file.
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { localized, translate } from '../i18n/translate.js';
import { detectLang } from '../i18n/lang.js';
import type { CommandContext } from '../io/io.js';
import type { AddCommand } from './command.js';
import { addExamples, example } from './help-examples.js';
import { UsageError } from './usage-error.js';
import { EXIT, ExitError } from './exit.js';
import { printError } from './print-error.js';
import { commandLine } from './invocation.js';
import { refuseSameFile } from './outputs.js';
import { lockAnswerFile, startWalkSession } from './answer-lock.js';
import { PromptInterrupted, type Prompter } from '../walk/prompter.js';
import type { LockOptions } from '../walk/lock.js';
import { indexEvidenceProblems, reviewItems, reviewWalk } from '../walk/review-walk.js';
import { saveReview } from '../walk/review-file.js';
import { checkFileBytes } from '../check/check-file.js';
import { checkReviewFile } from '../check/check-review.js';
import { renderDiagnostics, quoteText } from '../diagnostics/render.js';
import { makeVisible } from '../util/safe-text.js';
import { readInput } from '../fs/read-input.js';
import { MAX_FILE_BYTES } from '../load/read-text.js';
import { sha256Hex } from '../fs/sha256.js';
import { defaultReviewPath, REVIEW_FILTERS, type Review, type ReviewFilter } from '../model/review.js';
import { scoreReviewed } from '../score/review.js';
import { formatFixed } from '../score/round.js';
import { pickText } from '../model/text.js';
import { defaultAsOf } from '../util/dates.js';
import { looksLikePath } from '../checklist/resolve-checklist.js';
import { refuseUnknownChecklist } from './checklist-option.js';

/** Options of `review` as commander gives them. */
export interface ReviewOptions {
  reviewer?: string;
  out?: string;
  only?: string;
  checklist?: string;
}

/** What tests replace: the prompter (else inquirer on the command's streams) and lock settings. */
export interface ReviewDeps {
  prompter?: Prompter;
  lock?: LockOptions;
}

/** Registers `review`. */
export function registerReview(add: AddCommand, ctx: CommandContext, setExit: (code: number) => void): void {
  const { lang } = ctx;
  const cmd = add('review')
    .description(translate(lang, 'review.cli.description'))
    .argument('<answers>', translate(lang, 'review.cli.arg.answers'))
    .option('--reviewer <name>', translate(lang, 'review.cli.opt.reviewer'))
    .option('--out <file>', translate(lang, 'review.cli.opt.out'))
    .option('--only <filters>', translate(lang, 'review.cli.opt.only'))
    .option('--checklist <idOrPath>', translate(lang, 'cli.opt.checklist'))
    .action(async (answers: string, options: ReviewOptions) => {
      refuseUnknownChecklist(options.checklist);
      setExit(await runReview(answers, options, ctx));
    });
  addExamples(cmd, lang, [
    example(localized('example.command.review'), 'review.cli.example.review'),
    example(localized('example.command.reviewOnly'), 'review.cli.example.only'),
  ]);
}

/** `--only a,b`: the filters named, each one of {@link REVIEW_FILTERS}. */
export function parseOnly(value: string | undefined): ReviewFilter[] {
  if (value === undefined) return [];
  const names = value.split(',').map((s) => s.trim()).filter(Boolean);
  const allowed = REVIEW_FILTERS as readonly string[];
  if (names.length === 0 || names.some((n) => !allowed.includes(n))) throw new UsageError('review.cli.error.badOnly', { allowed: REVIEW_FILTERS.join(', '), value: makeVisible(value) });
  return [...new Set(names)] as ReviewFilter[];
}

/**
 * Reviews `answersFile`. Returns 0 when finished or saved-and-quit, 1 when the answer file or an
 * existing review has errors, 2 for usage problems (no terminal, no reviewer, a locked review, an
 * unreadable file), 130 when interrupted with Ctrl-C (the verdicts so far saved).
 */
export async function runReview(answersFile: string, options: ReviewOptions, ctx: CommandContext, deps: ReviewDeps = {}): Promise<number> {
  const { io, lang, paint } = ctx;
  // Without a terminal inquirer would wait for keys that never come: said before anything else is done.
  if (!deps.prompter && io.stdin.isTTY !== true) {
    printError(ctx, translate(lang, 'review.cli.error.noTty'));
    return EXIT.USAGE;
  }
  const only = parseOnly(options.only);
  const at = (p: string): string => (isAbsolute(p) ? p : resolve(io.cwd, p));
  const reviewShown = options.out ?? defaultReviewPath(answersFile);
  if (reviewShown === '-' || answersFile === '-') throw new UsageError('review.cli.error.stdout');

  // The unit's answer file, read once: its bytes are what the review's SHA-256 is of.
  const ref = options.checklist !== undefined && looksLikePath(options.checklist) ? at(options.checklist) : options.checklist;
  const { check, bytes } = await checkFileBytes(at(answersFile), { ref }, 'answers');
  if (check.errors.length > 0 || !check.answers || !check.checklist || !bytes) {
    const sources = check.parsed ? new Map([[check.parsed.file, check.parsed.source]]) : undefined;
    if (!check.unreadable) printError(ctx, translate(lang, 'review.cli.invalidAnswers', { file: makeVisible(answersFile) }));
    io.stderr.write(renderDiagnostics(check.errors, { lang, paint: ctx.paintErr, sources }) + '\n');
    return check.unreadable ? EXIT.USAGE : EXIT.FINDINGS;
  }
  const { answers, checklist } = check;
  const sha256 = sha256Hex(bytes);
  await refuseSameFile(ctx, [{ option: '--out', file: reviewShown }], [at(answersFile), ...(check.checklistFile ? [check.checklistFile] : [])]);
  // The unit's evidence checked as `batch --verify-evidence` checks it (after the usage checks: it may
  // read large files): ✘ and why beside each piece with a problem.
  const { verifyEvidence } = await import('../evidence/evidence.js');
  const evidenceProblems = indexEvidenceProblems(await verifyEvidence(at(answersFile), answers));

  const session = startWalkSession();
  const reviewPath = at(reviewShown);
  let review: Review | undefined;
  let total = 0;
  const resumeCommand = (): string => {
    const parts = ['review', answersFile];
    if (options.out !== undefined) parts.push('--out', options.out);
    if (options.only !== undefined) parts.push('--only', options.only);
    if (options.checklist !== undefined) parts.push('--checklist', options.checklist);
    if (lang !== detectLang(io.env)) parts.push('--lang', lang);
    return commandLine(io.env, parts);
  };
  const progress = (): { done: number; total: number } => ({ done: review ? reviewItems(checklist, answers, only, evidenceProblems).filter((p) => review!.items[p.item.id]).length : 0, total });

  try {
    const got = await lockAnswerFile(reviewPath, reviewShown, lang, { lock: deps.lock, held: (params) => translate(lang, 'review.cli.locked', params), cwd: io.cwd });
    if (!got.ok) {
      printError(ctx, got.message);
      return EXIT.USAGE;
    }
    session.hold(got.lock);
    const notices: string[] = [];
    let stale = false;
    let recorded = sha256;
    // The bytes of the review as last read or written here (null: it does not exist yet).
    let onDisk: Buffer | null = null;
    if (existsSync(reviewPath)) {
      const loaded = await checkReviewFile(reviewPath, reviewShown, { answers, checklist, sha256, file: answersFile });
      if (loaded.errors.length > 0 || !loaded.review) {
        const sources = loaded.parsed ? new Map([[loaded.parsed.file, loaded.parsed.source]]) : undefined;
        if (!loaded.unreadable) printError(ctx, translate(lang, 'review.cli.invalidReview', { file: makeVisible(reviewShown) }));
        io.stderr.write(renderDiagnostics([...loaded.errors, ...loaded.warnings], { lang, paint: ctx.paintErr, sources }) + '\n');
        return loaded.unreadable ? EXIT.USAGE : EXIT.FINDINGS;
      }
      review = loaded.review;
      const read = await readInput(reviewPath, MAX_FILE_BYTES);
      onDisk = read.ok ? read.bytes : null;
      notices.push(translate(lang, 'review.cli.continuing', { file: makeVisible(reviewShown) }));
      if (review.reviewed.sha256 !== sha256) {
        // The verdicts were about another version of the answers: asked again, the new digest recorded once all are.
        stale = true;
        recorded = review.reviewed.sha256;
        notices.push(paint.yellow(translate(lang, 'review.cli.changed')));
      }
      const name = options.reviewer?.trim();
      if (name && name !== review.reviewer) {
        notices.push(paint.yellow(translate(lang, 'review.cli.reviewerChanged', { reviewer: quoteText(name), old: quoteText(review.reviewer) })));
        review.reviewer = name;
      }
    } else {
      const name = options.reviewer?.trim();
      if (!name) throw new UsageError('review.cli.error.noReviewer');
      review = {
        schemaVersion: 1,
        reviewed: { file: relative(dirname(reviewPath), at(answersFile)).split(sep).join('/'), sha256 },
        checklist: { ...answers.checklist },
        unit: { name: answers.unit.name, type: answers.unit.type },
        reviewer: name,
        date: defaultAsOf(io.env),
        items: {},
      };
      notices.push(paint.green(translate(lang, 'review.cli.created', { file: makeVisible(reviewShown) })));
    }
    total = reviewItems(checklist, answers, only, evidenceProblems).length;

    /** Saves the review, never over a change this command did not read. */
    const save = async (current: Review): Promise<void> => {
      const now = await readInput(reviewPath, MAX_FILE_BYTES);
      const changed = now.ok ? onDisk === null || !now.bytes.equals(onDisk) : now.failure.reason !== 'missing' || onDisk !== null;
      if (changed) {
        printError(ctx, translate(lang, 'review.cli.changedOnDisk', { file: makeVisible(reviewShown) }));
        throw new ExitError(EXIT.USAGE);
      }
      current.date = defaultAsOf(io.env);
      current.reviewed = { file: current.reviewed.file, sha256: recorded };
      try {
        onDisk = await saveReview(reviewPath, current, checklist);
      } catch (error) {
        printError(ctx, translate(lang, 'review.cli.saveFailed', { file: makeVisible(reviewShown), reason: (error as Error).message }));
        throw new ExitError(EXIT.USAGE);
      }
    };

    // Written before the first question: the review file exists (valid, no verdicts yet) from the start.
    if (onDisk === null) await save(review);
    const prompter = deps.prompter ?? (await (await import('../walk/inquirer-prompter.js')).createInquirerPrompter(io, lang, session.signal));
    const result = await reviewWalk({
      prompter,
      checklist,
      answers,
      review,
      lang,
      paint,
      only,
      evidenceProblems,
      fromStart: stale,
      notices,
      save: async (r) => save(r),
    });
    if (result.outcome === 'quit') {
      await save(review);
      io.stdout.write(paint.green(translate(lang, 'review.cli.quit', { done: result.reviewed, total: result.total, file: makeVisible(reviewShown) })) + '\n');
      io.stdout.write(translate(lang, 'review.cli.resumeHint', { command: resumeCommand() }) + '\n');
      return EXIT.OK;
    }
    // Finished: the review is now of the answer file as it is.
    recorded = sha256;
    await save(review);
    const scored = scoreReviewed(checklist, answers, review);
    io.stdout.write(
      paint.green(
        translate(lang, 'review.cli.finished', {
          confirmed: scored.confirmed,
          adjusted: scored.adjusted.length,
          self: formatFixed(scored.self.score, 1),
          selfGrade: pickText(scored.self.grade.label, lang),
          verified: formatFixed(scored.verified.score, 1),
          grade: pickText(scored.verified.grade.label, lang),
          file: makeVisible(reviewShown),
        }),
      ) + '\n',
    );
    const scoreArgs = ['score', answersFile, ...(options.out !== undefined ? ['--review', options.out] : [])];
    io.stdout.write(translate(lang, 'review.cli.scoreHint', { command: commandLine(io.env, scoreArgs) }) + '\n');
    return EXIT.OK;
  } catch (error) {
    if (error instanceof PromptInterrupted) {
      const { done } = progress();
      io.stdout.write('\n' + paint.yellow(translate(lang, 'review.cli.interrupted', { done, total, file: makeVisible(reviewShown) })) + '\n');
      io.stdout.write(translate(lang, 'review.cli.resumeHint', { command: resumeCommand() }) + '\n');
      return EXIT.INTERRUPTED;
    }
    if (error instanceof UsageError) {
      printError(ctx, error.text(lang));
      return error.code;
    }
    if (error instanceof ExitError) return error.code;
    throw error;
  } finally {
    session.end();
  }
}

// `wangxin score ANSWERS`: validates one answer file, scores it and writes its report (Markdown, JSON or HTML).
import { makeVisible } from '../util/safe-text.js';
import { localized, translate } from '../i18n/translate.js';
import { isAbsolute, resolve } from 'node:path';
import type { CommandContext } from '../io/io.js';
import { formatForOut, parseAsOf, parseFailUnder, parseFormat } from './options.js';
import type { AddCommand } from './command.js';
import { addExamples, example } from './help-examples.js';
import { EXIT } from './exit.js';
import { printError } from './print-error.js';
import { checkFile, checkText, unreadableCheck } from '../check/check-file.js';
import { renderDiagnostics, quoteText } from '../diagnostics/render.js';
import { produceDocxReport, produceReport } from '../report/produce.js';
import { formatForFile } from '../report/formatters.js';
import { roundHalfAway, formatFixed } from '../score/round.js';
import { pickText } from '../model/text.js';
import { readTextStream } from '../load/read-text.js';
import { refuseUnknownChecklist } from './checklist-option.js';

/** Options of `score` after parsing. */
export interface ScoreOptions {
  checklist?: string;
  format?: 'md' | 'json' | 'html' | 'docx';
  out?: string;
  failUnder?: number;
  /** The day rectification tasks are judged overdue on (`YYYY-MM-DD`). */
  asOf?: string;
  /** Fixed time stamp for reproducible reports (tests). */
  generatedAt?: string;
  /** `--review FILE`: the office's review to score with (else `<answers>.review.yaml` when there is one). */
  review?: string;
}

/** Registers `score`. */
export function registerScore(add: AddCommand, ctx: CommandContext, setExit: (code: number) => void): void {
  const { lang } = ctx;
  const cmd = add('score')
    .description(translate(lang, 'score.description'))
    .argument('<answers>', translate(lang, 'score.arg.answers'))
    .option('--checklist <idOrPath>', translate(lang, 'cli.opt.checklist'))
    .option('--format <format>', translate(lang, 'score.opt.format'))
    .option('--out <file>', translate(lang, 'score.opt.out'))
    .option('--fail-under <n>', translate(lang, 'score.opt.failUnder'))
    .option('--as-of <date>', translate(lang, 'cli.opt.asOf'))
    .option('--review <file>', translate(lang, 'review.cli.opt.review'))
    .action(async (answers: string, options: { checklist?: string; format?: string; out?: string; failUnder?: string; asOf?: string; review?: string }) => {
      refuseUnknownChecklist(options.checklist);
      const given = options.format === undefined ? undefined : parseFormat(options.format, ['md', 'json', 'html', 'docx'] as const);
      const format = formatForOut(options.out, given, { '.md': 'md', '.markdown': 'md', '.json': 'json', '.html': 'html', '.htm': 'html', '.docx': 'docx' }, 'md');
      const failUnder = options.failUnder === undefined ? undefined : parseFailUnder(options.failUnder);
      const asOf = parseAsOf(options.asOf, ctx.io.env);
      setExit(await runScore(answers, { checklist: options.checklist, format, out: options.out, failUnder, asOf, review: options.review }, ctx));
    });
  addExamples(cmd, lang, [
    example('wangxin score examples/answers/township.yaml', 'score.example.basic'),
    example('wangxin score examples/answers/township.yaml --out r.html', 'score.example.html'),
    example('wangxin score examples/answers/township.yaml --format json --fail-under 80', 'score.example.ci'),
    example(localized('example.command.scoreDocx'), 'docx.example'),
    example('wangxin score examples/loop/2026/township.yaml --review examples/loop/2026/township.review.yaml', 'review.cli.example.scoreReview'),
  ]);
}

/**
 * Scores one answer file and writes its report; returns the exit code: 0 scored; 1 invalid
 * answer file (no report written) or, with `failUnder`, below it or vetoed; 2 unreadable input
 * or a report that cannot be written.
 */
export async function runScore(file: string, options: ScoreOptions, ctx: CommandContext): Promise<number> {
  const { io, lang } = ctx;
  const paint = ctx.paintErr;
  const at = (p: string): string => (isAbsolute(p) || io.cwd === process.cwd() ? p : resolve(io.cwd, p));

  // `-`: the answer file on standard input, read with the same limit and checks as a file.
  let check;
  if (file === '-') {
    const read = await readTextStream(io.stdin);
    check = read.ok ? await checkText(read.text, '-', { ref: options.checklist }, 'answers') : unreadableCheck('-', read.diagnostic);
  } else {
    check = await checkFile(at(file), { ref: options.checklist }, 'answers');
  }
  const sources = new Map<string, string>();
  if (check.parsed) sources.set(check.parsed.file, check.parsed.source);
  if (check.unreadable) {
    io.stderr.write(renderDiagnostics(check.errors, { lang, paint }) + '\n');
    return EXIT.USAGE;
  }
  if (check.errors.length > 0 || !check.checklist || !check.answers) {
    const list = [...check.errors, ...check.warnings];
    io.stderr.write(renderDiagnostics(list, { lang, paint, sources }) + '\n\n');
    io.stderr.write(paint.red(translate(lang, 'score.invalid', { file: makeVisible(check.file), count: Math.max(1, check.errors.length) })) + '\n');
    return EXIT.FINDINGS;
  }
  if (check.warnings.length > 0) io.stderr.write(renderDiagnostics(check.warnings, { lang, paint, sources }) + '\n\n');
  // The office's review, when there is one: the report is then of the verified answers. Lazy: most units have none.
  const review = options.review !== undefined || file !== '-' ? await (await import('./review-source.js')).findReviewSource(ctx, file, check, options.review) : undefined;

  const format = options.format ?? (options.out && /\.docx$/i.test(options.out) ? 'docx' : undefined) ?? (options.out ? formatForFile(options.out) : undefined) ?? 'md';
  // `--out -` is standard output, like no --out at all.
  const toFile = options.out !== undefined && options.out !== '-';
  // A Word document is binary: it goes to a file, never to standard output (a terminal or a pipe alike).
  if (format === 'docx' && !toFile) {
    printError(ctx, translate(lang, 'binary.needsFile', { format: 'docx', option: '--out' }));
    return EXIT.USAGE;
  }
  // Lazy: printing to the terminal, the one-file start-up `npm run bench` measures, needs none of the output-file machinery.
  const { refuseSameFile, writeCommandOutput } = toFile ? await import('./outputs.js') : ({} as typeof import('./outputs.js'));
  if (toFile) await refuseSameFile(ctx, [{ option: '--out', file: options.out! }], [...(file === '-' ? [] : [at(file)]), ...(check.checklistFile ? [check.checklistFile] : []), ...(review ? [at(review.file)] : [])]);
  const { result, report, text } =
    format === 'docx'
      ? await produceDocxReport(check.checklist, check.answers, { lang, generatedAt: options.generatedAt, asOf: options.asOf, review }).then((p) => ({ ...p, text: p.bytes }))
      : produceReport(check.checklist, check.answers, format, { lang, generatedAt: options.generatedAt, asOf: options.asOf, review });

  const unit = quoteText(result.unit.name);
  if (toFile) {
    const reason = await writeCommandOutput(ctx, options.out!, text);
    if (reason !== undefined) {
      printError(ctx, translate(lang, 'score.error.write', { file: makeVisible(options.out!), reason }));
      return EXIT.USAGE;
    }
    const summary = translate(lang, 'score.summary', { unit, score: formatFixed(result.score, 1), grade: pickText(result.grade.label, lang) });
    io.stderr.write(`${paint.green('✓')} ${summary} — ${translate(lang, 'score.written', { file: makeVisible(options.out!) })}\n`);
  } else {
    const shown = text as string;
    io.stdout.write(shown.endsWith('\n') ? shown : shown + '\n');
  }
  if (!result.complete) io.stderr.write(paint.yellow(translate(lang, 'score.incomplete', { count: result.unanswered.length })) + '\n');

  if (options.failUnder === undefined) return EXIT.OK;
  let failed = false;
  if (result.vetoed) {
    io.stderr.write(paint.red(translate(lang, 'score.vetoed', { unit, items: result.vetoItems.join(', ') })) + '\n');
    failed = true;
  }
  // Compared as the JSON report shows it (2 decimals), so CI and the report never disagree.
  if (report.score < options.failUnder) {
    io.stderr.write(paint.red(translate(lang, 'score.below', { unit, score: formatFixed(roundHalfAway(result.score, 2), 2), min: options.failUnder })) + '\n');
    failed = true;
  }
  return failed ? EXIT.FINDINGS : EXIT.OK;
}

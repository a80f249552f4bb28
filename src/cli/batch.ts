// `wangxin batch DIR|FILE...`: scores every answer file, writes a summary (and JUnit), fails CI when a unit fails.
import { makeVisible } from '../util/safe-text.js';
import { localized, translate } from '../i18n/translate.js';
import { resolve } from 'node:path';
import type { CommandContext } from '../io/io.js';
import type { AddCommand } from './command.js';
import { formatForOut, parseAsOf, parseFailUnder, parseFormat, parseJobs, parseMaxOverstatement, readGeneratedAt } from './options.js';
import { UsageError } from './usage-error.js';
import { addExamples, example } from './help-examples.js';
import type { Discovery } from '../batch/discover.js';
import type { FileOutcome } from '../model/batch.js';
import type { BatchSummary } from '../model/batch.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { appendAll } from '../util/append-all.js';
import type { OutputContent } from '../fs/write-output.js';
import { loadChecklistOption } from './checklist-option.js';
import { defaultJobs, endWorkers, prestartWorkers } from '../batch/pool.js';

/** The options of `batch` after parsing. */
export interface BatchOptions {
  checklist?: string;
  format: 'md' | 'html' | 'json' | 'jsonl' | 'xlsx';
  out?: string;
  junit?: string;
  failUnder?: number;
  allowIncomplete: boolean;
  /** `--allow-duplicates`: a unit submitted more than once is not a finding. */
  allowDuplicates?: boolean;
  /** `--roster FILE`: the units expected to submit. */
  roster?: string;
  /** `--allow-missing`: a unit on the roster that has not submitted is not a finding. */
  allowMissing?: boolean;
  jobs?: number;
  /** `--baseline DIR`: earlier submissions or reports to show the change against. */
  baseline?: string;
  /** `--verify-evidence`: a unit with missing, changed or escaping evidence fails. */
  verifyEvidence?: boolean;
  /** The day rectification tasks are judged overdue on (`--as-of`); defaults to the day of the time stamp. */
  asOf?: string;
  /** The first day of the period whose done tasks are counted (`--since`). */
  since?: string;
  /** `--max-overstatement N`: a reviewed unit whose self-assessment exceeds the verified score by more than N fails. */
  maxOverstatement?: number;
}

/** Diagnostics shown on stderr with a code frame; the rest are one line each. */
const MAX_FRAMES = 50;

/** Registers `batch`. */
export function registerBatch(add: AddCommand, ctx: CommandContext, setExit: (code: number) => void): void {
  const { lang } = ctx;
  const cmd = add('batch')
    .description(translate(lang, 'batch.cli.description'))
    .argument('<paths...>', translate(lang, 'batch.cli.arg.paths'))
    .option('--checklist <idOrPath>', translate(lang, 'cli.opt.checklist'))
    .option('--format <format>', translate(lang, 'batch.cli.opt.format'))
    .option('--out <file>', translate(lang, 'batch.cli.opt.out'))
    .option('--junit <file>', translate(lang, 'batch.cli.opt.junit'))
    .option('--fail-under <n>', translate(lang, 'batch.cli.opt.failUnder'))
    .option('--allow-incomplete', translate(lang, 'batch.cli.opt.allowIncomplete'))
    .option('--allow-duplicates', translate(lang, 'batch.cli.opt.allowDuplicates'))
    .option('--roster <file>', translate(lang, 'batch.cli.opt.roster'))
    .option('--allow-missing', translate(lang, 'batch.cli.opt.allowMissing'))
    .option('--jobs <n>', translate(lang, 'batch.cli.opt.jobs'))
    .option('--baseline <dir>', translate(lang, 'batch.cli.opt.baseline'))
    .option('--verify-evidence', translate(lang, 'batch.opt.verifyEvidence'))
    .option('--as-of <date>', translate(lang, 'cli.opt.asOf'))
    .option('--since <date>', translate(lang, 'ledger.opt.since'))
    .option('--max-overstatement <n>', translate(lang, 'review.cli.opt.maxOverstatement'))
    .action(
      async (
        paths: string[],
        raw: { checklist?: string; format?: string; out?: string; junit?: string; failUnder?: string; allowIncomplete?: boolean; allowDuplicates?: boolean; roster?: string; allowMissing?: boolean; jobs?: string; baseline?: string; verifyEvidence?: boolean; asOf?: string; since?: string; maxOverstatement?: string },
      ) => {
        // The format follows --out's extension where it names one (汇总.html, s.json, s.xlsx); --format must agree with it.
        const given = raw.format === undefined ? undefined : parseFormat(raw.format, ['md', 'html', 'json', 'jsonl', 'xlsx'] as const);
        const format = formatForOut(raw.out, given, { '.md': 'md', '.markdown': 'md', '.html': 'html', '.htm': 'html', '.json': 'json', '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.xlsx': 'xlsx' }, 'md');
        // A workbook is binary: it goes to a file, never to standard output (a terminal or a pipe alike).
        if (format === 'xlsx' && (raw.out === undefined || raw.out === '-')) throw new UsageError('binary.needsFile', { format: 'xlsx', option: '--out' });
        // Without --out the summary goes to standard output: the JUnit cannot go there too.
        if (raw.junit === '-' && raw.out === undefined) throw new UsageError('batch.cli.error.junitStdout', {});
        const options: BatchOptions = {
          checklist: raw.checklist,
          format,
          out: raw.out,
          junit: raw.junit,
          failUnder: raw.failUnder === undefined ? undefined : parseFailUnder(raw.failUnder),
          allowIncomplete: raw.allowIncomplete === true,
          allowDuplicates: raw.allowDuplicates === true,
          roster: raw.roster,
          allowMissing: raw.allowMissing === true,
          jobs: raw.jobs === undefined ? undefined : parseJobs(raw.jobs),
          baseline: raw.baseline,
          verifyEvidence: raw.verifyEvidence === true,
          asOf: raw.asOf === undefined ? undefined : parseAsOf(raw.asOf, ctx.io.env),
          since: raw.since === undefined ? undefined : parseAsOf(raw.since, ctx.io.env, '--since'),
          maxOverstatement: raw.maxOverstatement === undefined ? undefined : parseMaxOverstatement(raw.maxOverstatement),
        };
        setExit(await runBatch(paths, options, ctx));
      },
    );
  addExamples(cmd, lang, [
    example('wangxin batch examples/answers/', 'batch.cli.example.stdout'),
    example('wangxin batch examples/answers/ --fail-under 60 --out summary.md --junit junit.xml', 'batch.cli.example.ci'),
    example('wangxin batch examples/answers/township.yaml examples/answers/department.yaml --format json', 'batch.cli.example.json'),
    example('wangxin batch examples/answers/ --format jsonl --out units.jsonl', 'batch.cli.example.jsonl'),
    example(localized('example.command.batchXlsx'), 'batch.cli.example.xlsx'),
    example('wangxin batch examples/loop/2026/ --baseline examples/loop/2025/', 'batch.cli.example.baseline'),
    example('wangxin batch examples/loop/2026 --max-overstatement 10', 'review.cli.example.batchReview'),
  ]);
}

/** Runs a batch and returns the exit code (0 all pass, 1 a file fails, 2 usage). */
export async function runBatch(paths: string[], options: BatchOptions, ctx: CommandContext): Promise<number> {
  // The worker threads boot while the files are found.
  const jobs = options.jobs ?? defaultJobs();
  const started = prestartWorkers(jobs);
  try {
    return await scoreBatch(paths, options, jobs, ctx, started);
  } finally {
    endWorkers(started);
  }
}

/** The batch itself, with the workers `runBatch` started ahead. */
async function scoreBatch(paths: string[], options: BatchOptions, jobs: number, ctx: CommandContext, workers: import('node:worker_threads').Worker[]): Promise<number> {
  // Lazy, here and below: these load while the workers started in runBatch boot, not before them
  // (the batch throughput target of `npm run bench`), and each report format loads only its own formatter.
  const { discoverFiles } = await import('../batch/discover.js');
  const { runFiles } = await import('../batch/pool.js');
  const { summarizeBatch, batchExitCode } = await import('../batch/summary.js');
  const { answersChecklistFile } = await import('../checklist/resolve-checklist.js');
  const { loadChecklist } = await import('../checklist/load-checklist.js');
  const { io, lang } = ctx;

  // WANGXIN_TIMING=1 prints where the time went (for `npm run bench`); nothing otherwise.
  const clock = performance.now();
  const timings: string[] = [];
  const lap = (label: string): void => {
    if (io.env.WANGXIN_TIMING) timings.push(`${label} ${(performance.now() - clock).toFixed(0)} ms`);
  };
  const found = await discoverFiles(paths, io.cwd);
  lap('discovered');
  if (found.missing.length > 0) throw new UsageError('batch.cli.error.missing', { paths: found.missing.join(', ') });
  if (found.files.length === 0 && found.findings.length === 0) throw new UsageError('batch.cli.error.noFiles', {});

  const checklistFile = options.checklist === undefined ? undefined : (await loadChecklistOption(options.checklist, ctx)).file;

  // --roster before any work, so a mistake in it stops the batch with its located errors.
  let roster: import('../batch/roster.js').Roster | undefined;
  if (options.roster !== undefined) {
    roster = await loadRosterOf(options.roster, checklistFile, ctx);
    if (!roster) return 2;
  }

  const { findMissingFolder, findOwnWorkbooks, refuseSameFile, writeCommandOutput, isStdout } = await import('./outputs.js');
  const writeOut = async (file: string, content: OutputContent): Promise<void> => {
    const reason = await writeCommandOutput(ctx, file, content);
    if (reason !== undefined) throw new UsageError('batch.cli.error.write', { file: makeVisible(file), reason });
  };
  const generatedAt = readGeneratedAt(io.env);
  const { defaultAsOf } = await import('../util/dates.js');
  const { startOfYear, sumTallies } = await import('../score/rectify.js');
  const asOf = options.asOf ?? defaultAsOf(io.env);
  const since = options.since ?? startOfYear(asOf);
  if (since > asOf) throw new UsageError('ledger.error.sinceAfter', { since, asOf });
  // --baseline first, so a mistyped folder stops before the batch is scored; its bad files are only warnings.
  const baseline = options.baseline === undefined ? undefined : await loadBaselineOf(options.baseline, { cwd: io.cwd, checklist: checklistFile, lang, generatedAt, jobs }, ctx);
  // Before any work is done: no output may replace a submission, the checklist, a baseline file or the other output.
  const outputs = [
    ...(options.out !== undefined ? [{ option: '--out', file: options.out }] : []),
    ...(options.junit !== undefined ? [{ option: '--junit', file: options.junit }] : []),
  ];
  // The summary workbook an earlier run wrote into a folder it scores is replaced, not refused, nor read.
  const own = await findOwnWorkbooks(ctx, outputs, found.files.map((f) => ({ path: f.path, shown: f.file, real: true })));
  if (own.size > 0) found.files = found.files.filter((f) => !own.has(f.file));
  await refuseSameFile(ctx, outputs, [
    ...found.files.map((f) => ({ path: f.path, shown: f.file, real: true })),
    ...(checklistFile ? [checklistFile] : []),
    ...(options.roster !== undefined ? [options.roster] : []),
    ...(baseline?.inputs ?? []),
  ]);
  // Nor is a batch scored (and its summary printed) for an output it cannot write.
  const missing = findMissingFolder(ctx, outputs);
  if (missing) throw new UsageError('batch.cli.error.write', { file: makeVisible(missing.file), reason: missing.reason });
  const policy = {
    failUnder: options.failUnder,
    allowIncomplete: options.allowIncomplete,
    allowDuplicates: options.allowDuplicates === true,
    allowMissing: options.allowMissing === true,
    ...(options.maxOverstatement !== undefined ? { maxOverstatement: options.maxOverstatement } : {}),
  };
  // The county-wide item counts, updated as each outcome comes in; the outcome keeps no list of its own.
  const tally = new (await import('../batch/findings.js')).ItemTally();
  const count = (o: FileOutcome): void => {
    if (!o.summary) return;
    tally.offer(o.summary);
    // Not `delete`: that would turn every kept summary into a slower, larger dictionary object.
    o.summary.shortfalls = undefined;
  };
  const started = performance.now();
  let seconds = 0;

  /** Scores every file; `onOutcome` gets each outcome in path order as soon as it is in (see runFiles). */
  const scoreAll = async (onOutcome: (outcome: FileOutcome) => void = count): Promise<FileOutcome[]> => {
    const bar = await startProgress(ctx, found.files.length);
    try {
      const processOptions = {
        checklist: checklistFile,
        lang,
        generatedAt,
        keepReport: options.format === 'json' || options.format === 'jsonl',
        keepOpenItems: options.format === 'xlsx',
        verifyEvidence: options.verifyEvidence,
        asOf,
        since,
        followUp: options.baseline !== undefined,
      };
      return await runFiles(found.files, processOptions, jobs, bar ? (done) => bar.update(done) : undefined, workers, onOutcome);
    } finally {
      bar?.stop();
      seconds = (performance.now() - started) / 1000;
      lap('scored');
    }
  };

  /** The aggregates of the scored files, with the invalid files' diagnostics and the evidence findings on stderr. */
  const summarize = async (outcomes: FileOutcome[]): Promise<BatchSummary> => {
    // The checklist (and version) most units name supplies every grade and unit type for the distributions.
    const named = new Map<string, { id: string; version: string; count: number }>();
    for (const o of outcomes) {
      if (!o.summary) continue;
      const { id, version } = o.summary.checklist;
      const key = `${id}@${version}`;
      const entry = named.get(key);
      if (entry) entry.count++;
      else named.set(key, { id, version, count: 1 });
    }
    const common = [...named.values()].sort((a, b) => b.count - a.count)[0];
    const distributionFile = checklistFile ?? (common ? answersChecklistFile(undefined, common.id, common.version) : undefined);
    const checklist = distributionFile ? (await loadChecklist(distributionFile)).checklist : undefined;
    // The files of the first diagnostics are read for their code frames while the aggregates are
    // worked out, not before: the thread pool's reads and this thread's work then overlap.
    const shown = showDiagnostics(outcomes, found, ctx);
    let summary: BatchSummary;
    try {
      summary = summarizeBatch(outcomes, found.findings, policy, { generatedAt, lang, checklist, tally });
    } finally {
      await shown;
    }
    // A unit's superseded copies (see summarizeBatch) are in no count: only the one that counts.
    const tasks = sumTallies(summary.files.map((f) => (f.supersededBy === undefined ? f.summary?.tasks : undefined)));
    if (tasks) summary.rectification = { asOf, since, ...tasks };
    if (baseline) (await import('../batch/baseline.js')).applyBaseline(summary, baseline);
    if (roster) summary.roster = (await import('../batch/roster.js')).checkRoster(roster, options.roster!, summary);
    return summary;
  };

  /** Writes `--junit` (`file`) from the summary. */
  const writeJunit = async (file: string, summary: BatchSummary): Promise<void> => {
    const { junitLines } = await import('../report/junit.js');
    // Written as the lines come, in parts: held whole, the JUnit of a big batch was the largest
    // thing in memory at the end of it.
    const lines = junitLines(summary, { lang, seconds });
    await writeOut(file, isStdout(file) ? withFinalBreak(lines) : lines);
  };

  /** The JUnit when it was started while the JSON summary was still being flushed to disk. */
  let junitWritten: Promise<void> | undefined;
  // One output at a time, each let go once written: a big batch's summary and JUnit are megabytes
  // of text each, and holding both at once raised the peak memory by about as much.
  const written: string[] = [];
  let summary: BatchSummary;
  if (options.format === 'md' || options.format === 'html') {
    summary = await summarize(await scoreAll());
    // The summary as lines: written in parts, never also held as one string; the HTML page (the
    // largest) as its lines come, never held whole.
    let lines: Iterable<string>;
    if (options.format === 'html') {
      const { batchHtmlLines } = await import('../report/batch-html.js');
      const { readToolVersion } = await import('../report/tool-version.js');
      lines = batchHtmlLines(summary, { lang, toolVersion: readToolVersion() });
    } else {
      const { formatBatchMarkdownLines } = await import('../report/batch-markdown.js');
      lines = formatBatchMarkdownLines(summary, { lang });
    }
    // Both pages end with an empty line, i.e. a line break, on standard output as in a file.
    await writeOut(options.out ?? '-', lines);
    if (options.out !== undefined && !isStdout(options.out)) written.push(options.out);
  } else if (options.format === 'xlsx') {
    // The workbook needs every unit's open items: kept in compact form as each file is scored.
    const openItems = new Map<string, import('../model/batch.js').OpenItem[]>();
    summary = await summarize(await scoreAll((o) => {
      count(o);
      if (o.openItems?.length) openItems.set(o.file, o.openItems);
      delete o.openItems;
    }));
    const { writeBatchXlsx } = await import('../report/batch-xlsx.js');
    await writeOut(options.out!, (write) => writeBatchXlsx(summary, { lang, openItems }, write));
    written.push(options.out!);
  } else {
    // JSON and JSON Lines are written while the files are scored: each unit's entry, with its
    // report, as soon as it is in (then let go), the aggregates at the end.
    const { createBatchJsonWriter } = await import('../report/batch-json.js');
    const { readToolVersion } = await import('../report/tool-version.js');
    let result: BatchSummary | undefined;
    const produce = async (write: (part: Uint8Array) => void): Promise<void> => {
      const writer = createBatchJsonWriter(write, { format: options.format as 'json' | 'jsonl', lang, toolVersion: readToolVersion(), generatedAt, policy, findings: found.findings });
      result = await summarize(
        await scoreAll((o) => {
          count(o);
          writer.add(o);
        }),
      );
      writer.finish(result);
      // The JUnit is made while this file (a hundred megabytes for a big batch) is flushed to
      // disk, rather than after: only when this file is not standard output, which the JUnit may be.
      if (options.junit !== undefined && options.out !== undefined && !isStdout(options.out)) {
        junitWritten = writeJunit(options.junit, result);
        // Its failure (a folder named as --junit, say) is raised below, once this file is done:
        // marked as handled now, so that it is not an unhandled rejection in the meantime.
        junitWritten.catch(() => undefined);
      }
    };
    try {
      await writeOut(options.out ?? '-', produce);
    } finally {
      await junitWritten;
    }
    if (options.out !== undefined && !isStdout(options.out)) written.push(options.out);
    summary = result!;
  }
  if (options.junit) {
    await (junitWritten ?? writeJunit(options.junit, summary));
    if (!isStdout(options.junit)) written.push(options.junit);
  }
  for (const file of written) io.stderr.write(translate(lang, 'batch.cli.written', { file: makeVisible(file) }) + '\n');
  lap('written');
  if (timings.length > 0) io.stderr.write(`timing: ${timings.join(', ')}\n`);
  const c = summary.counts;
  const line = translate(lang, 'batch.cli.result', { files: c.files, valid: c.valid, invalid: c.invalid, failed: c.failed });
  io.stderr.write((c.failed > 0 ? ctx.paintErr.red(line) : ctx.paintErr.green(line)) + '\n');
  if (c.files === 0) io.stderr.write(ctx.paintErr.red(translate(lang, 'batch.cli.nothingScored', { other: c.other })) + '\n');
  // A custom checklist kept among the submissions is not used to score them (only --checklist is):
  // when answer files could not find theirs, say where one is.
  const kept = summary.otherFiles.filter((o) => o.kind === 'checklist');
  if (kept.length > 0 && options.checklist === undefined && summary.files.some((f) => f.errors.some((d) => d.code === 'UNKNOWN_CHECKLIST'))) {
    io.stderr.write(ctx.paintErr.yellow(translate(lang, 'batch.cli.checklistHint', { files: kept.map((o) => makeVisible(o.file)).join(', ') })) + '\n');
  }
  if (summary.roster && summary.roster.missing.length > 0) {
    const missing = translate(lang, 'batch.cli.missingUnits', { count: summary.roster.missing.length, expected: summary.roster.expected });
    io.stderr.write((options.allowMissing ? ctx.paintErr.yellow(missing) : ctx.paintErr.red(missing)) + '\n');
  }
  return batchExitCode(summary);
}

/**
 * The located diagnostics of invalid files on stderr (code frames for the first ones), for the CI
 * log, then one line per evidence finding (the summary and JUnit carry them too).
 */
async function showDiagnostics(outcomes: readonly FileOutcome[], found: Discovery, ctx: CommandContext): Promise<void> {
  // Lazy like the rest of the batch (see scoreBatch); the file texts below only when there are errors to frame.
  const { renderDiagnostics } = await import('../diagnostics/render.js');
  const { io, lang } = ctx;
  const shown: Diagnostic[] = [];
  for (const o of outcomes) if (o.status !== 'valid') appendAll(shown, o.errors);
  appendAll(shown, found.findings);
  if (shown.length > 0) {
    // Code frames for the first ones only: a county's batch shows them all, a national one stays
    // readable. Their files are read again here rather than every invalid file's text being kept.
    const framedFiles = new Set(shown.slice(0, MAX_FRAMES).map((d) => d.file));
    const { readText } = await import('../load/read-text.js');
    const framed = found.files.filter((f) => framedFiles.has(f.file));
    const reads = await Promise.all(framed.map((f) => readText(f.path)));
    const sources = new Map<string, string>();
    reads.forEach((read, i) => {
      if (read.ok) sources.set(framed[i].file, read.text);
    });
    const withFrames = renderDiagnostics(shown.slice(0, MAX_FRAMES), { lang, paint: ctx.paintErr, sources });
    const rest = shown.length > MAX_FRAMES ? '\n' + renderDiagnostics(shown.slice(MAX_FRAMES), { lang, paint: ctx.paintErr, frames: false }) : '';
    io.stderr.write(withFrames + rest + '\n\n');
  }
  // Warnings about the office's reviews (an answer file changed since its review): every command reading a review says so.
  const reviewWarnings = outcomes.flatMap((o) => o.reviewWarnings ?? []);
  if (reviewWarnings.length > 0) io.stderr.write(renderDiagnostics(reviewWarnings, { lang, paint: ctx.paintErr, frames: false }) + '\n');
  for (const o of outcomes) {
    for (const e of o.evidence ?? []) io.stderr.write(`${makeVisible(o.file)}: ${ctx.paintErr.red(translate(lang, `verify.${e.problem}`))}: ${makeVisible(e.item)} ${makeVisible(e.path)}\n`);
  }
}

/**
 * Loads `--roster`, its unit types checked against the checklist's (`--checklist`, else those of
 * the built-in checklists, the only ones a batch without it can find). Prints its located errors
 * with code frames and returns undefined when it cannot be used; its warnings are printed too.
 */
async function loadRosterOf(file: string, checklistFile: string | undefined, ctx: CommandContext): Promise<import('../batch/roster.js').Roster | undefined> {
  const { loadRoster } = await import('../batch/roster.js');
  const { builtinRefs, builtinFile } = await import('../checklist/resolve-checklist.js');
  const { loadChecklist } = await import('../checklist/load-checklist.js');
  const { renderDiagnostics } = await import('../diagnostics/render.js');
  const types = new Set<string>();
  const files = checklistFile ? [checklistFile] : builtinRefs().map((ref) => builtinFile(ref)!);
  for (const f of files) for (const t of (await loadChecklist(f)).checklist?.unitTypes ?? []) types.add(t.id);
  const loaded = await loadRoster(resolve(ctx.io.cwd, file), types.size > 0 ? [...types] : undefined);
  // Shown as the user named it.
  const diagnostics = loaded.diagnostics.map((d) => ({ ...d, file }));
  if (diagnostics.length > 0) {
    const sources = new Map(loaded.source !== undefined ? [[file, loaded.source]] : []);
    ctx.io.stderr.write(renderDiagnostics(diagnostics, { lang: ctx.lang, paint: ctx.paintErr, sources }) + '\n');
  }
  return loaded.roster;
}

/** Loads `--baseline` and prints its warnings (one line each); a baseline that does not exist is a usage error. */
async function loadBaselineOf(
  dir: string,
  options: import('../batch/baseline.js').BaselineOptions,
  ctx: CommandContext,
): Promise<import('../batch/baseline.js').LoadedBaseline> {
  // Lazy: only --baseline needs it.
  const { loadBaseline, describeBaselineWarnings } = await import('../batch/baseline.js');
  const loaded = await loadBaseline(dir, options);
  if (loaded.missing) throw new UsageError('batch.cli.error.baselineMissing', { path: dir });
  for (const line of describeBaselineWarnings(loaded.warnings, ctx.lang)) ctx.io.stderr.write(ctx.paintErr.yellow(line) + '\n');
  return loaded;
}

/** A progress bar on stderr, only on a terminal and never in CI (nothing extra in CI logs). */
async function startProgress(ctx: CommandContext, total: number): Promise<{ update(n: number): void; stop(): void } | undefined> {
  const { io, lang } = ctx;
  if (io.stderr.isTTY !== true || (io.env.CI !== undefined && io.env.CI !== '' && io.env.CI !== 'false') || total < 2) return undefined;
  // Lazy: only a terminal shows a progress bar.
  const { SingleBar } = (await import('cli-progress')).default;
  const bar = new SingleBar({
    stream: io.stderr as unknown as NodeJS.WritableStream,
    format: `${translate(lang, 'batch.cli.progress')} [{bar}] {value}/{total} {percentage}%`,
    hideCursor: true,
    clearOnComplete: true,
    etaBuffer: 50,
  });
  bar.start(total, 0);
  return bar;
}

/** The lines and an empty one after them, so that their text ends with a line break (as standard output's should). */
function* withFinalBreak(lines: Iterable<string>): Generator<string> {
  yield* lines;
  yield '';
}

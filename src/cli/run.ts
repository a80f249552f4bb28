// `wangxin run`: the interactive self-check — start or resume an answer file, walk the items, end with score and report.
import { makeVisible } from '../util/safe-text.js';
import { translate, type MessageKey } from '../i18n/translate.js';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, extname, isAbsolute, resolve } from 'node:path';
import { readInput } from '../fs/read-input.js';
import { MAX_FILE_BYTES, decodeText } from '../load/read-text.js';
import { detectLang } from '../i18n/lang.js';
import { renderDiagnostics, quoteText } from '../diagnostics/render.js';
import type { Answers } from '../model/answers.js';
import { applyingItems, type Checklist } from '../model/checklist.js';
import { pickText } from '../model/text.js';
import type { CommandContext } from '../io/io.js';
import type { AddCommand } from './command.js';
import { parseFormat } from './options.js';
import { addExamples, example } from './help-examples.js';
import { PromptInterrupted, type Prompter } from '../walk/prompter.js';
import { UsageError } from './usage-error.js';
import { loadChecklistOption } from './checklist-option.js';
import { printError } from './print-error.js';
import { commandLine } from './invocation.js';
import type { LockOptions } from '../walk/lock.js';
import { EXIT, ExitError } from './exit.js';
import { walk, isAnswered } from '../walk/walk.js';
import { saveAnswers, defaultAnswersPath } from '../walk/answer-file.js';
import { askHeader, isHeaderIncomplete } from '../walk/header.js';
import { refuseSameFile, isStdout, writeCommandOutput } from './outputs.js';
import { lockAnswerFile, shownPath as fromCwd, startWalkSession } from './answer-lock.js';
import { recordEvidence } from '../evidence/evidence.js';
import { describeOutcome } from './evidence.js';
import { isWorkbookPath } from '../workbook/layout.js';
import { builtinIds, looksLikePath } from '../checklist/resolve-checklist.js';
import { checkFileBytes, checkText } from '../check/check-file.js';
import { produceDocxReport, produceReport } from '../report/produce.js';
import { defaultAsOf } from '../util/dates.js';
import { renderSummary } from '../walk/summary.js';

/** The built-in checklist offered first. */
const DEFAULT_CHECKLIST = 'county-cyber-2018';

/** Report formats and the extensions that imply them. */
const REPORT_FORMATS = ['md', 'json', 'html', 'docx'] as const;
type ReportFormat = (typeof REPORT_FORMATS)[number];
const EXTENSIONS: Record<string, ReportFormat> = { '.md': 'md', '.markdown': 'md', '.json': 'json', '.html': 'html', '.htm': 'html', '.docx': 'docx' };

/** Options of `run` as commander gives them. */
export interface RunOptions {
  checklist?: string;
  unit?: string;
  unitType?: string;
  answers?: string;
  report?: string;
  format?: string;
  changeUnitType?: boolean;
  /** `--record-evidence`: record evidence digests after the walk, before the report. */
  recordEvidence?: boolean;
}

/** What tests replace: the prompter (else inquirer on the command's streams) and lock settings. */
export interface RunDeps {
  prompter?: Prompter;
  lock?: LockOptions;
  /** Fixed report time stamp, for stable tests. */
  generatedAt?: string;
}

/** Registers `run`. */
export function registerRun(add: AddCommand, ctx: CommandContext, setExit: (code: number) => void): void {
  const { lang } = ctx;
  const cmd = add('run')
    .description(translate(lang, 'run.description'))
    .option('--checklist <idOrPath>', translate(lang, 'cli.opt.checklist'))
    .option('--unit <name>', translate(lang, 'run.opt.unit'))
    .option('--unit-type <type>', translate(lang, 'run.opt.unitType'))
    .option('--answers <file>', translate(lang, 'run.opt.answers'))
    .option('--report <file>', translate(lang, 'run.opt.report'))
    .option('--format <format>', translate(lang, 'run.opt.format'))
    .option('--change-unit-type', translate(lang, 'run.opt.changeUnitType'))
    .option('--record-evidence', translate(lang, 'run.opt.recordEvidence'))
    .action(async (options: RunOptions) => setExit(await runRun(options, ctx)));
  addExamples(cmd, lang, [
    example('wangxin run --unit 某某镇党委 --unit-type township', 'example.run.new'),
    example('wangxin run --answers examples/answers/township.yaml --report r.html', 'example.run.resume'),
    example('wangxin run --checklist examples/custom/xx-county-2026.yaml', 'example.run.custom'),
  ]);
}

/**
 * Runs the self-check. Returns 0 when finished (report written) or saved-and-quit, 1 when an
 * existing answer file is invalid, 2 for usage problems (no terminal, locked file, unknown
 * checklist or unit type), 130 when interrupted with Ctrl-C.
 */
export async function runRun(options: RunOptions, ctx: CommandContext, deps: RunDeps = {}): Promise<number> {
  const { io, lang, paint, paintErr } = ctx;
  const errorLine = (message: string): void => printError(ctx, message);
  // Without a terminal inquirer would wait for keys that never come: say what to do instead.
  if (!deps.prompter && io.stdin.isTTY !== true) {
    errorLine(translate(lang, 'run.noTty'));
    return EXIT.USAGE;
  }
  const reportFormat = chooseReportFormat(options);
  if (reportFormat === undefined) {
    errorLine(translate(lang, 'run.badReportExt', { file: makeVisible(options.report ?? '') }));
    return EXIT.USAGE;
  }
  // A Word document is binary: never to standard output.
  if (reportFormat === 'docx' && options.report === '-') {
    errorLine(translate(lang, 'binary.needsFile', { format: 'docx', option: '--report' }));
    return 2;
  }

  const session = startWalkSession();

  let answersFile: string | undefined;
  let state: { answers: Answers; checklist: Checklist } | undefined;
  /** The command that continues this run, started the way this one was (npx wangxin under npx). */
  const resumeCommand = (): string => {
    const parts = ['run', '--answers', answersFile ?? ''];
    if (options.checklist) parts.push('--checklist', options.checklist);
    if (options.report) parts.push('--report', options.report);
    if (lang !== detectLang(io.env)) parts.push('--lang', lang);
    return commandLine(io.env, parts);
  };
  const progress = (): { done: number; total: number } => {
    if (!state) return { done: 0, total: 0 };
    const items = applyingItems(state.checklist, state.answers.unit.type);
    return { done: items.filter((p) => isAnswered(p.item, state!.answers.answers[p.item.id])).length, total: items.length };
  };

  try {
    // Lazy: only a real terminal needs inquirer (kept out of the bundle and loaded from node_modules).
    const prompter = deps.prompter ?? (await (await import('../walk/inquirer-prompter.js')).createInquirerPrompter(io, lang, session.signal));
    const required = (v: string): true | string => (v.trim() === '' ? translate(lang, 'run.required') : true);

    // The checklist named on the command line is checked first: a typo should not cost the officer questions.
    let given: Checklist | undefined;
    if (options.checklist) given = (await loadChecklistOption(options.checklist, ctx)).checklist;
    // So is --unit-type, for a new file, when its checklist is known now (given, or the only
    // built-in): a typo should not cost the unit name typed first. An existing file's checklist
    // decides for it, once it is read.
    if (options.unitType !== undefined && (options.answers === undefined || !existsSync(resolve(io.cwd, options.answers)))) {
      const ids = builtinIds();
      const known = given ?? (ids.length === 1 ? (await loadChecklistOption(ids[0], ctx)).checklist : undefined);
      if (known) checkUnitType(known, options.unitType, ctx, errorLine);
    }

    let unitName = options.unit?.trim() || undefined;
    let shownPath = options.answers;
    if (shownPath === undefined) {
      unitName ??= (await prompter.input({ message: translate(lang, 'run.ask.unit'), validate: required })).trim();
      shownPath = (await prompter.input({ message: translate(lang, 'run.ask.answers'), default: defaultAnswersPath(unitName), validate: required })).trim();
    }
    if (shownPath === '-') {
      errorLine(translate(lang, 'run.answersStdout'));
      return EXIT.USAGE;
    }
    // The walk saves YAML: a workbook (a new one too) would be written over with text, its sheets lost.
    if (isWorkbookPath(shownPath)) {
      // The conversion as it works when typed: a checklist that is not built in is named.
      const convert = commandLine(io.env, ['convert', shownPath, '--to', 'yaml', ...(options.checklist !== undefined ? ['--checklist', options.checklist] : [])]);
      errorLine(translate(lang, 'run.workbook', { file: makeVisible(shownPath), command: makeVisible(convert) }));
      return EXIT.USAGE;
    }
    const absolute = resolve(io.cwd, shownPath);
    answersFile = shownPath;
    const reportFile = options.report ?? defaultReportPath(shownPath, reportFormat);
    // The answer file and the report are both outputs: neither may be the other, nor the checklist.
    try {
      await refuseSameFile(
        ctx,
        [{ option: '--answers', file: shownPath }, ...(isStdout(reportFile) ? [] : [{ option: '--report', file: reportFile }])],
        options.checklist && given ? [await resolveRef(options.checklist, io.cwd)].filter((p) => isAbsolute(p)) : [],
      );
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      errorLine(error.text(lang));
      return EXIT.USAGE;
    }
    try {
      await mkdir(dirname(absolute), { recursive: true });
    } catch (error) {
      errorLine(translate(lang, 'run.saveFailed', { file: makeVisible(shownPath), reason: (error as Error).message }));
      return EXIT.USAGE;
    }
    const got = await lockAnswerFile(absolute, shownPath, lang, { lock: deps.lock, held: (params) => translate(lang, 'run.locked', params), cwd: io.cwd });
    if (!got.ok) {
      errorLine(got.message);
      return EXIT.USAGE;
    }
    const lock = got.lock;
    session.hold(lock);
    const tookOver = lock.tookOver ? translate(lang, 'run.lockTakenOver', { lock: makeVisible(fromCwd(io.cwd, lock.file)), pid: lock.tookOver.pid }) : undefined;

    const notices: string[] = tookOver ? [paint.dim(tookOver)] : [];
    const isNew = !existsSync(absolute);
    // The bytes of the answer file as last read or written by this run (null: it does not exist yet).
    let onDisk: Buffer | null = null;
    if (!isNew) {
      const opened = await openExisting(absolute, shownPath, options, ctx, errorLine, given, notices);
      state = opened;
      onDisk = opened.bytes;
      notices.unshift(translate(lang, 'run.continuing', { file: makeVisible(shownPath) }));
    } else {
      const checklist = given ?? (await chooseChecklist(prompter, ctx));
      io.stdout.write(paint.dim(translate(lang, 'run.checklistInfo', { title: makeVisible(pickText(checklist.title, lang)), id: checklist.id, version: checklist.version })) + '\n');
      unitName ??= (await prompter.input({ message: translate(lang, 'run.ask.unit'), validate: required })).trim();
      const unitType = options.unitType !== undefined ? checkUnitType(checklist, options.unitType, ctx, errorLine) : await prompter.select({
        message: translate(lang, 'run.ask.unitType'),
        choices: checklist.unitTypes.map((u) => ({ value: u.id, name: `${pickText(u.label, lang)} (${u.id})` })),
      });
      // Who answers and for which period, once, before the first item (each may be skipped).
      const header = await askHeader(prompter, lang);
      const answers: Answers = {
        schemaVersion: 1,
        checklist: { id: checklist.id, version: checklist.version },
        unit: { name: unitName, type: unitType },
        ...header,
        answers: {},
      };
      state = { answers, checklist };
    }
    if (!isNew && isHeaderIncomplete(state.answers)) {
      // A file begun without them (skipped, or written by init): asked again, with what is there as the default.
      prompter.say(paint.dim(translate(lang, 'run.header.incomplete')));
      const { assessor, period } = await askHeader(prompter, lang, { assessor: state.answers.assessor, period: state.answers.period });
      state.answers = { ...state.answers, assessor, period };
    }
    /**
     * Saves after every answer, but never over what this run did not read: when the file changed
     * on disk since it was last read or written here (a hand edit, another program), it is read
     * again and this run's `answered` item is kept on top of it; when that cannot be done (no item
     * to keep, the file is now invalid, of another unit type or checklist), the run stops and the
     * file is left as it is. Returns notices for the next screen.
     */
    const save = async (answers: Answers, answered?: string): Promise<string[]> => {
      const shown = makeVisible(shownPath!);
      const now = await readInput(absolute, MAX_FILE_BYTES);
      // Deleted meanwhile: writing it again overwrites nothing. Unreadable now (undefined): changed.
      if (!now.ok && now.failure.reason === 'missing') onDisk = null;
      const current = now.ok ? now.bytes : undefined;
      const changed = now.ok ? onDisk === null || !now.bytes.equals(onDisk) : now.failure.reason !== 'missing';
      const reloadNotices: string[] = [];
      if (changed) {
        const why = answered === undefined ? 'run.changed.noItem' : await mergeReloaded(current, answers, answered, state!.checklist, absolute);
        if (why !== undefined) {
          errorLine(translate(lang, 'run.changedOnDisk', { file: shown, item: answered ?? '—', why: translate(lang, why) }));
          throw new ExitError(EXIT.USAGE);
        }
        reloadNotices.push(paint.yellow(translate(lang, 'run.reloaded', { file: shown, item: answered! })));
      }
      try {
        // Edited in place: what a person or `init` wrote around the answers stays.
        onDisk = await saveAnswers(absolute, answers, state!.checklist, current);
      } catch (error) {
        errorLine(translate(lang, 'run.saveFailed', { file: shown, reason: (error as Error).message }));
        throw new ExitError(EXIT.USAGE);
      }
      return reloadNotices;
    };
    // Written before the first question: the file exists (valid, empty answers) from the start.
    notices.push(...(await save(state.answers)));
    if (isNew) notices.push(paint.green(translate(lang, 'run.created', { file: makeVisible(shownPath) })));

    const result = await walk({ prompter, checklist: state.checklist, answers: state.answers, lang, save, paint, notices, evidenceBase: dirname(absolute) });
    if (result.outcome === 'quit') {
      io.stdout.write(paint.green(translate(lang, 'run.quit', { done: result.answered, total: result.total, file: makeVisible(shownPath) })) + '\n');
      io.stdout.write(translate(lang, 'run.resumeHint', { command: resumeCommand() }) + '\n');
      return EXIT.OK;
    }
    if (options.recordEvidence) {
      // The answers are final now; their evidence digests are saved before the report is made.
      const outcome = await recordEvidence(absolute, state.answers);
      io.stderr.write(describeOutcome(outcome, lang, paintErr, makeVisible));
      state.answers = outcome.answers;
      await save(state.answers);
    }
    return await finish(state.checklist, state.answers, reportFile, reportFormat, ctx, deps, errorLine);
  } catch (error) {
    if (error instanceof PromptInterrupted) {
      const { done, total } = progress();
      io.stdout.write('\n');
      if (state && answersFile) {
        io.stdout.write(paint.yellow(translate(lang, 'run.interrupted', { done, total, file: makeVisible(answersFile) })) + '\n');
        io.stdout.write(translate(lang, 'run.resumeHint', { command: resumeCommand() }) + '\n');
      } else {
        io.stdout.write(paint.yellow(translate(lang, 'run.interruptedEarly')) + '\n');
      }
      return EXIT.INTERRUPTED;
    }
    // Stopped after saying why (the answers kept): the run's exit code, as for every other ending.
    if (error instanceof UsageError) {
      errorLine(error.text(lang));
      return error.code;
    }
    if (error instanceof ExitError) return error.code;
    throw error;
  } finally {
    session.end();
  }
}

/** The report format: `--format`, else the `--report` extension, else Markdown; undefined for an unknown extension. */
function chooseReportFormat(options: RunOptions): ReportFormat | undefined {
  if (options.format !== undefined) return parseFormat(options.format, REPORT_FORMATS);
  if (options.report === undefined || options.report === '-') return 'md';
  return EXTENSIONS[extname(options.report).toLowerCase()];
}

/** `answers/x.yaml` → `answers/x.report.md`. */
function defaultReportPath(answersFile: string, format: ReportFormat): string {
  return answersFile.replace(/\.ya?ml$/i, '') + `.report.${format}`;
}

/** Picks a built-in checklist: no question when there is only one. */
async function chooseChecklist(prompter: Prompter, ctx: CommandContext): Promise<Checklist> {
  const ids = builtinIds();
  if (ids.length === 0) {
    throw new UsageError('cli.error.unknownChecklist', { ref: DEFAULT_CHECKLIST, known: '—' });
  }
  if (ids.length === 1) return (await loadChecklistOption(ids[0], ctx)).checklist;
  const id = await prompter.select({
    message: translate(ctx.lang, 'run.ask.checklist'),
    choices: ids.map((value) => ({ value, name: value })),
    default: ids.includes(DEFAULT_CHECKLIST) ? DEFAULT_CHECKLIST : ids[0],
  });
  return (await loadChecklistOption(id, ctx)).checklist;
}

function checkUnitType(checklist: Checklist, type: string, ctx: CommandContext, errorLine: (m: string) => void): string {
  if (checklist.unitTypes.some((u) => u.id === type)) return type;
  errorLine(translate(ctx.lang, 'run.unknownUnitType', { checklist: checklist.id, type: quoteText(type), known: checklist.unitTypes.map((u) => u.id).join(', ') }));
  throw new ExitError(EXIT.USAGE);
}

/** Reads and validates an existing answer file; never continues with one that has errors. Returns its bytes as read. */
async function openExisting(
  absolute: string,
  shown: string,
  options: RunOptions,
  ctx: CommandContext,
  errorLine: (m: string) => void,
  given: Checklist | undefined,
  notices: string[],
): Promise<{ answers: Answers; checklist: Checklist; bytes: Buffer }> {
  const { lang, io } = ctx;
  // Read once, as bytes: what is checked is what a later save compares the file on disk with.
  const { check, bytes } = await checkFileBytes(absolute, { ref: given && options.checklist ? await resolveRef(options.checklist, io.cwd) : undefined }, 'answers');
  // A file from init still carries the placeholder name; --unit names the unit, below. With
  // that the only error, the answers are the (schema-valid) parsed file.
  const errors = options.unit?.trim() ? check.errors.filter((d) => d.code !== 'UNIT_NAME_PLACEHOLDER') : check.errors;
  if (errors.length === 0 && !check.answers && check.checklist && check.errors.length > 0) check.answers = check.parsed?.value as Answers | undefined;
  if (errors.length > 0 || !check.answers || !check.checklist || !bytes) {
    const sources = check.parsed ? new Map([[check.parsed.file, check.parsed.source]]) : undefined;
    if (!check.unreadable) errorLine(translate(lang, 'run.invalidAnswers', { file: makeVisible(shown) }));
    io.stderr.write(renderDiagnostics(errors, { lang, paint: ctx.paintErr, sources }) + '\n');
    throw new ExitError(check.unreadable ? EXIT.USAGE : EXIT.FINDINGS);
  }
  const answers = check.answers;
  const checklist = check.checklist;
  if (options.unitType !== undefined && options.unitType !== answers.unit.type) {
    const type = checkUnitType(checklist, options.unitType, ctx, errorLine);
    const count = Object.keys(answers.answers).length;
    if (count > 0 && !options.changeUnitType) {
      errorLine(translate(lang, 'run.changeUnitTypeRefused', { file: makeVisible(shown), old: answers.unit.type, new: type, count }));
      throw new ExitError(EXIT.USAGE);
    }
    notices.push(ctx.paint.yellow(translate(lang, 'run.unitTypeChanged', { old: answers.unit.type, new: type })));
    answers.unit.type = type;
  }
  const name = options.unit?.trim();
  if (name && name !== answers.unit.name) {
    notices.push(ctx.paint.yellow(translate(lang, 'run.unitRenamed', { old: quoteText(answers.unit.name), new: quoteText(name) })));
    answers.unit.name = name;
  }
  return { answers, checklist, bytes };
}

/**
 * Merges an answer file changed on disk into this run's answers, in place: the file's content,
 * with this run's answer to `answered` on top. Returns the message key of why it cannot be done
 * (unreadable, invalid, another checklist or unit type), or undefined when merged.
 */
async function mergeReloaded(
  bytes: Buffer | undefined,
  answers: Answers,
  answered: string,
  checklist: Checklist,
  absolute: string,
): Promise<MessageKey | undefined> {
  if (bytes === undefined) return 'run.changed.unreadable';
  const decoded = decodeText(bytes, absolute);
  if (!decoded.ok) return 'run.changed.invalid';
  // Checked against the checklist of this run, whatever the file now names (compared just below).
  const known = new Map([[checklist.id, { file: absolute, checklist, diagnostics: [] }]]);
  const check = await checkText(decoded.text, absolute, { known }, 'answers');
  const reloaded = check.answers;
  if (check.errors.length > 0 || !reloaded) return 'run.changed.invalid';
  if (reloaded.checklist.id !== answers.checklist.id || reloaded.checklist.version !== answers.checklist.version) return 'run.changed.checklist';
  if (reloaded.unit.type !== answers.unit.type) return 'run.changed.unitType';
  const mine = answers.answers[answered];
  answers.unit = reloaded.unit;
  answers.assessor = reloaded.assessor;
  answers.period = reloaded.period;
  answers.answers = { ...reloaded.answers, ...(mine !== undefined ? { [answered]: mine } : {}) };
  return undefined;
}

/** `--checklist` for checkFile: a path made absolute against io.cwd, an id as it is. */
async function resolveRef(ref: string, cwd: string): Promise<string> {
  return looksLikePath(ref) && !isAbsolute(ref) ? resolve(cwd, ref) : ref;
}

/** Scores, prints the summary and writes the report (`-`: to standard output). */
async function finish(
  checklist: Checklist,
  answers: Answers,
  shownReport: string,
  format: ReportFormat,
  ctx: CommandContext,
  deps: RunDeps,
  errorLine: (m: string) => void,
): Promise<number> {
  const { io, lang } = ctx;
  const asOf = defaultAsOf(io.env);
  const { result, text } =
    format === 'docx'
      ? await produceDocxReport(checklist, answers, { lang, generatedAt: deps.generatedAt, asOf }).then((p) => ({ result: p.result, text: p.bytes }))
      : produceReport(checklist, answers, format, { lang, generatedAt: deps.generatedAt, asOf });
  io.stdout.write(renderSummary(result, checklist, answers, lang, ctx.paint, io.stdout.columns) + '\n');
  const reason = await writeCommandOutput(ctx, shownReport, typeof text === 'string' && !text.endsWith('\n') ? text + '\n' : text, { makeFolder: true });
  if (reason !== undefined) {
    errorLine(translate(lang, 'run.reportFailed', { file: makeVisible(shownReport), reason }));
    return EXIT.USAGE;
  }
  if (!isStdout(shownReport)) io.stdout.write(ctx.paint.green(translate(lang, 'run.reportWritten', { file: makeVisible(shownReport) })) + '\n');
  return EXIT.OK;
}


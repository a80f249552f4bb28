// `wangxin ledger DIR|FILE...`: the rectification ledger across units, as Markdown or JSON, failing CI on overdue tasks when asked.
import { makeVisible } from '../util/safe-text.js';
import { localized, translate } from '../i18n/translate.js';
import { resolve } from 'node:path';
import { addExamples, example } from './help-examples.js';
import type { CommandContext } from '../io/io.js';
import { formatForOut, parseAsOf, parseFormat, readGeneratedAt } from './options.js';
import type { AddCommand } from './command.js';
import { UsageError } from './usage-error.js';
import { printError } from './print-error.js';
import { refuseUnknownChecklist } from './checklist-option.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { LedgerProblem } from '../report/ledger-format.js';

/** Options of `ledger` after parsing. */
export interface LedgerOptions {
  checklist?: string;
  format?: 'md' | 'json' | 'xlsx';
  out?: string;
  asOf: string;
  since?: string;
  failOverdue: boolean;
  /** Fixed time stamp for reproducible output (tests); otherwise SOURCE_DATE_EPOCH or now. */
  generatedAt?: string;
}

/** Registers `ledger`. */
export function registerLedger(add: AddCommand, ctx: CommandContext, setExit: (code: number) => void): void {
  const { lang } = ctx;
  const cmd = add('ledger')
    .description(translate(lang, 'ledger.description'))
    .argument('<paths...>', translate(lang, 'ledger.arg.paths'))
    .option('--checklist <idOrPath>', translate(lang, 'cli.opt.checklist'))
    .option('--as-of <date>', translate(lang, 'cli.opt.asOf'))
    .option('--since <date>', translate(lang, 'ledger.opt.since'))
    .option('--format <format>', translate(lang, 'ledger.opt.format'))
    .option('--out <file>', translate(lang, 'ledger.opt.out'))
    .option('--fail-overdue', translate(lang, 'ledger.opt.failOverdue'))
    .action(async (paths: string[], raw: { checklist?: string; asOf?: string; since?: string; format?: string; out?: string; failOverdue?: boolean }) => {
      const asOf = parseAsOf(raw.asOf, ctx.io.env);
      const since = raw.since === undefined ? undefined : parseAsOf(raw.since, ctx.io.env, '--since');
      const given = raw.format === undefined ? undefined : parseFormat(raw.format, ['md', 'json', 'xlsx'] as const);
      // The format follows --out's extension where it names one; --format must agree with it.
      const format = formatForOut(raw.out, given, { '.md': 'md', '.markdown': 'md', '.json': 'json', '.xlsx': 'xlsx' }, 'md');
      // A workbook is binary: it goes to a file, never to standard output (a terminal or a pipe alike).
      if (format === 'xlsx' && (raw.out === undefined || raw.out === '-')) throw new UsageError('binary.needsFile', { format: 'xlsx', option: '--out' });
      setExit(await runLedger(paths, { checklist: raw.checklist, format, out: raw.out, asOf, since, failOverdue: raw.failOverdue === true }, ctx));
    });
  addExamples(cmd, lang, [
    example('wangxin ledger examples/answers/', 'ledger.example.basic'),
    example('wangxin ledger examples/answers/ --as-of 2026-12-31 --fail-overdue', 'ledger.example.ci'),
    example('wangxin ledger examples/answers/ --format json --out ledger.json', 'ledger.example.json'),
    example(localized('example.command.ledgerXlsx'), 'ledger.example.xlsx'),
  ]);
}

/**
 * Reads every answer file under `paths` and prints (or writes) the ledger. Returns 0 when done; 1
 * when a file is unreadable or invalid (its tasks cannot be counted) or, with `failOverdue`, a
 * task is overdue; 2 for usage errors and an output that cannot be written.
 */
export async function runLedger(paths: string[], options: LedgerOptions, ctx: CommandContext): Promise<number> {
  const { discoverFiles } = await import('../batch/discover.js');
  const { readText } = await import('../load/read-text.js');
  const { checkQuickParse, checkWorkbook, isOfficeWorkbook, unreadableCheck } = await import('../check/check-file.js');
  const { parseYaml } = await import('../load/parse-yaml.js');
  const { detectKind } = await import('../validate/validate.js');
  const { isWorkbookPath } = await import('../workbook/layout.js');
  const { checklistFileFor } = await import('../checklist/resolve-checklist.js');
  const { scoreAnswers } = await import('../score/score.js');
  const { scoreReviewed } = await import('../score/review.js');
  const { findReview } = await import('../batch/process-file.js');
  const { buildLedger, startOfYear } = await import('../report/ledger.js');
  const { formatLedgerJson, formatLedgerMarkdown } = await import('../report/ledger-format.js');
  const { renderDiagnostics } = await import('../diagnostics/render.js');
  const { readToolVersion } = await import('../report/tool-version.js');
  const { io, lang } = ctx;
  const paint = ctx.paintErr;

  const since = options.since ?? startOfYear(options.asOf);
  if (since > options.asOf) throw new UsageError('ledger.error.sinceAfter', { since, asOf: options.asOf });
  const found = await discoverFiles(paths, io.cwd);
  if (found.missing.length > 0) throw new UsageError('batch.cli.error.missing', { paths: found.missing.join(', ') });
  if (found.files.length === 0 && found.findings.length === 0) throw new UsageError('batch.cli.error.noFiles');
  let ref: string | undefined;
  if (options.checklist !== undefined) {
    refuseUnknownChecklist(options.checklist);
    ref = resolve(io.cwd, checklistFileFor(options.checklist)!);
  }
  const outputs = options.out !== undefined ? [{ option: '--out', file: options.out }] : [];
  const { findOwnWorkbooks, isStdout, refuseSameFile, writeCommandOutput } = await import('./outputs.js');
  // The ledger workbook an earlier run wrote into a folder it reads is replaced, not refused, nor read.
  const own = await findOwnWorkbooks(ctx, outputs, found.files.map((f) => ({ path: f.path, shown: f.file })));
  if (own.size > 0) found.files = found.files.filter((f) => !own.has(f.file));
  await refuseSameFile(ctx, outputs, [...found.files.map((f) => ({ path: f.path, shown: f.file })), ...(ref ? [ref] : [])]);

  const units = [];
  const problems: LedgerProblem[] = [];
  const shown = [...found.findings];
  /** A file whose tasks cannot be counted: listed in the ledger, its diagnostics shown. */
  const listProblem = (file: string, errors: readonly Diagnostic[]): void => {
    problems.push({ file, codes: [...new Set(errors.map((d) => d.code))], message: errors[0]?.message[lang] ?? '' });
    shown.push(...errors);
  };
  for (const f of found.files) {
    // Answer workbooks are read like YAML answer files, as everywhere else.
    let check;
    if (isWorkbookPath(f.file)) {
      check = await checkWorkbook(f.path, f.file, { ref });
      // A summary or ledger wangxin wrote, saved among the answers: no unit's tasks in it.
      if (isOfficeWorkbook(check)) continue;
    }
    else {
      const read = await readText(f.path);
      if (!read.ok) check = unreadableCheck(f.file, read.diagnostic);
      else {
        const quick = parseYaml(read.text, f.file, { positions: false });
        // As in a batch: a checklist or a roster kept among the submissions, or the office's review
        // of a unit kept beside its answer file, is no answer file and has no tasks of its own.
        const kind = detectKind(quick.value);
        if (kind !== undefined && kind !== 'answers') continue;
        check = await checkQuickParse(quick, { ref }, 'answers');
      }
    }
    if (check.errors.length > 0 || !check.answers || !check.checklist) {
      listProblem(f.file, check.errors);
      continue;
    }
    // The office's review beside the answer file decides, as in a batch: an item it verified as met has no open task.
    const beside = findReview(f, check);
    if (beside?.problem) {
      listProblem(f.file, beside.problem.errors);
      continue;
    }
    if (beside?.source) {
      const reviewed = scoreReviewed(check.checklist, check.answers, beside.source.review);
      units.push({ file: f.file, checklist: check.checklist, answers: reviewed.verifiedAnswers, result: reviewed.verified });
      continue;
    }
    units.push({ file: f.file, checklist: check.checklist, answers: check.answers, result: scoreAnswers(check.checklist, check.answers) });
  }
  for (const d of found.findings) problems.push({ file: d.file, codes: [d.code], message: d.message[lang] });
  if (shown.length > 0) io.stderr.write(renderDiagnostics(shown, { lang, paint, frames: false }) + '\n');

  // A unit that submitted more than once has one copy in the ledger, the one a batch counts.
  const { latestCopy, unitKey } = await import('../model/identity.js');
  const copies = new Map<string, typeof units>();
  for (const u of units) {
    const key = unitKey(u.answers.unit.name, u.answers.unit.type);
    const list = copies.get(key);
    if (list) list.push(u);
    else copies.set(key, [u]);
  }
  const keptOf = new Map<(typeof units)[number], (typeof units)[number]>();
  for (const list of copies.values()) {
    const kept = latestCopy(list, (c) => c.answers.date);
    for (const u of list) keptOf.set(u, kept);
  }
  const counted = units.filter((u) => {
    const kept = keptOf.get(u)!;
    if (kept !== u) io.stderr.write(paint.yellow(translate(lang, 'ledger.superseded', { file: makeVisible(u.file), unit: makeVisible(u.answers.unit.name), kept: makeVisible(kept.file) })) + '\n');
    return kept === u;
  });

  const ledger = buildLedger(counted, { asOf: options.asOf, since, lang });
  const generatedAt = options.generatedAt ?? readGeneratedAt(io.env);
  const view = { ledger, problems, generatedAt, toolVersion: readToolVersion(), lang };
  const format = options.format ?? 'md';
  const { writeLedgerXlsx } = format === 'xlsx' ? await import('../report/ledger-xlsx.js') : ({} as typeof import('../report/ledger-xlsx.js'));
  const content = format === 'xlsx' ? (write: (part: Uint8Array) => void) => writeLedgerXlsx(view, write) : format === 'json' ? formatLedgerJson(view) : formatLedgerMarkdown(view);
  if (options.out === undefined || isStdout(options.out)) {
    const text = content as string;
    io.stdout.write(text.endsWith('\n') ? text : text + '\n');
  } else {
    const reason = await writeCommandOutput(ctx, options.out, content);
    if (reason !== undefined) {
      printError(ctx, translate(lang, 'ledger.error.write', { file: makeVisible(options.out), reason }));
      return 2;
    }
    io.stderr.write(`${paint.green('✓')} ${translate(lang, 'ledger.written', { file: makeVisible(options.out) })}\n`);
  }
  const c = ledger.counts;
  io.stderr.write(translate(lang, 'ledger.result', { ...c, asOf: ledger.asOf, since }) + '\n');
  let code = 0;
  if (problems.length > 0) {
    io.stderr.write(paint.red(translate(lang, 'ledger.invalid', { count: problems.length })) + '\n');
    code = 1;
  }
  if (options.failOverdue && c.overdue > 0) {
    io.stderr.write(paint.red(translate(lang, 'ledger.overdueFail', { count: c.overdue })) + '\n');
    code = 1;
  }
  return code;
}

// `wangxin migrate ANSWERS --to CHECKLIST`: carries an answer file over to a new checklist version, into a new file.
import { makeVisible } from '../util/safe-text.js';
import { localized, translate } from '../i18n/translate.js';
import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path';
import type { Checklist } from '../model/checklist.js';
import { addExamples, example } from './help-examples.js';
import type { CommandContext } from '../io/io.js';
import type { AddCommand } from './command.js';
import { UsageError } from './usage-error.js';
import { loadChecklistOption } from './checklist-option.js';
import { EXIT } from './exit.js';
import { printError } from './print-error.js';
import { readText } from '../load/read-text.js';
import { parseYaml } from '../load/parse-yaml.js';
import { validateAnswers, validateAnswersShape } from '../validate/validate.js';
import { renderDiagnostics, quoteText } from '../diagnostics/render.js';
import { droppedAnswerLines, migrateAnswers } from '../migrate/migrate.js';
import { renderMigrationReport } from '../migrate/report.js';
import { serializeAnswers } from '../walk/answer-file.js';
import { looksLikePath, builtinRefFor, builtinIds } from '../checklist/resolve-checklist.js';
import { RuleContext } from '../validate/rule-context.js';
import { isStdout, refuseSameFile, writeCommandOutput } from './outputs.js';
import { isRegularFile } from './init.js';
import { lockAnswerFile, locksAsAnswerFile } from './answer-lock.js';
import { formatForOut, YAML_EXTENSIONS } from './options.js';

/** Options of `migrate` as commander gives them. */
export interface MigrateOptions {
  to: string;
  from?: string;
  out?: string;
  force?: boolean;
}

/** Registers `migrate`. */
export function registerMigrate(add: AddCommand, ctx: CommandContext, setExit: (code: number) => void): void {
  const { lang } = ctx;
  const cmd = add('migrate')
    .description(translate(lang, 'migrate.description'))
    .argument('<answers>', translate(lang, 'migrate.arg.answers'))
    .requiredOption('--to <idOrPath>', translate(lang, 'migrate.opt.to'))
    .option('--from <idOrPath>', translate(lang, 'migrate.opt.from'))
    .option('--out <file>', translate(lang, 'migrate.opt.out'))
    .option('--force', translate(lang, 'migrate.opt.force'))
    .action(async (answers: string, options: MigrateOptions) => {
      formatForOut(options.out, undefined, { ...YAML_EXTENSIONS, '.xlsx': 'xlsx' }, 'yaml');
      setExit(await runMigrate(answers, options, ctx));
    });
  addExamples(cmd, lang, [
    example(
      'wangxin migrate examples/answers/township.yaml --to examples/custom/xx-county-2026.yaml --out 某某镇党委.xx-county.yaml',
      'migrate.example.builtin',
    ),
    example('wangxin migrate examples/loop/2025/township.yaml --to county-cyber-2018 --out 某某镇党委.2026.yaml --force', 'migrate.example.out'),
  ]);
}

/**
 * The file migrated answers go to, named after the checklist they now answer: `dir/name.yaml` →
 * `dir/name.<version>.yaml`, or `dir/name.<id>-<version>.yaml` when the checklist is another one
 * than before (a county's own 1.1.0 is not the built-in 1.1.0). A version (or id-version) the
 * name already ends with is replaced, not kept: `name.1.0.0.yaml` → `name.1.1.0.yaml`.
 */
export function defaultMigratedPath(file: string, target: { id: string; version: string }, fromId: string, ext = '.yaml'): string {
  const own = extname(file);
  const stem = (/^\.(ya?ml|xlsx)$/i.test(own) ? basename(file, own) : basename(file)).replace(/\.(?:[A-Za-z0-9_-]+-)?\d+\.\d+\.\d+$/, '');
  const tag = target.id === fromId ? target.version : `${target.id}-${target.version}`;
  return join(dirname(file), `${stem}.${tag}${ext}`);
}

/**
 * Migrates one answer file and prints the report. Returns 0 when written; 1 when the answer file
 * is invalid or names a checklist that is neither built in nor the target, without `--from`; 2 for usage problems (unknown or broken checklist, unit type missing from the new
 * checklist, target exists or is the original) and unreadable input.
 */
export async function runMigrate(file: string, options: MigrateOptions, ctx: CommandContext): Promise<number> {
  const { io, lang } = ctx;
  const paint = ctx.paintErr;
  const at = (p: string): string => (isAbsolute(p) ? p : resolve(io.cwd, p));

  const { checklist: target } = await loadChecklistOption(options.to, ctx);

  const absolute = at(file);
  // An answer workbook is read to its cells, like every answer file (src/workbook/read-workbook.ts).
  const { isWorkbookPath } = await import('../workbook/layout.js');
  const workbook = isWorkbookPath(file);
  const read = workbook ? await (await import('../workbook/read-workbook.js')).readWorkbookFile(absolute, file) : await readText(absolute);
  if (!read.ok) {
    io.stderr.write(renderDiagnostics([read.diagnostic], { lang, paint }) + '\n');
    return EXIT.USAGE;
  }
  const parsed = 'parsed' in read ? read.parsed : parseYaml(read.text, file);
  const sources = new Map('text' in read ? [[file, read.text]] : []);
  const shape = validateAnswersShape(parsed);
  const invalid = (errors: Parameters<typeof renderDiagnostics>[0]): number => {
    io.stderr.write(renderDiagnostics(errors, { lang, paint, sources }) + '\n\n');
    io.stderr.write(paint.red(translate(lang, 'migrate.error.invalid', { file: makeVisible(file) })) + '\n');
    return EXIT.FINDINGS;
  };
  if (!shape.value) return invalid(shape.errors);

  // The old checklist: --from, else the built-in the file names (an earlier version kept as
  // id@version when there is one); only the exact version counts.
  let old: Checklist | undefined;
  let foundVersion: string | undefined;
  const namedId = shape.value.checklist.id;
  if (options.from === undefined && builtinRefFor(namedId, shape.value.checklist.version) === undefined && namedId !== target.id) {
    // Answers to a checklist nobody can name: without it, nothing says which answers still mean
    // the same, so the office is asked where they come from rather than given a silent guess.
    const ctx = new RuleContext(parsed);
    ctx.report('UNKNOWN_CHECKLIST', ['checklist', 'id'], { id: namedId, known: builtinIds().join(', ') || '—', hint: localized('migrate.hint.from') });
    io.stderr.write(renderDiagnostics(ctx.diagnostics, { lang, paint, sources }) + '\n\n');
    io.stderr.write(paint.red(translate(lang, 'migrate.error.unknownSource', { file: makeVisible(file), id: makeVisible(namedId) })) + '\n');
    return EXIT.FINDINGS;
  }
  const oldRef = options.from ?? builtinRefFor(namedId, shape.value.checklist.version);
  if (oldRef !== undefined) {
    const { checklist: candidate } = await loadChecklistOption(oldRef, ctx);
    if (candidate.id === shape.value.checklist.id && candidate.version === shape.value.checklist.version) old = candidate;
    else if (candidate.id === shape.value.checklist.id) foundVersion = candidate.version;
  }
  const checked = old ? validateAnswers(parsed, old) : shape;
  if (!checked.value) return invalid(checked.errors);
  const answers = checked.value;

  if (!target.unitTypes.some((u) => u.id === answers.unit.type)) {
    throw new UsageError('migrate.error.unitType', { checklist: target.id, type: quoteText(answers.unit.type), known: target.unitTypes.map((u) => u.id).join(', ') });
  }
  // A workbook migrates to a workbook (by default and whenever --out names a .xlsx), built for the new checklist.
  const shownOut = options.out ?? defaultMigratedPath(file, target, answers.checklist.id, workbook ? '.xlsx' : '.yaml');
  const toStdout = isStdout(shownOut);
  const out = toStdout ? shownOut : at(shownOut);
  if (!toStdout) {
    // The answer file (also through a link) and the checklists read are inputs: never the output.
    const inputs = [absolute, ...[options.to, options.from].filter((r): r is string => r !== undefined && looksLikePath(r)).map(at)];
    await refuseSameFile(ctx, [{ option: '--out', file: shownOut }], inputs);
    if (!options.force && isRegularFile(out)) throw new UsageError('migrate.error.exists', { file: makeVisible(shownOut) });
  }

  const migration = migrateAnswers(answers, target, old);
  // An answer file written to a file takes the same lock as `run` (a FIFO or device is not one to lock).
  const lock = !toStdout && locksAsAnswerFile(out) ? await lockAnswerFile(out, shownOut, lang, { cwd: io.cwd }) : undefined;
  if (lock && !lock.ok) {
    printError(ctx, lock.message);
    return EXIT.USAGE;
  }
  // What could not be carried over stays in a YAML answer file, as comments (a workbook has no place for it).
  const workbookOut = !toStdout && isWorkbookPath(out);
  const heading = translate(lang, 'migrate.file.dropped', { from: `${migration.from.id}@${migration.from.version}`, to: `${migration.to.id}@${migration.to.version}` });
  const droppedLines = workbookOut ? [] : droppedAnswerLines(migration, answers, heading);
  const droppedComment = droppedLines.length > 0 ? droppedLines.join('\n') + '\n' : '';
  // `--out -`: the migrated answers on standard output, the report on standard error.
  let reason: string | undefined;
  try {
    const content = workbookOut
      ? (await (await import('../workbook/write-workbook.js')).writeWorkbook(target, migration.answers, lang)).bytes
      : serializeAnswers(migration.answers, { file: toStdout ? absolute : out, checklist: target }) + droppedComment;
    reason = await writeCommandOutput(ctx, shownOut, content, { makeFolder: true });
  } finally {
    if (lock?.ok) lock.lock.release();
  }
  if (reason !== undefined) {
    printError(ctx, translate(lang, 'migrate.error.write', { file: makeVisible(shownOut), reason }));
    return EXIT.USAGE;
  }
  // The command to go on with, as it works when typed: a checklist that is not built in is named.
  const { commandLine } = await import('./invocation.js');
  const named = looksLikePath(options.to) ? ['--checklist', options.to] : [];
  // A workbook is filled in a spreadsheet program (run fills in YAML only), then checked.
  const next = toStdout ? undefined : workbookOut ? commandLine(io.env, ['validate', shownOut, ...named]) : commandLine(io.env, ['run', '--answers', shownOut, ...named]);
  (toStdout ? io.stderr : io.stdout).write(renderMigrationReport(migration, { lang, original: file, written: shownOut, target, old, foundVersion, next, droppedKept: droppedLines.length > 0, workbook: workbookOut }));
  return EXIT.OK;
}


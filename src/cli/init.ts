// `wangxin init`: a blank answer file to fill in an editor, or (--checklist-template) a starter custom checklist.
import { makeVisible } from '../util/safe-text.js';
import { translate } from '../i18n/translate.js';
import { statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { addExamples, example } from './help-examples.js';
import type { CommandContext } from '../io/io.js';
import type { AddCommand } from './command.js';
import { UsageError } from './usage-error.js';
import { loadChecklistOption } from './checklist-option.js';
import { EXIT } from './exit.js';
import { printError } from './print-error.js';
import { quoteText } from '../diagnostics/render.js';
import { isStdout, refuseSameFile, writeCommandOutput } from './outputs.js';
import { looksLikePath, builtinFile, builtinIds } from '../checklist/resolve-checklist.js';
import { renderChecklistTemplate } from '../init/checklist-template.js';
import { renderBlankAnswers } from '../init/blank-answers.js';
import { renderRosterTemplate } from '../init/roster-template.js';
import { lockAnswerFile, locksAsAnswerFile } from './answer-lock.js';
import { formatForOut, YAML_EXTENSIONS } from './options.js';
import { commandLine } from './invocation.js';

/** The checklist used when none is named. */
const DEFAULT_CHECKLIST = 'county-cyber-2018';

/** Options of `init` as commander gives them. */
export interface InitOptions {
  unit?: string;
  unitType?: string;
  checklist?: string;
  out?: string;
  force?: boolean;
  checklistTemplate?: boolean;
  /** Write a starter roster (for `batch --roster`) instead of an answer file. */
  roster?: boolean;
  /** `yaml` (default) or `xlsx` (an answer workbook; also when --out ends in .xlsx). */
  format?: string;
}

/** Registers `init`. */
export function registerInit(add: AddCommand, ctx: CommandContext, setExit: (code: number) => void): void {
  const { lang } = ctx;
  const cmd = add('init')
    .description(translate(lang, 'init.description'))
    .option('--unit <name>', translate(lang, 'init.opt.unit'))
    .option('--unit-type <type>', translate(lang, 'init.opt.unitType'))
    .option('--checklist <idOrPath>', translate(lang, 'cli.opt.checklist'))
    .option('--out <file>', translate(lang, 'init.opt.out'))
    .option('--force', translate(lang, 'init.opt.force'))
    .option('--checklist-template', translate(lang, 'init.opt.template'))
    .option('--roster', translate(lang, 'init.opt.roster'))
    .option('--format <format>', translate(lang, 'init.opt.format'))
    .action(async (options: InitOptions) => {
      setExit(await runInit(options, ctx));
    });
  addExamples(cmd, lang, [
    example('wangxin init --unit-type township --out a.yaml', 'init.example.blank'),
    example('wangxin init --unit-type department --lang en', 'init.example.print'),
    example('wangxin init --checklist-template --out my.yaml', 'init.example.template'),
    example('wangxin init --roster --out units.yaml', 'init.example.roster'),
  ]);
}

/**
 * Writes (or prints) a blank answer file or a checklist template. Returns 0 when done, 2 for
 * usage problems (unknown checklist or unit type, an existing `--out` without `--force`, a
 * broken checklist, a file that cannot be written).
 */
export async function runInit(options: InitOptions, ctx: CommandContext): Promise<number> {
  const { io, lang } = ctx;
  // --out names YAML or a workbook, or --format says which to write; the two never disagree (a
  // workbook named .yaml, YAML named .xlsx). Only an answer file can be a workbook.
  if (options.format !== undefined && options.format !== 'yaml' && options.format !== 'xlsx') throw new UsageError('init.error.format', { format: makeVisible(options.format) });
  const workbook = formatForOut(options.out, options.format, { ...YAML_EXTENSIONS, '.xlsx': 'xlsx' }, 'yaml') === 'xlsx';
  const outFile = options.out === undefined || isStdout(options.out) ? undefined : isAbsolute(options.out) ? options.out : resolve(io.cwd, options.out);
  // Only a file would be replaced: a FIFO or a device is written through without --force.
  if (outFile !== undefined && !options.force && isRegularFile(outFile)) throw new UsageError('init.error.exists', { file: makeVisible(options.out!) });
  if (outFile !== undefined) {
    const inputs = options.checklist !== undefined && looksLikePath(options.checklist) ? [options.checklist] : [];
    await refuseSameFile(ctx, [{ option: '--out', file: options.out! }], inputs);
  }

  if (workbook && (outFile === undefined || options.checklistTemplate || options.roster)) throw new UsageError('init.error.workbookOut');

  let text: string | Buffer;
  let done: string;
  if (options.roster) {
    if (options.unit !== undefined || options.unitType !== undefined || options.checklistTemplate) throw new UsageError('init.error.rosterOptions');
    const { checklist } = await loadChecklistOption(options.checklist ?? DEFAULT_CHECKLIST, ctx);
    text = renderRosterTemplate(checklist, lang, outFile ?? join(io.cwd, 'units.yaml'));
    done = translate(lang, 'init.rosterWritten', { file: makeVisible(options.out ?? '') });
  } else if (options.checklistTemplate) {
    if (options.unit !== undefined || options.unitType !== undefined) throw new UsageError('init.error.templateOptions');
    const ref = options.checklist ?? DEFAULT_CHECKLIST;
    const file = builtinFile(ref);
    if (!file) throw new UsageError('init.error.templateNeedsBuiltin', { ref: makeVisible(ref), known: builtinIds().join(', ') || '—' });
    const { checklist: base } = await loadChecklistOption(ref, ctx);
    text = renderChecklistTemplate(base, lang, { file: outFile ?? join(io.cwd, 'checklist.yaml') });
    done = translate(lang, 'init.templateWritten', { file: makeVisible(options.out ?? ''), validate: makeVisible(commandLine(io.env, ['validate', options.out ?? ''])) });
  } else {
    // Without --checklist: the only built-in one, else the default.
    const ref = options.checklist ?? (builtinIds().length === 1 ? builtinIds()[0] : DEFAULT_CHECKLIST);
    const { checklist } = await loadChecklistOption(ref, ctx);
    const known = checklist.unitTypes.map((u) => u.id).join(', ');
    let type = options.unitType;
    if (type === undefined) {
      if (checklist.unitTypes.length !== 1) throw new UsageError('init.error.unitTypeNeeded', { checklist: checklist.id, known });
      type = checklist.unitTypes[0].id;
    }
    if (!checklist.unitTypes.some((u) => u.id === type)) {
      throw new UsageError('init.error.unknownUnitType', { checklist: checklist.id, type: quoteText(type), known });
    }
    const name = options.unit?.trim() || translate(lang, 'init.placeholderUnit');
    const shown = options.out ?? '';
    // A checklist given as a file is named in the commands printed and written for the unit: without it they find none.
    const custom = options.checklist !== undefined && looksLikePath(options.checklist) ? options.checklist : undefined;
    const withChecklist = custom === undefined ? [] : ['--checklist', custom];
    const commands = { validate: makeVisible(commandLine(io.env, ['validate', shown, ...withChecklist])), score: makeVisible(commandLine(io.env, ['score', shown, ...withChecklist])) };
    if (workbook) {
      const { writeWorkbook } = await import('../workbook/write-workbook.js');
      const blank = await writeWorkbook(checklist, { schemaVersion: 1, checklist: { id: checklist.id, version: checklist.version }, unit: { name, type }, answers: {} }, lang);
      text = blank.bytes;
      done = translate(lang, 'init.written', { file: makeVisible(shown), count: blank.count, ...commands });
    } else {
      const blank = renderBlankAnswers(checklist, { name, type }, lang, outFile ?? join(io.cwd, 'answers.yaml'), { checklistFile: custom, named: Boolean(options.unit?.trim()) });
      text = blank.text;
      done = translate(lang, 'init.written', { file: makeVisible(shown), count: blank.count, ...commands });
    }
  }

  if (outFile === undefined) {
    io.stdout.write(text as string);
    return EXIT.OK;
  }
  // A blank answer file written to a file takes the same lock as `run` (a template is not an answer file).
  const lock = !options.checklistTemplate && !options.roster && locksAsAnswerFile(outFile) ? await lockAnswerFile(outFile, options.out!, lang, { cwd: io.cwd }) : undefined;
  if (lock && !lock.ok) {
    printError(ctx, lock.message);
    return EXIT.USAGE;
  }
  let reason: string | undefined;
  try {
    reason = await writeCommandOutput(ctx, options.out!, text, { makeFolder: true });
  } finally {
    if (lock?.ok) lock.lock.release();
  }
  if (reason !== undefined) {
    printError(ctx, translate(lang, 'init.error.write', { file: makeVisible(options.out!), reason }));
    return EXIT.USAGE;
  }
  io.stderr.write(`${ctx.paintErr.green('✓')} ${done}\n`);
  return EXIT.OK;
}

/** Whether `file` is (or a link leads to) an existing regular file: what `--force` protects. */
export function isRegularFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

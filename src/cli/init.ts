// `wangxin init`: a blank answer file to fill in an editor, or (--checklist-template) a starter custom checklist.
import { statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { fill } from '../i18n/lang.js';
import { t } from '../i18n/messages.js';
import { INIT_MESSAGES, ti } from '../i18n/init-messages.js';
import type { Checklist } from '../model/checklist.js';
import { addExamples } from './help-examples.js';
import type { CommandContext } from '../io/io.js';
import type { AddCommand } from './command.js';
import { UsageError } from './usage-error.js';
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
  /** `yaml` (default) or `xlsx` (an answer workbook; also when --out ends in .xlsx). */
  format?: string;
}

/** A usage error from the `init` catalogue, in both languages. */
function usage(key: keyof typeof INIT_MESSAGES, params: Record<string, unknown> = {}): UsageError {
  const m = INIT_MESSAGES[key];
  return new UsageError({ zh: fill(m.zh, params), en: fill(m.en, params) });
}

/** Registers `init`. */
export function registerInit(add: AddCommand, ctx: CommandContext, setExit: (code: number) => void): void {
  const { lang } = ctx;
  const cmd = add('init')
    .description(ti(lang, 'init.description'))
    .option('--unit <name>', ti(lang, 'init.opt.unit'))
    .option('--unit-type <type>', ti(lang, 'init.opt.unitType'))
    .option('--checklist <idOrPath>', t(lang, 'cli.opt.checklist'))
    .option('--out <file>', ti(lang, 'init.opt.out'))
    .option('--force', ti(lang, 'init.opt.force'))
    .option('--checklist-template', ti(lang, 'init.opt.template'))
    .option('--format <format>', ti(lang, 'init.opt.format'))
    .action(async (options: InitOptions) => {
      // An answer file is YAML or a workbook: --out names one of those, or --format says which to write.
      if (options.format === undefined && !options.checklistTemplate) formatForOut(options.out, undefined, { ...YAML_EXTENSIONS, '.xlsx': 'xlsx' }, 'yaml');
      else if (options.checklistTemplate) formatForOut(options.out, undefined, YAML_EXTENSIONS, 'yaml');
      setExit(await runInit(options, ctx));
    });
  const ex = (command: string, key: keyof typeof INIT_MESSAGES): { command: string; zh: string; en: string } => ({
    command,
    zh: ti('zh', key),
    en: ti('en', key),
  });
  addExamples(cmd, lang, [
    ex('wangxin init --unit-type township --out a.yaml', 'init.example.blank'),
    ex('wangxin init --unit-type department --lang en', 'init.example.print'),
    ex('wangxin init --checklist-template --out my.yaml', 'init.example.template'),
  ]);
}

/**
 * Writes (or prints) a blank answer file or a checklist template. Returns 0 when done, 2 for
 * usage problems (unknown checklist or unit type, an existing `--out` without `--force`, a
 * broken checklist, a file that cannot be written).
 */
export async function runInit(options: InitOptions, ctx: CommandContext): Promise<number> {
  const { io, lang } = ctx;
  const { makeVisible, quoteText } = await import('../diagnostics/render.js');
  const { isStdout, refuseSameFile, writeCommandOutput } = await import('./outputs.js');
  const outFile = options.out === undefined || isStdout(options.out) ? undefined : isAbsolute(options.out) ? options.out : resolve(io.cwd, options.out);
  // Only a file would be replaced: a FIFO or a device is written through without --force.
  if (outFile !== undefined && !options.force && isRegularFile(outFile)) throw usage('init.error.exists', { file: makeVisible(options.out!) });
  if (outFile !== undefined) {
    const { looksLikePath } = await import('../checklist/resolve-checklist.js');
    const inputs = options.checklist !== undefined && looksLikePath(options.checklist) ? [options.checklist] : [];
    await refuseSameFile(ctx, [{ option: '--out', file: options.out! }], inputs);
  }

  const workbook = options.format === 'xlsx' || (options.format === undefined && outFile !== undefined && /\.xlsx$/i.test(outFile));
  if (options.format !== undefined && options.format !== 'yaml' && options.format !== 'xlsx') throw usage('init.error.format', { format: makeVisible(options.format) });
  if (workbook && (outFile === undefined || options.checklistTemplate)) throw usage('init.error.workbookOut');

  let text: string | Buffer;
  let done: string;
  if (options.checklistTemplate) {
    if (options.unit !== undefined || options.unitType !== undefined) throw usage('init.error.templateOptions');
    const { builtinFile, builtinIds } = await import('../checklist/resolve-checklist.js');
    const ref = options.checklist ?? DEFAULT_CHECKLIST;
    const file = builtinFile(ref);
    if (!file) throw usage('init.error.templateNeedsBuiltin', { ref: makeVisible(ref), known: builtinIds().join(', ') || '—' });
    const base = await loadOrFail(file, ctx);
    if (!base) return 2;
    const { renderChecklistTemplate } = await import('../init/checklist-template.js');
    text = renderChecklistTemplate(base, lang, { file: outFile ?? join(io.cwd, 'checklist.yaml') });
    done = ti(lang, 'init.templateWritten', { file: makeVisible(options.out ?? ''), validate: makeVisible(commandLine(io.env, ['validate', options.out ?? ''])) });
  } else {
    const checklist = await resolveChecklist(options.checklist, ctx);
    if (!checklist) return 2;
    const known = checklist.unitTypes.map((u) => u.id).join(', ');
    let type = options.unitType;
    if (type === undefined) {
      if (checklist.unitTypes.length !== 1) throw usage('init.error.unitTypeNeeded', { checklist: checklist.id, known });
      type = checklist.unitTypes[0].id;
    }
    if (!checklist.unitTypes.some((u) => u.id === type)) {
      throw usage('init.error.unknownUnitType', { checklist: checklist.id, type: quoteText(type), known });
    }
    const name = options.unit?.trim() || ti(lang, 'init.placeholderUnit');
    const shown = options.out ?? '';
    if (workbook) {
      const { writeWorkbook } = await import('../workbook/write-workbook.js');
      const blank = await writeWorkbook(checklist, { schemaVersion: 1, checklist: { id: checklist.id, version: checklist.version }, unit: { name, type }, answers: {} }, lang);
      text = blank.bytes;
      done = ti(lang, 'init.written', { file: makeVisible(shown), count: blank.count, validate: makeVisible(commandLine(io.env, ['validate', shown])), score: makeVisible(commandLine(io.env, ['score', shown])) });
    } else {
      const { renderBlankAnswers } = await import('../init/blank-answers.js');
      const blank = renderBlankAnswers(checklist, { name, type }, lang, outFile ?? join(io.cwd, 'answers.yaml'));
      text = blank.text;
      done = ti(lang, 'init.written', { file: makeVisible(shown), count: blank.count, validate: makeVisible(commandLine(io.env, ['validate', shown])), score: makeVisible(commandLine(io.env, ['score', shown])) });
    }
  }

  if (outFile === undefined) {
    io.stdout.write(text as string);
    return 0;
  }
  // A blank answer file written to a file takes the same lock as `run` (a template is not an answer file).
  const { lockAnswerFile, locksAsAnswerFile } = await import('./answer-lock.js');
  const lock = !options.checklistTemplate && locksAsAnswerFile(outFile) ? await lockAnswerFile(outFile, options.out!, lang, { cwd: io.cwd }) : undefined;
  if (lock && !lock.ok) {
    io.stderr.write(`wangxin: ${ctx.paintErr.red(lock.message)}\n`);
    return 2;
  }
  let reason: string | undefined;
  try {
    reason = await writeCommandOutput(ctx, options.out!, text, { makeFolder: true });
  } finally {
    if (lock?.ok) lock.lock.release();
  }
  if (reason !== undefined) {
    io.stderr.write(`wangxin: ${ctx.paintErr.red(ti(lang, 'init.error.write', { file: makeVisible(options.out!), reason }))}\n`);
    return 2;
  }
  io.stderr.write(`${ctx.paintErr.green('✓')} ${done}\n`);
  return 0;
}

/** The checklist of `--checklist` (a path relative to the working folder, or a built-in id), or the default. */
async function resolveChecklist(ref: string | undefined, ctx: CommandContext): Promise<Checklist | undefined> {
  const { builtinFile, builtinIds, checklistFileFor, looksLikePath } = await import('../checklist/resolve-checklist.js');
  const { makeVisible } = await import('../diagnostics/render.js');
  const wanted = ref ?? (builtinIds().length === 1 ? builtinIds()[0] : DEFAULT_CHECKLIST);
  const found = looksLikePath(wanted) ? resolve(ctx.io.cwd, wanted) : checklistFileFor(wanted);
  if (!found || (!looksLikePath(wanted) && found !== builtinFile(wanted))) {
    throw usage('init.error.unknownChecklist', { ref: makeVisible(wanted), known: builtinIds().join(', ') || '—' });
  }
  return loadOrFail(found, ctx);
}

/** Loads a checklist; prints its errors (and returns undefined) when it is broken or unreadable. */
async function loadOrFail(file: string, ctx: CommandContext): Promise<Checklist | undefined> {
  const { loadChecklist } = await import('../checklist/load-checklist.js');
  const { renderDiagnostics, makeVisible } = await import('../diagnostics/render.js');
  const loaded = await loadChecklist(file);
  if (loaded.checklist) return loaded.checklist;
  const { io, lang } = ctx;
  io.stderr.write(`wangxin: ${ctx.paintErr.red(ti(lang, 'init.error.checklistBroken', { file: makeVisible(file) }))}\n`);
  const sources = loaded.parsed ? new Map([[loaded.parsed.file, loaded.parsed.source]]) : undefined;
  io.stderr.write(renderDiagnostics(loaded.diagnostics.filter((d) => d.severity === 'error'), { lang, paint: ctx.paintErr, sources }) + '\n');
  return undefined;
}

/** Whether `file` is (or a link leads to) an existing regular file: what `--force` protects. */
export function isRegularFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

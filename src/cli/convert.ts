// `wangxin convert FILE --to yaml|xlsx`: an answer workbook as a YAML answer file, and a YAML answer file as a pre-filled workbook.
import { makeVisible } from '../util/safe-text.js';
import { translate } from '../i18n/translate.js';
import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { addExamples, example } from './help-examples.js';
import type { CommandContext } from '../io/io.js';
import type { AddCommand } from './command.js';
import { UsageError } from './usage-error.js';
import { refuseUnknownChecklist } from './checklist-option.js';

/** Options of `convert` as commander gives them. */
export interface ConvertOptions {
  to?: string;
  out?: string;
  checklist?: string;
  force?: boolean;
}


/** Registers `convert`. */
export function registerConvert(add: AddCommand, ctx: CommandContext, setExit: (code: number) => void): void {
  const { lang } = ctx;
  const cmd = add('convert')
    .description(translate(lang, 'convert.description'))
    .argument('<file>', translate(lang, 'convert.arg.file'))
    .option('--to <format>', translate(lang, 'convert.opt.to'))
    .option('--out <file>', translate(lang, 'convert.opt.out'))
    .option('--checklist <idOrPath>', translate(lang, 'cli.opt.checklist'))
    .option('--force', translate(lang, 'convert.opt.force'))
    .action(async (file: string, options: ConvertOptions) => {
      refuseUnknownChecklist(options.checklist);
      setExit(await runConvert(file, options, ctx));
    });
  addExamples(cmd, lang, [
    example('wangxin convert examples/workbooks/某某镇党委.xlsx --to yaml --out 某某镇党委.yaml', 'convert.example.toYaml'),
    example('wangxin convert examples/answers/township.yaml --to xlsx --out 某某镇党委.xlsx', 'convert.example.toXlsx'),
  ]);
}

/**
 * Converts one answer file. Returns 0 when written; 1 when the input has errors (nothing is
 * written: an invalid file is fixed where it is, not converted half-way); 2 for unreadable input,
 * usage problems and a file that cannot be written.
 */
export async function runConvert(file: string, options: ConvertOptions, ctx: CommandContext): Promise<number> {
  const { io, lang } = ctx;
  const paint = ctx.paintErr;
  const { isWorkbookPath } = await import('../workbook/layout.js');
  const { renderDiagnostics } = await import('../diagnostics/render.js');
  const { isStdout, refuseSameFile, writeCommandOutput } = await import('./outputs.js');
  const { isRegularFile } = await import('./init.js');
  // The format: --to, else what --out's name says, else the other one of the input's.
  const named = options.out === undefined || isStdout(options.out) ? undefined : isWorkbookPath(options.out) ? 'xlsx' : /\.ya?ml$/i.test(options.out) ? 'yaml' : undefined;
  // An extension that is neither (t.csv) says nothing of the format: the workbook would be written under it unasked.
  const ext = options.out === undefined || isStdout(options.out) ? '' : extname(basename(options.out));
  if (named === undefined && ext !== '' && options.to === undefined) throw new UsageError('convert.error.outExtension', { file: makeVisible(options.out!), ext: makeVisible(ext) });
  const to = options.to ?? named ?? (isWorkbookPath(file) ? 'yaml' : 'xlsx');
  if (to !== 'yaml' && to !== 'xlsx') throw new UsageError('convert.error.to', { to: makeVisible(to) });
  // YAML in a file named .xlsx (or a workbook named .yaml) would be read as the wrong format.
  if (named !== undefined && named !== to) throw new UsageError('convert.error.mismatch', { file: makeVisible(options.out!), to });
  const out = options.out ?? join(dirname(file), basename(file, extname(file)) + (to === 'yaml' ? '.yaml' : '.xlsx'));
  if (to === 'xlsx' && isStdout(out)) throw new UsageError('convert.error.workbookOut');
  const absolute = (p: string): string => (isAbsolute(p) ? p : resolve(io.cwd, p));
  if (!isStdout(out) && !options.force && isRegularFile(absolute(out))) throw new UsageError('convert.error.exists', { file: makeVisible(out) });

  const { checkFile } = await import('../check/check-file.js');
  const check = await checkFile(absolute(file), { ref: options.checklist }, 'answers');
  const sources = check.parsed ? new Map([[check.parsed.file, check.parsed.source]]) : undefined;
  if (check.unreadable) {
    io.stderr.write(renderDiagnostics(check.errors, { lang, paint }) + '\n');
    return 2;
  }
  if (check.errors.length > 0 || !check.answers || !check.checklist) {
    io.stderr.write(renderDiagnostics([...check.errors, ...check.warnings], { lang, paint, sources }) + '\n\n');
    io.stderr.write(paint.red(translate(lang, 'convert.invalid', { file: makeVisible(file), count: Math.max(1, check.errors.length) })) + '\n');
    return 1;
  }
  if (check.warnings.length > 0) io.stderr.write(renderDiagnostics(check.warnings, { lang, paint, sources }) + '\n\n');
  if (!isStdout(out)) await refuseSameFile(ctx, [{ option: '--out', file: out }], [absolute(file), ...(check.checklistFile ? [check.checklistFile] : [])]);

  let content: string | Buffer;
  if (to === 'yaml') {
    // The one answer-file writer, as `run` and `migrate` write.
    const { serializeAnswers } = await import('../walk/answer-file.js');
    content = serializeAnswers(check.answers, { file: isStdout(out) ? absolute('answers.yaml') : absolute(out), checklist: check.checklist });
  } else {
    const { writeWorkbook } = await import('../workbook/write-workbook.js');
    content = (await writeWorkbook(check.checklist, check.answers, lang)).bytes;
  }
  const reason = await writeCommandOutput(ctx, out, content, { makeFolder: true });
  if (reason !== undefined) {
    io.stderr.write(`wangxin: ${paint.red(translate(lang, 'convert.error.write', { file: makeVisible(out), reason }))}\n`);
    return 2;
  }
  if (!isStdout(out)) {
    io.stderr.write(`${paint.green('✓')} ${translate(lang, 'convert.written', { from: makeVisible(file), file: makeVisible(out), count: Object.keys(check.answers.answers).length })}\n`);
  }
  return 0;
}

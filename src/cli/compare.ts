// `wangxin compare OLD NEW`: the change between two answer files or JSON reports of one unit, as Markdown or JSON.
import { makeVisible } from '../util/safe-text.js';
import { localized, translate } from '../i18n/translate.js';
import { isAbsolute, resolve } from 'node:path';
import { addExamples, example } from './help-examples.js';
import type { CommandContext } from '../io/io.js';
import { formatForOut, parseFormat } from './options.js';
import type { AddCommand } from './command.js';
import { EXIT } from './exit.js';
import { printError } from './print-error.js';
import { loadSide } from '../compare/load-side.js';
import { compareReports, summarizeSide } from '../compare/compare.js';
import { getCompareFormatter } from '../compare/markdown.js';
import { renderDiagnostics, quoteText } from '../diagnostics/render.js';
import { looksLikePath } from '../checklist/resolve-checklist.js';
import { isStdout, refuseSameFile, writeCommandOutput } from './outputs.js';
import { refuseUnknownChecklist } from './checklist-option.js';
import type { FileCheck } from '../check/check-file.js';

/** Options of `compare` after parsing. */
export interface CompareOptions {
  checklist?: string;
  format?: 'md' | 'json';
  out?: string;
}

/** Registers `compare`. */
export function registerCompare(add: AddCommand, ctx: CommandContext, setExit: (code: number) => void): void {
  const { lang } = ctx;
  const cmd = add('compare')
    .description(translate(lang, 'compare.description'))
    .argument('<old>', translate(lang, 'compare.arg.old'))
    .argument('<new>', translate(lang, 'compare.arg.new'))
    .option('--checklist <idOrPath>', translate(lang, 'cli.opt.checklist'))
    .option('--format <format>', translate(lang, 'compare.opt.format'))
    .option('--out <file>', translate(lang, 'compare.opt.out'))
    .action(async (oldFile: string, newFile: string, options: { checklist?: string; format?: string; out?: string }) => {
      refuseUnknownChecklist(options.checklist);
      const given = options.format === undefined ? undefined : parseFormat(options.format, ['md', 'json'] as const);
      const format = formatForOut(options.out, given, { '.md': 'md', '.markdown': 'md', '.json': 'json' }, 'md');
      setExit(await runCompare(oldFile, newFile, { checklist: options.checklist, format, out: options.out }, ctx));
    });
  addExamples(cmd, lang, [
    example('wangxin compare examples/loop/2025/township.yaml examples/loop/2026/township.yaml', 'compare.example.answers'),
    example('wangxin compare examples/loop/2025/department.yaml examples/loop/2026/department.yaml --format json', 'compare.example.json'),
    example(localized('example.command.compareOut'), 'compare.example.reports'),
  ]);
}

/**
 * Compares two files and prints (or writes) the comparison. Returns 0 when done; 1 when either
 * file is invalid (its diagnostics are printed); 2 when one cannot be read or the output cannot
 * be written.
 */
export async function runCompare(oldFile: string, newFile: string, options: CompareOptions, ctx: CommandContext): Promise<number> {
  const { io, lang } = ctx;
  const paint = ctx.paintErr;
  // Relative paths stay relative (as typed, in diagnostics) when the working folder is the process's.
  const at = (p: string): string => (isAbsolute(p) || io.cwd === process.cwd() ? p : resolve(io.cwd, p));
  const ref = options.checklist === undefined ? undefined : looksLikePath(options.checklist) ? at(options.checklist) : options.checklist;

  const sides = [];
  let code: number = EXIT.OK;
  for (const file of [oldFile, newFile]) {
    // The office's review beside an answer file decides, as in a batch's follow-up (`--baseline`).
    const findReview = file === '-' ? undefined : async (check: FileCheck) => (await import('./review-source.js')).findReviewSource(ctx, file, check);
    const side = await loadSide(at(file), { ref, lang, findReview });
    const sources = side.source !== undefined ? new Map([[at(file), side.source]]) : undefined;
    if (!side.ok) {
      io.stderr.write(renderDiagnostics([...side.errors, ...side.warnings], { lang, paint, sources }) + '\n');
      if (!side.unreadable) io.stderr.write(paint.red(translate(lang, 'compare.invalid', { file: makeVisible(file) })) + '\n');
      code = Math.max(code, side.unreadable ? EXIT.USAGE : EXIT.FINDINGS);
      continue;
    }
    if (side.warnings.length > 0) io.stderr.write(renderDiagnostics(side.warnings, { lang, paint, sources }) + '\n');
    sides.push({ file, side });
  }
  if (code !== 0 || sides.length !== 2) return code;
  const [a, b] = sides;
  if (!a.side.ok || !b.side.ok) return EXIT.FINDINGS;
  const comparison = compareReports(a.side.report, b.side.report, {
    old: summarizeSide(a.side.report, a.file, a.side.kind),
    new: summarizeSide(b.side.report, b.file, b.side.kind),
  });
  for (const w of comparison.warnings) {
    io.stderr.write(paint.yellow(translate(lang, `compare.warn.${w.code}`, { old: quoteText(w.old), new: quoteText(w.new) })) + '\n');
  }
  const text = getCompareFormatter(options.format ?? (options.out && /\.json$/i.test(options.out) ? 'json' : 'md'))(comparison, { lang });
  if (options.out === undefined || isStdout(options.out)) {
    io.stdout.write(text);
    return EXIT.OK;
  }
  await refuseSameFile(ctx, [{ option: '--out', file: options.out }], [oldFile, newFile, ...(ref !== undefined && looksLikePath(ref) ? [ref] : [])]);
  const reason = await writeCommandOutput(ctx, options.out, text);
  if (reason !== undefined) {
    printError(ctx, translate(lang, 'compare.error.write', { file: makeVisible(options.out), reason }));
    return EXIT.USAGE;
  }
  io.stderr.write(`${paint.green('✓')} ${translate(lang, 'compare.written', { file: makeVisible(options.out) })}\n`);
  return EXIT.OK;
}

// `wangxin validate FILE...`: checks checklists and answer files, prints located diagnostics.
import { escapeJsonText, makeVisible } from '../util/safe-text.js';
import { translate } from '../i18n/translate.js';
import { renderDiagnostics, toJsonDiagnostic } from '../diagnostics/render.js';
import type { CommandContext } from '../io/io.js';
import type { AddCommand } from './command.js';
import { parseFormat } from './options.js';
import { addExamples, example } from './help-examples.js';
import { EXIT } from './exit.js';
import { checkFiles } from '../check/check-files.js';
import { refuseUnknownChecklist } from './checklist-option.js';

/** Registers `validate`. */
export function registerValidate(add: AddCommand, ctx: CommandContext, setExit: (code: number) => void): void {
  const { lang } = ctx;
  const cmd = add('validate')
    .description(translate(lang, 'validate.description'))
    .argument('<files...>', translate(lang, 'validate.arg.files'))
    .option('--checklist <idOrPath>', translate(lang, 'cli.opt.checklist'))
    .option('--format <format>', translate(lang, 'validate.opt.format'), 'text')
    .action(async (files: string[], options: { checklist?: string; format: string }) => {
      refuseUnknownChecklist(options.checklist);
      const format = parseFormat(options.format, ['text', 'json'] as const);
      setExit(await runValidate(files, { checklist: options.checklist, format }, ctx));
    });
  addExamples(cmd, lang, [
    example('wangxin validate examples/answers/township.yaml', 'example.validate.one'),
    example('wangxin validate examples/custom/xx-county-2026.yaml examples/custom/answers-township.yaml', 'example.validate.many'),
    example('wangxin validate examples/answers/*.yaml --format json', 'example.validate.json'),
  ]);
}

/** How many diagnostics of each severity `--format json` lists per file (`errorCount`/`warningCount` give them all). */
export const JSON_DIAGNOSTICS = 1000;

/** Validates `files` and prints the result; returns the exit code (0 valid, 1 invalid, 2 unreadable). */
export async function runValidate(
  files: string[],
  options: { checklist?: string; format: 'text' | 'json' },
  ctx: CommandContext,
): Promise<number> {
  const { checks, sources } = await checkFiles(files, { ref: options.checklist, cwd: ctx.io.cwd, stdin: ctx.io.stdin });
  const { io, lang, paint } = ctx;
  const errors = checks.reduce((n, c) => n + c.errors.length, 0);
  const warnings = checks.reduce((n, c) => n + c.warnings.length, 0);
  const invalid = checks.filter((c) => c.errors.length > 0).length;
  if (options.format === 'json') {
    // The first JSON_DIAGNOSTICS of each severity per file, and the exact counts: a file with a
    // hundred thousand errors gives a readable document of bounded size, not hundreds of megabytes.
    const out = {
      files: checks.map((c) => ({
        file: c.file,
        kind: c.kind ?? null,
        valid: c.errors.length === 0,
        unreadable: c.unreadable,
        errorCount: c.errors.length,
        warningCount: c.warnings.length,
        errors: c.errors.slice(0, JSON_DIAGNOSTICS).map((d) => toJsonDiagnostic(d, lang)),
        warnings: c.warnings.slice(0, JSON_DIAGNOSTICS).map((d) => toJsonDiagnostic(d, lang)),
      })),
      summary: { files: checks.length, valid: checks.length - invalid, invalid, errors, warnings },
    };
    io.stdout.write(escapeJsonText(JSON.stringify(out, null, 2)) + '\n');
  } else {
    for (const check of checks) {
      const list = [...check.errors, ...check.warnings];
      if (check.unreadable) {
        io.stderr.write(renderDiagnostics(check.errors, { lang, paint: ctx.paintErr }) + '\n');
        continue;
      }
      if (list.length > 0) io.stdout.write(renderDiagnostics(list, { lang, paint, sources }) + '\n\n');
      if (check.errors.length === 0) {
        const kind = check.kind ? translate(lang, `validate.kind.${check.kind}`) : '';
        io.stdout.write(`${paint.green('✓')} ${translate(lang, 'validate.ok', { file: makeVisible(check.file), kind })}\n`);
      }
    }
    const summary = translate(lang, 'validate.summary', { files: checks.length, valid: checks.length - invalid, invalid, errors, warnings });
    io.stdout.write((invalid > 0 ? paint.red(summary) : paint.green(summary)) + '\n');
  }
  if (checks.some((c) => c.unreadable)) return EXIT.USAGE;
  return invalid > 0 ? EXIT.FINDINGS : EXIT.OK;
}

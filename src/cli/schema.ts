// `wangxin schema [NAME] [--out DIR]`: prints or writes the JSON Schemas, for editors (yaml-language-server) and other tools.
import { makeVisible } from '../util/safe-text.js';
import { translate } from '../i18n/translate.js';
import { join } from 'node:path';
import { addExamples, example } from './help-examples.js';
import type { CommandContext } from '../io/io.js';
import type { AddCommand } from './command.js';
import { UsageError } from './usage-error.js';
import { EXIT } from './exit.js';
import { printError } from './print-error.js';
import { availableSchemas, readSchema } from '../validate/ajv-factory.js';
import { writeCommandOutput } from './outputs.js';

/** The names shown in help; the ones actually offered are those present in `schemas/` at run time. */
const HELP_NAMES = 'checklist|answers|report|batch|roster|review';

/** Registers `schema`. */
export function registerSchema(add: AddCommand, ctx: CommandContext, setExit: (code: number) => void): void {
  const { lang } = ctx;
  const cmd = add('schema')
    .description(translate(lang, 'schema.description'))
    .argument('[name]', translate(lang, 'schema.arg.name', { names: HELP_NAMES }))
    .option('--out <dir>', translate(lang, 'schema.opt.out'))
    .action(async (name: string | undefined, options: { out?: string }) => {
      setExit(await runSchema(name, options, ctx));
    });
  addExamples(cmd, lang, [
    example('wangxin schema answers', 'schema.example.print'),
    example('wangxin schema checklist --out schemas', 'schema.example.one'),
    example('wangxin schema --out schemas', 'schema.example.all'),
  ]);
}

/**
 * Prints one schema to stdout, or writes one (or, without a name, every) schema to `options.out`.
 * Returns 0, or 2 when a file cannot be written; wrong usage raises a {@link UsageError} (exit 2).
 */
export async function runSchema(name: string | undefined, options: { out?: string }, ctx: CommandContext): Promise<number> {
  const { io, lang } = ctx;
  const names: string[] = availableSchemas();
  const list = names.join(', ');
  if (name === undefined && options.out === undefined) throw new UsageError('schema.error.noName', { names: list });
  if (name !== undefined && !names.includes(name)) throw new UsageError('schema.error.unknown', { name, names: list });
  const chosen = (name === undefined ? names : [name]) as ReturnType<typeof availableSchemas>;
  const text = (n: (typeof chosen)[number]): string => JSON.stringify(readSchema(n), null, 2) + '\n';
  if (options.out === undefined || options.out === '-') {
    // `--out -` is standard output, for one named schema only.
    if (name === undefined) throw new UsageError('schema.error.noName', { names: list });
    io.stdout.write(text(chosen[0]));
    return EXIT.OK;
  }
  for (const n of chosen) {
    // Each schema goes through the one output writer: a link in the folder keeps its target's place, a device stays one.
    const shown = join(options.out, `${n}.schema.json`);
    const reason = await writeCommandOutput(ctx, shown, text(n), { makeFolder: true });
    if (reason !== undefined) {
      printError(ctx, translate(lang, 'schema.error.write', { file: makeVisible(shown), reason }));
      return EXIT.USAGE;
    }
    io.stdout.write(translate(lang, 'schema.written', { file: makeVisible(shown) }) + '\n');
  }
  return EXIT.OK;
}

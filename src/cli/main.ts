// The CLI entry: builds the commander program, runs one command, and returns its exit code (never exits itself).
import { translate, type MessageKey } from '../i18n/translate.js';
import { CommanderError, type Command, type Help } from 'commander';
import { LocalizedCommand, localizedHelp } from './commander-text.js';
import { detectLang, type Lang } from '../i18n/lang.js';
import { readToolVersion } from '../report/tool-version.js';
import { makePaint, wantsColor, type CommandContext, type Io } from '../io/io.js';
import { UsageError } from './usage-error.js';
import { EXIT, ExitError } from './exit.js';
import { parseLang } from './options.js';
import { registerCommands } from './registry.js';
import { saveCodeCaches } from '../fs/require-cached.js';
import { printError } from './print-error.js';
import { makeVisible } from '../util/safe-text.js';
import { readSourceDateEpoch } from '../util/dates.js';

/** Commander's help headings, by its English wording. */
const HEADINGS: Record<string, MessageKey> = {
  'Usage:': 'cli.help.usage',
  'Arguments:': 'cli.help.arguments',
  'Options:': 'cli.help.options',
  'Global Options:': 'cli.help.globalOptions',
  'Commands:': 'cli.help.commands',
  'Examples:': 'cli.help.examples',
};

/** Reads `--lang` and `--no-color` before commander runs, so help text is already in the right language. */
function prescan(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
): { lang: Lang; badLang?: string; noColor: boolean; command?: string } {
  let lang = detectLang(env);
  let badLang: string | undefined;
  let noColor = false;
  let command: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') break;
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice(7) : undefined;
    if (value !== undefined) {
      const named = parseLang(value);
      if (named !== undefined) lang = named;
      else badLang = value;
      if (arg === '--lang') i++;
    }
    if (arg === '--no-color') noColor = true;
    // The first word that is not an option names the command (only it needs registering).
    if (command === undefined && !arg.startsWith('-')) command = arg;
  }
  return { lang, badLang, noColor, command };
}

/**
 * Runs the CLI with `argv` (without node and script) and returns the exit code. All output goes
 * through `io`; nothing here calls process.exit.
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const { lang, badLang, noColor, command } = prescan(argv, io.env);
  const ctx: CommandContext = {
    io,
    lang,
    paint: await makePaint(wantsColor(io.stdout, io.env, noColor)),
    paintErr: await makePaint(wantsColor(io.stderr, io.env, noColor)),
  };
  const fail = (message: string): number => {
    printError(ctx, message);
    return EXIT.USAGE;
  };
  if (badLang !== undefined) return fail(translate(lang, 'cli.error.badLang'));
  // Every report's time stamp and default day come from it: a value that names no time stops every command alike.
  if (readSourceDateEpoch(io.env) === null) return fail(translate(lang, 'cli.error.sourceDateEpoch', { value: makeVisible(io.env.SOURCE_DATE_EPOCH ?? '') }));

  let exitCode: number = EXIT.OK;
  const setExit = (code: number): void => {
    exitCode = code;
  };
  const program = await buildProgram(ctx, setExit, command);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    saveCodeCaches();
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
        return error.code === 'commander.help' && argv.length === 0 ? EXIT.USAGE : EXIT.OK;
      }
      return fail(translate(lang, 'cli.error.usage', { detail: error.message.replace(/^error: /, '') }));
    }
    if (error instanceof UsageError) return fail(error.text(lang));
    if (error instanceof ExitError) return error.code;
    const detail = error instanceof Error ? error.message : String(error);
    if (io.env.WANGXIN_DEBUG && error instanceof Error) io.stderr.write(`${error.stack}\n`);
    return fail(translate(lang, 'cli.error.internal', { detail }));
  }
}

/** Builds the commander program with the command `only` registered, or every command without it. */
export async function buildProgram(ctx: CommandContext, setExit: (code: number) => void, only?: string): Promise<Command> {
  const { lang, io } = ctx;
  const program = new LocalizedCommand('wangxin', lang);
  const configure = (cmd: Command): void => {
    cmd.exitOverride();
    cmd.configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: () => undefined, // main() prints usage errors itself, localised
      getOutHelpWidth: () => io.stdout.columns ?? 100,
      getErrHelpWidth: () => io.stderr.columns ?? 100,
    });
    cmd.configureHelp({
      ...localizedHelp(lang),
      showGlobalOptions: true,
      styleTitle: (title: string) => (Object.hasOwn(HEADINGS, title) ? translate(lang, HEADINGS[title]) : title),
    } as Partial<Help>);
    cmd.helpOption('-h, --help', translate(lang, 'cli.opt.help'));
  };
  configure(program);
  program
    .description(translate(lang, 'cli.description'))
    .version(readToolVersion(), '-V, --version', translate(lang, 'cli.opt.version'))
    .option('--lang <lang>', translate(lang, 'cli.opt.lang'))
    .option('--no-color', translate(lang, 'cli.opt.noColor'))
    .helpCommand('help [command]', translate(lang, 'cli.help.command'))
    .showHelpAfterError(false);
  const add = (name: string): Command => {
    const cmd = program.command(name);
    configure(cmd);
    return cmd;
  };
  await registerCommands(add, ctx, setExit, only);
  return program;
}

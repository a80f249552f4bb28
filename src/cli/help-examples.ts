// Adds a localised "Examples" block to a command's --help, with the explanations aligned after the commands.
import type { Command } from 'commander';
import type { Lang, Localized } from '../i18n/lang.js';
import { localized, translate, type MessageKey } from '../i18n/translate.js';
import { displayWidth } from '../diagnostics/render.js';

/** One example: the command line as typed, and what it does, in each language. */
export interface HelpExample {
  zh: string;
  en: string;
  command: Localized;
}

/**
 * An example whose explanation is the catalogue's message `key`; `command` in each language where
 * it names a file or a person (`--out 汇总.xlsx`, `--out summary.xlsx`), else one for both.
 */
export function example(command: string | Localized, key: MessageKey): HelpExample {
  return { command: typeof command === 'string' ? { zh: command, en: command } : command, ...localized(key) };
}

/** The examples block as printed after the help (starts with a blank line, ends with a newline). */
export function formatExamples(lang: Lang, examples: readonly HelpExample[]): string {
  // Comments line up in one column unless a command is too long for it to be worth it.
  const width = Math.min(48, Math.max(0, ...examples.map((e) => displayWidth(e.command[lang]))));
  const lines = examples.map((e) => {
    const pad = ' '.repeat(Math.max(1, width - displayWidth(e.command[lang]) + 2));
    return `  ${e.command[lang]}${pad}# ${e[lang]}`;
  });
  return `\n${translate(lang, 'cli.help.examples')}\n${lines.join('\n')}\n`;
}

/**
 * Shows `examples` after the command's help in the user's language (commander's
 * `addHelpText('after', …)`). Returns the command for chaining.
 */
export function addExamples(cmd: Command, lang: Lang, examples: readonly HelpExample[]): Command {
  if (examples.length === 0) return cmd;
  // A function: the block is laid out only when help is shown, not on every start-up.
  return cmd.addHelpText('after', () => formatExamples(lang, examples));
}

// The terminal Prompter, backed by @inquirer/prompts, which is imported only here and only when `run` starts.
import { makeVisible } from '../util/safe-text.js';
import { translate } from '../i18n/translate.js';
import type { Io } from '../io/io.js';
import type { Lang } from '../i18n/lang.js';
import { isSeparator, PromptInterrupted, type Prompter } from './prompter.js';

/**
 * Creates a Prompter on the command's streams. `signal` aborts the prompt in progress (used for
 * SIGINT/SIGTERM between prompts); inquirer's ExitPromptError (Ctrl-C) and AbortPromptError both
 * become {@link PromptInterrupted}.
 */
export async function createInquirerPrompter(io: Io, lang: Lang, signal?: AbortSignal): Promise<Prompter> {
  const prompts = (io.importModule
    ? await io.importModule('@inquirer/prompts')
    : await import('@inquirer/prompts')) as typeof import('@inquirer/prompts');
  const context = {
    input: io.stdin,
    output: io.stdout as unknown as NodeJS.WritableStream,
    signal,
  };
  const guard = async <T>(ask: () => Promise<T>): Promise<T> => {
    if (signal?.aborted) throw new PromptInterrupted();
    try {
      return await ask();
    } catch (error) {
      const name = (error as Error | undefined)?.name;
      if (name === 'ExitPromptError' || name === 'AbortPromptError') throw new PromptInterrupted();
      throw error;
    }
  };
  const clear = io.stdout.isTTY === true;
  // inquirer's key help is English; say it in the officer's language.
  const words: Record<string, string> = { navigate: translate(lang, 'prompt.key.navigate'), select: translate(lang, 'prompt.key.select') };
  const keysHelpTip = (keys: [string, string][]): string => keys.map(([key, action]) => `${key} ${words[action] ?? action}`).join(' • ');
  // Messages, choices and defaults carry text from files (notes, evidence, unit-type labels,
  // deduction rules): everything inquirer shows is made visible here, once for every prompt.
  // What is returned is untouched: Enter on a default keeps the old note exactly as it was.
  const dim = (text: string): string => (clear ? `\u001b[2m${text}\u001b[22m` : text);
  const inputTheme = {
    validationFailureMode: 'keep' as const,
    style: { defaultAnswer: (text: string) => dim(`(${makeVisible(text)})`) },
  };
  return {
    select: (q) =>
      guard(() =>
        prompts.select(
          {
            message: makeVisible(q.message),
            choices: q.choices.map((c) =>
              isSeparator(c)
                ? new prompts.Separator(makeVisible(c.separator))
                : { value: c.value, name: makeVisible(c.name), description: c.description === undefined ? undefined : makeVisible(c.description), disabled: c.disabled },
            ),
            default: q.default,
            pageSize: q.pageSize ?? 14,
            loop: false,
            theme: { style: { keysHelpTip } },
          },
          context,
        ),
      ),
    input: (q) =>
      guard(() =>
        prompts.input(
          {
            message: makeVisible(q.message),
            default: q.default === '' ? undefined : q.default,
            validate: q.validate,
            // The line as typed (or filled in from the default with Tab), shown visible.
            transformer: (value: string) => makeVisible(value),
            theme: inputTheme,
          },
          context,
        ),
      ),
    confirm: (q) => guard(() => prompts.confirm({ message: makeVisible(q.message), default: q.default }, context)),
    screen(text) {
      // Home + clear screen: each item gets its own screen, as on paper.
      io.stdout.write((clear ? '\u001b[H\u001b[2J' : '\n') + text + '\n');
    },
    say(text) {
      io.stdout.write(text + '\n');
    },
  };
}

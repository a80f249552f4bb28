// The terminal Prompter, backed by @inquirer/prompts, which is imported only here and only when `run` starts.
import type { Io } from '../io/io.js';
import { translate } from '../i18n/translate.js';
import { makeVisible } from '../util/safe-text.js';
import { wrapText } from '../diagnostics/wrap-text.js';
import type { Lang } from '../i18n/lang.js';
import { isSeparator, PromptEscaped, PromptInterrupted, type InputQuestion, type Prompter, type SelectQuestion } from './prompter.js';

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
  const guard = async <T>(ask: () => Promise<T>, escaped?: AbortSignal): Promise<T> => {
    if (signal?.aborted) throw new PromptInterrupted();
    try {
      return await ask();
    } catch (error) {
      const name = (error as Error | undefined)?.name;
      if (name === 'AbortPromptError' && escaped?.aborted && !signal?.aborted) throw new PromptEscaped();
      if (name === 'ExitPromptError' || name === 'AbortPromptError') throw new PromptInterrupted();
      throw error;
    }
  };
  /**
   * Asks an input; an escapable one is aborted by Esc. inquirer's input ignores Esc, but its
   * readline makes the input stream emit keypress events, which are watched while it waits.
   */
  const askInput = async (q: InputQuestion): Promise<string> => {
    const escape = new AbortController();
    const onKey = (_: unknown, key: { name?: string } | undefined): void => {
      if (key?.name === 'escape') escape.abort();
    };
    if (q.escapable) io.stdin.on('keypress', onKey);
    try {
      return await guard(
        () =>
          prompts.input(
            {
              message: makeVisible(q.message),
              default: q.default === '' ? undefined : q.default,
              validate: q.validate,
              // The line as typed (or filled in from the default with Tab), shown visible.
              transformer: (value: string) => makeVisible(value),
              theme: inputTheme,
            },
            { ...context, signal: q.escapable ? (signal ? AbortSignal.any([signal, escape.signal]) : escape.signal) : signal },
          ),
        escape.signal,
      );
    } finally {
      if (q.escapable) io.stdin.off('keypress', onKey);
    }
  };
  /** A placeholder's value: never returned, as it cannot be chosen. */
  const PLACEHOLDER = Symbol('placeholder');
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
    select: <V>(q: SelectQuestion<V>) =>
      guard(async () => {
        const choices = q.choices.map((c) =>
          isSeparator(c)
            ? new prompts.Separator(makeVisible(c.separator))
            : { value: c.value as V | typeof PLACEHOLDER, name: makeVisible(c.name), description: c.description === undefined ? undefined : makeVisible(c.description), disabled: c.disabled },
        );
        // The placeholder is a disabled entry: the cursor starts on it, Enter there is refused with its text.
        const start = q.placeholder !== undefined && q.default === undefined;
        if (start) choices.unshift({ value: PLACEHOLDER, name: makeVisible(q.placeholder!), description: undefined, disabled: ' ' });
        const chosen = await prompts.select(
          {
            message: makeVisible(q.message),
            choices,
            default: q.default,
            pageSize: (q.pageSize ?? 14) + (start ? 1 : 0),
            loop: false,
            theme: { style: { keysHelpTip }, i18n: { disabledError: translate(lang, 'prompt.placeholder') } },
          },
          context,
        );
        return chosen as V;
      }),
    input: askInput,
    confirm: (q) => guard(() => prompts.confirm({ message: makeVisible(q.message), default: q.default }, context)),
    // Wrapped here, not by the terminal, which would cut English words anywhere ("S/tudy").
    screen(text) {
      // Home + clear screen: each item gets its own screen, as on paper.
      io.stdout.write((clear ? '\u001b[H\u001b[2J' : '\n') + wrapText(text, io.stdout.columns) + '\n');
    },
    say(text) {
      io.stdout.write(wrapText(text, io.stdout.columns) + '\n');
    },
  };
}

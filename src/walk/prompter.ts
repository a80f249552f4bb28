// The one interface every question of the self-check goes through, so the walk runs the same at a terminal and in tests.

/** One choice of a select; `separator` choices are not selectable and only group the others. */
export type SelectChoice<V> = { value: V; name: string; description?: string; disabled?: boolean | string } | { separator: string };

/** A select question. */
export interface SelectQuestion<V> {
  message: string;
  choices: readonly SelectChoice<V>[];
  /** The value preselected (e.g. the previous answer when revisiting). */
  default?: V;
  /**
   * A first entry that cannot be chosen, where the cursor starts when there is no default: the
   * officer has to move to an answer on purpose (Enter alone does not pass an item unread).
   */
  placeholder?: string;
  pageSize?: number;
}

/** A free-text question; `validate` returns true or the message shown at the prompt. */
export interface InputQuestion {
  message: string;
  default?: string;
  validate?: (value: string) => true | string;
  /** Esc leaves the question: the prompter rejects with {@link PromptEscaped}. */
  escapable?: boolean;
}

/** A yes/no question. */
export interface ConfirmQuestion {
  message: string;
  default?: boolean;
}

/** Asks questions and shows text. Every method rejects with {@link PromptInterrupted} on Ctrl-C. */
export interface Prompter {
  select<V>(question: SelectQuestion<V>): Promise<V>;
  input(question: InputQuestion): Promise<string>;
  confirm(question: ConfirmQuestion): Promise<boolean>;
  /** Starts a new screen (clears the terminal when there is one) and shows `text`. */
  screen(text: string): void;
  /** Shows `text` below what is there. */
  say(text: string): void;
}

/** The officer pressed Ctrl-C (or the run got SIGINT/SIGTERM): stop, keeping what is saved. */
export class PromptInterrupted extends Error {
  constructor() {
    super('interrupted');
    this.name = 'PromptInterrupted';
  }
}

/** Whether a choice is a separator. */
export function isSeparator<V>(choice: SelectChoice<V>): choice is { separator: string } {
  return 'separator' in choice;
}

/** The officer pressed Esc at an escapable question: go back one step, nothing is kept of it. */
export class PromptEscaped extends Error {
  constructor() {
    super('escaped');
    this.name = 'PromptEscaped';
  }
}

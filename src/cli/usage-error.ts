// A usage error a command raises (bad option value, missing input): a message key and its parameters; main prints it and exits 2.
import type { Lang } from '../i18n/lang.js';
import { translate, type MessageKey } from '../i18n/translate.js';
import { EXIT, ExitError } from './exit.js';

/** Thrown by commands for wrong usage; its text is filled in, in the user's language, when main prints it. */
export class UsageError extends ExitError {
  constructor(
    readonly key: MessageKey,
    readonly params: Record<string, unknown> = {},
  ) {
    super(EXIT.USAGE);
    this.name = 'UsageError';
    // In English for a stack trace or a test; main prints text(lang).
    this.message = this.text('en');
  }

  /** The message in `lang`. */
  text(lang: Lang): string {
    return translate(lang, this.key, this.params);
  }
}

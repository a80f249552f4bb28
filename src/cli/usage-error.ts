// A usage error a command raises (bad option value, missing input): a message key and its parameters; main prints it and exits 2.
import { CATALOGUES } from '../i18n/catalog.js';
import { fill, type Lang } from '../i18n/lang.js';
import type { t } from '../i18n/messages.js';
import type { tf } from '../i18n/file-messages.js';
import type { ti } from '../i18n/init-messages.js';
import type { tm } from '../i18n/migrate-messages.js';
import type { tSchema } from '../i18n/schema-messages.js';
import type { tb } from '../i18n/batch-messages.js';
import type { to } from '../i18n/office-messages.js';
import type { tw } from '../i18n/workbook-messages.js';
import type { tl } from '../i18n/ledger-messages.js';
import type { trv } from '../i18n/review-messages.js';
import { EXIT, ExitError } from './exit.js';

/** The catalogues usage errors come from, searched in this order (their keys do not overlap). */
const USAGE_CATALOGUES = ['core', 'files', 'init', 'migrate', 'schema', 'batch', 'office', 'workbook', 'ledger', 'review'] as const;

/** A message key of one of the catalogues usage errors come from. */
export type UsageKey =
  | Parameters<typeof t>[1]
  | Parameters<typeof tf>[1]
  | Parameters<typeof ti>[1]
  | Parameters<typeof tm>[1]
  | Parameters<typeof tSchema>[1]
  | Parameters<typeof tb>[1]
  | Parameters<typeof to>[1]
  | Parameters<typeof tw>[1]
  | Parameters<typeof tl>[1]
  | Parameters<typeof trv>[1];

/** Thrown by commands for wrong usage; its text is filled in, in the user's language, when main prints it. */
export class UsageError extends ExitError {
  constructor(
    readonly key: UsageKey,
    readonly params: Record<string, unknown> = {},
  ) {
    super(EXIT.USAGE);
    this.name = 'UsageError';
    // In English for a stack trace or a test; main prints text(lang).
    this.message = this.text('en');
  }

  /**
   * The message in `lang`. The catalogue is the one the throwing command loaded for its own
   * strings (this module imports their types only, so start-up does not load them all).
   */
  text(lang: Lang): string {
    for (const name of USAGE_CATALOGUES) {
      const message = CATALOGUES.get(name)?.[this.key];
      if (message) return fill(message[lang], this.params);
    }
    return this.key;
  }
}

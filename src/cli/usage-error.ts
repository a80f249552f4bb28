// A usage error a command raises (bad option value, missing input): main prints it and exits 2.
import type { Localized } from '../i18n/lang.js';

/** Thrown by commands for wrong usage; carries its message in both languages. */
export class UsageError extends Error {
  constructor(readonly localized: Localized) {
    super(localized.en);
    this.name = 'UsageError';
  }
}

// Parsing of option values shared by commands (formats, numbers), raising localised usage errors.
import { MESSAGES } from '../i18n/messages.js';
import { fill } from '../i18n/lang.js';
import { UsageError } from './usage-error.js';

/** Checks `--format` against the allowed values. */
export function parseFormat<T extends string>(value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  const list = allowed.join('|');
  const m = MESSAGES['cli.error.badFormat'];
  throw new UsageError({ zh: fill(m.zh, { allowed: list }), en: fill(m.en, { allowed: list }) });
}

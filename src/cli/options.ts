// Parsing of option values shared by commands (formats, numbers), raising localised usage errors.
import { MESSAGES } from '../i18n/messages.js';
import { fill } from '../i18n/lang.js';
import { UsageError } from './usage-error.js';
import { defaultAsOf, isDay } from '../util/dates.js';

/**
 * The day rectification tasks are judged on: `--as-of` when given (a real `YYYY-MM-DD` date, else a
 * usage error), otherwise the day of `SOURCE_DATE_EPOCH` or today.
 */
export function parseAsOf(value: string | undefined, env: NodeJS.ProcessEnv, option = '--as-of'): string {
  if (value === undefined) return defaultAsOf(env);
  const trimmed = value.trim();
  if (!isDay(trimmed)) {
    const m = MESSAGES['cli.error.badAsOf'];
    throw new UsageError({ zh: fill(m.zh, { value, option }), en: fill(m.en, { value, option }) });
  }
  return trimmed;
}

/** Checks `--format` against the allowed values. */
export function parseFormat<T extends string>(value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  const list = allowed.join('|');
  const m = MESSAGES['cli.error.badFormat'];
  throw new UsageError({ zh: fill(m.zh, { allowed: list }), en: fill(m.en, { allowed: list }) });
}

/**
 * Parses `--fail-under` for `score` and `batch` alike: a plain decimal number from 0 to 100
 * (`80`, `87.5`; spaces around it are ignored). Scores never exceed 100 plus the bonus cap, but a
 * pass mark above 100 is a typo; exponents, hex, signs, `Infinity` and the empty string are refused.
 */
export function parseFailUnder(value: string): number {
  const trimmed = value.trim();
  const n = Number(trimmed);
  if (!/^\d+(\.\d+)?$/.test(trimmed) || !(n >= 0 && n <= 100)) {
    const m = MESSAGES['cli.error.badFailUnder'];
    throw new UsageError({ zh: fill(m.zh, { value }), en: fill(m.en, { value }) });
  }
  return n;
}

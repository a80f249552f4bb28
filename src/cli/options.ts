// Parsing of option values shared by commands (formats, numbers), raising localised usage errors.
import { UsageError } from './usage-error.js';

/** Checks `--format` against the allowed values. */
export function parseFormat<T extends string>(value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  const list = allowed.join('|');
  throw new UsageError('cli.error.badFormat', { allowed: list });
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
    throw new UsageError('cli.error.badFailUnder', { value });
  }
  return n;
}

// Parsing of option values shared by commands (formats, numbers, the language, dates), raising localised usage errors.
import { makeVisible } from '../util/safe-text.js';
import { isLang, type Lang } from '../i18n/lang.js';
import { UsageError } from './usage-error.js';
import { defaultAsOf, isDay, readSourceDateEpoch } from '../util/dates.js';

/**
 * The day rectification tasks are judged on: `--as-of` when given (a real `YYYY-MM-DD` date, else a
 * usage error), otherwise the day of `SOURCE_DATE_EPOCH` or today.
 */
export function parseAsOf(value: string | undefined, env: NodeJS.ProcessEnv, option = '--as-of'): string {
  if (value === undefined) return defaultAsOf(env);
  const trimmed = value.trim();
  if (!isDay(trimmed)) {
    throw new UsageError('cli.error.badAsOf', { value, option });
  }
  return trimmed;
}
import { basename, extname } from 'node:path';

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

/**
 * `--max-overstatement N` (`batch`): how many points a unit's self-assessment may exceed its
 * verified score by, a plain decimal number from 0 to 100 like `--fail-under`.
 */
export function parseMaxOverstatement(value: string): number {
  const trimmed = value.trim();
  const n = Number(trimmed);
  if (!/^\d+(\.\d+)?$/.test(trimmed) || !(n >= 0 && n <= 100)) throw new UsageError('review.cli.error.badMaxOverstatement', { value });
  return n;
}

/** `--jobs`: a whole number from 1 to 256. */
export function parseJobs(value: string): number {
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isInteger(n) || n < 1 || n > 256) throw new UsageError('cli.error.badJobs', { value });
  return n;
}

/** `--lang`: the language it names, or undefined when it names none (main says so once it knows which language to say it in). */
export function parseLang(value: string): Lang | undefined {
  return isLang(value) ? value : undefined;
}

/**
 * The time a report says it was made, as an ISO string: `SOURCE_DATE_EPOCH` (seconds, for
 * reproducible output) when it is set to a number, else now.
 */
export function readGeneratedAt(env: NodeJS.ProcessEnv): string {
  return (readSourceDateEpoch(env) ?? new Date()).toISOString();
}

/** The extensions of an output that is an answer file or a checklist (YAML). */
export const YAML_EXTENSIONS = { '.yaml': 'yaml', '.yml': 'yaml' } as const;

/**
 * The format an output file is written in. Its extension decides when it is one the command
 * writes (`s.json` is JSON); `--format` given as well must agree with it. A name without an
 * extension (a FIFO, `/dev/stdout`) and `-` take `--format`, else `fallback`. An extension the
 * command cannot write (`r.csv`) is a usage error naming the ones it can, unless `--format`
 * says explicitly what to write into it.
 */
export function formatForOut<T extends string>(
  out: string | undefined,
  format: T | undefined,
  extensions: Readonly<Record<string, T>>,
  fallback: T,
  option = '--out',
): T {
  if (out === undefined || out === '-') return format ?? fallback;
  const ext = extname(basename(out)).toLowerCase();
  if (ext === '') return format ?? fallback;
  const byExt = extensions[ext];
  if (byExt === undefined) {
    if (format !== undefined) return format;
    throw new UsageError('cli.error.outExtension', { option, file: makeVisible(out), ext: makeVisible(ext), allowed: Object.keys(extensions).join(', ') });
  }
  if (format !== undefined && format !== byExt) {
    throw new UsageError('cli.error.outFormatMismatch', { option, file: makeVisible(out), format });
  }
  return byExt;
}

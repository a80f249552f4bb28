// Parsing of option values shared by commands (formats, numbers), raising localised usage errors.
import { MESSAGES } from '../i18n/messages.js';
import { fill } from '../i18n/lang.js';
import { UsageError } from './usage-error.js';
import { basename, extname } from 'node:path';
import { makeVisible } from '../diagnostics/render.js';

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
    const m = MESSAGES['cli.error.outExtension'];
    const params = { option, file: makeVisible(out), ext: makeVisible(ext), allowed: Object.keys(extensions) };
    throw new UsageError({ zh: fill(m.zh, { ...params, allowed: params.allowed.join('、') }), en: fill(m.en, { ...params, allowed: params.allowed.join(', ') }) });
  }
  if (format !== undefined && format !== byExt) {
    const m = MESSAGES['cli.error.outFormatMismatch'];
    const params = { option, file: makeVisible(out), format };
    throw new UsageError({ zh: fill(m.zh, params), en: fill(m.en, params) });
  }
  return byExt;
}

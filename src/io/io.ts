// The process boundary that commands see: streams, environment, language and colour, so tests can run them in-process.
import type { Lang } from '../i18n/lang.js';
import { NO_PAINT, type Paint } from '../diagnostics/render.js';

/** A stream the CLI writes to. */
export interface OutStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** What `main` needs from the outside world. */
export interface Io {
  stdout: OutStream;
  stderr: OutStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
  /**
   * Loads an ES module (for ESM-only packages such as @inquirer/prompts). bin/ passes its own
   * `import()`, because the bundle runs inside vm.Script, where import() has no loader.
   */
  importModule?: (specifier: string) => Promise<unknown>;
}

/** Per-invocation settings every command gets. */
export interface CommandContext {
  io: Io;
  lang: Lang;
  /** Colours for stdout. */
  paint: Paint;
  /** Colours for stderr. */
  paintErr: Paint;
}

/**
 * Whether to colour a stream: never with `--no-color` or `NO_COLOR` (any non-empty value);
 * always with `FORCE_COLOR` (not "0"); otherwise only on a terminal. chalk ignores NO_COLOR,
 * so the decision is made here.
 */
export function wantsColor(stream: OutStream, env: NodeJS.ProcessEnv, noColorFlag: boolean): boolean {
  if (noColorFlag || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

/**
 * Paint functions for a colour decision. chalk is loaded only when colour is on: its terminal
 * detection loads tty and os, which a command writing to a pipe or a file never needs.
 */
export async function makePaint(enabled: boolean): Promise<Paint> {
  if (!enabled) return NO_PAINT;
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: 1 });
  return { red: chalk.red, yellow: chalk.yellow, dim: chalk.dim, bold: chalk.bold, green: chalk.green, cyan: chalk.cyan };
}

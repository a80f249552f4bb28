// How the user started wangxin, so that a command printed for them works as printed.
import { shellQuote } from '../util/shell-quote.js';

/**
 * The words that start wangxin the way this process was started: `npx wangxin` when run through
 * npx (npm sets `npm_command=exec`), where a bare `wangxin` is "command not found"; else `wangxin`.
 */
export function invokedAs(env: Readonly<Record<string, string | undefined>>): string {
  return env.npm_command === 'exec' ? 'npx wangxin' : 'wangxin';
}

/** A command line to print: how wangxin was started, then `args`, each quoted where needed. */
export function commandLine(env: Readonly<Record<string, string | undefined>>, args: readonly string[]): string {
  return [invokedAs(env), ...args.map(shellQuote)].join(' ');
}

// How the user started wangxin, so that a command printed for them works as printed.

/**
 * The words that start wangxin the way this process was started: `npx wangxin` when run through
 * npx (npm sets `npm_command=exec`), where a bare `wangxin` is "command not found"; else `wangxin`.
 */
export function invokedAs(env: Readonly<Record<string, string | undefined>>): string {
  return env.npm_command === 'exec' ? 'npx wangxin' : 'wangxin';
}

/** Quotes one argument for a POSIX shell where it needs it (plain and Chinese paths are left alone). */
export function shellQuote(text: string): string {
  if (/^[\p{L}\p{N}_./@%+=:,-]+$/u.test(text)) return text;
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** A command line to print: how wangxin was started, then `args`, each quoted where needed. */
export function commandLine(env: Readonly<Record<string, string | undefined>>, args: readonly string[]): string {
  return [invokedAs(env), ...args.map(shellQuote)].join(' ');
}

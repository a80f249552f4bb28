// The one way a command says what went wrong: `wangxin: 错误: …` on standard error, the prefix in red.
import { translate } from '../i18n/translate.js';
import type { CommandContext } from '../io/io.js';

/** Prints `message` (already in the user's language) as an error line on standard error. */
export function printError(ctx: CommandContext, message: string): void {
  ctx.io.stderr.write(`wangxin: ${ctx.paintErr.red(translate(ctx.lang, 'cli.error.prefix'))}: ${message}\n`);
}

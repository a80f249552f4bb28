// A CommandContext on captured streams, for calling a command's run function (runRun) in-process.
import type { CommandContext, Io } from '../../src/io/io.js';
import { NO_PAINT } from '../../src/diagnostics/render.js';
import type { Lang } from '../../src/i18n/lang.js';

/** The context and what was written to stdout and stderr so far. */
export interface CapturedContext {
  ctx: CommandContext;
  out(): string;
  err(): string;
}

/**
 * A context in `cwd`, in `lang`, without colour, whose stdin only says whether it is a terminal
 * (`tty`, default yes: scripted prompters never read it); `env` adds to the environment.
 */
export function captureContext(cwd: string, lang: Lang = 'en', options: { tty?: boolean; env?: Record<string, string> } = {}): CapturedContext {
  let out = '';
  let err = '';
  const io: Io = {
    stdout: { write: (s: string) => ((out += s), true) },
    stderr: { write: (s: string) => ((err += s), true) },
    stdin: { isTTY: options.tty ?? true } as unknown as Io['stdin'],
    env: { LANG: lang === 'en' ? 'en_US.UTF-8' : 'zh_CN.UTF-8', ...options.env },
    cwd,
  };
  return { ctx: { io, lang, paint: NO_PAINT, paintErr: NO_PAINT }, out: () => out, err: () => err };
}

// The checklist a command is given (`--checklist`, `--to`, `--from`): resolved, loaded and, when it cannot be used, reported one way.
import { makeVisible } from '../util/safe-text.js';
import { translate } from '../i18n/translate.js';
import { resolve } from 'node:path';
import type { Checklist } from '../model/checklist.js';
import type { CommandContext } from '../io/io.js';
import { EXIT, ExitError } from './exit.js';
import { printError } from './print-error.js';
import { UsageError } from './usage-error.js';
import { builtinFile, builtinIds, looksLikePath } from '../checklist/resolve-checklist.js';
import { loadChecklist } from '../checklist/load-checklist.js';
import { renderDiagnostics } from '../diagnostics/render.js';

/** A checklist given on the command line, and the file it was read from. */
export interface ChecklistOption {
  checklist: Checklist;
  file: string;
}

/**
 * Loads the checklist `ref` names: a path (relative to the working folder) or a built-in id.
 * An unknown ref is a {@link UsageError}; a checklist with errors has them printed, then ends
 * the command with exit 2 ({@link ExitError}).
 */
export async function loadChecklistOption(ref: string, ctx: CommandContext): Promise<ChecklistOption> {
  refuseUnknownChecklist(ref);
  const file = looksLikePath(ref) ? resolve(ctx.io.cwd, ref) : builtinFile(ref)!;
  const loaded = await loadChecklist(file);
  if (loaded.checklist) return { checklist: loaded.checklist, file };
  printError(ctx, translate(ctx.lang, 'cli.error.checklistBroken', { file: makeVisible(ref) }));
  const sources = loaded.parsed ? new Map([[loaded.parsed.file, loaded.parsed.source]]) : undefined;
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  ctx.io.stderr.write(renderDiagnostics(errors, { lang: ctx.lang, paint: ctx.paintErr, sources }) + '\n');
  throw new ExitError(EXIT.USAGE);
}

/**
 * Refuses (a {@link UsageError}, exit 2) a `--checklist` that is neither a path nor a built-in id,
 * before any file is read: a mistyped option is the command line's mistake, not a finding against
 * the answer files it would otherwise be reported on.
 */
export function refuseUnknownChecklist(ref: string | undefined): void {
  if (ref === undefined || looksLikePath(ref) || builtinFile(ref) !== undefined) return;
  throw new UsageError('cli.error.unknownChecklist', { ref: makeVisible(ref), known: builtinIds().join(', ') || '—' });
}

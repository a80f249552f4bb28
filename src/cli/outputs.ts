// How commands name, check and write their outputs: one refusal for an output that is an input or another output, one writer, one failure message.
import { makeVisible } from '../util/safe-text.js';
import { translate, type MessageKey } from '../i18n/translate.js';
import { statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { findSameFile, type NamedPath } from '../fs/same-file.js';
import { FIFO_WAIT_MS, OutputError, type OutputContent, writeOutput } from '../fs/write-output.js';
import type { Lang } from '../i18n/lang.js';
import type { CommandContext } from '../io/io.js';
import { UsageError } from './usage-error.js';
import { isWorkbookPath } from '../workbook/layout.js';

/** An output as the command line gave it: the option that names it and the path as typed (`-` for standard output). */
export interface CommandOutput {
  option: string;
  file: string;
}

/** Whether an output path means standard output. */
export function isStdout(file: string | undefined): boolean {
  return file === '-';
}

/** An output or input path made absolute against the command's working folder (`-` stays `-`). */
export function absoluteFrom(cwd: string, file: string): string {
  return file === '-' || isAbsolute(file) ? file : resolve(cwd, file);
}

/**
 * The first output whose folder is missing (or is no folder), with why in words: a long command
 * checks this before its work, rather than do it all and then fail to write. Undefined when every
 * output's folder is there (the write may still fail, and says so then).
 */
export function findMissingFolder(ctx: CommandContext, outputs: readonly CommandOutput[]): { file: string; reason: string } | undefined {
  for (const o of outputs) {
    if (isStdout(o.file)) continue;
    try {
      const stats = statSync(dirname(absoluteFrom(ctx.io.cwd, o.file)));
      if (!stats.isDirectory()) return { file: o.file, reason: describeErrno('ENOTDIR', ctx.lang) };
    } catch (error) {
      return { file: o.file, reason: describeWriteFailure(error, ctx.lang) };
    }
  }
  return undefined;
}

/**
 * Refuses (a {@link UsageError}, exit 2) an output that is the same file as one of `inputs` or as
 * another output, before anything is written. `inputs` are paths relative to the working folder,
 * or named paths (a batch's submissions, already absolute).
 */
export async function refuseSameFile(ctx: CommandContext, outputs: readonly CommandOutput[], inputs: readonly (string | NamedPath)[]): Promise<void> {
  const named = outputs.map((o) => ({ path: absoluteFrom(ctx.io.cwd, o.file), shown: o.file, option: o.option }));
  const ins = inputs.map((i) => (typeof i === 'string' ? { path: absoluteFrom(ctx.io.cwd, i), shown: i } : i));
  const found = await findSameFile(named, ins);
  if (!found) return;
  const optionOf = (p: NamedPath): string => (p as (typeof named)[number]).option;
  const params =
    found.kind === 'input'
      ? { output: makeVisible(found.output.shown), option: optionOf(found.output), input: makeVisible(found.input.shown) }
      : { output: makeVisible(found.output.shown), option: optionOf(found.output), other: makeVisible(found.other.shown), otherOption: optionOf(found.other) };
  const key = found.kind === 'input' ? 'output.sameAsInput' : 'output.sameAsOutput';
  throw new UsageError(key, params);
}

/**
 * The files among a command's found `inputs` that one of its outputs names and that are one of
 * wangxin's own workbooks (a batch summary, a ledger), by their shown names. Such a file is no
 * submission: a summary written into the folder it summarises is replaced when the command is run
 * again, rather than refused as an input, and is left out of the files the command reads.
 */
export async function findOwnWorkbooks(ctx: CommandContext, outputs: readonly CommandOutput[], inputs: readonly NamedPath[]): Promise<Set<string>> {
  const own = new Set<string>();
  for (const o of outputs) {
    if (isStdout(o.file) || !isWorkbookPath(o.file)) continue;
    const found = await findSameFile([{ path: absoluteFrom(ctx.io.cwd, o.file), shown: o.file }], inputs);
    if (found?.kind !== 'input' || !isWorkbookPath(found.input.shown)) continue;
    const { checkWorkbook, isOfficeWorkbook } = await import('../check/check-file.js');
    if (isOfficeWorkbook(await checkWorkbook(found.input.path, found.input.shown))) own.add(found.input.shown);
  }
  return own;
}

/**
 * Writes one output (`file` as typed, relative to the working folder; `-` is standard output)
 * through writeOutput. Returns undefined when written, else the reason in `lang`, for the
 * command's own "cannot write" message.
 */
export async function writeCommandOutput(
  ctx: CommandContext,
  file: string,
  content: OutputContent,
  options: { makeFolder?: boolean } = {},
): Promise<string | undefined> {
  try {
    await writeOutput(absoluteFrom(ctx.io.cwd, file), content, { stdout: ctx.io.stdout, makeFolder: options.makeFolder });
    return undefined;
  } catch (error) {
    return describeWriteFailure(error, ctx.lang);
  }
}

/**
 * Why a write failed, in `lang`: the reason of an {@link OutputError}, else the system's error in
 * words with its code (`所在文件夹不存在（ENOENT）`), or the code alone where there are no words for it.
 */
export function describeWriteFailure(error: unknown, lang: Lang): string {
  if (error instanceof OutputError) {
    if (error.reason === 'system') return describeErrno(error.errno ?? 'error', lang);
    return translate(lang, `output.reason.${error.reason}`, { seconds: FIFO_WAIT_MS / 1000 });
  }
  const code = (error as NodeJS.ErrnoException).code;
  return code !== undefined ? describeErrno(code, lang) : error instanceof Error ? error.message : String(error);
}

/** The system errors a write commonly meets, by code. */
const ERRNO_WORDS: Readonly<Record<string, MessageKey>> = {
  ENOENT: 'errno.ENOENT',
  ENOTDIR: 'errno.ENOTDIR',
  EISDIR: 'errno.EISDIR',
  EACCES: 'errno.EACCES',
  EPERM: 'errno.EPERM',
  EROFS: 'errno.EROFS',
  ENOSPC: 'errno.ENOSPC',
  EDQUOT: 'errno.EDQUOT',
  ENAMETOOLONG: 'errno.ENAMETOOLONG',
  EBUSY: 'errno.EBUSY',
};

/** A system error code in words, the code kept beside them for a search or a support request. */
function describeErrno(code: string, lang: Lang): string {
  const key = Object.hasOwn(ERRNO_WORDS, code) ? ERRNO_WORDS[code] : undefined;
  if (key === undefined) return code;
  const words = translate(lang, key);
  return lang === 'zh' ? `${words}（${code}）` : `${words} (${code})`;
}

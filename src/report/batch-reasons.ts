// Why a file fails the batch, in words a person reads, and what to tell a unit whose file is invalid.
import { translate } from '../i18n/translate.js';
import { overstatement, type FailReason, type FileVerdict } from '../model/batch.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Lang } from '../i18n/lang.js';
import { formatFixed } from '../score/round.js';
import { excerpt } from '../util/excerpt.js';
import { fileArgument } from '../util/shell-quote.js';
import { basename } from 'node:path';

/** What the reasons need besides the file's verdict. */
export interface ReasonContext {
  lang: Lang;
  /** `--fail-under N`. */
  failUnder?: number;
  /** An item's text in `lang`, where the checklist is known. */
  itemText(id: string): string | undefined;
  /** `--max-overstatement N`. */
  maxOverstatement?: number;
}

/** Item texts are long sentences: a reason quotes the start of one (English takes about twice the characters). */
const ITEM_EXCERPT: Record<Lang, number> = { zh: 30, en: 60 };

/**
 * Why `f` fails, one short sentence per reason: "vetoed by A3.3.5 (发生较大网络安全事件…)",
 * "below 60 by 4.2 points", "3 items unanswered", the first diagnostic of an invalid file.
 * Empty when the file passes.
 */
export function explainReasons(f: FileVerdict, ctx: ReasonContext): string[] {
  return f.reasons.map((reason) => explainReason(f, reason, ctx));
}

/** One of the reasons `f` fails, in words (see {@link explainReasons}). */
export function explainReason(f: FileVerdict, reason: FailReason, ctx: ReasonContext): string {
  const { lang } = ctx;
  const s = f.summary;
  switch (reason) {
    case 'unreadable':
    case 'invalid': {
      const first = f.errors[0];
      const head = translate(lang, `reason.${reason}`);
      return first ? `${head}: ${where(first, lang)}${first.message[lang]}` : head;
    }
    case 'vetoed':
      return translate(lang, 'why.vetoed', {
        items: s!.vetoItems
          .map((id) => {
            const text = ctx.itemText(id);
            return text === undefined ? id : translate(lang, 'why.item', { id, text: excerpt(text, ITEM_EXCERPT[lang]) });
          })
          .join(translate(lang, 'why.and')),
      });
    case 'belowThreshold':
      // The gap is rounded once, as the score is shown: 55.8 is "below 60 by 4.2 points"; a gap
      // under 0.1 (59.99) gets 2 decimals, so it never reads "by 0.0 points".
      return translate(lang, 'why.below', { min: ctx.failUnder, gap: belowBy((ctx.failUnder ?? 0) - s!.score) });
    case 'incomplete':
      return translate(lang, s!.unanswered.length === 1 ? 'why.unanswered.one' : 'why.unanswered', { count: s!.unanswered.length });
    case 'evidence':
      return (f.evidence ?? []).map((e) => `${translate(lang, `verify.${e.problem}`)}: ${e.item} ${e.path}`).join('; ');
    case 'duplicate':
      return translate(lang, 'reason.duplicate', { kept: f.supersededBy ?? '' });
    case 'overstated':
      return translate(lang, 'review.why.overstated', { self: formatFixed(s!.review!.selfScore, 1), verified: formatFixed(s!.shownScore ?? s!.score, 1), difference: formatFixed(overstatement(s!) ?? 0, 1), max: ctx.maxOverstatement ?? 0 });
  }
}

/** How far below the pass mark, for words: 1 decimal, 2 under 0.1. */
function belowBy(gap: number): string {
  return formatFixed(gap, gap < 0.095 ? 2 : 1);
}

/** "line 30, column 3: " where the diagnostic has a position. */
function where(d: Diagnostic, lang: Lang): string {
  return d.line !== undefined ? translate(lang, 'why.at', { line: d.line, column: d.column ?? 1 }) : '';
}

/** The part of an invalid file's outcome its instruction needs. */
export interface InvalidFile {
  file: string;
  status: string;
  errors: readonly Diagnostic[];
  errorCount: number;
}

/** Read failures that come from how the office keeps a file, not from what the unit sent. */
const OFFICE_SIDE: ReadonlySet<string> = new Set(['FILE_NOT_FOUND', 'FILE_IS_DIRECTORY', 'FILE_NOT_REGULAR', 'FILE_UNREADABLE']);

/**
 * What the office can forward as is to the unit whose file is invalid or unreadable, in plain
 * words: which file, how many problems, the first one and where, and what to do next. The file is
 * named by its base name: the unit does not know the office's folders. A file the office's copy
 * cannot be read from gets an instruction for the office instead.
 */

export function instructionFor(f: InvalidFile, lang: Lang): string {
  const name = basename(f.file);
  // The command as the unit would type it: quoted where the name needs it, never taken for an option.
  const command = fileArgument(name);
  const first = f.errors[0];
  const problem = first ? `${where(first, lang)}${first.message[lang]}` : translate(lang, `reason.${f.status === 'unreadable' ? 'unreadable' : 'invalid'}`);
  // An error in another file than the answers is in the office's own review kept beside them:
  // the office corrects it, the unit has nothing to resend.
  if (first && first.file !== f.file) {
    const review = basename(first.file);
    return translate(lang, 'why.instruction.review', { file: name, review, reviewCommand: fileArgument(review), problem });
  }
  // A file the office's own copy cannot be read from (a dangling link, no permission, a FIFO): nothing for the unit to do.
  if (f.status === 'unreadable' && first && OFFICE_SIDE.has(first.code)) return translate(lang, 'why.instruction.office', { file: name, problem });
  // Answers to a checklist the batch was not given (the office left out --checklist): for the office too.
  if (first?.code === 'UNKNOWN_CHECKLIST') return translate(lang, 'why.instruction.checklist', { file: name, problem });
  const key = f.status === 'unreadable' ? 'why.instruction.unreadable' : f.errorCount > 1 ? 'why.instruction.many' : 'why.instruction.one';
  return translate(lang, key, { file: name, command, count: f.errorCount, problem });
}

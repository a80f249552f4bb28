// Who fills in a self-check and for which period: asked at the start of `run`, each answer skippable.
import { translate } from '../i18n/translate.js';
import type { Answers } from '../model/answers.js';
import type { Lang } from '../i18n/lang.js';
import type { Prompter } from './prompter.js';

/** The fields of an answer file's header that `run` asks for. */
export type AnswerHeader = Pick<Answers, 'assessor' | 'period'>;

/** Whether the header still lacks the assessor's name or contact or the assessment period. */
export function isHeaderIncomplete(header: AnswerHeader): boolean {
  return !header.assessor?.name || !header.assessor.contact || !header.period;
}

/**
 * Asks the assessor's name, role and contact and the assessment period, one after the other. An
 * empty answer skips a question; what `current` holds is offered as the default (Enter keeps it),
 * so a resumed file is completed rather than typed again. Returns the header to save.
 */
export async function askHeader(prompter: Prompter, lang: Lang, current: AnswerHeader = {}): Promise<AnswerHeader> {
  const prefilled = current.assessor !== undefined || current.period !== undefined;
  const ask = async (key: 'assessorName' | 'assessorRole' | 'assessorContact' | 'period', value: string | undefined): Promise<string | undefined> => {
    const message = translate(lang, `run.ask.${key}`) + translate(lang, prefilled ? 'run.ask.keep' : 'run.ask.skip');
    const answer = (await prompter.input({ message, ...(value ? { default: value } : {}) })).trim();
    return answer === '' ? undefined : answer;
  };
  const name = await ask('assessorName', current.assessor?.name);
  const role = await ask('assessorRole', current.assessor?.role);
  const contact = await ask('assessorContact', current.assessor?.contact);
  const period = await ask('period', current.period);
  const assessor = { ...(name ? { name } : {}), ...(role ? { role } : {}), ...(contact ? { contact } : {}) };
  return { ...(Object.keys(assessor).length > 0 ? { assessor } : {}), ...(period ? { period } : {}) };
}

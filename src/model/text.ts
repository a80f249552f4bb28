// Localised text as written in YAML files, and how to pick one language from it.

import type { Lang } from '../i18n/lang.js';

/** A text field: a plain string (Chinese) or a map of locale to string with `zh` required. */
export type Text = string | ({ zh: string } & Record<string, string>);

/** Picks the text in `lang`, falling back to Chinese (every text field has Chinese). */
export function pickText(text: Text | undefined, lang: Lang): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[lang] ?? text.zh;
}

/**
 * Whether an item's text already says it is a veto item (the built-in checklist's texts end with
 * "（一票否决）" / "(veto)"): then a veto tag beside it would say it twice.
 */
export function mentionsVeto(text: string): boolean {
  return /一票否决|\(veto\)/i.test(text);
}

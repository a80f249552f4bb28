// Choosing the user's language and filling message templates.

/** The languages the tool speaks. Chinese is the default and always present. */
export type Lang = 'zh' | 'en';

/** A message in every language the tool speaks. */
export type Localized = Record<Lang, string>;

/**
 * The language to speak when `--lang` is not given: `LC_ALL`, then `LC_MESSAGES`, then `LANG`;
 * English only when one of them asks for it, Chinese otherwise (the tool's first audience).
 */
export function detectLang(env: NodeJS.ProcessEnv): Lang {
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en/i.test(value) ? 'en' : 'zh';
}

/** Whether a string is a supported language code. */
export function isLang(value: unknown): value is Lang {
  return value === 'zh' || value === 'en';
}

/**
 * Replaces `{name}` placeholders with the given parameters (missing ones are left as is), and
 * `{name|one|other}` with `one` when the parameter is 1, else `other` (English plurals:
 * `{count} {count|item is|items are} unanswered`).
 */
export function fill(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g, (whole, name: string, one?: string, other?: string) => {
    if (!(name in params)) return whole;
    if (one === undefined) return String(params[name]);
    return Number(params[name]) === 1 ? one : other!;
  });
}

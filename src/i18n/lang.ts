// Choosing the user's language and filling message templates.

/** The languages the tool speaks. Chinese is the default and always present. */
export type Lang = 'zh' | 'en';

/** A message in every language the tool speaks. */
export type Localized = Record<Lang, string>;

/**
 * The language to speak when `--lang` is not given: the first of `LC_ALL`, `LC_MESSAGES` and
 * `LANG` that names a language; English when it is English, Chinese otherwise (the tool's first
 * audience). `C` and `POSIX` name none (CI images set `LC_ALL=C` for sorting): the next one decides.
 */
export function detectLang(env: NodeJS.ProcessEnv): Lang {
  for (const value of [env.LC_ALL, env.LC_MESSAGES, env.LANG]) {
    if (!value || /^(C|POSIX)([._@]|$)/i.test(value)) continue;
    return /^en/i.test(value) ? 'en' : 'zh';
  }
  return 'zh';
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
  let parts = TEMPLATES.get(template);
  if (parts === undefined) {
    parts = splitTemplate(template);
    TEMPLATES.set(template, parts);
  }
  // Most texts have no placeholder: the template itself.
  if (parts.length === 1 && typeof parts[0] === 'string') return parts[0];
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') out += part;
    else if (!(part.name in params)) out += part.whole;
    else if (part.one === undefined) out += String(params[part.name]);
    else out += Number(params[part.name]) === 1 ? part.one : part.other;
  }
  return out;
}

/** A placeholder of a template: `{name}`, or `{name|one|other}` with its two texts. */
interface Placeholder {
  whole: string;
  name: string;
  one?: string;
  other?: string;
}

const PLACEHOLDER = /\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g;

/**
 * The templates filled so far, split at their placeholders: a batch fills the same few messages
 * for thousands of units, and matching the pattern each time cost more than the rest of the filling.
 * The messages of the catalogues are few, so this stays small.
 */
const TEMPLATES = new Map<string, (string | Placeholder)[]>();

function splitTemplate(template: string): (string | Placeholder)[] {
  const parts: (string | Placeholder)[] = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    if (m.index > last) parts.push(template.slice(last, m.index));
    parts.push({ whole: m[0], name: m[1], ...(m[2] !== undefined ? { one: m[2], other: m[3] } : {}) });
    last = m.index + m[0].length;
  }
  if (last < template.length || parts.length === 0) parts.push(template.slice(last));
  return parts;
}

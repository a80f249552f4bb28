// The one translate function: a key of any catalogue, in the user's language, with its placeholders filled.
import type { Catalogue } from './catalog.js';
import { CLI_MESSAGES } from './cli/index.js';
import { DIAGNOSTIC_MESSAGES } from './diagnostics/index.js';
import { fill, type Lang, type Localized } from './lang.js';
import { REPORT_MESSAGES } from './report/index.js';

/** A key of one of the catalogues (diagnostics, report, command line); keys are unique across them. */
export type MessageKey = keyof typeof DIAGNOSTIC_MESSAGES | keyof typeof REPORT_MESSAGES | keyof typeof CLI_MESSAGES;

// The catalogues are looked up in turn rather than spread into one object: copying their thousands
// of keys cost every command a good part of its start-up. Keys are unique across them (a test checks).
const DIAGNOSTICS: Catalogue = DIAGNOSTIC_MESSAGES;
const REPORT: Catalogue = REPORT_MESSAGES;
const CLI: Catalogue = CLI_MESSAGES;

/** The message `key` in `lang`, with `{name}` placeholders filled from `params` (missing ones left as is). */
export function translate(lang: Lang, key: MessageKey, params?: Record<string, unknown>): string {
  return fill((DIAGNOSTICS[key] ?? REPORT[key] ?? CLI[key])[lang], params);
}

/**
 * The message `key` in every language, for text carried as data (a diagnostic's parameter, a
 * default label). A parameter that is itself {@link Localized} fills each language with its own text.
 */
export function localized(key: MessageKey, params: Record<string, unknown> = {}): Localized {
  return { zh: translate('zh', key, inLang(params, 'zh')), en: translate('en', key, inLang(params, 'en')) };
}

function inLang(params: Record<string, unknown>, lang: Lang): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params)) out[name] = value !== null && typeof value === 'object' && lang in value ? (value as Localized)[lang] : value;
  return out;
}

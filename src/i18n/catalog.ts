// Message catalogues: each part of the tool defines its own, all registered for the completeness test.
import { fill, type Lang, type Localized } from './lang.js';

/** Every catalogue defined so far, by name (tests check that each key has zh and en). */
export const CATALOGUES = new Map<string, Record<string, Localized>>();

/** A translate function bound to one catalogue. */
export type Translate<K extends string> = (lang: Lang, key: K, params?: Record<string, unknown>) => string;

/**
 * Defines a catalogue of messages in both languages and returns its translate function.
 * `{name}` placeholders are filled from the parameters.
 */
export function defineMessages<C extends Record<string, Localized>>(name: string, catalogue: C): Translate<Extract<keyof C, string>> {
  CATALOGUES.set(name, catalogue);
  return (lang, key, params) => fill(catalogue[key][lang], params);
}

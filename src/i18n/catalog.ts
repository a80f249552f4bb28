// Message catalogues: one per concern (diagnostics, report wording, command line), each merged from small parts.
import type { Localized } from './lang.js';

/** A catalogue of messages: every key has the text in each language, with `{name}` placeholders. */
export type Catalogue = Readonly<Record<string, Localized>>;

/** Every concern's catalogue, by concern (tests check each string in both languages). */
export const CATALOGUES = new Map<string, Catalogue>();

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/**
 * Merges the parts of one concern's catalogue into one and registers it. A key may appear in one
 * part only: a second definition would silently win, so it throws (at start-up, caught by every test).
 */
export function mergeCatalogues<P extends Record<string, Catalogue>>(concern: string, parts: P): UnionToIntersection<P[keyof P]> {
  // Object.create(null) starts in V8's dictionary mode: a plain {} would take a new hidden class
  // for each of the thousand-odd keys added one by one, a measurable part of every command's start-up.
  const merged: Record<string, Localized> = Object.create(null);
  const from = new Map<string, string>();
  for (const part in parts) {
    const catalogue = parts[part];
    for (const key in catalogue) {
      const first = from.get(key);
      if (first !== undefined) throw new Error(`message "${key}" is defined twice in the ${concern} catalogue (${first} and ${part})`);
      from.set(key, part);
      merged[key] = catalogue[key];
    }
  }
  CATALOGUES.set(concern, merged);
  return merged as UnionToIntersection<P[keyof P]>;
}

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
  const merged: Record<string, Localized> = {};
  const from: Record<string, string> = {};
  for (const [part, catalogue] of Object.entries(parts)) {
    for (const [key, message] of Object.entries(catalogue)) {
      if (key in from) throw new Error(`message "${key}" is defined twice in the ${concern} catalogue (${from[key]} and ${part})`);
      from[key] = part;
      merged[key] = message;
    }
  }
  CATALOGUES.set(concern, merged);
  return merged as UnionToIntersection<P[keyof P]>;
}

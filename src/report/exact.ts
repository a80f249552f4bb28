// Remembers the unrounded numbers behind a report's rounded fields, so Markdown/HTML round once, from the real value.
//
// The JSON report holds numbers rounded to 2 decimals; rounding those again to 1 decimal would be
// double rounding (16.949 → 16.95 → 17.0 instead of 16.9). buildReport records the exact values
// here, keyed by the report's own objects, without adding fields to the JSON; a report read back
// from a file has none and its 2-decimal values are used.

const EXACT = new WeakMap<object, Record<string, number | null>>();

/** Records the unrounded values of some of `target`'s (rounded) number fields. */
export function rememberExact(target: object, values: Record<string, number | null>): void {
  EXACT.set(target, values);
}

/** The unrounded value of `target[key]` when it was recorded, else the field's own value. */
export function exactValue(target: object, key: string): number {
  const recorded = EXACT.get(target)?.[key];
  if (typeof recorded === 'number') return recorded;
  return (target as Record<string, unknown>)[key] as number;
}

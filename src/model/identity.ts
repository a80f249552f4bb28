// Which units are the same and which text is empty: NFC, zero-width and bidi controls removed, spaces trimmed.
import { INVISIBLE_CLASS } from '../util/safe-text.js';

const INVISIBLE = new RegExp(`[${INVISIBLE_CLASS}]`, 'g');

/**
 * A unit name as it is compared: Unicode NFC (so `Café` typed either way is one name), without
 * invisible characters (`某某\u200b镇党委` is `某某镇党委`), spaces trimmed at both ends.
 */
export function unitIdentity(name: string): string {
  return name.normalize('NFC').replace(INVISIBLE, '').trim();
}

/**
 * The key a unit is known by: its type and its {@link unitIdentity}. The one key for telling
 * submissions of the same unit apart (duplicates) and for matching a unit to an earlier round
 * (the baseline).
 */
export function unitKey(name: string, type: string): string {
  return `${type}\u0000${unitIdentity(name)}`;
}

/** Whether text says nothing: absent, or only spaces and invisible characters (a `na` note of `\u200b` is no note). */
export function isBlankText(text: string | undefined): boolean {
  return text === undefined || text.replace(INVISIBLE, '').trim() === '';
}

/**
 * Which of one unit's copies counts (`copies` in path order): the one with the latest `date`;
 * without dates, or on the same date, the last in path order. A copy without a date is older
 * than any dated one. The one rule for a batch's duplicates, its baseline and the ledger.
 */
export function latestCopy<T>(copies: readonly T[], dateOf: (copy: T) => string | undefined): T {
  let kept = copies[0];
  for (const copy of copies.slice(1)) {
    // Dates are YYYY-MM-DD (the schema's `date` format): compared as text they compare as dates.
    if ((dateOf(copy) ?? '') >= (dateOf(kept) ?? '')) kept = copy;
  }
  return kept;
}

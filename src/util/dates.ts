// Calendar days for rectification: the day a report is made for (--as-of), and days between two dates.

/** A calendar date written `YYYY-MM-DD`. */
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number (days since 1970-01-01) of a real `YYYY-MM-DD` date, or undefined for anything else. */
export function dayNumber(date: string): number | undefined {
  const m = DAY.exec(date);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC rolls 2026-02-30 over into March: a date that does not round-trip does not exist.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return ms / 86_400_000;
}

/** Whether `date` is a real calendar date written `YYYY-MM-DD`. */
export function isDay(date: string): boolean {
  return dayNumber(date) !== undefined;
}

/** Days from `from` to `to` (positive when `to` is later); both must be valid dates. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to)! - dayNumber(from)!;
}

/** `YYYY-MM-DD` of a Date in local time (a county office's "today" is its own calendar's). */
function localDay(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The day reports are made for when `--as-of` is not given: the UTC day of `SOURCE_DATE_EPOCH`
 * when it is set (reproducible builds and CI: the same output whatever the time zone), else today
 * in local time.
 */
export function defaultAsOf(env: NodeJS.ProcessEnv, now: Date = new Date()): string {
  const epoch = readSourceDateEpoch(env);
  return epoch ? epoch.toISOString().slice(0, 10) : localDay(now);
}

/**
 * The moment `SOURCE_DATE_EPOCH` names: whole seconds since 1970 (as reproducible builds set it);
 * undefined when it is unset or empty, null when it is set to anything else (a word, a fraction, a
 * time beyond what a date can hold). The command line refuses the null case before any command runs.
 */
export function readSourceDateEpoch(env: NodeJS.ProcessEnv): Date | null | undefined {
  const text = env.SOURCE_DATE_EPOCH?.trim();
  if (text === undefined || text === '') return undefined;
  if (!/^\d{1,15}$/.test(text)) return null;
  const date = new Date(Number(text) * 1000);
  return Number.isNaN(date.getTime()) ? null : date;
}

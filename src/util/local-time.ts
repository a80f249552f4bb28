// Times for people: local time as YYYY-MM-DD HH:mm with the zone, instead of a UTC ISO instant.

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * `2026-01-01 08:00 UTC+08:00` (or `… UTC` where local time is UTC) for an instant given as a Date
 * or an ISO string, in the zone of this process (`TZ`). Text that is not a time is returned as it is.
 */
export function formatLocalTime(at: Date | string): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) return String(at);
  const offset = -date.getTimezoneOffset();
  const zone = offset === 0 ? 'UTC' : `UTC${offset > 0 ? '+' : '-'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())} ${zone}`;
}

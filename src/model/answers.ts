// Typed answer file, as defined in docs/formats.md §3 (after schema validation).
import { translate } from '../i18n/translate.js';

/** An answer status: 符合 / 部分符合 / 不符合 / 不适用. */
export type Status = 'pass' | 'partial' | 'fail' | 'na';

/** Every status in display order. */
export const STATUSES: readonly Status[] = ['pass', 'partial', 'fail', 'na'];

/** A piece of evidence: a path or URL, or a path with its recorded SHA-256. */
export type Evidence = string | { path: string; sha256: string };

/** The path of a piece of evidence, given as a path alone or with its hash. */
export function evidencePath(e: Evidence): string {
  return typeof e === 'string' ? e : e.path;
}

/** Where a rectification task stands: 未开始 / 整改中 / 已完成. */
export type RectifyStatus = 'open' | 'in-progress' | 'done';

/** Every rectification status in display order. */
export const RECTIFY_STATUSES: readonly RectifyStatus[] = ['open', 'in-progress', 'done'];

/**
 * A rectification task (整改) for an item that falls short: what will be done, by whom and by
 * when, and once done, when and with what evidence. Dates are `YYYY-MM-DD`.
 */
export interface Rectify {
  measures: string;
  owner: string;
  due: string;
  status: RectifyStatus;
  doneOn?: string;
  evidence?: Evidence[];
}

/** One answer; which fields are used depends on the item's kind. */
export interface Answer {
  status?: Status;
  value?: number;
  deductions?: Record<string, number>;
  note?: string;
  evidence?: Evidence[];
  rectify?: Rectify;
}

/** Whether a unit name is still `init`'s placeholder, in either language. */
export function isPlaceholderUnitName(name: string): boolean {
  const trimmed = name.trim();
  return trimmed === translate('zh', 'init.placeholderUnit') || trimmed === translate('en', 'init.placeholderUnit');
}

/** The unit that answered. */
export interface Unit {
  name: string;
  type: string;
  code?: string;
}

/** A whole answer file. */
export interface Answers {
  schemaVersion: 1;
  checklist: { id: string; version: string };
  unit: Unit;
  assessor?: { name?: string; role?: string; contact?: string };
  period?: string;
  /** The date the answers were completed or submitted (YYYY-MM-DD): among a unit's submissions the latest counts. */
  date?: string;
  answers: Record<string, Answer>;
}

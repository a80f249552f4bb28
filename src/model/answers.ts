// Typed answer file, as defined in docs/formats.md §3 (after schema validation).
import { UNIT_NAME_PLACEHOLDER } from '../i18n/init-messages.js';

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

/** One answer; which fields are used depends on the item's kind. */
export interface Answer {
  status?: Status;
  value?: number;
  deductions?: Record<string, number>;
  note?: string;
  evidence?: Evidence[];
}

/** Whether a unit name is still `init`'s placeholder, in either language. */
export function isPlaceholderUnitName(name: string): boolean {
  const trimmed = name.trim();
  return trimmed === UNIT_NAME_PLACEHOLDER.zh || trimmed === UNIT_NAME_PLACEHOLDER.en;
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
  answers: Record<string, Answer>;
}

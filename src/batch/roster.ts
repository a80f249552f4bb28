// The roster of units expected to submit (`batch --roster`): read, checked with located errors, and compared with the submissions.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { loadYamlFile } from '../load/load-yaml-file.js';
import { unitKey } from '../model/identity.js';
import type { Roster } from '../model/roster.js';
import { validateRoster } from '../validate/roster.js';
import type { BatchSummary, RosterCheck } from '../model/batch.js';

export type { Roster, RosterUnit } from '../model/roster.js';

/** A roster read from a file, or the located reasons it could not be used. */
export interface LoadedRoster {
  roster?: Roster;
  /** Errors (the roster is then unusable) and warnings, each located. */
  diagnostics: Diagnostic[];
  /** The file's text, for code frames. */
  source?: string;
}

/** Reads and checks a roster (see {@link validateRoster}): strict YAML, its schema, then its rules. */
export async function loadRoster(file: string, unitTypes?: readonly string[]): Promise<LoadedRoster> {
  const loaded = await loadYamlFile(file);
  if (!loaded.ok) return { diagnostics: [loaded.diagnostic] };
  return { ...validateRoster(loaded.parsed, unitTypes), source: loaded.parsed.source };
}

/**
 * Compares the roster with the counted units of a summary (a superseded copy is not one). Names
 * are matched as duplicates are (Unicode NFC, invisible characters removed, spaces trimmed).
 */
export function checkRoster(roster: Roster, file: string, summary: Pick<BatchSummary, 'ranking' | 'files' | 'byType'>): RosterCheck {
  const labels = new Map(summary.byType.map((t) => [t.type, t.label || t.type]));
  const submitted = new Set<string>();
  const onRoster = new Set(roster.units.map((u) => unitKey(u.name, u.type)));
  const notOnRoster: RosterCheck['notOnRoster'] = [];
  for (const r of summary.ranking) {
    const f = summary.files[r.index];
    const u = f.summary!.unit;
    const key = unitKey(u.name, u.type);
    submitted.add(key);
    if (!onRoster.has(key)) notOnRoster.push({ name: u.name, type: u.type, typeLabel: u.typeLabel || u.type, file: f.file });
  }
  const missing = roster.units
    .filter((u) => !submitted.has(unitKey(u.name, u.type)))
    .map((u) => ({ name: u.name, type: u.type, typeLabel: labels.get(u.type) ?? u.type }));
  return { file, expected: roster.units.length, submitted: roster.units.length - missing.length, missing, notOnRoster };
}

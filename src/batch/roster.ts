// The roster of units expected to submit (`batch --roster`): read, checked with located errors, and compared with the submissions.
import { localized } from '../i18n/translate.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { createDiagnostic } from '../diagnostics/diagnostic.js';
import { loadYamlFile } from '../load/load-yaml-file.js';
import { unitKey } from '../model/identity.js';
import { checkSchema } from '../validate/validate.js';
import type { BatchSummary, RosterCheck } from '../model/batch.js';

/** One unit expected to submit. */
export interface RosterUnit {
  name: string;
  type: string;
  code?: string;
}

/** A roster file (schemas/roster.schema.json). */
export interface Roster {
  schemaVersion: 1;
  title?: string;
  units: RosterUnit[];
}

/** A roster read from a file, or the located reasons it could not be used. */
export interface LoadedRoster {
  roster?: Roster;
  /** Errors (the roster is then unusable) and warnings, each located. */
  diagnostics: Diagnostic[];
  /** The file's text, for code frames. */
  source?: string;
}

/**
 * Reads and checks a roster: strict YAML, the roster schema, then its rules — a unit listed twice
 * (same name and type, compared as submissions are) is an error, and so is a unit type that none
 * of `unitTypes` names (when they are known), since such a unit could never be found.
 */
export async function loadRoster(file: string, unitTypes?: readonly string[]): Promise<LoadedRoster> {
  const loaded = await loadYamlFile(file);
  if (!loaded.ok) return { diagnostics: [loaded.diagnostic] };
  const parsed = loaded.parsed;
  const diagnostics = [...parsed.diagnostics];
  if (parsed.value === undefined || diagnostics.some((d) => d.severity === 'error')) return { diagnostics, source: parsed.source };
  const schema = checkSchema('roster', parsed);
  if (schema.length > 0) return { diagnostics: [...diagnostics, ...schema], source: parsed.source };
  const roster = parsed.value as Roster;
  const at = (path: (string | number)[]): { line?: number; column?: number; pointer: string } => {
    const span = parsed.locate?.(path);
    return { ...(span ? { line: span.line, column: span.column } : {}), pointer: '/' + path.join('/') };
  };
  const seen = new Map<string, number>();
  roster.units.forEach((u, i) => {
    const key = unitKey(u.name, u.type);
    const first = seen.get(key);
    if (first !== undefined) {
      diagnostics.push(
        createDiagnostic('DUPLICATE_ID', file, { what: localized('diag.what.rosterUnit'), id: `${u.name} (${u.type})`, firstLine: at(['units', first]).line ?? '?' }, at(['units', i, 'name'])),
      );
    } else seen.set(key, i);
    if (unitTypes && !unitTypes.includes(u.type)) {
      diagnostics.push(createDiagnostic('UNKNOWN_UNIT_TYPE', file, { type: u.type, known: unitTypes.join(', ') }, at(['units', i, 'type'])));
    }
  });
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics, source: parsed.source };
  return { roster, diagnostics, source: parsed.source };
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

// Checks a parsed roster: its schema, then its rules (no unit listed twice; unit types that exist).
import { localized } from '../i18n/translate.js';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ParsedYaml } from '../load/yaml-parser.js';
import { unitKey } from '../model/identity.js';
import type { Roster } from '../model/roster.js';
import { checkSchema } from './validate.js';

/**
 * Checks a roster parsed with positions: the roster schema, then its rules — a unit listed twice
 * (same name and type, compared as submissions are) is an error, and so is a unit type that none
 * of `unitTypes` names (when they are known), since such a unit could never be found. Returns the
 * roster when it has no error, with every diagnostic (the parse's too).
 */
export function validateRoster(parsed: ParsedYaml, unitTypes?: readonly string[]): { roster?: Roster; diagnostics: Diagnostic[] } {
  const diagnostics = [...parsed.diagnostics];
  if (parsed.value === undefined || diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  const schema = checkSchema('roster', parsed);
  if (schema.length > 0) return { diagnostics: [...diagnostics, ...schema] };
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
        createDiagnostic('DUPLICATE_ID', parsed.file, { what: localized('diag.what.rosterUnit'), id: `${u.name} (${u.type})`, firstLine: at(['units', first]).line ?? '?' }, at(['units', i, 'name'])),
      );
    } else seen.set(key, i);
    if (unitTypes && !unitTypes.includes(u.type)) {
      diagnostics.push(createDiagnostic('UNKNOWN_UNIT_TYPE', parsed.file, { type: u.type, known: unitTypes.join(', ') }, at(['units', i, 'type'])));
    }
  });
  return diagnostics.some((d) => d.severity === 'error') ? { diagnostics } : { roster, diagnostics };
}

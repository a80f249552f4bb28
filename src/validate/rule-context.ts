// What a semantic rule gets: the value, a way to locate paths in the file, and a place to report.
import { createDiagnostic, type Diagnostic, type Severity } from '../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import { joinPointer } from '../load/locate.js';
import type { ParsedYaml } from '../load/parse-yaml.js';

/** A path into a document: property names and array indexes. */
export type Path = readonly (string | number)[];

/** Collects diagnostics for one file, located through its parsed YAML. */
export class RuleContext {
  readonly diagnostics: Diagnostic[] = [];
  constructor(readonly parsed: ParsedYaml) {}

  /** Reports `code` at `path` (on the key with `onKey`). */
  report(
    code: DiagnosticCode,
    path: Path,
    params: Record<string, unknown> = {},
    options: { onKey?: boolean; severity?: Severity } = {},
  ): void {
    const span = this.parsed.locate?.(path, { key: options.onKey });
    this.diagnostics.push(
      createDiagnostic(code, this.parsed.file, params, { ...span, pointer: joinPointer(path) }, options.severity ?? 'error'),
    );
  }

  /** The 1-based line of `path`, for messages such as "first on line N". */
  lineOf(path: Path): number | undefined {
    return this.parsed.locate?.(path)?.line;
  }
}

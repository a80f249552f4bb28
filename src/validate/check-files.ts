// Checks several files together: checklists among them serve the answer files that name their id.
import type { LoadedChecklist } from '../load/resolve-checklist.js';
import { loadYamlFile } from '../load/load-yaml-file.js';
import { checkParsed, unreadableCheck, type FileCheck } from './check-file.js';
import { detectKind } from './validate.js';
import { loadChecklist } from '../load/resolve-checklist.js';

/** Results in the order given, plus the sources of every parsed file (for code frames). */
export interface FilesCheck {
  checks: FileCheck[];
  sources: Map<string, string>;
}

/** Checks `files`; answer files find their checklist by `ref`, among the files given, or built in. */
export async function checkFiles(files: readonly string[], options: { ref?: string } = {}): Promise<FilesCheck> {
  const loaded = await Promise.all(files.map((f) => loadYamlFile(f)));
  const sources = new Map<string, string>();
  const known = new Map<string, LoadedChecklist>();
  const checks: FileCheck[] = new Array(files.length);
  // Checklists first, so answer files given alongside can use them.
  for (let i = 0; i < files.length; i++) {
    const l = loaded[i];
    if (!l.ok) {
      checks[i] = unreadableCheck(files[i], l.diagnostic);
      continue;
    }
    sources.set(l.parsed.file, l.parsed.source);
    if (detectKind(l.parsed.value) === 'checklist') {
      checks[i] = await checkParsed(l.parsed);
      const id = checks[i].checklist?.id;
      if (id && !known.has(id)) known.set(id, { file: files[i], checklist: checks[i].checklist, parsed: l.parsed, diagnostics: [] });
    }
  }
  for (let i = 0; i < files.length; i++) {
    const l = loaded[i];
    if (checks[i] || !l.ok) continue;
    checks[i] = await checkParsed(l.parsed, { ref: options.ref, known });
    if (checks[i].checklistFile && !sources.has(checks[i].checklistFile!)) {
      const c = await loadChecklist(checks[i].checklistFile!);
      if (c.parsed) sources.set(c.file, c.parsed.source);
    }
  }
  return { checks, sources };
}

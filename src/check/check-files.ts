// Checks several files together: checklists among them serve the answer files that name their id; a review is checked with its answer file.
import { resolve } from 'node:path';
import type { LoadedChecklist } from '../checklist/load-checklist.js';
import { isPathRef } from '../checklist/resolve-checklist.js';
import { loadChecklist } from '../checklist/load-checklist.js';
import { readText, readTextStream } from '../load/read-text.js';
import { parseYaml, withPositions, type ParsedYaml } from '../load/parse-yaml.js';
import { checkParsed, checkQuickParse, checkReviewDocument, checkWorkbook, unreadableCheck, type FileCheck } from './check-file.js';
import { detectKind } from '../validate/validate.js';
import { isWorkbookPath } from '../workbook/layout.js';

/** Stands in for the text of an answer workbook, which is not read as text. */
const WORKBOOK = { ok: true, text: '' } as const;

/** Results in the order given, plus the sources of every read file (for code frames). */
export interface FilesCheck {
  checks: FileCheck[];
  sources: Map<string, string>;
}

/**
 * Checks `files` (names as the user gave them, read relative to `cwd`; `-` is `stdin`); answer files find their
 * checklist by `ref`, among the checklists given, or built in. Answer files go through the same
 * fast path as `score` and `batch` (see checkText); checklists always get the positioned parse.
 */
export async function checkFiles(files: readonly string[], options: { ref?: string; cwd?: string; stdin?: NodeJS.ReadableStream } = {}): Promise<FilesCheck> {
  const cwd = options.cwd ?? process.cwd();
  // `-` is standard input (read once, however often it is named), with the same checks as a file.
  const stdin = files.includes('-') && options.stdin ? readTextStream(options.stdin) : undefined;
  // Answer workbooks are read on their own (below); a placeholder read keeps the positions.
  const reads = await Promise.all(files.map((f) => (f === '-' && stdin ? stdin : isWorkbookPath(f) ? WORKBOOK : readText(resolve(cwd, f)))));
  const sources = new Map<string, string>();
  const known = new Map<string, LoadedChecklist>();
  const checks: FileCheck[] = new Array(files.length);
  // Each text is parsed once, without positions where the tiny reader can; again with them only where needed.
  const parses: ParsedYaml[] = new Array(files.length);
  // Checklists first, so answer files given alongside can use them.
  for (let i = 0; i < files.length; i++) {
    const read = reads[i];
    if (read === WORKBOOK) continue;
    if (!read.ok) {
      checks[i] = unreadableCheck(files[i], { ...read.diagnostic, file: files[i] });
      continue;
    }
    sources.set(files[i], read.text);
    const quick = parseYaml(read.text, files[i], { positions: false });
    parses[i] = quick;
    if (detectKind(quick.value) === 'checklist') {
      checks[i] = await checkParsed(withPositions(quick));
      const checklist = checks[i].checklist;
      if (checklist) {
        // By id and version first: two versions of one checklist may be given together.
        const loaded = { file: files[i], checklist, diagnostics: [] };
        for (const key of [`${checklist.id}@${checklist.version}`, checklist.id]) if (!known.has(key)) known.set(key, loaded);
      }
    }
  }
  const ref = options.ref !== undefined && isPathRef(options.ref) ? resolve(cwd, options.ref) : options.ref;
  for (let i = 0; i < files.length; i++) {
    const read = reads[i];
    if (read === WORKBOOK) checks[i] = await checkWorkbook(resolve(cwd, files[i]), files[i], { ref, known });
    if (checks[i] || !read.ok) continue;
    if (files[i] !== '-' && detectKind(parses[i].value) === 'review') {
      checks[i] = await checkReviewDocument(withPositions(parses[i]), resolve(cwd, files[i]), { ref, known });
      continue;
    }
    checks[i] = await checkQuickParse(parses[i], { ref, known });
    const checklistFile = checks[i].checklistFile;
    if (checklistFile && !sources.has(checklistFile)) {
      const c = await loadChecklist(checklistFile);
      if (c.parsed) sources.set(c.file, c.parsed.source);
    }
  }
  return { checks, sources };
}

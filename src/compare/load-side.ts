// Reads one side of a comparison: a JSON report (checked against the report schema) or an answer file (validated and scored).
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { readText } from '../load/read-text.js';
import { isWorkbookPath } from '../workbook/layout.js';
import { showPath } from '../fs/path-text.js';
import type { Report } from '../model/report.js';
import type { Lang } from '../i18n/lang.js';
import { parseYaml } from '../load/parse-yaml.js';
import { checkSchema, splitSeverity } from '../validate/validate.js';
import { checkText, type FileCheck } from '../check/check-file.js';
import { scoreAndBuild } from '../report/produce.js';
import type { ReviewSource } from '../report/review-report.js';
import { answersChecklistFile } from '../checklist/resolve-checklist.js';
import { loadChecklist } from '../checklist/load-checklist.js';
import { gradesOf, listItems } from '../model/checklist.js';
import { pickText } from '../model/text.js';

/** A loaded side, or the diagnostics that stop it. */
export type LoadedSide =
  | { ok: true; kind: 'answers' | 'report'; report: Report; warnings: Diagnostic[]; source: string }
  | { ok: false; unreadable: boolean; errors: Diagnostic[]; warnings: Diagnostic[]; source?: string };

/**
 * Whether a parsed value is a JSON report rather than an answer file: reports have
 * `schemaVersion`, an `items` list and a numeric `score`; answer files have none of the last two.
 */
export function looksLikeReport(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return 'schemaVersion' in v && Array.isArray(v.items) && typeof v.score === 'number';
}

/** JSON.parse that says "no" instead of throwing. */
function tryJson(text: string): unknown {
  if (!/^\s*\{/.test(text)) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** How a side is loaded: `findReview` gives the office's review of a valid answer file, when it has one. */
export interface SideOptions {
  ref?: string;
  lang: Lang;
  generatedAt?: string;
  findReview?: (check: FileCheck) => Promise<ReviewSource | undefined>;
}

/**
 * Loads `path` (already absolute or relative to the process; bytes for a name that is not UTF-8) with readText's size and encoding
 * checks. A JSON report is checked against `schemas/report.schema.json`, with positions; anything
 * else is validated as an answer file against its checklist (`ref` when given) and scored — on its
 * verified answers when the office has reviewed it, as a batch scores it —, the report's texts in `lang`.
 */
export async function loadSide(path: string | Buffer, options: SideOptions): Promise<LoadedSide> {
  const file = showPath(path);
  if (isWorkbookPath(file)) {
    // An answer workbook: read to its cells, then checked and scored like an answer file.
    const { checkWorkbook } = await import('../check/check-file.js');
    const check = await checkWorkbook(path, file, { ref: options.ref });
    if (check.unreadable && !check.checklistFile) return { ok: false, unreadable: true, errors: check.errors, warnings: [] };
    return scoreSide(check, options, '');
  }
  const read = await readText(path);
  if (!read.ok) return { ok: false, unreadable: true, errors: [read.diagnostic], warnings: [] };
  const json = tryJson(read.text);
  if (json !== undefined && looksLikeReport(json)) {
    // JSON is YAML: the positioned parse gives every schema error its line:col.
    const parsed = parseYaml(read.text, file);
    const found = splitSeverity([...parsed.diagnostics, ...checkSchema('report', parsed)]);
    if (found.errors.length > 0) return { ok: false, unreadable: false, ...found, source: read.text };
    return { ok: true, kind: 'report', report: await inLanguage(json as Report, options), warnings: found.warnings, source: read.text };
  }
  return scoreSide(await checkText(read.text, file, { ref: options.ref }, 'answers'), options, read.text);
}

/**
 * A report written in another language than the comparison's, with the checklist's words (its
 * title, the unit type, the grade, the areas' titles, the items' texts) in the comparison's
 * language, when its checklist can be found (`--checklist`, or the built-in it names in that
 * version); otherwise as it was written. What the unit wrote is never touched.
 */
async function inLanguage(report: Report, options: { ref?: string; lang: Lang }): Promise<Report> {
  if (report.lang === options.lang) return report;
  const file = answersChecklistFile(options.ref, report.checklist.id, report.checklist.version);
  const checklist = file === undefined ? undefined : (await loadChecklist(file)).checklist;
  if (!checklist || checklist.id !== report.checklist.id || checklist.version !== report.checklist.version) return report;
  const lang = options.lang;
  const texts = new Map(listItems(checklist).map(({ item }) => [item.id, pickText(item.text, lang)]));
  const titles = new Map(checklist.areas.map((a) => [a.id, pickText(a.title, lang)]));
  const type = checklist.unitTypes.find((u) => u.id === report.unit.type);
  const grade = gradesOf(checklist)[report.grade.index];
  return {
    ...report,
    lang,
    checklist: { ...report.checklist, title: pickText(checklist.title, lang) },
    unit: { ...report.unit, typeLabel: type ? pickText(type.label, lang) : report.unit.typeLabel },
    grade: { ...report.grade, label: grade ? pickText(grade.label, lang) : report.grade.label },
    areas: report.areas.map((a) => ({ ...a, title: titles.get(a.id) ?? a.title })),
    items: report.items.map((i) => ({ ...i, text: texts.get(i.id) ?? i.text })),
  };
}

/** The report of a checked answer file, or its errors. */
async function scoreSide(check: FileCheck, options: SideOptions, source: string): Promise<LoadedSide> {
  if (check.errors.length > 0 || !check.checklist || !check.answers) {
    return { ok: false, unreadable: false, errors: check.errors, warnings: check.warnings, source };
  }
  const review = options.findReview ? await options.findReview(check) : undefined;
  const { report } = scoreAndBuild(check.checklist, check.answers, { lang: options.lang, generatedAt: options.generatedAt ?? new Date(0).toISOString(), review });
  return { ok: true, kind: 'answers', report, warnings: check.warnings, source };
}

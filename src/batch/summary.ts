// Builds the batch summary from the per-file outcomes: verdicts, ranking, area table, distributions, duplicates.
import { findingOutcome, judgeFile, type BatchPolicy, type FileOutcome, type BatchSummary, type FileVerdict, type RankedUnit } from '../model/batch.js';
import type { Lang } from '../i18n/lang.js';
import type { Checklist } from '../model/checklist.js';
import { pickText } from '../model/text.js';
import { gradesOf } from '../score/score.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { comparePaths } from '../util/compare-paths.js';
import { unitKey } from '../model/identity.js';

/** Scores are compared at the 2 decimals that reports show, so the ranking matches what people read. */
function cents(score: number): number {
  return Math.round(score * 100);
}

/**
 * Builds the summary. `findings` are problems met while searching folders (unreadable, loops):
 * each counts as an unreadable file. `checklist` (when known) supplies every grade and unit type,
 * so empty rows of the distributions are shown too.
 */
export function summarizeBatch(
  outcomes: readonly FileOutcome[],
  findings: readonly Diagnostic[],
  policy: BatchPolicy,
  options: { generatedAt: string; lang: Lang; checklist?: Checklist },
): BatchSummary {
  const otherFiles: BatchSummary['otherFiles'] = [];
  const submitted: FileOutcome[] = [];
  for (const o of outcomes) {
    if (o.other) otherFiles.push({ file: o.file, ...o.other });
    else submitted.push(o);
  }
  const all: FileOutcome[] = [...submitted, ...findings.map(findingOutcome)].sort((a, b) => comparePaths(a.file, b.file));

  const byUnit = new Map<string, number[]>();
  all.forEach((o, i) => {
    if (!o.summary) return;
    const key = unitKey(o.summary.unit.name, o.summary.unit.type);
    const indexes = byUnit.get(key);
    if (indexes) indexes.push(i);
    else byUnit.set(key, [i]);
  });
  const duplicateIndexes = new Set<number>();
  const duplicates: BatchSummary['duplicates'] = [];
  for (const indexes of byUnit.values()) {
    if (indexes.length < 2) continue;
    indexes.forEach((i) => duplicateIndexes.add(i));
    const unit = all[indexes[0]].summary!.unit;
    duplicates.push({ name: unit.name, type: unit.type, files: indexes.map((i) => all[i].file) });
  }

  const files: FileVerdict[] = all.map((o, i) => {
    const reasons = judgeFile(o, policy);
    const verdict: FileVerdict = {
      file: o.file,
      status: o.status,
      failed: reasons.length > 0,
      reasons,
      summary: o.summary,
      duplicate: duplicateIndexes.has(i),
      errors: o.errors,
      errorCount: o.errorCount,
      warningCount: o.warningCount,
    };
    if (o.evidence?.length) verdict.evidence = o.evidence;
    return verdict;
  });

  // The sort key's score in cents is worked out once per unit, not twice per comparison.
  const valid: { f: FileVerdict; index: number; cents: number }[] = [];
  files.forEach((f, index) => {
    if (f.summary) valid.push({ f, index, cents: cents(f.summary.score) });
  });
  valid.sort(
    (a, b) =>
      b.cents - a.cents ||
      comparePaths(a.f.summary!.unit.name, b.f.summary!.unit.name) ||
      comparePaths(a.f.file, b.f.file),
  );
  const ranking: RankedUnit[] = [];
  valid.forEach((x, position) => {
    // Standard competition ranking: equal scores share a rank (1, 2, 2, 4).
    const previous = ranking[position - 1];
    const same = previous && valid[position - 1].cents === x.cents;
    ranking.push({ rank: same ? previous.rank : position + 1, index: x.index });
  });

  const areas = listAreas(files, options);
  const { byGrade, byType } = distributions(files, options);
  return {
    generatedAt: options.generatedAt,
    policy,
    files,
    counts: { ...countFiles(files), duplicates: duplicates.length, other: otherFiles.length },
    ranking,
    areas,
    byGrade,
    byType,
    duplicates,
    otherFiles,
  };
}

/** The counts of the summary but duplicates, in one pass over the files. */
function countFiles(files: readonly FileVerdict[]): Omit<BatchSummary['counts'], 'duplicates' | 'other'> {
  const counts = { files: files.length, valid: 0, invalid: 0, unreadable: 0, vetoed: 0, incomplete: 0, belowThreshold: 0, failed: 0 };
  for (const f of files) {
    if (f.status === 'valid') counts.valid++;
    else counts.invalid++;
    if (f.status === 'unreadable') counts.unreadable++;
    if (f.reasons.includes('vetoed')) counts.vetoed++;
    if (f.summary !== undefined && !f.summary.complete) counts.incomplete++;
    if (f.reasons.includes('belowThreshold')) counts.belowThreshold++;
    if (f.failed) counts.failed++;
  }
  return counts;
}

function listAreas(files: readonly FileVerdict[], options: { lang: Lang; checklist?: Checklist }): BatchSummary['areas'] {
  const out = new Map<string, string>();
  for (const area of options.checklist?.areas ?? []) out.set(area.id, pickText(area.title, options.lang));
  for (const f of files) for (const id of f.summary?.areaIds ?? []) if (!out.has(id)) out.set(id, id);
  return [...out].map(([id, title]) => ({ id, title }));
}

function distributions(
  files: readonly FileVerdict[],
  options: { lang: Lang; checklist?: Checklist },
): Pick<BatchSummary, 'byGrade' | 'byType'> {
  const grades = new Map<number, { label: string; count: number }>();
  if (options.checklist) gradesOf(options.checklist).forEach((g, index) => grades.set(index, { label: pickText(g.label, options.lang), count: 0 }));
  const types = new Map<string, { label: string; count: number; total: number }>();
  for (const t of options.checklist?.unitTypes ?? []) types.set(t.id, { label: pickText(t.label, options.lang), count: 0, total: 0 });
  for (const f of files) {
    const s = f.summary;
    if (!s) continue;
    const g = grades.get(s.grade.index) ?? { label: s.grade.label, count: 0 };
    g.count++;
    grades.set(s.grade.index, g);
    const t = types.get(s.unit.type) ?? { label: s.unit.typeLabel, count: 0, total: 0 };
    t.count++;
    t.total += s.score;
    types.set(s.unit.type, t);
  }
  return {
    byGrade: [...grades].sort((a, b) => a[0] - b[0]).map(([index, g]) => ({ index, label: g.label, count: g.count })),
    byType: [...types].map(([type, t]) => ({
      type,
      label: t.label,
      count: t.count,
      averageScore: t.count > 0 ? Math.round((t.total / t.count) * 100) / 100 : null,
    })),
  };
}

/** Exit code of a batch (docs/formats.md §6): 1 when any file failed, else 0. */
export function batchExitCode(summary: BatchSummary): number {
  return summary.counts.failed > 0 ? 1 : 0;
}

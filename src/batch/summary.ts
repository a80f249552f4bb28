// Builds the batch summary from the per-file outcomes: verdicts, ranking, area table, distributions, duplicates.
import { findingOutcome, judgeFile, type BatchPolicy, type BatchSummary, type FailReason, type FileOutcome, type FileVerdict, type RankedUnit, type SummaryItem } from '../model/batch.js';
import type { Lang } from '../i18n/lang.js';
import { gradesOf, listItems, type Checklist } from '../model/checklist.js';
import { pickText } from '../model/text.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { comparePaths } from '../util/compare-paths.js';
import { latestCopy, unitKey } from '../model/identity.js';
import { areaFindings, checklistKey, itemFindings, ItemTally } from './findings.js';

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
  options: { generatedAt: string; lang: Lang; checklist?: Checklist; tally?: ItemTally },
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
  // Superseded file index → the index of the file that counts instead.
  const supersededBy = new Map<number, number>();
  const duplicates: BatchSummary['duplicates'] = [];
  for (const indexes of byUnit.values()) {
    if (indexes.length < 2) continue;
    indexes.forEach((i) => duplicateIndexes.add(i));
    const kept = latestCopy(indexes, (i) => all[i].summary!.date);
    for (const i of indexes) if (i !== kept) supersededBy.set(i, kept);
    const unit = all[kept].summary!.unit;
    duplicates.push({
      name: unit.name,
      type: unit.type,
      typeLabel: unit.typeLabel || unit.type,
      files: indexes.map((i) => all[i].file),
      kept: all[kept].file,
      date: all[kept].summary!.date ?? null,
      superseded: indexes.filter((i) => i !== kept).map((i) => ({ file: all[i].file, date: all[i].summary!.date ?? null })),
    });
  }

  const files: FileVerdict[] = all.map((o, i) => {
    const keeper = supersededBy.get(i);
    // A superseded copy is not judged on its own: only the duplicate itself is a finding (unless allowed).
    const reasons: FailReason[] = keeper === undefined ? judgeFile(o, policy) : policy.allowDuplicates ? [] : ['duplicate'];
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
    if (keeper !== undefined) verdict.supersededBy = all[keeper].file;
    if (o.evidence?.length) verdict.evidence = o.evidence;
    return verdict;
  });

  const ranking = rankUnits(files);
  const areas = listAreas(files, options);
  const items: SummaryItem[] = options.checklist
    ? listItems(options.checklist).map(({ item, area }) => ({
        id: item.id,
        area: area.id,
        text: pickText(item.text, options.lang),
        points: item.points,
        veto: item.veto === true,
        bonus: item.bonus === true,
        ...(item.appliesTo ? { appliesTo: item.appliesTo } : {}),
      }))
    : [];
  const { byGrade, byType } = distributions(files, options);
  // Without a tally kept as the outcomes came in (tests, a summary built at once), the counted units' shortfalls make one.
  let tally = options.tally;
  if (!tally) {
    tally = new ItemTally();
    for (const f of files) if (f.summary) tally.offer(f.summary);
  }
  const key = options.checklist ? checklistKey(options.checklist) : undefined;
  const base = { areas, items, ranking, files };
  return {
    generatedAt: options.generatedAt,
    policy,
    files,
    counts: { ...countFiles(files), duplicates: duplicates.length, superseded: supersededBy.size, other: otherFiles.length },
    ranking,
    areas,
    items,
    byGrade,
    byType,
    duplicates,
    otherFiles,
    findings: {
      checklist: options.checklist ? { id: options.checklist.id, version: options.checklist.version } : null,
      areas: areaFindings(base),
      items: itemFindings(base, tally, key),
    },
  };
}

/**
 * The ranking, verdict first: every unit that is not vetoed ranks above every vetoed one, whatever
 * its points; then score (at 2 decimals), unit name, file. Equal verdicts and scores share a rank
 * (1, 2, 2, 4), overall and within each unit type.
 */
function rankUnits(files: readonly FileVerdict[]): RankedUnit[] {
  // The sort key's score in cents is worked out once per unit, not twice per comparison.
  const valid: { f: FileVerdict; index: number; vetoed: boolean; cents: number }[] = [];
  files.forEach((f, index) => {
    if (f.summary && f.supersededBy === undefined) valid.push({ f, index, vetoed: f.summary.vetoed, cents: cents(f.summary.score) });
  });
  valid.sort(
    (a, b) =>
      Number(a.vetoed) - Number(b.vetoed) ||
      b.cents - a.cents ||
      comparePaths(a.f.summary!.unit.name, b.f.summary!.unit.name) ||
      comparePaths(a.f.file, b.f.file),
  );
  const ranking: RankedUnit[] = [];
  // Per unit type: how many are placed so far, and the last one's key and rank.
  const byType = new Map<string, { placed: number; vetoed: boolean; cents: number; rank: number }>();
  valid.forEach((x, position) => {
    // Standard competition ranking: equal keys share a rank (1, 2, 2, 4).
    const previous = ranking[position - 1];
    const same = previous !== undefined && valid[position - 1].cents === x.cents && valid[position - 1].vetoed === x.vetoed;
    const type = x.f.summary!.unit.type;
    const last = byType.get(type);
    const typeRank = last && last.cents === x.cents && last.vetoed === x.vetoed ? last.rank : (last?.placed ?? 0) + 1;
    byType.set(type, { placed: (last?.placed ?? 0) + 1, vetoed: x.vetoed, cents: x.cents, rank: typeRank });
    ranking.push({ rank: same ? previous.rank : position + 1, typeRank, index: x.index });
  });
  return ranking;
}

/** The counts of the summary but duplicates, in one pass over the files (with the reviewed units and those overstated, when any was reviewed). */
function countFiles(files: readonly FileVerdict[]): Omit<BatchSummary['counts'], 'duplicates' | 'superseded' | 'other'> {
  const counts: Omit<BatchSummary['counts'], 'duplicates' | 'superseded' | 'other'> = { files: files.length, valid: 0, invalid: 0, unreadable: 0, vetoed: 0, incomplete: 0, belowThreshold: 0, failed: 0 };
  let reviewed = 0;
  let overstated = 0;
  for (const f of files) {
    if (f.status === 'valid') counts.valid++;
    else counts.invalid++;
    if (f.status === 'unreadable') counts.unreadable++;
    if (f.failed) counts.failed++;
    // A superseded copy is in no other count: only the submission that counts is.
    if (f.supersededBy !== undefined) continue;
    if (f.reasons.includes('vetoed')) counts.vetoed++;
    if (f.summary !== undefined && !f.summary.complete) counts.incomplete++;
    if (f.reasons.includes('belowThreshold')) counts.belowThreshold++;
    if (f.summary?.review) reviewed++;
    if (f.reasons.includes('overstated')) overstated++;
  }
  // Only where the office reviewed a unit: a batch without reviews reads as before.
  if (reviewed > 0) Object.assign(counts, { reviewed, overstated });
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
  const types = new Map<string, { label: string; count: number; total: number; grades: Map<number, number> }>();
  for (const t of options.checklist?.unitTypes ?? []) types.set(t.id, { label: pickText(t.label, options.lang), count: 0, total: 0, grades: new Map() });
  for (const f of files) {
    const s = f.summary;
    if (!s || f.supersededBy !== undefined) continue;
    const g = grades.get(s.grade.index) ?? { label: s.grade.label, count: 0 };
    g.count++;
    grades.set(s.grade.index, g);
    const t = types.get(s.unit.type) ?? { label: s.unit.typeLabel, count: 0, total: 0, grades: new Map() };
    t.count++;
    t.total += s.score;
    t.grades.set(s.grade.index, (t.grades.get(s.grade.index) ?? 0) + 1);
    types.set(s.unit.type, t);
  }
  const gradeOrder = [...grades.keys()].sort((a, b) => a - b);
  return {
    byGrade: gradeOrder.map((index) => ({ index, label: grades.get(index)!.label, count: grades.get(index)!.count })),
    byType: [...types].map(([type, t]) => ({
      type,
      label: t.label,
      count: t.count,
      averageScore: t.count > 0 ? Math.round((t.total / t.count) * 100) / 100 : null,
      byGrade: gradeOrder.map((index) => t.grades.get(index) ?? 0),
    })),
  };
}

/** Exit code of a batch (docs/formats.md §6): 1 when any file failed, none was an answer file, or a unit on the roster is missing (unless allowed), else 0. */
export function batchExitCode(summary: BatchSummary): number {
  // Only other files (checklists, say) and not one submission: a CI job whose submissions went missing must not pass.
  if (summary.counts.failed > 0 || summary.counts.files === 0) return 1;
  return summary.roster && summary.roster.missing.length > 0 && !summary.policy.allowMissing ? 1 : 0;
}

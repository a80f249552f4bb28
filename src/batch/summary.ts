// Builds the batch summary from the per-file outcomes: verdicts, ranking, area table, distributions, duplicates.
import { toJsonDiagnostic } from '../diagnostics/render.js';
import type { Lang } from '../i18n/lang.js';
import type { Checklist } from '../model/checklist.js';
import { pickText } from '../model/text.js';
import { gradesOf } from '../score/score.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { comparePaths } from './discover.js';
import type { FileOutcome, UnitSummary } from './process-file.js';
import { baselineJson, type BaselineAggregate, type UnitBaseline } from './baseline.js';
import { unitKey } from '../model/identity.js';
import type { EvidenceFinding } from '../evidence/evidence.js';
import { escapeJsonText } from '../report/escape.js';

/** Why a file fails the batch. */
export type FailReason = 'unreadable' | 'invalid' | 'vetoed' | 'belowThreshold' | 'incomplete' | 'evidence';

/** The thresholds of a batch run. */
export interface BatchPolicy {
  /** `--fail-under N`: a unit scoring below N fails. */
  failUnder?: number;
  /** `--allow-incomplete`: unanswered items do not fail a unit. */
  allowIncomplete: boolean;
}

/** One file's line in the summary, in input order. */
export interface FileVerdict {
  file: string;
  status: FileOutcome['status'];
  failed: boolean;
  reasons: FailReason[];
  /** The unit's data (valid files). */
  summary?: UnitSummary;
  /** Whether another file submitted the same unit (same name and type). */
  duplicate: boolean;
  /** Diagnostics kept for invalid files, and the total. */
  errors: Diagnostic[];
  errorCount: number;
  warningCount: number;
  /** `--verify-evidence`: evidence missing, changed since recorded, or outside the submission's folder. */
  evidence?: EvidenceFinding[];
}

/** One line of the ranking. */
export interface RankedUnit {
  rank: number;
  /** Index into `files`. */
  index: number;
  /** `--baseline`: the change since the baseline; undefined for a unit new since then. */
  baseline?: UnitBaseline;
}

/** Everything the Markdown, JSON and JUnit outputs are made from. */
export interface BatchSummary {
  generatedAt: string;
  policy: BatchPolicy;
  files: FileVerdict[];
  counts: {
    files: number;
    valid: number;
    invalid: number;
    unreadable: number;
    vetoed: number;
    incomplete: number;
    belowThreshold: number;
    failed: number;
    duplicates: number;
  };
  ranking: RankedUnit[];
  /** Area columns: the areas of the units' checklist, in checklist order. */
  areas: { id: string; title: string }[];
  byGrade: { index: number; label: string; count: number }[];
  byType: { type: string; label: string; count: number; averageScore: number | null }[];
  /** Units submitted more than once: their files, in order. */
  duplicates: { name: string; type: string; files: string[] }[];
  /** `--baseline`: the comparison with an earlier round (set by `applyBaseline`). */
  baseline?: BaselineAggregate;
}

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
  options: { generatedAt: string; lang: Lang; checklist?: Checklist; evidence?: ReadonlyMap<string, EvidenceFinding[]> },
): BatchSummary {
  const all: FileOutcome[] = [
    ...outcomes,
    ...findings.map(
      (d): FileOutcome => ({ file: d.file, status: 'unreadable', fast: false, errors: [d], errorCount: 1, warnings: [], warningCount: 0 }),
    ),
  ].sort((a, b) => comparePaths(a.file, b.file));

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
    const reasons: FailReason[] = [];
    if (o.status !== 'valid') reasons.push(o.status);
    const s = o.summary;
    if (s) {
      if (s.vetoed) reasons.push('vetoed');
      if (policy.failUnder !== undefined && s.score < policy.failUnder) reasons.push('belowThreshold');
      if (!s.complete && !policy.allowIncomplete) reasons.push('incomplete');
    }
    // Issue 6: tampered, missing or escaping evidence fails the unit.
    const evidence = options.evidence?.get(o.file);
    if (evidence?.length) reasons.push('evidence');
    const verdict: FileVerdict = {
      file: o.file,
      status: o.status,
      failed: reasons.length > 0,
      reasons,
      summary: s,
      duplicate: duplicateIndexes.has(i),
      errors: o.errors,
      errorCount: o.errorCount,
      warningCount: o.warningCount,
    };
    if (evidence?.length) verdict.evidence = evidence;
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
    counts: { ...countFiles(files), duplicates: duplicates.length },
    ranking,
    areas,
    byGrade,
    byType,
    duplicates,
  };
}

/** The counts of the summary but duplicates, in one pass over the files. */
function countFiles(files: readonly FileVerdict[]): Omit<BatchSummary['counts'], 'duplicates'> {
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

/** The id of each unit's weakest area (lowest score; the first in checklist order on a tie), or undefined. */
export function weakestArea(summary: UnitSummary): string | undefined {
  let id: string | undefined;
  let lowest = Infinity;
  summary.areaScores.forEach((score, i) => {
    if (score === null) return;
    if (id === undefined || score < lowest) {
      id = summary.areaIds[i];
      lowest = score;
    }
  });
  return id;
}

/** Exit code of a batch (formats.md §6): 1 when any file failed, else 0. */
export function batchExitCode(summary: BatchSummary): number {
  return summary.counts.failed > 0 ? 1 : 0;
}

/** The summary as the JSON document `schemas/batch.schema.json` describes. */
export function toBatchJson(
  summary: BatchSummary,
  reports: ReadonlyMap<string, string>,
  meta: { lang: Lang; toolVersion: string },
): string {
  const parts: string[] = [];
  const head = {
    schemaVersion: 1,
    kind: 'batch',
    generatedAt: summary.generatedAt,
    tool: { name: 'wangxin', version: meta.toolVersion },
    lang: meta.lang,
    policy: { failUnder: summary.policy.failUnder ?? null, allowIncomplete: summary.policy.allowIncomplete },
    counts: summary.counts,
    ranking: summary.ranking.map((r) => {
      const f = summary.files[r.index];
      const s = f.summary!;
      return {
        rank: r.rank,
        file: f.file,
        unit: { name: s.unit.name, type: s.unit.type, typeLabel: s.unit.typeLabel },
        score: s.score,
        grade: { index: s.grade.index, label: s.grade.label },
        vetoed: s.vetoed,
        complete: s.complete,
        weakestArea: weakestArea(s) ?? null,
        failed: f.failed,
        // Only with --baseline: null for a unit new since the baseline.
        ...(summary.baseline ? { baseline: r.baseline ? { score: r.baseline.score, delta: r.baseline.delta, gradeChange: r.baseline.gradeChange } : null } : {}),
      };
    }),
    areas: summary.areas,
    distribution: { byGrade: summary.byGrade, byType: summary.byType },
    duplicates: summary.duplicates,
    ...(summary.baseline ? { baseline: baselineJson(summary.baseline) } : {}),
  };
  // The reports are spliced in as text: they were serialised in the workers and are not parsed again.
  // Every part with control and bidi characters as JSON escapes (see escapeJsonText).
  const headText = escapeJsonText(JSON.stringify(head, null, 2));
  parts.push(headText.slice(0, -2), ',\n  "files": [');
  summary.files.forEach((f, i) => {
    const entry = {
      file: f.file,
      status: f.status,
      failed: f.failed,
      reasons: f.reasons,
      duplicate: f.duplicate,
      errorCount: f.errorCount,
      warningCount: f.warningCount,
      errors: f.errors.map((d) => toJsonDiagnostic(d, meta.lang)),
      ...(f.evidence ? { evidence: f.evidence } : {}),
    };
    const text = escapeJsonText(JSON.stringify(entry));
    const raw = reports.get(f.file);
    const report = raw === undefined ? undefined : escapeJsonText(raw);
    parts.push(i === 0 ? '\n    ' : ',\n    ', report ? `${text.slice(0, -1)},"report":${report}}` : text);
  });
  parts.push(summary.files.length > 0 ? '\n  ]\n}\n' : ']\n}\n');
  return parts.join('');
}


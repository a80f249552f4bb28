// `batch --baseline DIR`: loads an earlier round's submissions or reports and matches them to this batch's units.
import { makeVisible } from '../util/safe-text.js';
import { translate } from '../i18n/translate.js';
import type { BaselineChange, BatchSummary, UnitBaseline } from '../model/batch.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { NamedPath } from '../fs/same-file.js';
import { latestCopy, unitKey } from '../model/identity.js';
import { formatLocation, quoteText } from '../diagnostics/render.js';
import type { Lang } from '../i18n/lang.js';
import { roundHalfAway } from '../score/round.js';
import { discoverFiles, type BatchFile } from './discover.js';
import { comparePaths } from '../util/compare-paths.js';
import { runFiles } from './pool.js';
import { loadSide } from '../compare/load-side.js';
import { roundOf } from './process-file.js';
import type { UnitRound } from '../model/batch.js';
import { followUp, itemOrder } from '../compare/follow-up.js';

/** One unit of the baseline: its score and grade then, and the file they come from. */
export interface BaselineUnit {
  name: string;
  type: string;
  typeLabel: string;
  score: number;
  grade: { index: number; label: string };
  file: string;
  /** The answer file's `date` (a JSON report has none): the latest copy of a unit is its baseline. */
  date?: string;
  /** The unit's item outcomes and rectification tasks then. */
  round?: UnitRound;
}

/** Something about the baseline worth a line on stderr; never a reason to fail the batch. */
export type BaselineWarning =
  | { kind: 'skipped'; file: string; diagnostic: Diagnostic; more: number }
  | { kind: 'duplicate'; name: string; type: string; used: string; ignored: string[] }
  | { kind: 'empty'; dir: string };

/** What `loadBaseline` found. */
export interface LoadedBaseline {
  /** The `--baseline` argument as given. */
  dir: string;
  /** The units by {@link unitKey}. */
  units: Map<string, BaselineUnit>;
  warnings: BaselineWarning[];
  /** The argument does not exist (a usage error for the caller). */
  missing: boolean;
  /** Every file found under it: inputs that no output of the batch may replace. */
  inputs?: NamedPath[];
}

/** How many of the biggest improvements and declines are listed. */
export const TOP_CHANGES = 5;

/** Baseline folders also hold `wangxin score --format json` reports. */
const BASELINE_FILE = /\.(ya?ml|json)$/i;

/** The key units are matched by (see model/identity.ts): the same as batch's duplicate check uses. */
export { unitKey };

/** Settings for loading a baseline: the batch's own. */
export interface BaselineOptions {
  cwd: string;
  /** `--checklist`, resolved to a file: baseline answer files are validated against it too. */
  checklist?: string;
  lang: Lang;
  generatedAt: string;
  jobs: number;
}

/**
 * Loads the baseline at `dir` (a folder searched like batch input, or one file): answer files are
 * validated and scored (in worker threads with `jobs`), JSON reports are checked against the report
 * schema. Files that cannot be used are left out with a warning; a unit found in several files takes
 * the last one in path order, with a warning. Never throws for a bad file.
 */
export async function loadBaseline(dir: string, options: BaselineOptions): Promise<LoadedBaseline> {
  const found = await discoverFiles([dir], options.cwd, { pattern: BASELINE_FILE });
  const loaded: LoadedBaseline = {
    dir,
    units: new Map(),
    warnings: [],
    missing: found.missing.length > 0,
    inputs: found.files.map((f) => ({ path: f.path, shown: f.file })),
  };
  if (loaded.missing) return loaded;
  for (const d of found.findings) loaded.warnings.push({ kind: 'skipped', file: d.file, diagnostic: d, more: 0 });

  const reports = found.files.filter((f) => /\.json$/i.test(f.file));
  const answers = found.files.filter((f) => !/\.json$/i.test(f.file));
  const units: BaselineUnit[] = [];
  const skip = (file: string, errors: readonly Diagnostic[], count = errors.length): void => {
    if (errors.length > 0) loaded.warnings.push({ kind: 'skipped', file, diagnostic: errors[0], more: Math.max(0, count - 1) });
  };

  if (answers.length > 0) {
    const outcomes = await runFiles(answers, { checklist: options.checklist, lang: options.lang, generatedAt: options.generatedAt, keepReport: false, followUp: true }, options.jobs);
    for (const o of outcomes) {
      if (o.status !== 'valid' || !o.summary) {
        skip(o.file, o.errors, o.errorCount);
        continue;
      }
      const s = o.summary;
      units.push({ name: s.unit.name, type: s.unit.type, typeLabel: s.unit.typeLabel, score: s.score, grade: { index: s.grade.index, label: s.grade.label }, file: o.file, ...(s.date !== undefined ? { date: s.date } : {}), round: s.round });
    }
  }
  for (const unit of await loadReports(reports, options, skip)) units.push(unit);

  // As in the batch itself: the copy with the latest date counts; without dates the last in path
  // order, so a corrected resubmission ("-v2") replaces the first one.
  units.sort((a, b) => comparePaths(a.file, b.file));
  const all = new Map<string, BaselineUnit[]>();
  for (const u of units) {
    const key = unitKey(u.name, u.type);
    all.set(key, [...(all.get(key) ?? []), u]);
  }
  for (const [key, list] of all) {
    const used = latestCopy(list, (u) => u.date);
    loaded.units.set(key, used);
    if (list.length > 1) loaded.warnings.push({ kind: 'duplicate', name: used.name, type: used.type, used: used.file, ignored: list.filter((u) => u !== used).map((u) => u.file) });
  }
  if (found.files.length === 0 && found.findings.length === 0) loaded.warnings.push({ kind: 'empty', dir });
  loaded.warnings.sort((a, b) => comparePaths(warningFile(a), warningFile(b)));
  return loaded;
}

function warningFile(w: BaselineWarning): string {
  return w.kind === 'skipped' ? w.file : w.kind === 'duplicate' ? w.used : w.dir;
}

/** JSON reports of the baseline, each read and checked like a side of `compare`. */
async function loadReports(
  files: readonly BatchFile[],
  options: BaselineOptions,
  skip: (file: string, errors: readonly Diagnostic[]) => void,
): Promise<BaselineUnit[]> {
  if (files.length === 0) return [];
  const units: BaselineUnit[] = [];
  for (const f of files) {
    const side = await loadSide(f.path, { ref: options.checklist, lang: options.lang, generatedAt: options.generatedAt });
    // Diagnostics name the file as it was reached from the command line, not its absolute path.
    if (!side.ok) {
      skip(
        f.file,
        side.errors.map((d) => ({ ...d, file: f.file })),
      );
      continue;
    }
    const r = side.report;
    units.push({
      name: r.unit.name,
      type: r.unit.type,
      typeLabel: r.unit.typeLabel || r.unit.type,
      score: r.score,
      grade: { index: r.grade.index, label: r.grade.label },
      file: f.file,
      round: roundOf(r.items),
    });
  }
  return units;
}

/** The change of a current score and grade against a baseline unit. */
export function compareToBaseline(score: number, gradeIndex: number, base: BaselineUnit): UnitBaseline {
  return {
    score: base.score,
    delta: roundHalfAway(score - base.score, 2),
    gradeChange: gradeIndex < base.grade.index ? 'up' : gradeIndex > base.grade.index ? 'down' : 'same',
    grade: base.grade,
    file: base.file,
  };
}

/**
 * Adds the baseline to `summary`: each ranked unit gets `baseline` (undefined for a unit new since
 * the baseline), and `summary.baseline` the counts, the units that are missing now and the biggest
 * changes. Returns the same summary.
 */
export function applyBaseline(summary: BatchSummary, baseline: LoadedBaseline): BatchSummary {
  const present = new Set<string>();
  const changes: BaselineChange[] = [];
  let matched = 0;
  const follow = { fixed: 0, newlyFailing: 0, stillFailing: 0, repeatUnits: 0, tasks: { total: 0, onTime: 0, late: 0, open: 0 } };
  for (const r of summary.ranking) {
    const f = summary.files[r.index];
    const s = f.summary!;
    const key = unitKey(s.unit.name, s.unit.type);
    present.add(key);
    const base = baseline.units.get(key);
    r.baseline = base ? compareToBaseline(s.score, s.grade.index, base) : undefined;
    if (!r.baseline) continue;
    matched++;
    if (base!.round && s.round) {
      const now = new Map(s.round.outcomes);
      const last = new Map(base!.round.outcomes);
      const f = followUp(last, now, new Map(base!.round.plans), itemOrder(now.keys(), last.keys()));
      const ids = (list: { id: string }[]): string[] => list.map((i) => i.id);
      r.baseline.followUp = { fixed: ids(f.fixed), newlyFailing: ids(f.newlyFailing), stillFailing: ids(f.stillFailing), tasks: f.taskCounts };
      follow.fixed += f.fixed.length;
      follow.newlyFailing += f.newlyFailing.length;
      follow.stillFailing += f.stillFailing.length;
      if (f.stillFailing.length > 0) follow.repeatUnits++;
      for (const k of ['total', 'onTime', 'late', 'open'] as const) follow.tasks[k] += f.taskCounts[k];
    }
    changes.push({ name: s.unit.name, type: s.unit.type, typeLabel: s.unit.typeLabel, file: f.file, score: s.score, ...(s.shownScore !== undefined ? { shownScore: s.shownScore } : {}), baselineScore: r.baseline.score, delta: r.baseline.delta });
  }
  const missingUnits = [...baseline.units]
    .filter(([key]) => !present.has(key))
    .map(([, u]) => ({ name: u.name, type: u.type, typeLabel: u.typeLabel, file: u.file }))
    .sort((a, b) => comparePaths(a.name, b.name) || comparePaths(a.type, b.type));
  const byName = (a: BaselineChange, b: BaselineChange): number => comparePaths(a.name, b.name) || comparePaths(a.file, b.file);
  summary.baseline = {
    dir: baseline.dir,
    matched,
    newUnits: summary.ranking.length - matched,
    missingUnits,
    improvements: changes
      .filter((c) => c.delta > 0)
      .sort((a, b) => b.delta - a.delta || byName(a, b))
      .slice(0, TOP_CHANGES),
    declines: changes
      .filter((c) => c.delta < 0)
      .sort((a, b) => a.delta - b.delta || byName(a, b))
      .slice(0, TOP_CHANGES),
    followUp: follow,
  };
  return summary;
}

/** The warnings as one line each for stderr, in `lang`, control characters made visible. */
export function describeBaselineWarnings(warnings: readonly BaselineWarning[], lang: Lang): string[] {
  return warnings.map((w) => {
    if (w.kind === 'empty') return translate(lang, 'baseline.warn.empty', { dir: makeVisible(w.dir) });
    if (w.kind === 'duplicate') {
      return translate(lang, 'baseline.warn.duplicate', {
        unit: quoteText(w.name),
        type: quoteText(w.type),
        used: makeVisible(w.used),
        ignored: w.ignored.map(makeVisible).join(', '),
      });
    }
    const more = w.more > 0 ? translate(lang, 'baseline.warn.more', { count: w.more }) : '';
    return translate(lang, 'baseline.warn.skipped', {
      where: makeVisible(formatLocation(w.diagnostic)),
      reason: makeVisible(w.diagnostic.message[lang]) + more,
    });
  });
}



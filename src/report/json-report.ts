// Builds the JSON report of one unit (docs/formats.md §5) from a ScoreResult: rounded numbers, texts in one language.
import type { Answers } from '../model/answers.js';
import { DEFAULT_BONUS, listItems, type Checklist } from '../model/checklist.js';
import type { Report, ReportItem } from '../model/report.js';
import type { ScoreResult } from '../model/score-result.js';
import { pickText } from '../model/text.js';
import { type Lang } from '../i18n/lang.js';
import { rankGains, type Gain } from '../score/gains.js';
import { roundHalfAway } from '../score/round.js';
import { partialCreditOf, SCORE_EPSILON } from '../score/score.js';
import { readToolVersion } from './tool-version.js';
import { rememberExact } from './exact.js';

/** Options of {@link buildReport}. */
export interface BuildReportOptions {
  lang: Lang;
  /** ISO 8601 time stamp; defaults to now (tests fix it for stable snapshots). */
  generatedAt?: string;
  /** Tool version to record; defaults to package.json's. */
  toolVersion?: string;
}

const r2 = (x: number): number => roundHalfAway(x, 2);
/** Ratios are fractions: 4 decimals carry the same precision as the 2-decimal area score (§5 example: 0.8333). */
const r4 = (x: number): number => roundHalfAway(x, 4);

/** Everything of the report before its item entries. */
export type ReportHead = Omit<Report, 'items' | 'improvements'>;

/**
 * The report object of docs/formats.md §5 for a scored unit. Numbers are rounded half away from zero
 * (2 decimals; ratios and shares 4); titles and labels are strings in `options.lang`.
 */
export function buildReport(result: ScoreResult, checklist: Checklist, answers: Answers, options: BuildReportOptions): Report {
  const { lang } = options;
  const placed = new Map(listItems(checklist).map((p) => [p.item.id, p]));
  const items: ReportItem[] = result.items.map((s) => {
    const item = placed.get(s.id)?.item;
    const deductions =
      s.deductions === undefined
        ? undefined
        : (item?.deductions ?? [])
            .filter((d) => (s.deductions![d.id] ?? 0) > 0)
            .map((d) => ({ id: d.id, text: pickText(d.text, lang), count: s.deductions![d.id], points: d.points }));
    const out: ReportItem = {
      id: s.id,
      area: s.area,
      ...(s.section !== undefined ? { section: s.section } : {}),
      text: pickText(item?.text, lang),
      kind: s.kind,
      status: s.status,
      earned: r2(s.earned),
      max: r2(s.max),
      counted: s.counted,
      veto: s.veto,
      bonus: s.bonus,
      ...(s.value !== undefined ? { value: s.value } : {}),
      ...(deductions !== undefined ? { deductions } : {}),
      ...(s.note !== undefined ? { note: s.note } : {}),
      evidence: s.evidence,
    };
    return out;
  });
  const { head, gains, improvements } = reportHead(result, checklist, answers, options);
  const report: Report = { ...head, items, improvements };
  rememberExact(report, { score: result.score, baseScore: result.baseScore, bonusScore: result.bonusScore });
  rememberExact(report.bonus, { earned: result.bonusEarned });
  report.areas.forEach((a, i) => rememberExact(a, { score: result.areas[i].score }));
  report.improvements.forEach((imp, i) => rememberExact(imp, { gain: Math.max(0, gains[i].gain), scoreIfMet: gains[i].scoreIfMet }));
  return report;
}

function improvementsOf(gains: readonly Gain[]): Report['improvements'] {
  return gains.map((g) => ({ id: g.id, gain: r2(g.gain), scoreIfMet: r2(g.scoreIfMet), liftsVeto: g.liftsVeto }));
}

/**
 * Every field of the report before its items, in the report's order, and what comes after them:
 * the improvements (and the unrounded gains they come from). Shared by {@link buildReport} and
 * `reportBytes`, which writes the items itself.
 */
export function reportHead(
  result: ScoreResult,
  checklist: Checklist,
  answers: Answers,
  options: BuildReportOptions,
): { head: ReportHead; gains: Gain[]; improvements: Report['improvements'] } {
  const { lang } = options;
  const unitType = checklist.unitTypes.find((u) => u.id === result.unit.type);
  const totalWeight = result.areas.reduce((sum, a) => sum + (a.ratio === null ? 0 : a.weight), 0);
  const counts = { items: result.items.length, pass: 0, partial: 0, fail: 0, na: 0, unanswered: 0 };
  for (const i of result.items) counts[i.status]++;
  const bonusRule = {
    cap: checklist.scoring?.bonus?.cap ?? DEFAULT_BONUS.cap,
    minBase: checklist.scoring?.bonus?.minBase ?? DEFAULT_BONUS.minBase,
  };
  const head: ReportHead = {
    schemaVersion: 1,
    generatedAt: options.generatedAt ?? new Date().toISOString(),
    tool: { name: 'wangxin', version: options.toolVersion ?? readToolVersion() },
    lang,
    checklist: { id: checklist.id, version: checklist.version, title: pickText(checklist.title, lang) },
    unit: {
      name: result.unit.name,
      type: result.unit.type,
      typeLabel: unitType ? pickText(unitType.label, lang) : result.unit.type,
      ...(result.unit.code !== undefined ? { code: result.unit.code } : {}),
    },
    ...(answers.assessor ? { assessor: { ...answers.assessor } } : {}),
    ...(answers.period !== undefined ? { period: answers.period } : {}),
    score: r2(result.score),
    baseScore: r2(result.baseScore),
    bonusScore: r2(result.bonusScore),
    bonus: {
      earned: r2(result.bonusEarned),
      cap: bonusRule.cap,
      minBase: bonusRule.minBase,
      applied: result.baseScore + SCORE_EPSILON >= bonusRule.minBase,
      items: result.items.filter((i) => i.bonus).map((i) => i.id),
    },
    grade: { index: result.grade.index, label: pickText(result.grade.label, lang), min: result.grade.min },
    vetoed: result.vetoed,
    vetoItems: [...result.vetoItems],
    complete: result.complete,
    unanswered: [...result.unanswered],
    ignored: [...result.ignored],
    partialCredit: partialCreditOf(checklist),
    counts,
    areas: result.areas.map((a) => {
      const area = checklist.areas.find((x) => x.id === a.id);
      const share = a.ratio === null || totalWeight === 0 ? 0 : a.weight / totalWeight;
      return {
        id: a.id,
        title: pickText(area?.title, lang),
        weight: r2(a.weight),
        earned: r2(a.earned),
        max: r2(a.max),
        ratio: a.ratio === null ? null : r4(a.ratio),
        score: a.score === null ? null : r2(a.score),
        share: r4(share),
        contribution: r2(a.ratio === null ? 0 : 100 * share * a.ratio),
        applicable: a.applicable,
      };
    }),
  };
  const gains = rankGains(checklist, result);
  return { head, gains, improvements: improvementsOf(gains) };
}

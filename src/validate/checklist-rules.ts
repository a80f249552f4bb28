// Semantic rules for checklists that a JSON Schema cannot express (docs/formats.md §2), one small function each.
import { localized } from '../i18n/translate.js';
import { kindOf, type Checklist, type Item } from '../model/checklist.js';
import type { Path, RuleContext } from './rule-context.js';

/** An item with the path to it in the file. */
interface ItemAt {
  item: Item;
  path: Path;
  areaIndex: number;
}

function itemsWithPaths(checklist: Checklist): ItemAt[] {
  const out: ItemAt[] = [];
  checklist.areas.forEach((area, a) => {
    area.items?.forEach((item, i) => out.push({ item, path: ['areas', a, 'items', i], areaIndex: a }));
    area.sections?.forEach((section, s) =>
      section.items.forEach((item, i) =>
        out.push({ item, path: ['areas', a, 'sections', s, 'items', i], areaIndex: a }),
      ),
    );
  });
  return out;
}

/** Reports every id seen before among `entries` (first occurrence wins). */
function checkUnique(ctx: RuleContext, what: { zh: string; en: string }, entries: { id: string; path: Path }[]): void {
  const first = new Map<string, Path>();
  for (const entry of entries) {
    const earlier = first.get(entry.id);
    if (earlier) {
      ctx.report('DUPLICATE_ID', [...entry.path, 'id'], {
        what: { zh: what.zh, en: what.en },
        id: entry.id,
        firstLine: ctx.lineOf([...earlier, 'id']) ?? '?',
      });
    } else {
      first.set(entry.id, entry.path);
    }
  }
}

/** A semantic rule over a schema-valid checklist. */
export type ChecklistRule = (checklist: Checklist, ctx: RuleContext) => void;

const duplicateIds: ChecklistRule = (checklist, ctx) => {
  checkUnique(ctx, localized('diag.what.unitType'), checklist.unitTypes.map((u, i) => ({ id: u.id, path: ['unitTypes', i] })));
  checkUnique(ctx, localized('diag.what.area'), checklist.areas.map((a, i) => ({ id: a.id, path: ['areas', i] })));
  const sections: { id: string; path: Path }[] = [];
  checklist.areas.forEach((area, a) => area.sections?.forEach((s, i) => sections.push({ id: s.id, path: ['areas', a, 'sections', i] })));
  checkUnique(ctx, localized('diag.what.section'), sections);
  const items = itemsWithPaths(checklist);
  checkUnique(ctx, localized('diag.what.item'), items.map(({ item, path }) => ({ id: item.id, path })));
  for (const { item, path } of items) {
    if (item.deductions) {
      checkUnique(ctx, localized('diag.what.deduction'), item.deductions.map((d, i) => ({ id: d.id, path: [...path, 'deductions', i] })));
    }
  }
};

const appliesToKnownTypes: ChecklistRule = (checklist, ctx) => {
  const known = new Set(checklist.unitTypes.map((u) => u.id));
  for (const { item, path } of itemsWithPaths(checklist)) {
    item.appliesTo?.forEach((type, i) => {
      if (!known.has(type)) ctx.report('UNKNOWN_UNIT_TYPE', [...path, 'appliesTo', i], { type, known: [...known].join(', ') });
    });
  }
};

const gradesInOrder: ChecklistRule = (checklist, ctx) => {
  const grades = checklist.scoring?.grades;
  if (!grades || grades.length === 0) return;
  for (let i = 1; i < grades.length; i++) {
    if (!(grades[i].min < grades[i - 1].min)) {
      ctx.report('GRADES_NOT_DESCENDING', ['scoring', 'grades', i, 'min'], { min: grades[i].min, previous: grades[i - 1].min });
    }
  }
  const last = grades[grades.length - 1];
  if (last.min !== 0) ctx.report('GRADES_NOT_ENDING_AT_ZERO', ['scoring', 'grades', grades.length - 1, 'min'], { min: last.min });
};

const deductionsMatchKind: ChecklistRule = (checklist, ctx) => {
  for (const { item, path } of itemsWithPaths(checklist)) {
    const kind = kindOf(item);
    if (kind !== 'deduct' && item.deductions !== undefined) ctx.report('DEDUCTIONS_NOT_ALLOWED', [...path, 'deductions'], { kind }, { onKey: true });
    if (kind === 'deduct' && item.deductions === undefined) ctx.report('DEDUCTIONS_MISSING', [...path, 'kind']);
  }
};

const vetoIsStatus: ChecklistRule = (checklist, ctx) => {
  for (const { item, path } of itemsWithPaths(checklist)) {
    if (item.veto && kindOf(item) !== 'status') ctx.report('VETO_NOT_STATUS', [...path, 'veto'], { kind: kindOf(item) }, { onKey: true });
  }
};

const noBonusInWeightedArea: ChecklistRule = (checklist, ctx) => {
  for (const { item, path, areaIndex } of itemsWithPaths(checklist)) {
    if (item.bonus && checklist.areas[areaIndex].weight !== undefined) ctx.report('BONUS_IN_WEIGHTED_AREA', [...path, 'bonus'], {}, { onKey: true });
  }
};

const partialCreditInRange: ChecklistRule = (checklist, ctx) => {
  const value = checklist.scoring?.partialCredit;
  if (value !== undefined && !(value >= 0 && value <= 1)) ctx.report('PARTIAL_CREDIT_RANGE', ['scoring', 'partialCredit'], { value });
};

const pointsPositive: ChecklistRule = (checklist, ctx) => {
  for (const { item, path } of itemsWithPaths(checklist)) {
    if (item.points === 0 && !item.veto) ctx.report('POINTS_ZERO', [...path, 'points']);
  }
};

/** Every checklist rule, run in this order. */
export const CHECKLIST_RULES: readonly ChecklistRule[] = [
  duplicateIds,
  appliesToKnownTypes,
  gradesInOrder,
  deductionsMatchKind,
  vetoIsStatus,
  noBonusInWeightedArea,
  partialCreditInRange,
  pointsPositive,
];

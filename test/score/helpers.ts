// Small hand-made checklists and answer files for the scoring tests.
import type { Answer, Answers } from '../../src/model/answers.js';
import type { Area, Checklist, Item, Scoring } from '../../src/model/checklist.js';

/** An item with `points` and anything else overridden. */
export function item(id: string, points: number, extra: Partial<Item> = {}): Item {
  return { id, text: `条目 ${id}`, points, ...extra };
}

/** A deduct item with the given deduction rules (id → points each). */
export function deductItem(id: string, points: number, rules: Record<string, number>, extra: Partial<Item> = {}): Item {
  return item(id, points, {
    kind: 'deduct',
    deductions: Object.entries(rules).map(([rid, p]) => ({ id: rid, text: `扣分 ${rid}`, points: p })),
    ...extra,
  });
}

/** An area with items (and an optional explicit weight). */
export function area(id: string, items: Item[], weight?: number): Area {
  return { id, title: `领域 ${id}`, items, ...(weight !== undefined ? { weight } : {}) };
}

/** A checklist of unit types `t` and `u` with the given areas and scoring. */
export function checklist(areas: Area[], scoring?: Scoring): Checklist {
  return {
    schemaVersion: 1,
    id: 'test-list',
    version: '1.0.0',
    title: { zh: '测试检查表', en: 'Test checklist' },
    unitTypes: [
      { id: 't', label: { zh: '甲类', en: 'Type T' } },
      { id: 'u', label: { zh: '乙类', en: 'Type U' } },
    ],
    ...(scoring ? { scoring } : {}),
    areas,
  };
}

/** An answer file of a unit of type `type`. */
export function answers(map: Record<string, Answer>, type = 't'): Answers {
  return {
    schemaVersion: 1,
    checklist: { id: 'test-list', version: '1.0.0' },
    unit: { name: '测试单位', type },
    answers: map,
  };
}

export const pass: Answer = { status: 'pass' };
export const partial: Answer = { status: 'partial' };
export const fail: Answer = { status: 'fail' };
export const na: Answer = { status: 'na', note: '不适用' };

// The built-in checklist gives every unit type a real sheet: enough items, none that swings the score alone, and 1.0.0 answers with a home.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { checkFile } from '../../src/check/check-file.js';
import { appliesTo, applyingItems, kindOf, listItems, type Checklist, type Item } from '../../src/model/checklist.js';
import type { Answer, Answers } from '../../src/model/answers.js';
import { scoreAnswers } from '../../src/score/score.js';
import { ROOT } from '../helpers/run-cli.js';

/** The most one answer short of full marks may move a unit's score, in points of 100. */
const MAX_SWING = 5;
/** The fewest items a unit type's sheet may have. */
const MIN_ITEMS = 20;

async function load(file: string): Promise<Checklist> {
  const check = await checkFile(join(ROOT, 'checklists', file));
  expect([...check.errors, ...check.warnings]).toEqual([]);
  return check.checklist!;
}

const current = (): Promise<Checklist> => load('county-cyber-2018.yaml');
const earlier = (): Promise<Checklist> => load('county-cyber-2018@1.0.0.yaml');

function fullMarks(item: Item): Answer {
  const kind = kindOf(item);
  return kind === 'status' ? { status: 'pass' } : kind === 'ratio' ? { value: 1 } : { deductions: {} };
}

/**
 * The answers one step short of full marks for an item: `partial` for a status item, half for a
 * ratio item, one occurrence of each deduction for a deduct item. Veto items have none (they are
 * answered pass or fail only).
 */
function oneStepShort(item: Item): { label: string; answer: Answer }[] {
  if (item.veto) return [];
  const kind = kindOf(item);
  if (kind === 'status') return [{ label: 'partial', answer: { status: 'partial' } }];
  if (kind === 'ratio') return [{ label: 'value 0.5', answer: { value: 0.5 } }];
  return (item.deductions ?? []).map((d) => ({ label: `${d.id} × 1`, answer: { deductions: { [d.id]: 1 } } }));
}

describe('built-in checklist county-cyber-2018 1.1.0: a real sheet for every unit type', () => {
  it(`gives every unit type at least ${MIN_ITEMS} applying items, and as many that carry points`, async () => {
    const c = await current();
    expect(c.version).toBe('1.1.0');
    for (const { id } of c.unitTypes) {
      const mine = applyingItems(c, id).map((p) => p.item);
      expect(mine.length, id).toBeGreaterThanOrEqual(MIN_ITEMS);
      expect(mine.filter((i) => !i.bonus && i.points > 0).length, id).toBeGreaterThanOrEqual(MIN_ITEMS);
    }
  });

  it(`lets no single answer one step short of full marks move any unit type's score by more than ${MAX_SWING} points`, async () => {
    const c = await current();
    const worst: Record<string, { item: string; label: string; swing: number }> = {};
    const over: string[] = [];
    for (const { id: type } of c.unitTypes) {
      const items = applyingItems(c, type).map((p) => p.item);
      const allPass: Answers = {
        schemaVersion: 1,
        checklist: { id: c.id, version: c.version },
        unit: { name: '测试单位', type },
        answers: Object.fromEntries(items.map((i) => [i.id, fullMarks(i)])),
      };
      // Full marks with every bonus earned hides a bonus item behind the cap; with none earned it shows.
      const noBonus: Answers = { ...allPass, answers: { ...allPass.answers, ...Object.fromEntries(items.filter((i) => i.bonus).map((i) => [i.id, { status: 'fail' }])) } };
      for (const base of [allPass, noBonus]) {
        const full = scoreAnswers(c, base);
        expect(full.vetoed, type).toBe(false);
        expect(full.baseScore, type).toBeCloseTo(100, 9);
        for (const item of items) {
          for (const { label, answer } of oneStepShort(item)) {
            const swing = Math.abs(full.score - scoreAnswers(c, { ...base, answers: { ...base.answers, [item.id]: answer } }).score);
            if (swing > (worst[type]?.swing ?? -1)) worst[type] = { item: item.id, label, swing };
            if (swing > MAX_SWING + 1e-9) over.push(`${type} ${item.id} ${label}: ${swing.toFixed(2)}`);
          }
        }
      }
    }
    expect(over).toEqual([]);
    // Every type was measured, on items of every kind.
    expect(Object.keys(worst).sort()).toEqual(c.unitTypes.map((u) => u.id).sort());
    for (const w of Object.values(worst)) expect(w.swing).toBeGreaterThan(0);
  });

  it('gives every item its basis, guidance and evidence, and explains each typing error of the speech it quotes', async () => {
    const c = await current();
    const items = listItems(c).map((p) => p.item);
    expect(items.filter((i) => !i.basis || !i.guidance || !i.evidence?.length).map((i) => i.id)).toEqual([]);
    const zh = (t: Item['basis']): string => (typeof t === 'string' ? t : (t?.zh ?? ''));
    const en = (t: Item['basis']): string => (typeof t === 'string' ? '' : (t?.en ?? ''));
    const marked = items.filter((i) => zh(i.basis).includes('〔原文如此〕'));
    expect(marked.map((i) => i.id)).toEqual(['A1.1.1', 'A4.2.2', 'A4.2.4', 'A4.2.10']);
    for (const i of marked) {
      expect(zh(i.guidance), i.id).toMatch(/笔误，应为“[^”]+”/);
      expect(en(i.guidance), i.id).toMatch(/typing error for/);
    }
  });

  it('vetoes the unit for falsified materials and for incidents only with a fault of the unit and a stated authority', async () => {
    const c = await current();
    const vetoes = listItems(c).filter((p) => p.item.veto).map((p) => p.item);
    expect(vetoes.map((i) => i.id)).toEqual(['A1.1.3', 'A3.3.4', 'A3.3.5']);
    for (const v of vetoes) {
      expect(v.appliesTo, v.id).toBeUndefined();
      expect(v.points, v.id).toBe(0);
    }
    const text = (id: string): string => JSON.stringify(vetoes.find((v) => v.id === id));
    expect(text('A1.1.3')).toMatch(/弄虚作假/);
    expect(text('A3.3.4')).toMatch(/履职不到位.*市级以上/);
    expect(text('A3.3.5')).toMatch(/履职不到位|责任落实不到位/);
    expect(text('A3.3.5')).toMatch(/重大（Ⅱ级）及以上/);
  });
});

describe('county-cyber-2018 1.0.0 → 1.1.0', () => {
  it('replaces only items that 1.0.0 had, and every 1.0.0 item is kept or replaced', async () => {
    const [before, after] = [await earlier(), await current()];
    const oldIds = new Set(listItems(before).map((p) => p.item.id));
    const newItems = listItems(after).map((p) => p.item);
    const replaced = newItems.flatMap((i) => i.replaces ?? []);
    expect(replaced.filter((id) => !oldIds.has(id))).toEqual([]);
    const newIds = new Set(newItems.map((i) => i.id));
    expect([...oldIds].filter((id) => !newIds.has(id) && !replaced.includes(id))).toEqual([]);
  });

  it('leaves no unit type without a home for an answer it could give under 1.0.0', async () => {
    const [before, after] = [await earlier(), await current()];
    const newItems = listItems(after).map((p) => p.item);
    const lost: string[] = [];
    for (const { id: type } of before.unitTypes) {
      for (const { item } of applyingItems(before, type)) {
        const same = newItems.find((i) => i.id === item.id);
        const home = (same && appliesTo(same, type)) || newItems.some((i) => i.replaces?.includes(item.id) && appliesTo(i, type));
        if (!home) lost.push(`${type} ${item.id}`);
      }
    }
    // A5.2.3 moved from the cyber office to the leading group's member units (departments): the
    // office's answer to it has no equivalent and is listed as dropped by migrate.
    expect(lost).toEqual(['cyber-office A5.2.3']);
  });
});

// The pure migration: answers kept by id, carried to replacing items, dropped when removed / not applying / of the wrong kind / with unknown deductions.
import { describe, expect, it } from 'vitest';
import { answerFits, changedFields, migrateAnswers } from '../../src/migrate/migrate.js';
import type { Answers } from '../../src/model/answers.js';
import type { Checklist, Item } from '../../src/model/checklist.js';

const item = (id: string, extra: Partial<Item> = {}): Item => ({ id, text: { zh: `条目${id}` }, points: 2, ...extra });

function checklist(version: string, items: Item[]): Checklist {
  return {
    schemaVersion: 1,
    id: 'demo',
    version,
    title: '示例',
    unitTypes: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }],
    areas: [{ id: 'A1', title: 'A1', items }],
  };
}

const OLD = checklist('1.0.0', [
  item('A1.1'),
  item('A1.2'),
  item('A1.3', { kind: 'ratio' }),
  item('A1.4', { kind: 'deduct', deductions: [{ id: 'd1', text: 'x', points: 1 }, { id: 'd2', text: 'y', points: 1 }] }),
  item('A1.5'),
  item('A1.6'),
]);
const NEW = checklist('2.0.0', [
  item('A1.1', { text: { zh: '新的说法' } }), // text changed, answer kept
  item('A1.2', { kind: 'ratio' }), // kind changed: status answer dropped
  item('A1.3', { kind: 'ratio', points: 4 }), // points changed, answer kept
  item('A1.4', { kind: 'deduct', deductions: [{ id: 'd1', text: 'x', points: 1 }] }), // d2 gone: answer with d2 dropped
  item('A1.6', { appliesTo: ['b'] }), // no longer applies to type a
  item('A1.7'), // new
]);
const ANSWERS: Answers = {
  schemaVersion: 1,
  checklist: { id: 'demo', version: '1.0.0' },
  unit: { name: '单位', type: 'a' },
  period: '2025',
  answers: {
    'A1.1': { status: 'pass', note: '保留' },
    'A1.2': { status: 'partial' },
    'A1.3': { value: 0.5 },
    'A1.4': { deductions: { d2: 1 } },
    'A1.5': { status: 'fail' },
    'A1.6': { status: 'na', note: '无' },
  },
};

describe('migrateAnswers', () => {
  it('keeps, drops and lists as the two checklists say', () => {
    const m = migrateAnswers(ANSWERS, NEW, OLD);
    expect(m.oldKnown).toBe(true);
    expect(m.answers.checklist).toEqual({ id: 'demo', version: '2.0.0' });
    expect(m.answers.period).toBe('2025');
    expect(m.answers.answers).toEqual({ 'A1.1': { status: 'pass', note: '保留' }, 'A1.3': { value: 0.5 } });
    expect(m.kept).toEqual(['A1.1', 'A1.3']);
    expect(m.dropped).toEqual([
      { id: 'A1.2', reason: 'kind' },
      { id: 'A1.4', reason: 'deductions' },
      { id: 'A1.5', reason: 'removed' },
      { id: 'A1.6', reason: 'notApplying' },
    ]);
    expect(m.newItems).toEqual(['A1.7']);
    expect(m.removed).toEqual([{ id: 'A1.5', answered: true, carriedTo: [] }]);
    expect(m.carried).toEqual([]);
    expect(m.changed).toEqual([
      { id: 'A1.1', fields: ['text'], kept: true },
      { id: 'A1.2', fields: ['kind'], kept: false },
      { id: 'A1.3', fields: ['points'], kept: true },
      { id: 'A1.4', fields: ['deductions'], kept: false },
    ]);
    expect(m.unanswered).toEqual(['A1.2', 'A1.4', 'A1.7']);
    // The input is not changed.
    expect(ANSWERS.checklist.version).toBe('1.0.0');
    expect(Object.keys(ANSWERS.answers)).toHaveLength(6);
  });

  it('without the old checklist: changes unknown, new = unanswered, removed = answered ids that are gone', () => {
    const m = migrateAnswers(ANSWERS, NEW);
    expect(m.oldKnown).toBe(false);
    expect(m.changed).toEqual([]);
    expect(m.newItems).toEqual(m.unanswered);
    expect(m.removed).toEqual([{ id: 'A1.5', answered: true, carriedTo: [] }]);
    expect(m.kept).toEqual(['A1.1', 'A1.3']);
  });

  it('carries the answer of a split, moved or no longer applying item to the items that replace it', () => {
    const before = checklist('1.0.0', [item('A1.1'), item('A1.2'), item('A1.3'), item('A1.4'), item('A1.5', { appliesTo: ['b'] })]);
    const after = checklist('1.1.0', [
      item('A1.1', { appliesTo: ['b'] }), // kept for type b only ...
      item('A1.6', { appliesTo: ['a'], points: 1, replaces: ['A1.1'] }), // ... and taken over for type a
      item('A1.7', { replaces: ['A1.2'] }), // A1.2 split in two
      item('A1.8', { replaces: ['A1.2'] }),
      item('A1.3'),
      item('A1.9', { replaces: ['A1.3'] }), // A1.3 is kept under its own id: nothing to carry
      item('A1.10', { kind: 'ratio', replaces: ['A1.4'] }), // a status answer does not fit a ratio item
      item('A1.5'), // newly applies to type a
    ]);
    const answers: Answers = {
      ...ANSWERS,
      answers: { 'A1.1': { status: 'partial', note: '联络人已指定' }, 'A1.2': { status: 'pass' }, 'A1.3': { status: 'fail' }, 'A1.4': { status: 'pass' } },
    };
    const m = migrateAnswers(answers, after, before);
    expect(m.kept).toEqual(['A1.3']);
    expect(m.carried).toEqual([
      { id: 'A1.6', from: 'A1.1' },
      { id: 'A1.7', from: 'A1.2' },
      { id: 'A1.8', from: 'A1.2' },
    ]);
    expect(m.answers.answers).toEqual({
      'A1.3': { status: 'fail' },
      'A1.6': { status: 'partial', note: '联络人已指定' },
      'A1.7': { status: 'pass' },
      'A1.8': { status: 'pass' },
    });
    // A1.1 and A1.2 live on in the items that replace them; A1.4's answer fits nothing.
    expect(m.dropped).toEqual([{ id: 'A1.4', reason: 'removed' }]);
    expect(m.removed).toEqual([
      { id: 'A1.2', answered: true, carriedTo: ['A1.7', 'A1.8'] },
      { id: 'A1.4', answered: true, carriedTo: [] },
    ]);
    // Carried items are not "new"; an item that newly applies to the unit's type is.
    expect(m.newItems).toEqual(['A1.9', 'A1.10', 'A1.5']);
    expect(m.unanswered).toEqual(['A1.9', 'A1.10', 'A1.5']);
    // Without the old checklist the same answers are carried.
    expect(migrateAnswers(answers, after).carried).toEqual(m.carried);
  });

  it('answerFits checks the answer against the kind and the deduction ids', () => {
    expect(answerFits(item('x'), { status: 'pass' })).toBeUndefined();
    expect(answerFits(item('x'), { value: 1 })).toBe('kind');
    expect(answerFits(item('x', { kind: 'ratio' }), { status: 'na', note: 'n' })).toBeUndefined();
    expect(answerFits(item('x', { kind: 'ratio' }), { status: 'pass' })).toBe('kind');
    const deduct = item('x', { kind: 'deduct', deductions: [{ id: 'd1', text: 't', points: 1 }] });
    expect(answerFits(deduct, { deductions: {} })).toBeUndefined();
    expect(answerFits(deduct, { deductions: { d1: 2 } })).toBeUndefined();
    expect(answerFits(deduct, { deductions: { d9: 2 } })).toBe('deductions');
    expect(answerFits(deduct, { value: 0.5 })).toBe('kind');
    expect(changedFields(item('x'), item('x'))).toEqual([]);
    // Texts count in Chinese: a new or revised translation alone is no change to re-check.
    expect(changedFields(item('x'), item('x', { text: { zh: '条目x', en: 'item x' } }))).toEqual([]);
    expect(changedFields(item('x'), item('x', { text: { zh: '条目x（修订）', en: 'item x' } }))).toEqual(['text']);
    const rule = (en: string, points = 1) => ({ id: 'd1', text: { zh: '每次扣1分', en }, points });
    expect(changedFields({ ...deduct, deductions: [rule('a')] }, { ...deduct, deductions: [rule('b')] })).toEqual([]);
    expect(changedFields({ ...deduct, deductions: [rule('a')] }, { ...deduct, deductions: [rule('a', 0.5)] })).toEqual(['deductions']);
  });
});

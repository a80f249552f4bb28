// The built-in checklist and every example answer file are valid, and the checklist is built as its format requires.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkFile } from '../../src/check/check-file.js';
import { listItems, appliesTo, kindOf, type Checklist } from '../../src/model/checklist.js';
import { ROOT } from '../helpers/run-cli.js';

const checklistFile = join(ROOT, 'checklists/county-cyber-2018.yaml');
const examples = readdirSync(join(ROOT, 'examples/answers')).filter((f) => f.endsWith('.yaml'));

async function builtin(): Promise<Checklist> {
  const check = await checkFile(checklistFile);
  expect(check.errors).toEqual([]);
  return check.checklist!;
}

/** Every text field of the checklist, with where it is. */
function texts(value: unknown, path = ''): { path: string; text: unknown }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => texts(v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  const out: { path: string; text: unknown }[] = [];
  for (const [k, v] of Object.entries(value)) {
    if (['title', 'text', 'basis', 'guidance', 'label', 'source'].includes(k)) out.push({ path: `${path}.${k}`, text: v });
    else if (k === 'evidence' && Array.isArray(v)) v.forEach((e, i) => out.push({ path: `${path}.evidence[${i}]`, text: e }));
    else out.push(...texts(v, `${path}.${k}`));
  }
  return out;
}

describe('built-in checklist county-cyber-2018', () => {
  it('is valid with no warnings', async () => {
    const check = await checkFile(checklistFile);
    expect(check.kind).toBe('checklist');
    expect([...check.errors, ...check.warnings]).toEqual([]);
  });

  it('has the five task areas of the speech and non-bonus points totalling 100', async () => {
    const c = await builtin();
    expect(c.areas.map((a) => a.id)).toEqual(['A1', 'A2', 'A3', 'A4', 'A5']);
    const total = listItems(c).filter(({ item }) => !item.bonus).reduce((s, { item }) => s + item.points, 0);
    expect(total).toBe(100);
  });

  it('declares the five unit types and gives each a real share of items', async () => {
    const c = await builtin();
    expect(c.unitTypes.map((u) => u.id)).toEqual(['township', 'department', 'cyber-office', 'internet-enterprise', 'cii-operator']);
    for (const { id } of c.unitTypes) {
      const mine = listItems(c).filter(({ item }) => appliesTo(item, id));
      expect(mine.length, id).toBeGreaterThanOrEqual(10);
      expect(new Set(mine.map((p) => p.area.id)).size, id).toBeGreaterThanOrEqual(3);
    }
  });

  it('has veto, ratio, deduct and bonus items, and grades 90/80/60/0', async () => {
    const c = await builtin();
    const items = listItems(c).map((p) => p.item);
    expect(items.filter((i) => i.veto).length).toBeGreaterThanOrEqual(2);
    expect(items.some((i) => kindOf(i) === 'ratio')).toBe(true);
    expect(items.some((i) => kindOf(i) === 'deduct')).toBe(true);
    expect(items.some((i) => i.bonus)).toBe(true);
    expect(c.scoring?.grades?.map((g) => g.min)).toEqual([90, 80, 60, 0]);
  });

  it('has Chinese and English for every text field', async () => {
    const c = await builtin();
    const missing = texts(c).filter(({ text }) => typeof text !== 'object' || !(text as Record<string, string>).zh || !(text as Record<string, string>).en);
    expect(missing.map((m) => m.path)).toEqual([]);
  });

  it('says where its text comes from: the speech\'s title, the occasion and the year', async () => {
    const c = await builtin();
    const source = c.source as { zh: string; en: string };
    expect(source.zh).toContain('把准政治方向 提高网络安全和信息化工作水平');
    expect(source.zh).toContain('全县网络安全和信息化工作会议');
    expect(source.zh).toContain('2018');
    expect(source.en).toMatch(/Keep to the right political direction.*conference on cybersecurity and informatization.*2018|2018.*conference on cybersecurity and informatization/);
  });

  it('gives every item the sentence it comes from, how to check it and the evidence expected', async () => {
    const c = await builtin();
    const items = listItems(c).map((p) => p.item);
    const missing = items.filter((i) => !i.basis || !i.guidance || !i.evidence?.length).map((i) => i.id);
    expect(missing).toEqual([]);
  });
});

describe('example answer files', () => {
  it.each(examples)('%s is valid against the built-in checklist', async (name) => {
    const check = await checkFile(join(ROOT, 'examples/answers', name));
    expect(check.kind).toBe('answers');
    expect([...check.errors, ...check.warnings]).toEqual([]);
    expect(check.answers?.unit.type).toBe(name.replace(/\.yaml$/, ''));
  });
});

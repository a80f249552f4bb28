// Checklists that extend another: the merge result, scoring with it, and every error located in the extension file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkFile, checkParsed } from '../../src/check/check-file.js';
import { loadChecklist } from '../../src/checklist/load-checklist.js';
import { parseYaml } from '../../src/load/parse-yaml.js';
import { MAX_EXTENDS_DEPTH, OVERRIDABLE, isExtension } from '../../src/checklist/extend-checklist.js';
import { listItems, type Checklist } from '../../src/model/checklist.js';
import { ROOT, runInProcess } from '../helpers/run-cli.js';

const EXAMPLE = join(ROOT, 'examples/custom/xx-county-2026.yaml');
const ANSWERS = join(ROOT, 'examples/custom/answers-township.yaml');
const BUILTIN = join(ROOT, 'checklists/county-cyber-2018.yaml');
let tmp = '';

const HEAD = 'schemaVersion: 1\nid: ext-test\nversion: 1.0.0\ntitle: 扩展测试\n';

/** Writes a checklist file into the temp folder and returns its path. */
function write(name: string, text: string): string {
  const file = join(tmp, name);
  writeFileSync(file, text);
  return file;
}

/** Validates a file and returns its diagnostics as `CODE@line:col`. */
async function codesOf(file: string): Promise<string[]> {
  const check = await checkFile(file);
  return [...check.errors, ...check.warnings].map((d) => `${d.code}@${d.line}:${d.column}`);
}

async function base(): Promise<Checklist> {
  const loaded = await loadChecklist(BUILTIN);
  return loaded.checklist!;
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'wangxin-extend-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the shipped example', () => {
  it('resolves into an ordinary checklist with the changes applied', async () => {
    const check = await checkFile(EXAMPLE);
    expect(check.errors).toEqual([]);
    expect(check.warnings).toEqual([]);
    expect(check.kind).toBe('checklist');
    const merged = check.checklist!;
    const original = await base();
    expect(merged.id).toBe('xx-county-2026');
    expect(merged.version).toBe('1.1.0');
    expect(merged.title).toEqual({ zh: 'XX县网信工作自查表（2026）', en: 'XX County cyber work self-check (2026)' });
    expect(merged).not.toHaveProperty('extends');
    expect(merged).not.toHaveProperty('drop');
    // Inherited from the base.
    expect(merged.unitTypes).toEqual(original.unitTypes);
    expect(merged.scoring).toEqual(original.scoring);
    expect(merged.source).toEqual(original.source);

    const items = new Map(listItems(merged).map((p) => [p.item.id, p]));
    expect(items.size).toBe(listItems(original).length - 1 + 1 + 2);
    expect(items.has('A2.3.3')).toBe(false);
    expect(items.get('A4.1.4')!.item.points).toBe(3);
    expect(items.get('A4.1.4')!.item.kind).toBe('ratio'); // other fields kept
    expect(items.get('A4.1.3')!.item.text).toMatchObject({ zh: expect.stringContaining('每半年') });
    // Appended at the end of its section; the new area comes after the base's.
    const a41 = items.get('A4.1.X1')!.section!;
    expect(a41.id).toBe('A4.1');
    expect(a41.items.at(-1)!.id).toBe('A4.1.X1');
    expect(items.get('A4.1.X1')!.item.replaces).toEqual(['A4.1.8']);
    expect(merged.areas.map((a) => a.id)).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'A6']);
    expect(items.get('A6.2')!.item.kind).toBe('ratio');
  });

  it('does not change the built-in checklist it extends', async () => {
    await checkFile(EXAMPLE);
    const original = await base();
    const items = new Map(listItems(original).map((p) => [p.item.id, p.item]));
    expect(items.get('A4.1.4')!.points).toBe(1.5);
    expect(items.has('A2.3.3')).toBe(true);
    expect(items.has('A4.1.X1')).toBe(false);
  });

  it('gives the same result through the fast and the positioned parse, and through loadChecklist', async () => {
    const text = (await import('node:fs')).readFileSync(EXAMPLE, 'utf8');
    const quick = parseYaml(text, EXAMPLE, { positions: false });
    expect(quick.value).toBeDefined();
    const fast = await checkParsed(quick);
    const slow = await checkParsed(parseYaml(text, EXAMPLE));
    const loaded = await loadChecklist(EXAMPLE);
    expect(fast.checklist).toEqual(slow.checklist);
    expect(loaded.checklist).toEqual(slow.checklist);
    expect(isExtension(quick.value)).toBe(true);
  });

  it('its answer file validates against it, and scoring uses the new items and points', async () => {
    const r = await runInProcess(['score', ANSWERS, '--checklist', EXAMPLE, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { checklist: { id: string }; items: { id: string; earned: number; max: number }[]; areas: { id: string }[]; complete: boolean };
    expect(report.checklist.id).toBe('xx-county-2026');
    expect(report.complete).toBe(true);
    const byId = new Map(report.items.map((i) => [i.id, i]));
    expect(byId.has('A2.3.3')).toBe(false);
    expect(byId.get('A4.1.4')).toMatchObject({ earned: 2.4, max: 3 });
    expect(byId.get('A4.1.X1')).toMatchObject({ earned: 2, max: 2 });
    expect(byId.get('A6.2')).toMatchObject({ earned: 1.5, max: 2 });
    expect(report.areas.map((a) => a.id)).toContain('A6');
  });

  it('the example answer file is rejected against the base checklist (wrong id)', async () => {
    const r = await runInProcess(['validate', '--checklist', 'county-cyber-2018', ANSWERS]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/CHECKLIST_ID_MISMATCH/);
  });

  it('validate checks the answers against the extension given on the same command line', async () => {
    const r = await runInProcess(['validate', '--lang', 'en', EXAMPLE, ANSWERS]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/2 file\(s\): 2 valid/);
  });
});

describe('merging', () => {
  it('drops a whole section with its items, and prunes a section emptied item by item', async () => {
    const file = write('drop.yaml', `${HEAD}extends: county-cyber-2018\ndrop: [A2.3, A1.2.1, A1.2.2]\n`);
    const check = await checkFile(file);
    expect(check.errors).toEqual([]);
    const ids = listItems(check.checklist!).map((p) => p.item.id);
    expect(ids.filter((id) => id.startsWith('A2.3') || id.startsWith('A1.2'))).toEqual([]);
    const a1 = check.checklist!.areas.find((a) => a.id === 'A1')!;
    expect(a1.sections!.map((s) => s.id)).toEqual(['A1.1', 'A1.3']);
  });

  it('adds unit types, overrides area weight and one scoring key, and appends a section to an area', async () => {
    const file = write(
      'more.yaml',
      `${HEAD}extends: county-cyber-2018
unitTypes:
  - { id: village, label: 村（社区） }
scoring:
  partialCredit: 0.6
override:
  A5: { title: 五、组织领导（本县）, weight: 10 }
append:
  A5:
    sections:
      - id: A5.9
        title: 村级工作
        items:
          - { id: A5.9.1, text: 村级网格员到位, points: 2, appliesTo: [village] }
`,
    );
    const check = await checkFile(file);
    expect(check.errors).toEqual([]);
    const merged = check.checklist!;
    const original = await base();
    expect(merged.unitTypes.map((u) => u.id)).toEqual([...original.unitTypes.map((u) => u.id), 'village']);
    expect(merged.scoring!.partialCredit).toBe(0.6);
    expect(merged.scoring!.grades).toEqual(original.scoring!.grades);
    const a5 = merged.areas.find((a) => a.id === 'A5')!;
    expect(a5.weight).toBe(10);
    expect(a5.title).toBe('五、组织领导（本县）');
    expect(a5.sections!.at(-1)!.id).toBe('A5.9');
  });

  it('an item may be moved: dropped, then added again elsewhere with the same id', async () => {
    const file = write(
      'move.yaml',
      `${HEAD}extends: county-cyber-2018\ndrop: [A2.3.3]\nareas:\n  - id: A6\n    title: 本地\n    items:\n      - { id: A2.3.3, text: 移到这里, points: 3 }\n`,
    );
    const check = await checkFile(file);
    expect(check.errors).toEqual([]);
    const placed = listItems(check.checklist!).find((p) => p.item.id === 'A2.3.3')!;
    expect(placed.area.id).toBe('A6');
  });

  it('extends an earlier built-in version named id@version, which stays as it was', async () => {
    const file = write('pinned.yaml', `${HEAD}extends: county-cyber-2018@1.0.0\ndrop: [A2.3.3]\n`);
    const check = await checkFile(file);
    expect(check.errors).toEqual([]);
    const ids = listItems(check.checklist!).map((p) => p.item.id);
    expect(ids).toContain('A3.2.4'); // split in 1.1.0, still whole in 1.0.0
    expect(ids).not.toContain('A1.1.3');
    expect(ids).toHaveLength(52);
  });

  it('extends a file by a path relative to itself, in a chain of two', async () => {
    copyFileSync(EXAMPLE, join(tmp, 'county.yaml'));
    const file = write('chain.yaml', `${HEAD}extends: ./county.yaml\ndrop: [A6.2]\noverride:\n  A4.1.X1: { points: 3 }\n`);
    const check = await checkFile(file);
    expect(check.errors).toEqual([]);
    const items = new Map(listItems(check.checklist!).map((p) => [p.item.id, p.item]));
    expect(items.has('A6.1')).toBe(true);
    expect(items.has('A6.2')).toBe(false);
    expect(items.has('A2.3.3')).toBe(false);
    expect(items.get('A4.1.X1')!.points).toBe(3);
    expect(check.checklist!.id).toBe('ext-test');
  });

  it('reads a base whose YAML needs the full parser (anchors and aliases)', async () => {
    write(
      'anchored.yaml',
      `schemaVersion: 1\nid: anchored\nversion: 1.0.0\ntitle: 锚点\nunitTypes:\n  - { id: township, label: &t 乡镇 }\nareas:\n  - id: A1\n    title: *t\n    items:\n      - { id: A1.1, text: 条目, points: 2 }\n`,
    );
    const file = write('on-anchored.yaml', `${HEAD}extends: ./anchored.yaml\noverride:\n  A1.1: { points: 5 }\n`);
    const check = await checkFile(file);
    expect(check.errors).toEqual([]);
    expect(check.checklist!.areas[0].title).toBe('乡镇');
    expect(check.checklist!.areas[0].items![0].points).toBe(5);
  });

  it('lists what override may change for each kind of id', () => {
    expect(OVERRIDABLE.item).toContain('points');
    expect(OVERRIDABLE.item).not.toContain('id');
    expect(OVERRIDABLE.area).toEqual(['title', 'description', 'weight']);
  });
});

describe('errors are located in the extension file', () => {
  it('an override that breaks an item is reported on the override (kind deduct without deductions)', async () => {
    const file = write('bad-kind.yaml', `${HEAD}extends: county-cyber-2018\noverride:\n  A1.1.1:\n    kind: deduct\n`);
    expect(await codesOf(file)).toEqual(['DEDUCTIONS_MISSING@8:11']);
  });

  it('points 0 from an override is reported at that points', async () => {
    const file = write('zero.yaml', `${HEAD}extends: county-cyber-2018\noverride:\n  A1.1.1: { points: 0 }\n`);
    expect(await codesOf(file)).toEqual(['POINTS_ZERO@7:21']);
  });

  it('an added item naming an unknown unit type is reported in the added item', async () => {
    const file = write('unit-type.yaml', `${HEAD}extends: county-cyber-2018\nappend:\n  A4.1:\n    items:\n      - { id: A4.1.9, text: 新增, points: 1, appliesTo: [village] }\n`);
    expect(await codesOf(file)).toEqual(['UNKNOWN_UNIT_TYPE@9:56']);
  });

  it('two additions with one id: the normal duplicate rule, with the first line in this file', async () => {
    const file = write(
      'twice.yaml',
      `${HEAD}extends: county-cyber-2018\nareas:\n  - id: A6\n    title: 本地\n    items:\n      - { id: A6.1, text: 一, points: 1 }\n      - { id: A6.1, text: 二, points: 1 }\n`,
    );
    const check = await checkFile(file);
    expect(check.errors.map((d) => `${d.code}@${d.line}:${d.column}`)).toEqual(['DUPLICATE_ID@11:15']);
    expect(check.errors[0].message.en).toMatch(/first on line 10/);
  });

  it('an added area or unit type reusing a base id (the clashing area is not looked into)', async () => {
    const file = write(
      'dup-area.yaml',
      `${HEAD}extends: county-cyber-2018\nunitTypes:\n  - { id: township, label: 乡镇 }\nareas:\n  - id: A1\n    title: 又一个\n    items:\n      - { id: A1.1.1, text: 重复, points: 1 }\n`,
    );
    expect(await codesOf(file)).toEqual(['EXTEND_DUPLICATE_ID@7:11', 'EXTEND_DUPLICATE_ID@9:9']);
    // override can change an area, not a unit type: the advice differs.
    const [unitType, area] = (await checkFile(file)).errors.map((d) => d.message.en);
    expect(unitType).toBe('unit type id "township" is already used by the base checklist "county-cyber-2018" (a unit type of the base checklist cannot be redefined or relabelled; give a new unit type an id of its own)');
    expect(area).toMatch(/\(use override to change it\)$/);
  });

  it('override of an unknown id, and of a field an item does not have', async () => {
    const file = write('override.yaml', `${HEAD}extends: county-cyber-2018\noverride:\n  A9.9: { points: 1 }\n  A1.1.1: { weight: 3 }\n`);
    expect(await codesOf(file)).toEqual(['EXTEND_UNKNOWN_ID@7:3', 'EXTEND_OVERRIDE_FIELD@8:13']);
  });

  it('a rule an override breaks is reported at that override, though the field it names came from the base', async () => {
    const file = write('override-breaks.yaml', `${HEAD}extends: county-cyber-2018\noverride:\n  A1.1.1: { points: 2 }\n  A1.1.3: { kind: ratio }\n  A4: { weight: 20 }\n`);
    // A1.1.3 is a veto item made a ratio; A4 holds bonus items and is given a weight.
    expect(await codesOf(file)).toEqual(['VETO_NOT_STATUS@8:3', 'BONUS_IN_WEIGHTED_AREA@9:3']);
  });

  it('override of the id itself is refused by the schema', async () => {
    const file = write('override-id.yaml', `${HEAD}extends: county-cyber-2018\noverride:\n  A1.1.1: { id: A1.1.9 }\n`);
    expect(await codesOf(file)).toEqual(['SCHEMA_UNKNOWN_PROPERTY@7:13']);
  });

  it('append to an item, and sections to a section', async () => {
    const file = write(
      'append.yaml',
      `${HEAD}extends: county-cyber-2018\nappend:\n  A1.1.1:\n    items: [{ id: X1, text: 一, points: 1 }]\n  A1.1:\n    sections: [{ id: X2, title: 二, items: [{ id: X3, text: 三, points: 1 }] }]\n`,
    );
    expect(await codesOf(file)).toEqual(['EXTEND_APPEND_MISMATCH@8:5', 'EXTEND_APPEND_MISMATCH@10:5']);
    expect((await checkFile(file)).errors.map((d) => d.message.zh)).toEqual([
      '“A1.1.1”是条目，条目下不能追加；请追加到它所在的二级指标或一级指标',
      '“A1.1”是二级指标，只能在其下追加 items',
    ]);
  });

  it('drop of an unknown id and of one inside a dropped area', async () => {
    const file = write('drops.yaml', `${HEAD}extends: county-cyber-2018\ndrop: [A2, A2.1.1, Z9]\n`);
    expect(await codesOf(file)).toEqual(['EXTEND_ID_DROPPED@6:12', 'EXTEND_UNKNOWN_ID@6:20']);
  });

  it('a base path that does not exist, and a base that is not a checklist', async () => {
    expect(await codesOf(write('no-base.yaml', `${HEAD}extends: ./missing.yaml\n`))).toEqual(['EXTEND_UNKNOWN_BASE@5:10']);
    write('answers-base.yaml', 'schemaVersion: 1\nchecklist: { id: a, version: 1.0.0 }\nunit: { name: x, type: y }\nanswers: {}\n');
    const check = await checkFile(write('bad-base.yaml', `${HEAD}extends: ./answers-base.yaml\n`));
    expect(check.errors.map((d) => d.code)).toEqual(['EXTEND_BASE_INVALID']);
    write('garbage-base.yaml', 'a: [1, 2\n');
    expect(await codesOf(write('garbage.yaml', `${HEAD}extends: ./garbage-base.yaml\n`))).toEqual(['EXTEND_BASE_INVALID@5:10']);
  });

  it('a chain of extends longer than the limit is "too deep" (its own code), not a loop; a shorter one is fine', async () => {
    const chain = (prefix: string, length: number): string => {
      for (let i = 0; i < length; i++) {
        const base = i === length - 1 ? 'county-cyber-2018' : `./${prefix}-${i + 1}.yaml`;
        write(`${prefix}-${i}.yaml`, `schemaVersion: 1\nid: ${prefix}-${i}\nversion: 1.0.0\ntitle: 链${i}\nextends: ${base}\n`);
      }
      return join(tmp, `${prefix}-0.yaml`);
    };
    const deep = await checkFile(chain('long', MAX_EXTENDS_DEPTH + 4));
    expect(deep.errors.map((d) => `${d.code}@${d.line}:${d.column}`)).toEqual(['EXTEND_TOO_DEEP@5:10']);
    expect(deep.errors[0].message.en).toMatch(new RegExp(`more than ${MAX_EXTENDS_DEPTH} checklists`));
    const ok = await checkFile(chain('short', MAX_EXTENDS_DEPTH - 1));
    expect(ok.errors).toEqual([]);
  });

  it('a checklist that extends itself is a loop', async () => {
    const file = write('self.yaml', `${HEAD}extends: ./self.yaml\n`);
    const check = await checkFile(file);
    expect(check.errors.map((d) => `${d.code}@${d.line}:${d.column}`)).toEqual(['EXTEND_CYCLE@5:10']);
    expect(check.errors[0].message.en).toMatch(/self\.yaml → .*self\.yaml/);
    // Outside the working folder (a temporary one), the files are named by their absolute paths, not by ../../.
    expect(check.errors[0].message.en).toContain(`${file} → ${file}`);
  });

  it('drop/override/append need extends; without extends unitTypes and areas are required', async () => {
    expect(await codesOf(write('no-extends.yaml', `${HEAD}unitTypes: [{ id: a, label: 甲 }]\ndrop: [A1]\n`))).toEqual([
      'SCHEMA_REQUIRED@1:1',
      'SCHEMA_INVALID@1:1',
    ]);
    // Only the missing fields: the schema's if/then adds no extra "must match then" message.
    const bare = await checkFile(write('bare.yaml', `${HEAD}unitTypes: [{ id: a, label: 甲 }]\n`));
    expect(bare.errors.map((d) => `${d.code}@${d.line}:${d.column}`)).toEqual(['SCHEMA_REQUIRED@1:1']);
    expect(bare.errors[0].message.en).toMatch(/"areas"/);
  });

  it('validate prints file:line:col of the extension file and exits 1', async () => {
    const file = write('cli.yaml', `${HEAD}extends: county-cyber-2018\ndrop: [A9]\n`);
    const r = await runInProcess(['validate', '--lang', 'en', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/cli\.yaml:6:8 .*EXTEND_UNKNOWN_ID/);
    expect(r.stdout).toMatch(/has no area, section or item "A9"/);
  });

  it('score with a broken extension as --checklist writes no report and exits 1', async () => {
    const file = write('broken.yaml', `${HEAD}extends: county-cyber-2018\noverride:\n  A9: { points: 1 }\n`);
    const r = await runInProcess(['score', ANSWERS, '--checklist', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/EXTEND_UNKNOWN_ID/);
  });
});

describe('a hostile base checklist', () => {
  it('reports a base nested thousands of levels deep as too deep, on the extends line, in bounded time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wangxin-extend-deep-'));
    try {
      const levels = Array.from({ length: 3000 }, (_, i) => `${' '.repeat(2 * (i + 1))}x:`).join('\n');
      writeFileSync(join(dir, 'base.yaml'), `schemaVersion: 1\nid: base\nversion: 1.0.0\ntitle: t\nunitTypes: [{ id: a, label: b }]\nareas:\n${levels}\n`);
      writeFileSync(join(dir, 'ext.yaml'), 'schemaVersion: 1\nid: ext\nversion: 1.0.0\ntitle: t\nextends: ./base.yaml\n');
      const started = Date.now();
      const check = await checkFile(join(dir, 'ext.yaml'));
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(check.errors.map((d) => [d.code, d.line])).toEqual([['EXTEND_BASE_INVALID', 5]]);
      expect(check.errors[0].message.en).toMatch(/nesting is too deep/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

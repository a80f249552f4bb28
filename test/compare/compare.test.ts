// The pure comparison: improved/regressed by status order and by points, newly open items, items on one side, areas and warnings.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareReports, isOpen, levelOf, summarizeSide } from '../../src/compare/compare.js';
import { formatCompareMarkdown, describeState } from '../../src/compare/markdown.js';
import { loadSide, looksLikeReport } from '../../src/compare/load-side.js';
import type { Report } from '../../src/model/report.js';
import { ROOT } from '../helpers/run-cli.js';

const TOWNSHIP = readFileSync(join(ROOT, 'examples/answers/township.yaml'), 'utf8');
const tmp = mkdtempSync(join(tmpdir(), 'wangxin-compare-pure-'));

/** The township example with some answer lines replaced (`id` → new flow map text, or null to remove). */
function variant(name: string, changes: Record<string, string | null>, extra: (t: string) => string = (t) => t): string {
  let text = TOWNSHIP;
  for (const [id, answer] of Object.entries(changes)) {
    const re = new RegExp(`^  ${id.replace(/\./g, '\\.')}: .*$`, 'm');
    expect(text).toMatch(re);
    text = text.replace(re, answer === null ? '' : `  ${id}: ${answer}`);
  }
  const file = join(tmp, `${name}.yaml`);
  writeFileSync(file, extra(text));
  return file;
}

async function report(file: string, lang: 'zh' | 'en' = 'zh'): Promise<Report> {
  const side = await loadSide(file, { lang });
  if (!side.ok) throw new Error(JSON.stringify(side.errors.map((e) => e.message.en)));
  return side.report;
}

async function compare(oldFile: string, newFile: string, lang: 'zh' | 'en' = 'zh') {
  const a = await report(oldFile, lang);
  const b = await report(newFile, lang);
  return compareReports(a, b, { old: summarizeSide(a, 'old.yaml', 'answers'), new: summarizeSide(b, 'new.yaml', 'answers') });
}

describe('levelOf and isOpen', () => {
  it('orders fail = unanswered < partial < pass by points, leaves na out, and uses the status for 0-point items', () => {
    expect(levelOf({ status: 'pass', earned: 3, max: 3 })).toBe(1);
    expect(levelOf({ status: 'partial', earned: 1.5, max: 3 })).toBe(0.5);
    expect(levelOf({ status: 'fail', earned: 0, max: 3 })).toBe(0);
    expect(levelOf({ status: 'unanswered', earned: 0, max: 3 })).toBe(0);
    expect(levelOf({ status: 'na', earned: 0, max: 0 })).toBeUndefined();
    expect(levelOf({ status: 'pass', earned: 0, max: 0 })).toBe(1);
    expect(levelOf({ status: 'fail', earned: 0, max: 0 })).toBe(0);
    expect(['fail', 'partial', 'unanswered'].every((s) => isOpen(s as never))).toBe(true);
    expect(isOpen('pass') || isOpen('na')).toBe(false);
  });
});

describe('compareReports', () => {
  it('finds improved, regressed, newly open and other changes, with the score, grade and area deltas', async () => {
    const oldFile = variant('old', {
      'A1.1.1': '{ status: fail }', // fail → pass: improved
      'A1.2.2': '{ status: pass }', // pass → partial: regressed, newly open
      'A2.3.2': '{ value: 0.25 }', // ratio 0.25 → 0.5: improved (still open, not newly)
      'A4.1.5': '{ deductions: {} }', // deduct: 0 off → 2 off: regressed, newly open
      'A3.3.3': '{ status: pass }', // pass → na: other change
      'A5.3.1': null, // unanswered → pass: improved
    });
    const newFile = variant('new', { 'A3.2.5': null }); // fail → unanswered: other change, not newly open
    const c = await compare(oldFile, newFile);
    expect(c.improved.map((i) => i.id)).toEqual(['A1.1.1', 'A2.3.2', 'A5.3.1']);
    expect(c.regressed.map((i) => i.id)).toEqual(['A1.2.2', 'A4.1.5']);
    expect(c.newlyOpen.map((i) => i.id)).toEqual(['A1.2.2', 'A4.1.5']);
    expect(c.otherChanges.map((i) => [i.id, i.old.status, i.new.status])).toEqual([
      ['A3.2.5', 'fail', 'unanswered'],
      ['A3.3.3', 'pass', 'na'],
    ]);
    expect(c.onlyInOld).toEqual([]);
    expect(c.onlyInNew).toEqual([]);
    expect(c.warnings).toEqual([]);
    expect(c.score.delta).toBeCloseTo(c.score.new - c.score.old, 2);
    expect(c.areas.map((a) => a.id)).toEqual(['A1', 'A2', 'A3', 'A4', 'A5']);
    const a1 = c.areas[0];
    expect(a1.delta).toBeCloseTo(a1.new! - a1.old!, 2);
    expect(c.improved[1]).toMatchObject({ kind: 'ratio', old: { status: 'partial', earned: 0.38 }, new: { earned: 0.75 } });
  });

  it('grade up and down, and a vetoed side', async () => {
    const vetoed = variant('vetoed', { 'A3.3.4': '{ status: fail }' });
    const good = join(ROOT, 'examples/answers/township.yaml');
    const up = await compare(vetoed, good);
    expect(up.grade).toMatchObject({ old: { label: '不合格' }, new: { label: '良好' }, change: 'up' });
    expect(up.old.vetoed).toBe(true);
    expect((await compare(good, vetoed)).grade.change).toBe('down');
    expect((await compare(good, good)).grade.change).toBe('same');
    const same = await compare(good, good);
    expect([same.improved, same.regressed, same.newlyOpen, same.otherChanges]).toEqual([[], [], [], []]);
    expect(same.score.delta).toBe(0);
  });

  it('warns when unit names or types differ, and lists items on one side only', async () => {
    const renamed = variant('renamed', {}, (t) => t.replace('name: 某某镇党委', 'name: 另一个镇'));
    const c = await compare(join(ROOT, 'examples/answers/township.yaml'), renamed);
    expect(c.warnings).toEqual([{ code: 'unitName', old: '某某镇党委', new: '另一个镇' }]);
    const dept = await compare(join(ROOT, 'examples/answers/township.yaml'), join(ROOT, 'examples/answers/department.yaml'));
    expect(dept.warnings.map((w) => w.code)).toEqual(['unitName', 'unitType']);
    // Across checklists (the county's custom one drops A2.3.3 and adds A4.1.X1, A6.1, A6.2).
    const a = await report(join(ROOT, 'examples/answers/township.yaml'));
    const side = await loadSide(join(ROOT, 'examples/custom/answers-township.yaml'), { lang: 'zh', ref: join(ROOT, 'examples/custom/xx-county-2026.yaml') });
    if (!side.ok) throw new Error('custom example should load');
    const c2 = compareReports(a, side.report, { old: summarizeSide(a, 'a', 'answers'), new: summarizeSide(side.report, 'b', 'answers') });
    expect(c2.warnings.map((w) => w.code)).toEqual(['checklistId']);
    expect(c2.onlyInOld.map((i) => i.id)).toEqual(['A2.3.3']);
    expect(c2.onlyInNew.map((i) => i.id)).toEqual(['A4.1.X1', 'A6.1', 'A6.2']);
    expect(c2.areas.map((x) => x.id)).toContain('A6');
    expect(c2.areas.find((x) => x.id === 'A6')!.old).toBeNull();
    // Items only in NEW that are open count as newly open.
    for (const only of c2.onlyInNew.filter((i) => isOpen(i.state.status))) expect(c2.newlyOpen.map((i) => i.id)).toContain(only.id);
  });
});

describe('formatCompareMarkdown', () => {
  it('renders both languages, escapes texts from the files, and says "none" for empty lists', async () => {
    const evil = variant('evil', {}, (t) => t.replace('name: 某某镇党委', 'name: "<b>x</b> | *y*"'));
    const c = await compare(join(ROOT, 'examples/answers/township.yaml'), evil);
    const zh = formatCompareMarkdown(c, { lang: 'zh' });
    expect(zh).toMatch(/^# 自查结果对比：&lt;b&gt;x&lt;\/b&gt; \\\| \\\*y\\\*$/m);
    expect(zh).toMatch(/> \[!WARNING\]\n> 两个文件的单位名称不同/);
    expect(zh).toMatch(/## 进步的条目（0）\n\n无。/);
    expect(zh).toMatch(/\| 总分 \| 85\.5 \| 85\.5 \| 0\.0 \|/);
    const en = formatCompareMarkdown(c, { lang: 'en' });
    expect(en).toMatch(/^# Self-check comparison:/);
    expect(en).toMatch(/## Regressed items \(0\)\n\nNone\./);
    expect(en).not.toMatch(/## 各|进步|退步/);
  });

  it('the three numbers on screen agree: the change is new − old as shown, each rounded once', async () => {
    const c = await compare(join(ROOT, 'examples/answers/township.yaml'), join(ROOT, 'examples/answers/township.yaml'));
    c.score = { old: 42.857, new: 85.714, delta: 42.86 };
    c.areas[0] = { ...c.areas[0], old: 42.857, new: 85.714, delta: 42.857 };
    const zh = formatCompareMarkdown(c, { lang: 'zh' });
    expect(zh).toMatch(/总分 42\.9 → 85\.7（\+42\.8）/);
    expect(zh).toMatch(/\| 总分 \| 42\.9 \| 85\.7 \| \+42\.8 \|/);
    expect(zh).toMatch(/\| A1 [^\n]*\| 42\.9 \| 85\.7 \| \+42\.8 \|/);
  });

  it('describes states with points only where they say more than the status', () => {
    expect(describeState({ status: 'pass', earned: 3, max: 3 }, 'status', 'zh')).toBe('符合');
    expect(describeState({ status: 'partial', earned: 0.5, max: 2 }, 'ratio', 'en')).toBe('Partial 0.5/2 pts');
    expect(describeState({ status: 'na', earned: 0, max: 0 }, 'deduct', 'zh')).toBe('不适用');
  });
});

describe('loadSide', () => {
  it('tells JSON reports from answer files by content', () => {
    expect(looksLikeReport({ schemaVersion: 1, items: [], score: 1 })).toBe(true);
    expect(looksLikeReport({ schemaVersion: 1, answers: {} })).toBe(false);
    expect(looksLikeReport([1])).toBe(false);
    expect(looksLikeReport(null)).toBe(false);
  });

  it('rejects a JSON report that breaks the report schema, with a position', async () => {
    const good = await report(join(ROOT, 'examples/answers/township.yaml'));
    const broken = { ...good, grade: { index: 'first', label: 1 } };
    const file = join(tmp, 'broken.json');
    writeFileSync(file, JSON.stringify(broken, null, 2));
    const side = await loadSide(file, { lang: 'zh' });
    expect(side.ok).toBe(false);
    if (!side.ok) {
      expect(side.unreadable).toBe(false);
      expect(side.errors.length).toBeGreaterThan(0);
      expect(side.errors[0].line).toBeGreaterThan(1);
    }
  });
});

describe('compare: reports written in another language', () => {
  it('takes the checklist\'s words in the comparison\'s language when the checklist is known, the unit\'s own words as written', async () => {
    const { runInProcess } = await import('../helpers/run-cli.js');
    const old = join(tmp, 'r25.json');
    const now = join(tmp, 'r26.json');
    expect((await runInProcess(['score', 'examples/loop/2025/township.yaml', '--format', 'json', '--out', old])).code).toBe(0);
    expect((await runInProcess(['score', 'examples/loop/2026/township.yaml', '--format', 'json', '--out', now])).code).toBe(0);
    const en = await runInProcess(['compare', old, now, '--lang', 'en', '--format', 'json']);
    expect(en.code, en.stderr).toBe(0);
    const doc = JSON.parse(en.stdout);
    // The 2026 report is scored with the office's review beside it: its verified grade.
    expect(doc.grade).toMatchObject({ old: { label: 'Pass' }, new: { label: 'Pass' } });
    expect(doc.areas[0].title).toMatch(/^[\x20-\x7e]+$/);
    for (const change of [...doc.improved, ...doc.regressed]) expect(change.text, change.id).toMatch(/^[^\u4e00-\u9fff]+$/);
    const md = (await runInProcess(['compare', old, now, '--lang', 'en'])).stdout;
    expect(md).toContain('grade Pass → Pass');
    // The unit's name is its own: as written.
    expect(md).toContain('某某镇党委');
    // A report whose checklist cannot be found keeps its words.
    const custom = JSON.parse(readFileSync(old, 'utf8'));
    custom.checklist.id = 'someone-elses';
    writeFileSync(join(tmp, 'custom.json'), JSON.stringify(custom));
    const kept = JSON.parse((await runInProcess(['compare', join(tmp, 'custom.json'), join(tmp, 'custom.json'), '--lang', 'en', '--format', 'json'])).stdout);
    expect(kept.grade.old.label).toBe(custom.grade.label);
  });
});

// The batch summary, Markdown and JUnit from constructed outcomes: counts, ranking ties, escaping, XML well-formedness.
import { describe, expect, it } from 'vitest';
import type { FileOutcome, UnitSummary } from '../../src/model/batch.js';
import { batchExitCode, summarizeBatch } from '../../src/batch/summary.js';
import { createDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { escapeCell, formatBatchMarkdown, formatBatchMarkdownLines } from '../../src/report/batch-markdown.js';
import { escapeXml, formatJunit, formatJunitLines } from '../../src/report/junit.js';
import { appendAll } from '../../src/util/append-all.js';
import { findAll, parseXml } from './xml.js';
import { unit } from '../helpers/unit-summary.js';


function valid(file: string, summary: UnitSummary): FileOutcome {
  return { file, status: 'valid', fast: true, summary, errors: [], errorCount: 0, warnings: [], warningCount: 0 };
}

const bad = createDiagnostic('UNKNOWN_ITEM', 'x/invalid.yaml', { id: 'A9' }, { line: 3, column: 5 });
const outcomes: FileOutcome[] = [
  valid('x/b.yaml', unit('乙单位', 80)),
  valid('x/a.yaml', unit('乙单位', 80)),
  valid('x/c.yaml', unit('甲单位', 80.004)),
  valid('x/d.yaml', unit('丙 | <b>单位</b>\n第二行', 95, { vetoed: true, vetoItems: ['A3.3.5'] })),
  valid('x/e.yaml', unit('丁单位', 59.99)),
  valid('x/f.yaml', unit('戊单位', 70, { complete: false, unanswered: ['A1.1.1', 'A1.1.2'] })),
  { file: 'x/invalid.yaml', status: 'invalid', fast: false, errors: [bad], errorCount: 3, warnings: [], warningCount: 0 },
];
const findings = [createDiagnostic('FILE_UNREADABLE', 'x/loop', { reason: 'ELOOP' })];

describe('summarizeBatch', () => {
  const summary = summarizeBatch(outcomes, findings, { failUnder: 60, allowIncomplete: false }, { generatedAt: '2026-01-01T00:00:00Z', lang: 'zh' });

  it('counts files, units and every reason to fail', () => {
    expect(summary.counts).toEqual({
      files: 8,
      valid: 6,
      invalid: 2,
      unreadable: 1,
      vetoed: 1,
      incomplete: 1,
      belowThreshold: 1,
      // invalid, unreadable, vetoed, below 60, incomplete, and x/a.yaml superseded by x/b.yaml.
      failed: 6,
      duplicates: 1,
      superseded: 1,
      other: 0,
    });
    expect(batchExitCode(summary)).toBe(1);
  });

  it('ranks verdict first (a vetoed unit below every other, whatever its points), then score, unit name, file', () => {
    const rows = summary.ranking.map((r) => [r.rank, summary.files[r.index].file]);
    // 乙单位 (its later copy x/b.yaml; x/a.yaml is superseded) and 甲单位 tie at 80.00 (80.004
    // rounds to it): rank 1 shared, 乙 (U+4E59) before 甲 (U+7532). Then 戊 70, 丁 59.99, and 丙
    // last: 95 points but vetoed.
    expect(rows).toEqual([
      [1, 'x/b.yaml'],
      [1, 'x/c.yaml'],
      [3, 'x/f.yaml'],
      [4, 'x/e.yaml'],
      [5, 'x/d.yaml'],
    ]);
  });

  it('ranks within each unit type besides the overall ranking, the verdict first there too', () => {
    const typed = (name: string, type: string, score: number, vetoed = false): UnitSummary =>
      // A vetoed unit is graded lowest (as scoring does).
      unit(name, score, { unit: { name, type, typeLabel: type }, vetoed, vetoItems: vetoed ? ['A3.3.5'] : [], ...(vetoed ? { grade: { index: 1, label: '不合格', min: 0 } } : {}) });
    const s = summarizeBatch(
      [
        valid('t/1.yaml', typed('镇一', 'township', 70)),
        valid('t/2.yaml', typed('镇二', 'township', 90, true)),
        valid('t/3.yaml', typed('网信办', 'cyber-office', 95)),
        valid('t/4.yaml', typed('镇三', 'township', 70)),
        valid('t/5.yaml', typed('部门一', 'department', 85)),
        valid('t/6.yaml', typed('镇四', 'township', 88)),
      ],
      [],
      { allowIncomplete: false },
      { generatedAt: 'x', lang: 'zh' },
    );
    const rows = s.ranking.map((r) => [s.files[r.index].summary!.unit.name, r.rank, r.typeRank]);
    // Overall: 95, 88, 85, 70, 70 (tie: 镇一 before 镇三 by code point), then the vetoed 90.
    // Townships: 88 → 1, 70/70 → 2 and 2, vetoed → 4; the office and the department are first of their kind.
    expect(rows).toEqual([
      ['网信办', 1, 1],
      ['镇四', 2, 1],
      ['部门一', 3, 1],
      ['镇一', 4, 2],
      ['镇三', 4, 2],
      ['镇二', 6, 4],
    ]);
    const md = formatBatchMarkdown(s, { lang: 'zh' });
    expect(md).toContain('## 按单位类型排名');
    const townships = md.slice(md.indexOf('### township (4)'));
    expect(townships.split('\n').slice(4, 8)).toEqual(['| 1 | 镇四 | 88.0 | 合格 | 通过 |', '| 2 | 镇一 | 70.0 | 合格 | 通过 |', '| 2 | 镇三 | 70.0 | 合格 | 通过 |', '| 4 | 镇二 | 90.0 | 不合格 | **不通过** |']);
  });

  it('flags the same unit submitted twice', () => {
    expect(summary.duplicates).toEqual([
      { name: '乙单位', type: 'township', typeLabel: '乡镇', files: ['x/a.yaml', 'x/b.yaml'], kept: 'x/b.yaml', date: null, superseded: [{ file: 'x/a.yaml', date: null }] },
    ]);
    expect(summary.files.find((f) => f.file === 'x/a.yaml')).toMatchObject({ supersededBy: 'x/b.yaml', failed: true, reasons: ['duplicate'] });
  });

  it('keeps the copy with the latest date, else the last in path order, and leaves the others out of every figure', () => {
    const dated = (file: string, score: number, date?: string): FileOutcome => valid(file, unit('乙单位', score, date === undefined ? {} : { date }));
    const pick = (list: FileOutcome[], allowDuplicates = false): ReturnType<typeof summarizeBatch> =>
      summarizeBatch(list, [], { allowIncomplete: false, allowDuplicates }, { generatedAt: 'x', lang: 'zh' });
    // The latest date wins wherever its file sorts; a copy without a date is older than any dated one.
    let s = pick([dated('y/1.yaml', 50, '2026-11-30'), dated('y/2.yaml', 90, '2026-10-01'), dated('y/3.yaml', 70)]);
    expect(s.duplicates[0]).toMatchObject({ kept: 'y/1.yaml', date: '2026-11-30' });
    expect(s.ranking.map((r) => s.files[r.index].file)).toEqual(['y/1.yaml']);
    // Only the kept copy is in the distributions: one unit of grade index 1 (50 points), averaging 50.
    expect(s.byGrade.map((g) => [g.index, g.count])).toEqual([[1, 1]]);
    expect(s.byType).toEqual([{ type: 'township', label: '乡镇', count: 1, averageScore: 50, byGrade: [1] }]);
    expect(s.counts).toMatchObject({ valid: 3, belowThreshold: 0, superseded: 2, failed: 2 });
    // Equal dates: the last in path order.
    s = pick([dated('y/1.yaml', 50, '2026-11-30'), dated('y/2.yaml', 90, '2026-11-30')]);
    expect(s.duplicates[0].kept).toBe('y/2.yaml');
    // --allow-duplicates: still counted once, but not a finding.
    s = pick([dated('y/1.yaml', 50), dated('y/2.yaml', 90)], true);
    expect(s.counts).toMatchObject({ superseded: 1, failed: 0 });
    expect(batchExitCode(s)).toBe(0);
    const junit = parseXml(formatJunit(s, { lang: 'en' }));
    expect(findAll(junit, 'testsuite')[0].attributes).toMatchObject({ tests: '2', failures: '0', skipped: '1' });
  });

  it('passes when nothing fails, and incomplete units pass with allowIncomplete', () => {
    const ok = summarizeBatch([outcomes[0], outcomes[5]], [], { allowIncomplete: true }, { generatedAt: 'x', lang: 'en' });
    expect(ok.counts.failed).toBe(0);
    expect(batchExitCode(ok)).toBe(0);
  });

  it('writes Markdown whose tables cannot be broken by unit names, in both languages', () => {
    for (const lang of ['zh', 'en'] as const) {
      const md = formatBatchMarkdown(summary, { lang });
      const cells = (line: string): number => line.replace(/\\\|/g, '').split('|').length - 2;
      const rankingHeader = md.split('\n').find((l) => l.startsWith(lang === 'zh' ? '| 名次 | 类型内名次 | 单位 | 类型' : '| Rank | Rank in type | Unit | Type'))!;
      const row = md.split('\n').find((l) => l.includes('丙') && l.includes('x/d.yaml'))!;
      // Escaped pipes and line breaks do not split or end the row; HTML is shown, not rendered.
      expect(cells(rankingHeader)).toBe(11);
      expect(cells(row)).toBe(11);
      expect(row).toContain(lang === 'zh' ? '**不通过**' : '**fail**');
      expect(row).not.toContain('<b>');
      expect(row).toContain('&lt;b&gt;');
      expect(row).toContain('\\|');
      expect(md).toContain(lang === 'zh' ? '无效文件' : 'Invalid files');
      expect(md).toContain('x/invalid.yaml:3:5');
      expect(md).toContain('**80.0** ▼');
    }
    // The gap to the pass mark in words: 60 − 59.99 is 0.01, never "0.0".
    expect(formatBatchMarkdown(summary, { lang: 'en' })).toMatch(/\| 丁单位 \|.*\| below 60 by 0\.01 points \| x\/e\.yaml \|/);
    expect(formatBatchMarkdown(summary, { lang: 'zh' })).toMatch(/\| 戊单位 \|.*\| 2 项未作答 \| x\/f\.yaml \|/);
    expect(escapeCell('a|b\nc<script>')).toBe('a\\|b c&lt;script&gt;');
  });

  it('writes JUnit XML that parses back with the right counts and readable failure messages', () => {
    const xml = formatJunit(summary, { lang: 'en', seconds: 1.5 });
    const root = parseXml(xml);
    expect(root.name).toBe('testsuites');
    const suite = findAll(root, 'testsuite')[0];
    expect(suite.attributes).toMatchObject({ tests: '8', failures: '6', errors: '0', skipped: '0', time: '1.500' });
    const cases = findAll(root, 'testcase');
    expect(cases).toHaveLength(8);
    const byFile = new Map(cases.map((c) => [c.attributes.file, c]));
    expect(byFile.get('x/invalid.yaml')!.attributes.classname).toBe('invalid');
    expect(findAll(byFile.get('x/invalid.yaml')!, 'failure')[0].attributes.message).toContain('x/invalid.yaml:3:5');
    expect(findAll(byFile.get('x/d.yaml')!, 'failure')[0].attributes.message).toContain('vetoed (A3.3.5)');
    expect(byFile.get('x/d.yaml')!.attributes.name).toContain('丙 | <b>单位</b>\n第二行');
    expect(findAll(byFile.get('x/e.yaml')!, 'failure')[0].attributes.message).toContain('59.99 is below the pass mark 60');
    expect(findAll(byFile.get('x/f.yaml')!, 'failure')[0].attributes.message).toContain('2 items unanswered: A1.1.1, A1.1.2');
    expect(findAll(byFile.get('x/b.yaml')!, 'failure')).toHaveLength(0);
    expect(findAll(byFile.get('x/a.yaml')!, 'failure')[0].attributes.message).toContain('superseded by x/b.yaml');
    expect(findAll(root, 'failure')).toHaveLength(6);
  });

  it('escapes XML: specials, controls shown as \\u{…}, other characters illegal in XML 1.0 and lone surrogates removed, never ]]>', () => {
    const nasty = 'a&b<c>"d\'e]]>\u0001\u000b\ud800x\ufffe😀';
    const escaped = escapeXml(nasty);
    expect(escaped).not.toContain(']]>');
    expect(escaped).toBe('a&amp;b&lt;c&gt;&quot;d&apos;e]]&gt;\\u{1}\\u{b}x😀');
    // An escape sequence of a terminal is shown, as the Markdown shows it, not silently cut.
    expect(escapeXml('Esc\u001b[31mRed\u0007')).toBe('Esc\\u{1b}[31mRed\\u{7}');
    const s = summarizeBatch([valid(`x/${nasty}.yaml`, unit(nasty, 10))], [], { failUnder: 60, allowIncomplete: false }, { generatedAt: 'x', lang: 'zh' });
    const xml = formatJunit(s, { lang: 'zh' });
    expect(xml).not.toContain(']]>');
    const root = parseXml(xml);
    expect(findAll(root, 'testcase')[0].attributes.name).toContain('a&b<c>"d\'e]]>\\u{1}\\u{b}x😀');
  });
});

describe('national scale', () => {
  it('formats 130,000 units (past the ~120,000 arguments a spread push takes), line by line as one text', { timeout: 60_000 }, () => {
    const many: FileOutcome[] = [];
    for (let i = 0; i < 130_000; i++) many.push(valid(`x/${i}.yaml`, unit(`单位${i}`, i % 100)));
    const summary = summarizeBatch(many, [], { failUnder: 60, allowIncomplete: false }, { generatedAt: 'x', lang: 'zh' });
    const lines = formatBatchMarkdownLines(summary, { lang: 'zh' });
    expect(lines.length).toBeGreaterThan(2 * 130_000);
    expect(lines.join('\n')).toBe(formatBatchMarkdown(summary, { lang: 'zh' }));
    const junit = formatJunitLines(summary, { lang: 'zh' });
    expect(junit.filter((l) => l.startsWith('    <testcase')).length).toBe(130_000);
  });

  it('appendAll appends any number of items, where push(...items) runs out of stack', () => {
    const items = Array.from({ length: 300_000 }, (_, i) => i);
    expect(() => [].push(...(items as never[]))).toThrow(RangeError);
    const target = [-1];
    expect(appendAll(target, items)).toBe(target);
    expect(target.length).toBe(300_001);
    expect(target[300_000]).toBe(299_999);
  });
});

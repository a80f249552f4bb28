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
      failed: 5,
      duplicates: 1,
      other: 0,
    });
    expect(batchExitCode(summary)).toBe(1);
  });

  it('ranks by score, then unit name, then file, sharing ranks on equal (2-decimal) scores', () => {
    const rows = summary.ranking.map((r) => [r.rank, summary.files[r.index].file]);
    expect(rows).toEqual([
      [1, 'x/d.yaml'],
      [2, 'x/a.yaml'],
      [2, 'x/b.yaml'],
      [2, 'x/c.yaml'],
      [5, 'x/f.yaml'],
      [6, 'x/e.yaml'],
    ]);
  });

  it('flags the same unit submitted twice', () => {
    expect(summary.duplicates).toEqual([{ name: '乙单位', type: 'township', files: ['x/a.yaml', 'x/b.yaml'] }]);
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
      const rankingHeader = md.split('\n').find((l) => l.startsWith(lang === 'zh' ? '| 名次 | 单位 | 类型' : '| Rank | Unit | Type'))!;
      const row = md.split('\n').find((l) => l.includes('丙') && l.includes('x/d.yaml'))!;
      // Escaped pipes and line breaks do not split or end the row; HTML is shown, not rendered.
      expect(cells(rankingHeader)).toBe(9);
      expect(cells(row)).toBe(9);
      expect(row).toContain(lang === 'zh' ? '**不通过**' : '**fail**');
      expect(row).not.toContain('<b>');
      expect(row).toContain('&lt;b&gt;');
      expect(row).toContain('\\|');
      expect(md).toContain(lang === 'zh' ? '无效文件' : 'Invalid files');
      expect(md).toContain('x/invalid.yaml:3:5');
      expect(md).toContain('**80.0** ▼');
    }
    expect(escapeCell('a|b\nc<script>')).toBe('a\\|b c&lt;script&gt;');
  });

  it('writes JUnit XML that parses back with the right counts and readable failure messages', () => {
    const xml = formatJunit(summary, { lang: 'en', seconds: 1.5 });
    const root = parseXml(xml);
    expect(root.name).toBe('testsuites');
    const suite = findAll(root, 'testsuite')[0];
    expect(suite.attributes).toMatchObject({ tests: '8', failures: '5', errors: '0', skipped: '0', time: '1.500' });
    const cases = findAll(root, 'testcase');
    expect(cases).toHaveLength(8);
    const byFile = new Map(cases.map((c) => [c.attributes.file, c]));
    expect(byFile.get('x/invalid.yaml')!.attributes.classname).toBe('invalid');
    expect(findAll(byFile.get('x/invalid.yaml')!, 'failure')[0].attributes.message).toContain('x/invalid.yaml:3:5');
    expect(findAll(byFile.get('x/d.yaml')!, 'failure')[0].attributes.message).toContain('vetoed (A3.3.5)');
    expect(byFile.get('x/d.yaml')!.attributes.name).toContain('丙 | <b>单位</b>\n第二行');
    expect(findAll(byFile.get('x/e.yaml')!, 'failure')[0].attributes.message).toContain('59.99 is below the pass mark 60');
    expect(findAll(byFile.get('x/f.yaml')!, 'failure')[0].attributes.message).toContain('2 items unanswered: A1.1.1, A1.1.2');
    expect(findAll(byFile.get('x/a.yaml')!, 'failure')).toHaveLength(0);
    expect(findAll(root, 'failure')).toHaveLength(5);
  });

  it('escapes XML: specials, characters illegal in XML 1.0, lone surrogates, and never emits ]]>', () => {
    const nasty = 'a&b<c>"d\'e]]>\u0001\u000b\ud800x\ufffe😀';
    const escaped = escapeXml(nasty);
    expect(escaped).not.toContain(']]>');
    expect(escaped).toBe('a&amp;b&lt;c&gt;&quot;d&apos;e]]&gt;x😀');
    const s = summarizeBatch([valid(`x/${nasty}.yaml`, unit(nasty, 10))], [], { failUnder: 60, allowIncomplete: false }, { generatedAt: 'x', lang: 'zh' });
    const xml = formatJunit(s, { lang: 'zh' });
    expect(xml).not.toContain(']]>');
    const root = parseXml(xml);
    expect(findAll(root, 'testcase')[0].attributes.name).toContain('a&b<c>"d\'e]]>x😀');
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

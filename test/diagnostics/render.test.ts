// Rendering: file:line:col, a caret under the right (CJK-wide) column, and no raw control characters.
import { describe, expect, it } from 'vitest';
import { createDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { displayWidth, renderCodeFrame, renderDiagnostics } from '../../src/diagnostics/render.js';
import { makeVisible } from '../../src/util/safe-text.js';

describe('renderCodeFrame', () => {
  it('puts the caret under the offending text after wide characters', () => {
    const source = 'unit: { name: 某某镇, type: town }\n';
    const d = createDiagnostic('UNIT_TYPE_UNDECLARED', 'a.yaml', { type: 'town', known: 'township' }, { line: 1, column: 26, endLine: 1, endColumn: 30 });
    const [line, caret] = renderCodeFrame(source, d).split('\n');
    const col = line.indexOf('town');
    // Each of 某某镇 is two columns wide, so the caret sits three columns further than the string index.
    expect(caret.indexOf('^')).toBe(displayWidth(line.slice(0, col)));
    expect(caret.replace(/^[ |]+/, '')).toBe('^^^^');
  });

  it('shows up to two lines of context with line numbers', () => {
    const d = createDiagnostic('YAML_EMPTY', 'a.yaml', {}, { line: 3, column: 1 });
    const frame = renderCodeFrame('a\nb\nc\nd\n', d);
    expect(frame.split('\n')[0]).toMatch(/^ {2}1 \| a$/);
    expect(frame).toMatch(/> 3 \| c/);
    expect(frame).not.toMatch(/\| d/);
  });

  it('cuts very long lines around the caret', () => {
    const long = 'note: ' + 'x'.repeat(5000) + 'BAD';
    const d = createDiagnostic('YAML_EMPTY', 'a.yaml', {}, { line: 1, column: 5007 });
    const frame = renderCodeFrame(long, d);
    for (const l of frame.split('\n')) expect(displayWidth(l)).toBeLessThan(200);
    expect(frame).toMatch(/BAD/);
  });
});

describe('makeVisible', () => {
  it('escapes control and bidi characters', () => {
    expect(makeVisible('a\u001b[31mb\u202ec')).toBe('a\\u{1b}[31mb\\u{202e}c');
  });
});

describe('renderDiagnostics', () => {
  it('writes file:line:col, severity, message and code in the chosen language', () => {
    const d = createDiagnostic('NA_WITHOUT_NOTE', 'answers/某镇.yaml', {}, { line: 5, column: 21 });
    expect(renderDiagnostics([d], { lang: 'en' })).toBe('answers/某镇.yaml:5:21  error  "na" (not applicable) needs a note saying why (note in an answer file, the Note column in a workbook)  NA_WITHOUT_NOTE');
    expect(renderDiagnostics([d], { lang: 'zh' })).toMatch(/^answers\/某镇\.yaml:5:21 {2}错误 {2}“不适用”必须说明理由（答卷中写在 note，工作簿中写在“情况说明”列）/);
  });
});

// Text from answer and checklist files cannot break a Markdown table or inject HTML.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeHtmlLines, escapeInline, escapeMarkdown, escapeTableCell, showControls, UNSAFE } from '../../src/util/safe-text.js';

describe('escapeTableCell', () => {
  it('escapes pipes so a cell stays one cell', () => {
    expect(escapeTableCell('a|b')).toBe('a\\|b');
    const row = `| ${escapeTableCell('x | y | z')} | next |`;
    // Unescaped pipes split cells: only the 3 of the row itself may remain.
    expect(row.match(/(?<!\\)\|/g)).toHaveLength(3);
  });

  it('turns newlines into <br> so the row does not end', () => {
    expect(escapeTableCell('one\ntwo\r\nthree')).toBe('one<br>two<br>three');
    expect(escapeTableCell('line\n')).not.toContain('\n');
  });

  it('shows HTML as text', () => {
    expect(escapeTableCell('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(escapeTableCell('a & b')).toBe('a &amp; b');
  });

  it('keeps an empty cell a cell', () => {
    expect(escapeTableCell('')).toBe(' ');
    expect(escapeTableCell('   ')).toBe(' ');
  });
});

describe('escapeInline and escapeMarkdown', () => {
  it('gives what splitting and escaping every line gives, whether or not the text has anything to escape (property)', () => {
    const slow = (text: string): string =>
      showControls(text)
        .split(/\r\n|\r|\n/)
        .map((line) => line.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/([\\`*_[\]{}|~#!$])/g, '\\$1'))
        .join('<br>');
    const chars = fc.constantFrom('a', '甲', '，', ' ', '\t', '\r', '\n', '&', '<', '>', '\\', '`', '*', '_', '[', ']', '{', '}', '|', '~', '#', '!', '$', '-', '\u202e', '\u0007', '\u200b');
    fc.assert(fc.property(fc.array(chars, { maxLength: 12 }).map((a) => a.join('')), (text) => escapeInline(text) === slow(text)), { numRuns: 3000 });
  });

  it('escapes emphasis, code, links and math', () => {
    expect(escapeInline('**粗** _斜_ `代码` [链接](http://x) ~删~ $x$')).toBe('\\*\\*粗\\*\\* \\_斜\\_ \\`代码\\` \\[链接\\](http://x) \\~删\\~ \\$x\\$');
    expect(escapeInline('back\\slash')).toBe('back\\\\slash');
  });

  it('leaves Chinese text and ordinary punctuation alone', () => {
    expect(escapeInline('已于3月传达，共2.5分（含“五个明确”）。')).toBe('已于3月传达，共2.5分（含“五个明确”）。');
  });

  it('neutralises block starters at the start of a line', () => {
    expect(escapeMarkdown('# 标题')).toBe('\\# 标题');
    expect(escapeMarkdown('- 列表')).toBe('\\- 列表');
    expect(escapeMarkdown('+ 列表')).toBe('\\+ 列表');
    expect(escapeMarkdown('1. 列表')).toBe('1\\. 列表');
    expect(escapeMarkdown('> 引用')).toBe('&gt; 引用');
    expect(escapeInline('1. 在行中')).toBe('1. 在行中');
  });

  it('makes control and bidi characters visible', () => {
    expect(showControls('a\u202eb\u0007c')).toBe('a\\u{202e}b\\u{7}c');
    expect(escapeInline('a\u202eb')).toBe('a\\\\u\\{202e\\}b');
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('keeps line breaks as <br> only through escapeHtmlLines', () => {
    expect(escapeHtmlLines('<b>\n</b>')).toBe('&lt;b&gt;<br>&lt;/b&gt;');
    expect(escapeHtml('a\nb')).toBe('a\nb');
  });

  it('gives what every replacement in turn gives, on any text (the texts with nothing to escape are returned at once)', () => {
    const unsafe = new RegExp(UNSAFE.source, 'g');
    const byDefinition = (text: string): string =>
      text
        .replace(unsafe, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`)
        .replace(/\t/g, ' ')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;');
    const char = fc.constantFrom('a', '镇', '\t', '\n', '\r', '\u0000', '\u001b', '\u0085', '\u200b', '\u202e', '\ufeff', '&', '<', '>', '"', "'", '\\', '😀');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 12 }), (chars) => {
        const text = chars.join('');
        expect(escapeHtml(text)).toBe(byDefinition(text));
        expect(showControls(text)).toBe(text.replace(unsafe, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`).replace(/\t/g, ' '));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('one hostile text, made safe for each output', () => {
  const hostile = 'a\u001b[31mb\u202ec\td\r\n<e>|f\u0085';

  it('shows hidden characters on a terminal, as one line', async () => {
    const { makeVisible } = await import('../../src/util/safe-text.js');
    expect(makeVisible(hostile)).toBe('a\\u{1b}[31mb\\u{202e}c  d\\u{d}\n<e>|f\\u{85}');
    expect(makeVisible('plain 文本')).toBe('plain 文本');
  });

  it('shows them in Markdown and HTML, with markup escaped and lines kept', () => {
    expect(escapeTableCell(hostile)).toBe('a\\\\u\\{1b\\}\\[31mb\\\\u\\{202e\\}c d<br>&lt;e&gt;\\|f\\\\u\\{85\\}');
    expect(escapeHtmlLines(hostile)).toBe('a\\u{1b}[31mb\\u{202e}c d<br>&lt;e&gt;|f\\u{85}');
  });

  it('removes what XML cannot carry in the office formats, and writes JSON escapes', async () => {
    const { officeText, escapeJsonText } = await import('../../src/util/safe-text.js');
    expect(officeText(hostile)).toBe('a[31mb\u202ec\td\n<e>|f');
    expect(officeText('x\ud800y\uffff')).toBe('xy');
    expect(escapeJsonText(JSON.stringify(hostile))).toBe('"a\\u001b[31mb\\u202ec\\td\\r\\n<e>|f\\u0085"');
  });
});

describe('quoteJsonText', () => {
  it('writes a string as escapeJsonText(JSON.stringify(…)) does, whatever it holds', async () => {
    const fc = (await import('fast-check')).default;
    const { quoteJsonText, escapeJsonText } = await import('../../src/util/safe-text.js');
    const special = ['"', '\\', '\u0000', '\u001b', '\u007f', '\u0085', '\u009b', '\u2028', '\u2029', '\u202e', '\u200b', '\ufeff', '\ud800', '\udc00', '😀', '网信'];
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.array(fc.constantFrom(...special, 'a', ' ')).map((parts) => parts.join(''))), (text) => {
        expect(quoteJsonText(text)).toBe(escapeJsonText(JSON.stringify(text)));
      }),
      { numRuns: 5000 },
    );
    for (const c of special) expect(quoteJsonText(`x${c}y`)).toBe(escapeJsonText(JSON.stringify(`x${c}y`)));
    expect(quoteJsonText('等级保护测评已完成')).toBe('"等级保护测评已完成"');
  });
});

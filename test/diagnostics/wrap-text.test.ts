// Wrapping for the terminal: English at spaces, Chinese between characters, colour sequences kept whole.
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/diagnostics/render.js';
import { wrapText } from '../../src/diagnostics/wrap-text.js';

const strip = (s: string): string => s.replace(/\u001b\[[0-9;]*m/g, '');

describe('wrapText', () => {
  const english = 'Study and implement the central decisions on cyber work, and report on them to the county committee every year.';

  it('breaks English at spaces only: every word stays whole, no line is wider than asked', () => {
    for (const width of [20, 33, 47, 80]) {
      const lines = wrapText(english, width).split('\n');
      for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
      expect(lines.join(' ')).toBe(english);
      expect(lines.flatMap((l) => l.split(' '))).toEqual(english.split(' '));
    }
  });

  it('breaks Chinese between any two characters, filling the line, and never starts a line with a comma or a closing quote', () => {
    const chinese = '依据：「中华人民共和国网络安全法」第二十一条规定，网络运营者应当按照网络安全等级保护制度的要求，履行安全保护义务。';
    const lines = wrapText(chinese, 30).split('\n');
    expect(lines.join('')).toBe(chinese);
    lines.forEach((line, i) => {
      expect(displayWidth(line)).toBeLessThanOrEqual(30);
      if (i < lines.length - 1) expect(displayWidth(line)).toBeGreaterThanOrEqual(26);
      expect(line).not.toMatch(/^[，。」、]/);
    });
  });

  it('keeps the indent on continuation lines, colour sequences unbroken and uncounted', () => {
    const text = '  \u001b[1mA1.1.1\u001b[22m  [2 pts] Study and implement the decisions of the central committee on cyber work.';
    const lines = wrapText(text, 30).split('\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) {
      expect(line.startsWith('  ')).toBe(true);
      expect(displayWidth(strip(line))).toBeLessThanOrEqual(30);
    }
    expect(lines[0]).toContain('\u001b[1mA1.1.1\u001b[22m');
    expect(strip(lines.map((l) => l.trim()).join(' '))).toBe(strip(text).trim());
  });

  it('cuts only a word wider than the line, and leaves text alone without a width', () => {
    const long = 'x'.repeat(50) + ' end';
    expect(wrapText(long, 20).split('\n')).toEqual(['x'.repeat(20), 'x'.repeat(20), 'x'.repeat(10) + ' end']);
    expect(wrapText(english, undefined)).toBe(english);
    expect(wrapText('short\nlines', 20)).toBe('short\nlines');
  });
});

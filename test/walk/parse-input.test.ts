// Parsing what the officer types: ratios (0.75, 3/4, 75%), deduction counts and evidence lists.
import { describe, expect, it } from 'vitest';
import { formatEvidence, parseCount, parseEvidence, parseRatio } from '../../src/walk/parse-input.js';

describe('parseRatio', () => {
  it.each([
    ['0.75', 0.75],
    ['.5', 0.5],
    ['1', 1],
    ['0', 0],
    ['3/4', 0.75],
    [' 3 / 4 ', 0.75],
    ['2/3', 0.6667],
    ['75%', 0.75],
    ['100%', 1],
    ['０．７５', 0.75],
    ['３／４', 0.75],
    ['７５％', 0.75],
  ])('reads %j as %d', (text, value) => {
    expect(parseRatio(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['abc', 'format'],
    ['-0.5', 'format'],
    ['1/0', 'zeroDenominator'],
    ['5/4', 'range'],
    ['120%', 'range'],
    ['75', 'percentHint'],
    ['1.5', 'percentHint'],
    ['250', 'range'],
    ['0.5.1', 'format'],
  ])('refuses %j (%s)', (text, problem) => {
    expect(parseRatio(text)).toEqual({ ok: false, problem });
  });
});

describe('parseCount', () => {
  it('reads whole numbers, empty as 0, full-width digits', () => {
    expect(parseCount('3')).toBe(3);
    expect(parseCount('')).toBe(0);
    expect(parseCount(' 0 ')).toBe(0);
    expect(parseCount('１２')).toBe(12);
  });
  it('refuses negatives, fractions and words', () => {
    expect(parseCount('-1')).toBeUndefined();
    expect(parseCount('1.5')).toBeUndefined();
    expect(parseCount('two')).toBeUndefined();
  });
});

describe('parseEvidence', () => {
  it('splits on commas, semicolons (half and full width), 、 and drops blanks and repeats', () => {
    expect(parseEvidence('a.pdf, b.pdf；c.docx;; 、d.xlsx，a.pdf')).toEqual(['a.pdf', 'b.pdf', 'c.docx', 'd.xlsx']);
    expect(parseEvidence('   ')).toEqual([]);
  });
  it('keeps a recorded digest when the same file is named again', () => {
    const previous = [{ path: 'a.pdf', sha256: 'ab'.repeat(32) }];
    expect(parseEvidence('a.pdf; b.pdf', previous)).toEqual([previous[0], 'b.pdf']);
    expect(formatEvidence([...previous, 'https://x.org/1'])).toBe('a.pdf; https://x.org/1');
  });
});

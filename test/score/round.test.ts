// Rounding half away from zero (docs/formats.md §4 step 8), including the values binary floating point gets wrong.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatFixed, formatRounded, roundHalfAway } from '../../src/score/round.js';

describe('roundHalfAway', () => {
  it.each([
    [1.005, 2, 1.01],
    [1.015, 2, 1.02],
    [2.675, 2, 2.68],
    [1.255, 2, 1.26],
    [0.125, 2, 0.13],
    [83.335, 2, 83.34],
    [83.3333333, 2, 83.33],
    [83.3366666, 2, 83.34],
    [-1.005, 2, -1.01],
    [-0.004, 2, 0],
    [0.005, 2, 0.01],
    [100, 2, 100],
    [0, 2, 0],
    [0.05, 1, 0.1],
    [0.25, 1, 0.3],
    [88.75, 1, 88.8],
    [88.749999, 1, 88.7],
    [0.83335, 4, 0.8334],
    [1e-7, 2, 0],
    [123456.785, 2, 123456.79],
  ])('rounds %d to %d decimals as %d', (x, d, want) => {
    expect(roundHalfAway(x, d)).toBe(want);
  });

  it('removes the noise of binary arithmetic before rounding', () => {
    // 0.1 × 3 × 3.35 is 1.0049999999999999 in binary, 1.005 on paper.
    expect(roundHalfAway(0.1 * 3 * 3.35, 2)).toBe(1.01);
    expect(roundHalfAway(100 * (0.1 + 0.2), 2)).toBe(30);
  });

  it('never returns -0', () => {
    expect(Object.is(roundHalfAway(-0.001, 2), 0)).toBe(true);
  });

  it('leaves non-finite values alone', () => {
    expect(roundHalfAway(Number.NaN)).toBeNaN();
    expect(roundHalfAway(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
  });

  it('formats with a fixed number of places', () => {
    expect(formatFixed(1.005, 2)).toBe('1.01');
    expect(formatFixed(60, 1)).toBe('60.0');
    expect(formatFixed(89.95, 1)).toBe('90.0');
  });

  it('is within half a unit and symmetric around zero', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 4 }), (x, d) => {
        const r = roundHalfAway(x, d);
        expect(Math.abs(r - x)).toBeLessThanOrEqual(0.5 * 10 ** -d + 1e-9);
        expect(roundHalfAway(-x, d)).toBe(r === 0 ? 0 : -r);
      }),
    );
  });
});

describe('roundHalfAway fast path', () => {
  /** The decimal-string method alone (what roundHalfAway does for near-ties), as the reference. */
  function byDecimalString(x: number, decimals: number): number {
    const sign = x < 0 ? -1 : 1;
    const clean = Number(Math.abs(x).toPrecision(15));
    const [mantissa, exponent] = clean.toExponential().split('e');
    const rounded = Math.floor(Number(`${mantissa}e${Number(exponent) + decimals}`) + 0.5);
    const out = Number(`${rounded}e${-decimals}`);
    return out === 0 ? 0 : sign * out;
  }

  it('gives exactly the decimal-string result for every value', () => {
    const values = fc.oneof(
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      fc.integer({ min: -1e7, max: 1e7 }).map((i) => i / 1000),
      fc.integer({ min: 0, max: 1e6 }).map((i) => i / 7),
    );
    fc.assert(
      fc.property(values, fc.integer({ min: 0, max: 4 }), (x, d) => Object.is(roundHalfAway(x, d), byDecimalString(x, d))),
      { numRuns: 20000 },
    );
  });
});

describe('formatRounded', () => {
  const expected = (x: number, d: 2 | 4): string => String(roundHalfAway(x, d));

  it.each([1.005, -1.005, 0.125, 83.3333333, 100, 0, -0, -0.004, 0.1 * 3 * 3.35, 1e-7, 123456.785, 0.83335, 1e13 + 0.5, 9.99e14, 1e15, 1e21, -1e300, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'writes %d as String(roundHalfAway(…)) does',
    (x) => {
      expect(formatRounded(x, 2)).toBe(expected(x, 2));
      expect(formatRounded(x, 4)).toBe(expected(x, 4));
    },
  );

  it('writes every hundredth up to ±1000 and ten-thousandth up to ±100 as String does', () => {
    const wrong: number[] = [];
    for (let n = -100000; n <= 100000; n++) if (formatRounded(n / 100, 2) !== expected(n / 100, 2)) wrong.push(n / 100);
    for (let n = -1000000; n <= 1000000; n++) if (formatRounded(n / 10000, 4) !== expected(n / 10000, 4)) wrong.push(n / 10000);
    expect(wrong).toEqual([]);
  });

  it('writes any number as String(roundHalfAway(…)) does', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.double({ min: -1e6, max: 1e6 }), fc.integer().map((n) => n / 1000)), fc.constantFrom(2 as const, 4 as const), (x, d) => {
        expect(formatRounded(x, d)).toBe(expected(x, d));
      }),
      { numRuns: 20000 },
    );
  });

  it('writes sums of fractions of points, as a score has, as String(roundHalfAway(…)) does', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 13 }), (points, parts) => {
        const sum = points.reduce((a, p) => a + p / parts, 0);
        for (const x of [sum, (100 * sum) / (points.length * 3), sum / 7]) {
          expect(formatRounded(x, 2)).toBe(expected(x, 2));
          expect(formatRounded(x, 4)).toBe(expected(x, 4));
        }
      }),
      { numRuns: 5000 },
    );
  });
});

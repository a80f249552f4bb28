// Rounding half away from zero to a fixed number of decimals, safe against binary floating-point noise.

/**
 * Rounds `x` half away from zero to `decimals` places (formats.md §4 step 8).
 *
 * Plain `Math.round(x * 100) / 100` gets `1.005` wrong (it is stored as 1.00499999999999989…),
 * so the value is first cut to 15 significant digits — which removes the binary noise that
 * arithmetic leaves behind — and then shifted by editing the decimal exponent of its string
 * form, never by multiplying.
 */
export function roundHalfAway(x: number, decimals = 2): number {
  if (!Number.isFinite(x)) return x;
  const sign = x < 0 ? -1 : 1;
  const clean = Number(Math.abs(x).toPrecision(15));
  const [mantissa, exponent] = clean.toExponential().split('e');
  const shifted = Number(`${mantissa}e${Number(exponent) + decimals}`);
  const rounded = Math.floor(shifted + 0.5);
  const out = Number(`${rounded}e${-decimals}`);
  return out === 0 ? 0 : sign * out;
}

/** Formats a number with exactly `decimals` places after rounding half away from zero. */
export function formatFixed(x: number, decimals: number): string {
  return roundHalfAway(x, decimals).toFixed(decimals);
}

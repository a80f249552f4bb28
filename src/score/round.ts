// Rounding half away from zero to a fixed number of decimals, safe against binary floating-point noise.

const POWERS: Record<number, number> = { 0: 1, 1: 10, 2: 100, 3: 1000, 4: 10000 };

/**
 * Rounds `x` half away from zero to `decimals` places (docs/formats.md §4 step 8).
 *
 * Plain `Math.round(x * 100) / 100` gets `1.005` wrong (it is stored as 1.00499999999999989…),
 * so the value is first cut to 15 significant digits — which removes the binary noise that
 * arithmetic leaves behind — and then shifted by editing the decimal exponent of its string
 * form, never by multiplying.
 */
export function roundHalfAway(x: number, decimals = 2): number {
  if (!Number.isFinite(x)) return x;
  const sign = x < 0 ? -1 : 1;
  // Fast path (most values, and every batch unit goes through here): when the digit after the
  // last kept one is clearly not a tie, the nearest integer of the scaled value is unambiguous,
  // and n / 10^d is the same double as the decimal string "ne-d" (both correctly rounded).
  const scale = POWERS[decimals];
  if (scale !== undefined) {
    const scaled = Math.abs(x) * scale;
    if (scaled < 1e15 && Math.abs((scaled % 1) - 0.5) > 1e-6) {
      const out = Math.round(scaled) / scale;
      return out === 0 ? 0 : sign * out;
    }
  }
  const clean = Number(Math.abs(x).toPrecision(15));
  const [mantissa, exponent] = clean.toExponential().split('e');
  const shifted = Number(`${mantissa}e${Number(exponent) + decimals}`);
  const rounded = Math.floor(shifted + 0.5);
  const out = Number(`${rounded}e${-decimals}`);
  return out === 0 ? 0 : sign * out;
}

/**
 * `String(roundHalfAway(x, decimals))`, the way a report writes its numbers, without the general
 * number-to-text conversion: a batch writes some fifty rounded fractions per unit, and finding the
 * shortest digits of a double costs far more than the rounding.
 *
 * Where roundHalfAway takes its fast path its result is the double nearest to n / 10^decimals for
 * an integer n below 10^15. Such a decimal has at most 15 significant digits, and no other decimal
 * of 15 digits or fewer is nearer to that double (doubles are closer to 16 digits apart), so its
 * shortest round-trip form, the one String gives, is n's digits with the point set in and the
 * trailing zeros dropped. Every other case goes through String.
 */
export function formatRounded(x: number, decimals: 2 | 4): string {
  const scale = POWERS[decimals];
  const scaled = Math.abs(x) * scale;
  // The same test as roundHalfAway's fast path (false for NaN and the infinities).
  if (scaled < 1e15 && Math.abs((scaled % 1) - 0.5) > 1e-6) {
    const n = Math.round(scaled);
    if (n === 0) return '0';
    let fraction = n % scale;
    const whole = (n - fraction) / scale;
    const sign = x < 0 ? '-' : '';
    if (fraction === 0) return `${sign}${whole}`;
    let places: number = decimals;
    while (fraction % 10 === 0) {
      fraction /= 10;
      places--;
    }
    return `${sign}${whole}.${String(fraction).padStart(places, '0')}`;
  }
  return String(roundHalfAway(x, decimals));
}

/** Formats a number with exactly `decimals` places after rounding half away from zero. */
export function formatFixed(x: number, decimals: number): string {
  return roundHalfAway(x, decimals).toFixed(decimals);
}

import { ln } from './math.ts';

// Stirling series coefficients B(2j) / (2j (2j - 1)), as in NumPy's random_loggam.
const STIRLING = [
  8.333333333333333e-2, -2.777777777777778e-3, 7.936507936507937e-4, -5.952380952380952e-4,
  8.417508417508418e-4, -1.917526917526918e-3, 6.41025641025641e-3, -2.955065359477124e-2,
  1.796443723688307e-1, -1.3924322169059,
] as const;
const HALF_LN_TWO_PI = 0.9189385332046728;

/**
 * ln Γ(x) for x > 0, bit-exact (ln only): Stirling's series at x + n >= 7, then the recurrence
 * Γ(x) = Γ(x + 1) / x back down. The port of NumPy's `random_loggam`, which its Poisson sampler
 * uses for the same job; relative error about 1e-15.
 */
export function logGamma(x: number): number {
  if (x === 1 || x === 2) return 0;
  const n = x < 7 ? Math.floor(7 - x) : 0;
  let x0 = x + n;
  const x2 = 1 / (x0 * x0);
  let series: number = STIRLING[9];
  for (let k = 8; k >= 0; k--) series = series * x2 + STIRLING[k]!;
  let result = series / x0 + HALF_LN_TWO_PI + (x0 - 0.5) * ln(x0) - x0;
  for (let k = 0; k < n; k++) {
    x0 -= 1;
    result -= ln(x0);
  }
  return result;
}

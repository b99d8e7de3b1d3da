import { ParamCheck } from './check.ts';
import type { Distribution, Uniform } from './distribution.ts';
import { logGamma } from './log-gamma.ts';
import { exp, ln } from './math.ts';

// Below this mean, inversion needs few steps; at and above it PTRS is valid (Hörmann 1993
// states it for mean >= 10), as in NumPy.
const PTRS_FROM = 10;

/**
 * Poisson with the given mean: integer counts, exact in distribution (no normal
 * approximation). Mean < 10: inversion by sequential search, one uniform a draw. Mean >= 10:
 * Hörmann's PTRS, "The transformed rejection method for generating Poisson random variables"
 * (1993), about 2.3 uniforms a draw whatever the mean. mean = 0 always gives 0.
 */
export function poisson(mean: number): Distribution {
  const check = new ParamCheck('poisson');
  check.nonNegative('mean', mean);
  check.done();
  return {
    name: 'poisson',
    mean,
    variance: mean,
    sample: mean < PTRS_FROM ? inversion(mean) : ptrs(mean),
  };
}

function inversion(mean: number): (u: Uniform) => number {
  const p0 = exp(-mean);
  return (u) => {
    const w = u();
    let x = 0;
    let p = p0;
    let cdf = p0;
    // p > 0 stops the walk should rounding leave the summed CDF just below w.
    while (w >= cdf && p > 0) {
      x++;
      p = (p * mean) / x;
      cdf += p;
    }
    return x;
  };
}

function ptrs(mean: number): (u: Uniform) => number {
  const logMean = ln(mean);
  const b = 0.931 + 2.53 * Math.sqrt(mean);
  const a = -0.059 + 0.02483 * b;
  const logInvAlpha = ln(1.1239 + 1.1328 / (b - 3.4));
  const vr = 0.9277 - 3.6224 / (b - 2);
  return (u) => {
    for (;;) {
      const uu = u() - 0.5;
      const v = u();
      const us = 0.5 - Math.abs(uu);
      const k = Math.floor(((2 * a) / us + b) * uu + mean + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      // ln(0) = -Infinity accepts, as the algorithm intends for v = 0.
      if (ln(v) + logInvAlpha - ln(a / (us * us) + b) <= -mean + k * logMean - logGamma(k + 1)) {
        return k;
      }
    }
  };
}

// Statistics for the tests only: written independently of the code under test (Lanczos for
// ln Γ, Numerical Recipes' incomplete gamma), using Math freely since tests need not be bit-exact.
import type { Distribution, Uniform } from './index.ts';

/** The 99.9 % quantile of the standard normal. */
export const Z_999 = 3.090232306167813;

export function draw(d: Distribution, u: Uniform, n: number): Float64Array {
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = d.sample(u);
  return xs;
}

export interface Moments {
  n: number;
  mean: number;
  variance: number;
  /** Fourth central moment, for the standard error of the variance. */
  m4: number;
}

export function moments(xs: ArrayLike<number>): Moments {
  const n = xs.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += xs[i]!;
  const mean = sum / n;
  let m2 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = xs[i]! - mean;
    const d2 = d * d;
    m2 += d2;
    m4 += d2 * d2;
  }
  return { n, mean, variance: m2 / (n - 1), m4: m4 / n };
}

/**
 * |mean - μ| against 4 standard errors σ/√n (analytic σ), and |s² - σ²| against 4 standard
 * errors of the sample variance, √((m4 - s⁴)/n) with m4 estimated from the sample. Returns
 * the two ratios error / tolerance, which must be < 1.
 */
export function momentRatios(d: Distribution, xs: ArrayLike<number>): { mean: number; variance: number } {
  const m = moments(xs);
  const meanTolerance = (4 * Math.sqrt(d.variance)) / Math.sqrt(m.n);
  const varianceTolerance = 4 * Math.sqrt((m.m4 - m.variance * m.variance) / m.n);
  return {
    mean: Math.abs(m.mean - d.mean) / meanTolerance,
    variance: Math.abs(m.variance - d.variance) / varianceTolerance,
  };
}

/** Kolmogorov–Smirnov statistic D of a sample against a continuous CDF. */
export function ksStatistic(xs: Float64Array, cdf: (x: number) => number): number {
  const sorted = Float64Array.from(xs).sort();
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]!);
    d = Math.max(d, f - i / n, (i + 1) / n - f);
  }
  return d;
}

/** Critical D at the 99.9 % level (Stephens' finite-n correction of K = 1.9495). */
export function ksCritical999(n: number): number {
  const s = Math.sqrt(n);
  return 1.9495 / (s + 0.12 + 0.11 / s);
}

/** Critical χ² at the 99.9 % level by Wilson–Hilferty (exact table value for df = 1). */
export function chiSquareCritical999(df: number): number {
  if (df === 1) return 10.828;
  const a = 2 / (9 * df);
  return df * (1 - a + Z_999 * Math.sqrt(a)) ** 3;
}

/**
 * Pearson χ² of observed counts against expected probabilities; cells with expected count < 5
 * are pooled with their neighbour to the right (the last to the left).
 */
export function chiSquare(observed: ArrayLike<number>, probabilities: ArrayLike<number>, n: number): { stat: number; df: number } {
  const cells: { o: number; e: number }[] = [];
  let o = 0;
  let e = 0;
  for (let i = 0; i < observed.length; i++) {
    o += observed[i]!;
    e += probabilities[i]! * n;
    if (e >= 5) {
      cells.push({ o, e });
      o = 0;
      e = 0;
    }
  }
  const last = cells[cells.length - 1];
  if (last !== undefined) {
    last.o += o;
    last.e += e;
  }
  let stat = 0;
  for (const c of cells) stat += ((c.o - c.e) * (c.o - c.e)) / c.e;
  return { stat, df: cells.length - 1 };
}

/** Sample correlation of two equally long series. */
export function correlation(xs: ArrayLike<number>, ys: ArrayLike<number>): number {
  const mx = moments(xs).mean;
  const my = moments(ys).mean;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i++) {
    const a = xs[i]! - mx;
    const b = ys[i]! - my;
    sxy += a * b;
    sxx += a * a;
    syy += b * b;
  }
  return sxy / Math.sqrt(sxx * syy);
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7). */
export function lnGammaRef(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGammaRef(1 - x);
  const z = x - 1;
  let a = LANCZOS[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Regularised lower incomplete gamma P(a, x): the Gamma(a, 1) CDF (Numerical Recipes 6.2). */
export function gammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  const lead = -x + a * Math.log(x) - lnGammaRef(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 10_000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
    }
    return sum * Math.exp(lead);
  }
  // Lentz's continued fraction for Q(a, x).
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return 1 - Math.exp(lead) * h;
}

/** Standard normal CDF via erfc (Numerical Recipes' Chebyshev fit, |error| < 1.2e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const erfc =
    t *
    Math.exp(
      -x * x -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 +
          t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return z >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/** Poisson probability mass by logs, accurate for large means. */
export function poissonPmf(mean: number, k: number): number {
  if (mean === 0) return k === 0 ? 1 : 0;
  return Math.exp(k * Math.log(mean) - mean - lnGammaRef(k + 1));
}

/**
 * Student's paired t-test and Welch's unequal-variance t-test, two-sided, with the confidence
 * interval of the difference. The t distribution's CDF and quantile come from stdlib; the
 * statistics themselves are the textbook formulas:
 *
 * - paired: d_i = b_i − a_i, t = mean(d) / (sd(d)/√n), df = n − 1.
 * - Welch (1947): t = (mean b − mean a) / √(s_a²/n_a + s_b²/n_b), df by Welch–Satterthwaite
 *   (s_a²/n_a + s_b²/n_b)² / ((s_a²/n_a)²/(n_a−1) + (s_b²/n_b)²/(n_b−1)).
 *
 * Zero variance (a deterministic metric, identical on every replication) gives no NaN: an exact
 * difference of 0 has p = 1 and interval [0, 0]; any other difference has t = ±∞ and the interval
 * collapses on the difference. Its p-value is not the t-test's 0, which would call two pairs that
 * happen to differ by the same count significant: paired, it is the exact sign test's (all n
 * differences of one sign: p = 2 · 0.5^n, so 0.5 for two pairs, 0.002 for ten); Welch's (both
 * samples constant) stays 0 and `compare` reports such a metric as a fixed difference, untested.
 */
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import type { SampleSummary, TestKind } from './types.ts';

export interface TTestResult {
  readonly test: TestKind;
  /** mean B − mean A. */
  readonly diff: number;
  readonly se: number;
  readonly t: number | null;
  readonly df: number | null;
  /** Two-sided; null when a side has fewer than 2 values. */
  readonly p: number | null;
  /** (1 − alpha) interval of the difference; [NaN, NaN] when there is no test. */
  readonly ci: readonly [number, number];
  /** Pairs (paired) or values per side (Welch) used after dropping non-finite cells. */
  readonly n: readonly [number, number];
}

function finite(values: readonly number[]): number[] {
  return values.filter((x) => Number.isFinite(x));
}

/** Mean and sample variance (n − 1), two-pass; a constant sample gives its value and exactly 0. */
function meanVar(values: readonly number[]): { mean: number; variance: number } {
  const n = values.length;
  if (n === 0) return { mean: Number.NaN, variance: Number.NaN };
  const first = values[0]!;
  if (values.every((x) => x === first)) return { mean: first, variance: n > 1 ? 0 : Number.NaN };
  let sum = 0;
  for (const x of values) sum += x;
  const mean = sum / n;
  let ss = 0;
  for (const x of values) ss += (x - mean) * (x - mean);
  return { mean, variance: n > 1 ? ss / (n - 1) : Number.NaN };
}

/**
 * Mean, sd and t-based 95 % CI of the finite values (NaN and ±∞ are dropped), the interval
 * clamped to `range` (the metric's `metricRange`, as summary.json's are) when given.
 */
export function summarizeSample(values: readonly number[], range?: readonly [number, number]): SampleSummary {
  const xs = finite(values);
  const n = xs.length;
  const { mean, variance } = meanVar(xs);
  const sd = Math.sqrt(variance);
  if (n < 2) return { n, mean, sd, ci95: [Number.NaN, Number.NaN] };
  const half = variance === 0 ? 0 : tQuantile(0.975, n - 1) * (sd / Math.sqrt(n));
  if (range === undefined) return { n, mean, sd, ci95: [mean - half, mean + half] };
  return { n, mean, sd, ci95: [Math.max(range[0], mean - half), Math.min(range[1], mean + half)] };
}

function checkAlpha(alpha: number): void {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha: must be in (0, 1), given ${alpha}`);
}

/** The p-value and interval once t's parts are known; handles se = 0 without NaN. */
function finish(test: TestKind, diff: number, se: number, df: number, alpha: number, n: [number, number]): TTestResult {
  if (se === 0) {
    return diff === 0
      ? { test, diff, se, t: 0, df, p: 1, ci: [0, 0], n }
      : { test, diff, se, t: diff > 0 ? Infinity : -Infinity, df, p: 0, ci: [diff, diff], n };
  }
  const t = diff / se;
  // 2·F(−|t|) rather than 2·(1 − F(|t|)): keeps small p-values from rounding to 0.
  const p = Math.min(1, 2 * tCdf(-Math.abs(t), df));
  const half = tQuantile(1 - alpha / 2, df) * se;
  return { test, diff, se, t, df, p, ci: [diff - half, diff + half], n };
}

function noTest(test: TestKind, diff: number, n: [number, number]): TTestResult {
  return { test, diff, se: Number.NaN, t: null, df: null, p: null, ci: [Number.NaN, Number.NaN], n };
}

/**
 * Paired t-test of B − A on replications aligned by index (common random numbers). Pairs with a
 * non-finite value on either side are dropped.
 */
export function pairedTTest(a: readonly number[], b: readonly number[], alpha = 0.05): TTestResult {
  checkAlpha(alpha);
  if (a.length !== b.length) {
    throw new RangeError(`pairedTTest: samples must have the same length, given ${a.length} and ${b.length}`);
  }
  const d: number[] = [];
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (Number.isFinite(x) && Number.isFinite(y)) d.push(y - x);
  }
  const n = d.length;
  const { mean, variance } = meanVar(d);
  if (n < 2) return noTest('paired', mean, [n, n]);
  const result = finish('paired', mean, Math.sqrt(variance / n), n - 1, alpha, [n, n]);
  return result.se === 0 && mean !== 0 ? { ...result, p: Math.min(1, 2 * 0.5 ** n) } : result;
}

/** Welch's two-sample t-test of B − A; non-finite values are dropped from each side. */
export function welchTTest(a: readonly number[], b: readonly number[], alpha = 0.05): TTestResult {
  checkAlpha(alpha);
  const xa = finite(a);
  const xb = finite(b);
  const na = xa.length;
  const nb = xb.length;
  const A = meanVar(xa);
  const B = meanVar(xb);
  // Constant samples give exact means, so a deterministic difference is exact too.
  const diff = B.mean - A.mean;
  if (na < 2 || nb < 2) return noTest('welch', diff, [na, nb]);
  const va = A.variance / na;
  const vb = B.variance / nb;
  const se = Math.sqrt(va + vb);
  const df = se === 0 ? na + nb - 2 : (va + vb) ** 2 / ((va * va) / (na - 1) + (vb * vb) / (nb - 1));
  return finish('welch', diff, se, df, alpha, [na, nb]);
}

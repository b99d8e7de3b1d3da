import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import type { RunResult } from './run-replications.ts';
import { describe } from './summarize.ts';

/** The difference b − a of a metric's mean, with its 95 % CI. */
export interface Difference {
  mean: number;
  ci95: [number, number];
  /** Pairs (paired) or the smaller sample (Welch) used. */
  n: number;
}

/**
 * b − a, paired by replication index: the right test when both runs used the same seed (common
 * random numbers, as `runSweep` does), since the shared noise cancels in each pair. Student-t CI
 * of the mean of the pairs' differences; pairs where either value is not finite are left out.
 */
export function pairedDifference(a: RunResult, b: RunResult, metric: string): Difference {
  if (a.seed !== b.seed) throw new RangeError(`pairedDifference: runs must share a seed to pair, given ${JSON.stringify(a.seed)} and ${JSON.stringify(b.seed)}; use welchDifference`);
  const byIndex = new Map(a.outputs.map((o) => [o.key.replication, o.metrics[metric] ?? Number.NaN]));
  const diffs: number[] = [];
  for (const o of b.outputs) {
    const x = byIndex.get(o.key.replication);
    if (x !== undefined) diffs.push((o.metrics[metric] ?? Number.NaN) - x);
  }
  const d = describe(diffs);
  return { mean: d.mean, ci95: d.ci95, n: d.n };
}

/** b − a as if the runs were independent: Welch's t interval with Welch–Satterthwaite degrees of freedom. */
export function welchDifference(a: RunResult, b: RunResult, metric: string): Difference {
  const sa = describe(a.outputs.map((o) => o.metrics[metric] ?? Number.NaN));
  const sb = describe(b.outputs.map((o) => o.metrics[metric] ?? Number.NaN));
  const va = (sa.sd * sa.sd) / sa.n;
  const vb = (sb.sd * sb.sd) / sb.n;
  const df = (va + vb) ** 2 / ((va * va) / (sa.n - 1) + (vb * vb) / (sb.n - 1));
  const mean = sb.mean - sa.mean;
  const half = tQuantile(0.975, df) * Math.sqrt(va + vb);
  return { mean, ci95: [mean - half, mean + half], n: Math.min(sa.n, sb.n) };
}

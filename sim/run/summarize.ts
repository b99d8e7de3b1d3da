import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { metricRange } from './metric-range.ts';
import type { ReplicationOutput } from './protocol.ts';

/** One metric over replications. NaN (written as null in JSON) where undefined: mean with n = 0, sd and ci95 with n < 2. */
export interface MetricSummary {
  mean: number;
  sd: number;
  /**
   * Student-t 95 % confidence interval of the mean, mean ± t(0.975, n−1)·sd/√n, clamped to the
   * values the metric can take (`metricRange`: shares in [0, 1], counts ≥ 0). The true mean lies
   * in that range, so the clamped interval covers it exactly when the t-interval does: same
   * coverage, no impossible bounds (two replications gave a share's upper bound 1.017 and a
   * count's lower bound −5.97).
   */
  ci95: [number, number];
  /** Replications where the metric is a finite number. */
  n: number;
}

/**
 * The summary of a run: the contract behind `summary.json`, which other tools read.
 *
 * ```json
 * { "scenario": "baseline", "scenarioHash": "<64 hex>", "seed": 1, "replications": 8,
 *   "metrics": { "leadTime.hours.mean": { "mean": 41.2, "sd": 0.8, "ci95": [40.5, 41.9], "n": 8 }, … } }
 * ```
 * - `metrics` keys are in the order the first replication produced them (metrics first seen in a
 *   later replication follow, in the order they appear);
 * - numbers are written by `JSON.stringify` (shortest round-trip form, the same on every machine);
 *   NaN and ±Infinity become `null`;
 * - `n` counts replications where the metric is finite: NaN, ±Infinity and absent values are left
 *   out of mean, sd and ci95;
 * - `sd` is the sample standard deviation (n − 1); with n < 2 it and `ci95` are null;
 * - sums run in replication order, so the bytes depend only on the replications' results:
 *   never on worker count, shard split or finishing order.
 * `summaryJson` writes it; `replicationsCsv` writes the per-replication table beside it.
 */
export interface Summary {
  scenario: string;
  scenarioHash: string;
  seed: number | string;
  replications: number;
  metrics: Record<string, MetricSummary>;
}

export interface SummaryMeta {
  scenario: string;
  scenarioHash: string;
  seed: number | string;
}

/** Mean, sd, 95 % CI (clamped to each metric's range) and n of every metric over `outputs` (in replication order). */
export function summarize(outputs: readonly ReplicationOutput[], meta: SummaryMeta): Summary {
  const metrics: Record<string, MetricSummary> = {};
  for (const name of metricNames(outputs)) metrics[name] = describe(outputs.map((o) => o.metrics[name] ?? Number.NaN), metricRange(name));
  return { scenario: meta.scenario, scenarioHash: meta.scenarioHash, seed: meta.seed, replications: outputs.length, metrics };
}

/** Metric names in first-seen order over the replications. */
export function metricNames(outputs: readonly ReplicationOutput[]): string[] {
  const seen = new Set<string>();
  for (const o of outputs) for (const name of Object.keys(o.metrics)) seen.add(name);
  return [...seen];
}

/**
 * Mean, sample sd, Student-t 95 % CI and count of the finite values (two passes, in order); the
 * interval clamped to `range` when given (a metric's `metricRange`; differences have none).
 */
export function describe(values: readonly number[], range?: readonly [number, number]): MetricSummary {
  const finite = values.filter((v) => Number.isFinite(v));
  const n = finite.length;
  let sum = 0;
  for (const v of finite) sum += v;
  const mean = n > 0 ? sum / n : Number.NaN;
  let squares = 0;
  for (const v of finite) squares += (v - mean) * (v - mean);
  const sd = n > 1 ? Math.sqrt(squares / (n - 1)) : Number.NaN;
  const half = n > 1 ? tQuantile(0.975, n - 1) * (sd / Math.sqrt(n)) : Number.NaN;
  if (range === undefined || !(half >= 0)) return { mean, sd, ci95: [mean - half, mean + half], n };
  return { mean, sd, ci95: [Math.max(range[0], mean - half), Math.min(range[1], mean + half)], n };
}

/**
 * Half the width of the 95 % CI over |mean|: the precision `runUntilPrecise` aims at (there on
 * the unclamped t-interval). NaN when undefined.
 */
export function relativeHalfWidth(m: MetricSummary): number {
  return (m.ci95[1] - m.ci95[0]) / 2 / Math.abs(m.mean);
}

/** `summary.json`'s text: two-space indented JSON with a final newline; NaN and ±Infinity as null. */
export function summaryJson(summary: Summary): string {
  return `${JSON.stringify(summary, null, 2)}\n`;
}

/**
 * `replications.csv`: header `replication,<metric names…>`, then one row per replication in index
 * order; values by `String(x)` (shortest round-trip), empty for NaN or a metric a replication lacks.
 * Names holding a comma, quote or newline are quoted as RFC 4180 says.
 */
export function replicationsCsv(outputs: readonly ReplicationOutput[]): string {
  const names = metricNames(outputs);
  const lines = [['replication', ...names].map(csvField).join(',')];
  for (const o of outputs) {
    const row = [String(o.key.replication)];
    for (const name of names) {
      const v = o.metrics[name];
      row.push(v === undefined || Number.isNaN(v) ? '' : String(v));
    }
    lines.push(row.join(','));
  }
  return `${lines.join('\n')}\n`;
}

function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

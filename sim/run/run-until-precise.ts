import { defaultPlatform } from './default-platform.ts';
import type { JobDone } from './worker-pool.ts';
import { WorkerPool } from './worker-pool.ts';
import { type RunOptions, runJobs } from './run-jobs.ts';
import type { RunResult } from './run-replications.ts';
import { jobFor, type OpenSpec, type RunSpec } from './run-spec.ts';
import { jobScenarioHash } from './run-replication.ts';
import { describe, relativeHalfWidth } from './summarize.ts';

export interface PrecisionTarget {
  /** The metric whose 95 % CI must be narrow enough, e.g. 'leadTime.hours.mean'. */
  metric: string;
  /** Stop when half the CI's width over |mean| is at most this (0.01 = ±1 %). */
  relativeHalfWidth: number;
  /** Fewest replications (≥ 2: an interval needs two). Default 3. */
  min?: number;
  /** Most replications, precise or not. Default 100. */
  max?: number;
  /** Replications started together between checks; default the worker count. Never changes the answer. */
  batch?: number;
}

export interface PreciseResult extends RunResult {
  precision: {
    metric: string;
    target: number;
    /** The relative half-width reached with `replications` replications (NaN if undefined). */
    relativeHalfWidth: number;
    /** False when `max` came first. */
    reached: boolean;
  };
}

/**
 * Runs replications until the target metric's 95 % CI is narrow enough (the sequential procedure
 * of JaamSim's and AnyLogic's "stop on precision"), or `max` is reached. The stopping rule is
 * checked at every n from `min` on, in replication order: n is the first count that meets the
 * target, so the result is exactly a fixed-n run with that n, whatever the batch or worker count
 * (replications a batch ran past n are discarded, not used). Spec's `replications` is ignored.
 */
export async function runUntilPrecise(spec: OpenSpec, target: PrecisionTarget, options: RunOptions = {}): Promise<PreciseResult> {
  const min = target.min ?? 3;
  const max = target.max ?? 100;
  if (!Number.isInteger(min) || min < 2) throw new RangeError(`runUntilPrecise: min must be an integer ≥ 2, given ${min}`);
  if (!Number.isInteger(max) || max < min) throw new RangeError(`runUntilPrecise: max must be an integer ≥ min (${min}), given ${max}`);
  if (!(target.relativeHalfWidth > 0)) throw new RangeError(`runUntilPrecise: relativeHalfWidth must be > 0, given ${target.relativeHalfWidth}`);

  const started = performance.now();
  const own = options.pool === undefined;
  let pool = options.pool;
  if (pool === undefined) {
    const platform = await defaultPlatform();
    pool = new WorkerPool({ size: options.workers ?? platform.workers, spawn: options.spawn ?? platform.spawn });
  }
  const batch = target.batch ?? pool.size;
  if (!Number.isInteger(batch) || batch < 1) throw new RangeError(`runUntilPrecise: batch must be an integer ≥ 1, given ${batch}`);
  const full = { ...spec, replications: max } as RunSpec;
  const done: JobDone[] = [];
  let n = 0;
  let reached = false;
  try {
    while (n === 0) {
      const from = done.length;
      const to = Math.min(max, Math.max(min, from + batch));
      const jobs = Array.from({ length: to - from }, (_, i) => jobFor(full, from + i));
      const onProgress = options.onProgress;
      done.push(...(await runJobs(jobs, { pool, ...(onProgress && { onProgress: (d, _t, f) => onProgress(from + d, to, (from + f * (to - from)) / to, Number.NaN) }) })));
      if (from === 0 && !done.some((d) => target.metric in d.output.metrics)) {
        const names = Object.keys(done[0]?.output.metrics ?? {});
        const some = names.length > 12 ? `${names.slice(0, 12).join(', ')} … (${names.length} in all; sim run --all lists them)` : names.join(', ');
        throw new RangeError(`runUntilPrecise: metric ${JSON.stringify(target.metric)} is not produced by the ${spec.kind} model; it produces ${some}`);
      }
      for (let k = Math.max(min, from + 1); k <= done.length; k++) {
        if (relativeHalfWidth(describe(done.slice(0, k).map((d) => d.output.metrics[target.metric] ?? Number.NaN))) <= target.relativeHalfWidth) {
          n = k;
          reached = true;
          break;
        }
      }
      if (n === 0 && done.length >= max) n = max;
    }
  } finally {
    if (own) await pool.close();
  }
  const kept = done.slice(0, n);
  const outputs = kept.map((d) => d.output);
  const last = describe(outputs.map((o) => o.metrics[target.metric] ?? Number.NaN));
  return {
    kind: spec.kind,
    scenario: spec.scenario,
    scenarioHash: jobScenarioHash(jobFor(full, 0)),
    seed: spec.seed,
    replications: n,
    shard: null,
    outputs,
    timing: { wallMs: performance.now() - started, replicationWallMs: kept.map((d) => d.wallMs) },
    precision: { metric: target.metric, target: target.relativeHalfWidth, relativeHalfWidth: relativeHalfWidth(last), reached },
  };
}

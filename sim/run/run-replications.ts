import type { ReplicationOutput } from './protocol.ts';
import { type RunOptions, runJobs } from './run-jobs.ts';
import { jobFor, type RunSpec } from './run-spec.ts';
import { jobScenarioHash } from './run-replication.ts';
import { type Shard, shardReplications, validateShard } from './shard.ts';

/**
 * The outcome of a run (or of one shard of it): every replication's output, in replication order.
 * Everything but `timing` is a result and the same for any worker count; `timing` is wall-clock
 * and kept apart for that reason. A shard's `outputs` hold only its replications; `mergeShards`
 * puts shards back together.
 */
export interface RunResult {
  kind: RunSpec['kind'];
  scenario: string;
  scenarioHash: string;
  seed: number | string;
  /** Replications of the whole run (0..replications−1), also for a shard. */
  replications: number;
  shard: Shard | null;
  outputs: ReplicationOutput[];
  timing: { wallMs: number; replicationWallMs: number[] };
}

export interface RunReplicationsOptions extends RunOptions {
  /** Run only this shard's replications (r % count === index). */
  shard?: Shard;
}

/** Runs replications 0..n−1 of a spec (or one shard of them) on workers; rejects if any fails. */
export async function runReplications(spec: RunSpec, options: RunReplicationsOptions = {}): Promise<RunResult> {
  validateReplications(spec.replications);
  const shard = options.shard === undefined ? null : validateShard(options.shard);
  const indices = shardReplications(spec.replications, options.shard);
  const started = performance.now();
  const done = await runJobs(indices.map((r) => jobFor(spec, r)), options);
  return {
    kind: spec.kind,
    scenario: spec.scenario,
    scenarioHash: jobScenarioHash(jobFor(spec, 0)),
    seed: spec.seed,
    replications: spec.replications,
    shard,
    outputs: done.map((d) => d.output),
    timing: { wallMs: performance.now() - started, replicationWallMs: done.map((d) => d.wallMs) },
  };
}

export function validateReplications(n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`replications must be an integer ≥ 1, given ${n}`);
}

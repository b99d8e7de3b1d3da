import { modelKind } from './model-kinds.ts';
import type { Job, JobKey, ReplicationFailure, ReplicationOutput, SharedSetup } from './protocol.ts';
import { ReplicationError } from './replication-error.ts';
import { scenarioHash } from './scenario-hash.ts';

export interface ReplicationHooks {
  /** Called as the model advances (as often as the model reports; the worker throttles). */
  progress?(simMinutes: number, parcelsDone: number): void;
  /** A setup built once for the run (see `SharedSetup`); used only if it is this job's kind and key. */
  shared?: SharedSetup;
}

/**
 * The scenario a job's hash covers: its model kind, its input and its warm-up, nothing about who
 * runs it. `jobScenarioHash(job)` is the `scenarioHash` of a job's key.
 */
export function jobScenario(job: Job): { kind: string; input: unknown; warmupDays?: number } {
  return job.warmupDays === undefined ? { kind: job.kind, input: job.input } : { kind: job.kind, input: job.input, warmupDays: job.warmupDays };
}

export function jobScenarioHash(job: Job): string {
  return scenarioHash(jobScenario(job));
}

/**
 * One replication, as a pure function of the job: no I/O, no globals, no Node or browser API, so
 * replication r gives the same output on the main thread, a worker thread or a Web Worker. Rejects
 * with a `ReplicationError` naming the scenario, seed and replication, with the original stack.
 */
export async function runReplication(job: Job, hooks: ReplicationHooks = {}): Promise<ReplicationOutput> {
  const hash = jobScenarioHash(job);
  const key: JobKey = { scenarioHash: hash, seed: job.seed, replication: job.replication };
  try {
    if (!Number.isInteger(job.replication) || job.replication < 0) {
      throw new RangeError(`job.replication must be an integer ≥ 0, given ${job.replication}`);
    }
    const runner = modelKind(job.kind);
    if (job.warmupDays !== undefined && !runner.supportsWarmup) {
      throw new RangeError(`job.warmupDays is not supported by the ${job.kind} model (given ${job.warmupDays}); leave it out`);
    }
    const progress = hooks.progress ?? (() => {});
    const shared = hooks.shared;
    const fits = shared !== undefined && shared.kind === job.kind && runner.share !== undefined && shared.key === runner.share.key(job.input, job.seed);
    const result = await runner.run(job.input, job.seed, job.replication, job.warmupDays, progress, fits ? shared.value : undefined);
    return { key, metrics: result.metrics, tables: result.tables, events: result.events };
  } catch (error) {
    throw new ReplicationError(replicationFailure(job, hash, error));
  }
}

export function replicationFailure(job: Job, hash: string, error: unknown): ReplicationFailure {
  const e = error instanceof Error ? error : new Error(String(error));
  return {
    kind: job.kind,
    scenario: job.scenario,
    scenarioHash: hash,
    seed: job.seed,
    replication: job.replication,
    name: e.name,
    message: e.message,
    stack: e.stack ?? `${e.name}: ${e.message}`,
  };
}

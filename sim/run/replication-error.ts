import type { ReplicationFailure } from './protocol.ts';

/**
 * A replication threw. The message names the scenario, seed and replication (enough to rerun just
 * that one); `failure.stack` is the stack where it was thrown, in whichever thread that was.
 */
export class ReplicationError extends Error {
  override name = 'ReplicationError';
  constructor(readonly failure: ReplicationFailure) {
    super(`replication ${failure.replication} of scenario "${failure.scenario}" (seed ${JSON.stringify(failure.seed)}, ${failure.kind} model, hash ${failure.scenarioHash.slice(0, 12)}) failed: ${failure.name}: ${failure.message}`);
    this.stack = `${this.name}: ${this.message}\n--- stack where the replication threw ---\n${failure.stack}`;
  }
}

/** A worker died (exit, uncaught error, out of memory) while it ran a job; the pool replaced it. */
export class WorkerDiedError extends Error {
  override name = 'WorkerDiedError';
  constructor(
    readonly job: { scenario: string; seed: number | string; replication: number } | undefined,
    readonly reason: string,
  ) {
    super(
      job === undefined
        ? `a worker died while idle: ${reason}`
        : `the worker running replication ${job.replication} of scenario "${job.scenario}" (seed ${JSON.stringify(job.seed)}) died: ${reason}; the run is incomplete`,
    );
  }
}

import { afterAll, describe, expect, it } from 'vitest';
import { ReplicationError, runReplications, type RunSpec, spawnNodeWorker, WorkerDiedError, WorkerPool } from './index.ts';

const spec: RunSpec = { kind: 'example', input: { days: 1, parcelsPerDay: 200 }, scenario: 'tiny', seed: 3, replications: 2 };
const misbehaving = new URL('./fixtures/misbehaving-worker.mjs', import.meta.url);
// Replications 90–92 of the misbehaving worker die (exit, uncaught error, out of memory).
const pool = new WorkerPool({ size: 2, spawn: () => spawnNodeWorker({ entry: misbehaving, maxOldGenerationSizeMb: 64 }) });
const plain = new WorkerPool({ size: 1, spawn: () => spawnNodeWorker() });
afterAll(() => Promise.all([pool.close(), plain.close()]));

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the run to fail, and it completed');
}

describe('a failing replication', () => {
  it('rejects the run with the scenario, seed, replication index and the worker-side stack', async () => {
    const error = await failure(runReplications({ ...spec, warmupDays: 2 }, { pool: plain }));
    expect(error).toBeInstanceOf(ReplicationError);
    const f = (error as ReplicationError).failure;
    expect(f).toMatchObject({ scenario: 'tiny', seed: 3, kind: 'example', name: 'RangeError' });
    expect([0, 1]).toContain(f.replication);
    expect(error.message).toMatch(/^replication [01] of scenario "tiny" \(seed 3, example model, hash [0-9a-f]{12}\) failed: RangeError: job.warmupDays is not supported by the example model \(given 2\)/);
    expect(f.stack).toContain('run-replication.ts');
    expect(error.stack).toContain('--- stack where the replication threw ---');
  });
});

describe('a dying worker', () => {
  it.each([
    [90, /exited with code 3/],
    [91, /uncaught in the worker/],
    [92, /ERR_WORKER_OUT_OF_MEMORY/],
  ])('is detected (replication %i), fails the run with a clear message, and is replaced', async (replication, reason) => {
    const spawnedBefore = pool.spawned;
    // The shard r % (replication + 1) === replication holds just that replication.
    const run = runReplications({ ...spec, replications: replication + 1 }, { pool, shard: { index: replication, count: replication + 1 } });
    const error = await failure(run);
    expect(error).toBeInstanceOf(WorkerDiedError);
    expect(error.message).toContain(`the worker running replication ${replication} of scenario "tiny" (seed 3) died: `);
    expect(error.message).toMatch(reason);
    expect(error.message).toContain('the run is incomplete');
    // The pool carries on with a fresh worker.
    const after = await runReplications(spec, { pool });
    expect(after.outputs).toHaveLength(2);
    expect(pool.spawned).toBeGreaterThan(spawnedBefore);
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import {
  mergeShards,
  replicationsCsv,
  runReplication,
  runReplications,
  type RunSpec,
  spawnNodeWorker,
  summarize,
  summaryJson,
  WorkerPool,
} from './index.ts';

// A small engine example: ~0.1 s a replication, so the tests measure plumbing, not the model.
const spec: RunSpec = { kind: 'example', input: { days: 2, parcelsPerDay: 400 }, scenario: 'small station', seed: 11, replications: 8 };
const summaryText = (run: Awaited<ReturnType<typeof runReplications>>) => summaryJson(summarize(run.outputs, run));

// Worker start-up under tsx costs ~0.5 s; pools are shared across tests and closed at the end.
const pools = new Map<number, WorkerPool>();
const pool = (size: number): WorkerPool => {
  let p = pools.get(size);
  if (p === undefined) pools.set(size, (p = new WorkerPool({ size, spawn: () => spawnNodeWorker() })));
  return p;
};
afterAll(async () => {
  await Promise.all([...pools.values()].map((p) => p.close()));
});

describe('runReplications', () => {
  it('gives a byte-identical summary and CSV on 1, 2 and 4 workers', async () => {
    const [one, two, four] = await Promise.all([1, 2, 4].map((n) => runReplications(spec, { pool: pool(n) })));
    expect(one!.outputs.map((o) => o.key.replication)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(summaryText(two!)).toBe(summaryText(one!));
    expect(summaryText(four!)).toBe(summaryText(one!));
    expect(replicationsCsv(four!.outputs)).toBe(replicationsCsv(one!.outputs));
    // And the replications really differ from each other (else the test proves nothing).
    expect(new Set(one!.outputs.map((o) => o.metrics['leadTime.hours.mean'])).size).toBe(8);
  });

  it('gives on a worker exactly what runReplication gives on the main thread', async () => {
    const run = await runReplications({ ...spec, replications: 2 }, { pool: pool(2) });
    const local = await runReplication({ kind: 'example', input: spec.input, scenario: spec.scenario, seed: spec.seed, replication: 1 });
    expect(run.outputs[1]).toEqual(local);
    expect(run.outputs[1]!.key).toEqual({ scenarioHash: run.scenarioHash, seed: 11, replication: 1 });
  });

  it('makes its own pool from the workers option and ends its workers, so the process can exit', async () => {
    const run = await runReplications({ ...spec, replications: 2 }, { workers: 1 });
    expect(run.outputs).toHaveLength(2);
  });

  it('splits into shards (r % count === index) that merge to the unsplit run, byte for byte', async () => {
    const whole = await runReplications(spec, { pool: pool(2) });
    const shards = await Promise.all([2, 0, 1].map((index) => runReplications(spec, { pool: pool(2), shard: { index, count: 3 } })));
    expect(shards[0]!.outputs.map((o) => o.key.replication)).toEqual([2, 5]);
    // A shard travels as JSON (another machine, a job queue): merge what was serialised.
    const merged = mergeShards(shards.map((s) => JSON.parse(JSON.stringify(s))));
    expect(summaryText(merged)).toBe(summaryText(whole));
    expect(replicationsCsv(merged.outputs)).toBe(replicationsCsv(whole.outputs));
    expect(() => mergeShards(shards.slice(0, 2))).toThrow('mergeShards: replications 1, 4, 7 of 0..7 are in no shard');
  });

  it('reports progress that ends with every replication done', async () => {
    const calls: [number, number, number, number][] = [];
    await runReplications({ ...spec, replications: 3 }, { pool: pool(2), onProgress: (...a) => calls.push(a) });
    expect(calls[0]).toEqual([0, 3, 0, Number.NaN]);
    expect(calls.at(-1)).toEqual([3, 3, 1, 0]);
    const done = calls.map((c) => c[0]);
    expect(done).toEqual([...done].sort((a, b) => a - b));
  });
});

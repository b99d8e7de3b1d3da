import { afterAll, describe, expect, it } from 'vitest';
import { runReplications, runUntilPrecise, type RunSpec, spawnNodeWorker, summarize, summaryJson, WorkerPool } from './index.ts';

const spec: RunSpec = { kind: 'example', input: { days: 2, parcelsPerDay: 300 }, scenario: 'precise', seed: 21, replications: 1 };
const pool = new WorkerPool({ size: 2, spawn: () => spawnNodeWorker() });
afterAll(() => pool.close());

describe('runUntilPrecise', () => {
  it('stops at the first n whose 95 % CI is narrow enough, whatever the batch, and equals a fixed-n run', async () => {
    const target = { metric: 'leadTime.hours.mean', relativeHalfWidth: 0.02, min: 3, max: 30 };
    const [byOne, byFour] = await Promise.all([runUntilPrecise(spec, { ...target, batch: 1 }, { pool }), runUntilPrecise(spec, { ...target, batch: 4 }, { pool })]);
    const n = byOne.replications;
    expect(byOne.precision.reached).toBe(true);
    expect(byOne.precision.relativeHalfWidth).toBeLessThanOrEqual(0.02);
    expect(n).toBeGreaterThan(3); // the target is not met at once, so the rule is exercised
    expect(byFour.replications).toBe(n);
    const fixed = await runReplications({ ...spec, replications: n }, { pool });
    const text = summaryJson(summarize(fixed.outputs, fixed));
    expect(summaryJson(summarize(byOne.outputs, byOne))).toBe(text);
    expect(summaryJson(summarize(byFour.outputs, byFour))).toBe(text);
    // One fewer replication was not precise enough.
    const fewer = await runUntilPrecise(spec, { ...target, max: n - 1 }, { pool });
    expect(fewer.precision.reached).toBe(false);
    expect(fewer.replications).toBe(n - 1);
  });

  it('names the metric and the ones the model has when the metric does not exist', async () => {
    await expect(runUntilPrecise(spec, { metric: 'leadTime.days', relativeHalfWidth: 0.1, batch: 2 }, { pool })).rejects.toThrow(
      /metric "leadTime.days" is not produced by the example model; it produces parcels.created, /,
    );
  });
});

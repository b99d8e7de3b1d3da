import { afterAll, describe, expect, it } from 'vitest';
import { pairedDifference, runReplications, runSweep, type RunSpec, spawnNodeWorker, summarize, summaryJson, welchDifference, WorkerPool } from './index.ts';

const pool = new WorkerPool({ size: 2, spawn: () => spawnNodeWorker() });
afterAll(() => pool.close());

describe('runSweep', () => {
  it('uses common random numbers, so the paired difference has a narrower CI than independent runs', async () => {
    // Riders 22 vs 26 at a station near its capacity: the effect on lead time is real but small.
    const base: RunSpec = { kind: 'example', input: { days: 3, parcelsPerDay: 800 }, scenario: 'riders', seed: 4, replications: 10 };
    const sweep = await runSweep(base, [{ name: 'riders-22', patch: { riders: 22 } }, { name: 'riders-26', patch: { riders: 26 } }], { pool });
    const [a, b] = sweep.points.map((p) => p.run);
    // Same demand in both points: replication r orders the same parcels.
    expect(b!.outputs.map((o) => o.metrics['parcels.created'])).toEqual(a!.outputs.map((o) => o.metrics['parcels.created']));
    const paired = pairedDifference(a!, b!, 'leadTime.hours.mean');
    const welch = welchDifference(a!, b!, 'leadTime.hours.mean');
    const width = (d: { ci95: [number, number] }) => d.ci95[1] - d.ci95[0];
    expect(paired.mean).toBeCloseTo(welch.mean, 10); // the same point estimate…
    expect(width(paired)).toBeLessThan(width(welch) / 2); // …known far better
    expect(paired.ci95[1]).toBeLessThan(0); // more riders, shorter lead time, and the paired CI says so
  });

  it('gives each point what a plain run of that point gives', async () => {
    const base: RunSpec = { kind: 'example', input: { days: 1, parcelsPerDay: 300 }, scenario: 'riders', seed: 4, replications: 2 };
    const sweep = await runSweep(base, [{ name: 'r30', patch: { riders: 30 } }], { pool });
    const plain = await runReplications({ ...base, scenario: 'riders/r30', input: { days: 1, parcelsPerDay: 300, riders: 30 } }, { pool });
    const point = sweep.points[0]!.run;
    expect(point.scenarioHash).toBe(plain.scenarioHash);
    expect(summaryJson(summarize(point.outputs, point))).toBe(summaryJson(summarize(plain.outputs, plain)));
  });
});

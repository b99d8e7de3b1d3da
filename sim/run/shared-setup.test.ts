import { describe, expect, it } from 'vitest';
import { indiaNetworkColumns } from './india-kind.ts';
import { indiaNetworkKey } from './model-kinds.ts';
import type { IndiaInput, Job } from './protocol.ts';
import { runJobs } from './run-jobs.ts';
import { runReplications } from './run-replications.ts';
import { jobFor, type RunSpec } from './run-spec.ts';
import type { SetupCache } from './setup-cache.ts';
import { summarize, summaryJson } from './summarize.ts';

// Kerala for two days: small enough to build and run in seconds, big enough to differ by network.
const input: IndiaInput = { network: { states: ['Kerala'], scale: 0.01 }, model: { days: 2, drainDays: 1 } };
const spec: RunSpec = { kind: 'india', input, scenario: 'kerala', seed: 5, replications: 4 };
const summaryText = (run: Awaited<ReturnType<typeof runReplications>>): string => summaryJson(summarize(run.outputs, run));

describe('a network built once and shared by the workers', () => {
  it('gives the byte-identical summary that workers building their own give', async () => {
    const own = await runReplications(spec, { workers: 2, share: false });
    const shared = await runReplications(spec, { workers: 2, setupCache: false });
    expect(summaryText(shared)).toBe(summaryText(own));
  });

  it('is what the workers use: a cache answering with the network of another state changes the result', async () => {
    const asked: [string, string][] = [];
    const wrong: SetupCache = async (kind, key) => {
      asked.push([kind, key]);
      return indiaNetworkColumns({ ...input, network: { states: ['Goa'], scale: 0.01 } }, 5);
    };
    const honest = await runReplications({ ...spec, replications: 2 }, { workers: 2, setupCache: false });
    const fooled = await runReplications({ ...spec, replications: 2 }, { workers: 2, setupCache: wrong });
    expect(asked).toEqual([['india', indiaNetworkKey(input, 5)]]); // once for the run, not once a worker
    expect(fooled.outputs[0]!.metrics['parcels.created']).toBeLessThan(honest.outputs[0]!.metrics['parcels.created']! / 3); // Goa has a tenth of Kerala's people
  });

  it('is not shared when the jobs need different networks (a sweep over network options)', async () => {
    let asked = 0;
    const cache: SetupCache = async (_kind, _key, build) => {
      asked++;
      return build();
    };
    const jobs: Job[] = [
      jobFor(spec, 0),
      { ...jobFor(spec, 1), input: { ...input, network: { ...input.network, scale: 0.02 } } } as Job,
    ];
    const done = await runJobs(jobs, { workers: 1, setupCache: cache });
    expect(asked).toBe(0);
    expect(done).toHaveLength(2);
  });

  it('still fails a run with invalid network options as a replication error naming the job', async () => {
    const bad: RunSpec = { ...spec, input: { ...input, network: { scale: -1 } }, replications: 1 };
    await expect(runReplications(bad, { workers: 1, setupCache: false })).rejects.toThrow(/scale/);
    await expect(runReplications(bad, { workers: 1, setupCache: false })).rejects.toThrow(/replication 0/);
  });
});

import type { Job, ModelKind } from './protocol.ts';

/**
 * An experiment: one model input (a resolved scenario) run for replications 0..n−1 from one seed.
 * `kind` and `input` must match as in `Job` (e.g. `{ kind: 'example', input: { riders: 40 } }`).
 */
export type RunSpec = {
  [K in ModelKind]: {
    kind: K;
    input: Extract<Job, { kind: K }>['input'];
    /** The scenario's name, for people. */
    scenario: string;
    seed: number | string;
    replications: number;
    warmupDays?: number;
  };
}[ModelKind];

/** The job for replication r of a spec. */
export function jobFor(spec: RunSpec, replication: number): Job {
  const job = { kind: spec.kind, input: spec.input, scenario: spec.scenario, seed: spec.seed, replication } as Job;
  if (spec.warmupDays !== undefined) job.warmupDays = spec.warmupDays;
  return job;
}

/** A spec whose replication count is decided by the run (`runUntilPrecise`): `replications` optional and ignored. */
export type OpenSpec = {
  [K in ModelKind]: Omit<Extract<RunSpec, { kind: K }>, 'replications'> & { replications?: number };
}[ModelKind];

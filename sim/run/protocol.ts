/**
 * What crosses a worker boundary, and nothing else: types only, so the browser and Node sides,
 * the pool and the worker entry agree by construction. Every value here survives the structured
 * clone (plain objects, arrays, numbers including NaN and -0, strings), which is all comlink sends.
 *
 * Flow: the pool calls `WorkerApi.run(job)`; while it runs, the worker calls the progress callback
 * it was given once through `setProgress` (a comlink proxy) with `JobProgress` messages, throttled;
 * the call resolves with a `JobOutcome`. A replication that throws resolves as `state: 'failed'`
 * (comlink would keep only message and stack of a thrown error, not the job's identity), so a
 * rejected call means the transport itself broke.
 */

/** A job's identity: results merge by this key, on one machine or many. */
export interface JobKey {
  /** SHA-256 (hex) of the canonical JSON of the job's model input: see `scenarioHash`. */
  scenarioHash: string;
  seed: number | string;
  /** Replication index, 0-based. */
  replication: number;
}

/** Fields every job carries beside its model input. */
interface JobBase {
  /** The scenario's name, for people (errors, summaries). */
  scenario: string;
  seed: number | string;
  replication: number;
  /** Simulated days whose observations the model discards (warm-up deletion); only for kinds that support it. */
  warmupDays?: number;
}

/** The engine example (`sim/examples/delivery-station-week.ts`); its options minus seed and replication. */
export interface ExampleInput {
  days?: number;
  parcelsPerDay?: number;
  riders?: number;
  firstAttemptSuccess?: number;
}

/**
 * The India model: a resolved scenario. `network` is `NetworkOptions` and `model` a `ModelConfig`
 * (or a patch over the defaults), typed loosely here so this file stays free of model imports.
 */
export interface IndiaInput {
  network: Record<string, unknown>;
  model: Record<string, unknown>;
}

export type Job =
  | (JobBase & { kind: 'example'; input: ExampleInput })
  | (JobBase & { kind: 'india'; input: IndiaInput });

export type ModelKind = Job['kind'];

/** One replication's output: flat metrics (insertion order is the reporting order) and free-form tables. */
export interface ReplicationOutput {
  key: JobKey;
  metrics: Record<string, number>;
  /** Per-day, per-district… tables as the model gives them (JSON-safe); not summarised here. */
  tables: Record<string, unknown>;
  /** Calendar events processed (deterministic: part of the result). */
  events: number;
}

/** Sent by a running job, at most every ~250 ms of wall time and once at the end. */
export interface JobProgress {
  replication: number;
  /** Simulated minutes reached. */
  simMinutes: number;
  /** Parcels finished (delivered, returned or lost) so far; 0 when the model does not say. */
  parcelsDone: number;
  /** simMinutes over the job's horizon, in [0, 1]. */
  fraction: number;
}

/** Why a replication failed: enough to rerun exactly that replication. */
export interface ReplicationFailure {
  kind: ModelKind;
  scenario: string;
  scenarioHash: string;
  seed: number | string;
  replication: number;
  /** The thrown error's name and message, and its stack as the worker saw it. */
  name: string;
  message: string;
  stack: string;
}

/** The answer to `run`: a discriminated union, so the compiler knows which fields exist. */
export type JobOutcome =
  | { state: 'done'; output: ReplicationOutput; wallMs: number }
  | { state: 'failed'; failure: ReplicationFailure };

/**
 * What a model kind builds once for a run and hands to every worker before its first job (the
 * India model: the network, as typed-array columns), so that workers do not each build it. A
 * cache, never an input: a replication gives the same result with it or without it, and a worker
 * uses it only for jobs of the same kind whose `key` matches.
 */
export interface SharedSetup {
  kind: ModelKind;
  /** What the value was built from (the kind's `shareKey` of the jobs' input and seed). */
  key: string;
  value: unknown;
}

/** What a worker exposes through comlink (the same on worker_threads and Web Workers). */
export interface WorkerApi {
  /** Registers the one progress callback for this worker's lifetime (a comlink proxy). */
  setProgress(callback: (progress: JobProgress) => void): void;
  /** Keeps a shared setup for the jobs that follow (replacing any earlier one). */
  provide(setup: SharedSetup): void;
  run(job: Job): Promise<JobOutcome>;
}

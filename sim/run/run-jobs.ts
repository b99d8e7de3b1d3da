import { defaultPlatform, defaultSetupCache, onNode } from './default-platform.ts';
import { modelKind } from './model-kinds.ts';
import type { JobExecutor } from './job-executor.ts';
import type { Job, JobProgress, SharedSetup } from './protocol.ts';
import type { SetupCache } from './setup-cache.ts';
import type { SpawnWorker } from './worker-handle.ts';
import { type JobDone, WorkerPool } from './worker-pool.ts';

/**
 * Progress of a whole run: replications finished, replications in the run, the fraction of
 * simulated time done over all of them (finished ones count 1, running ones their own fraction)
 * and the estimated seconds left (NaN until something has advanced).
 */
export type ProgressCallback = (done: number, total: number, fraction: number, etaSeconds: number) => void;

export interface RunOptions {
  /** Worker count; default `os.availableParallelism()` on Node, `navigator.hardwareConcurrency` in browsers. Never changes results. */
  workers?: number;
  /**
   * A pool to run on, or any other executor (a job queue, stored shard outputs), left open: its
   * owner closes it. Without one, a pool is made for the run and closed when it ends.
   */
  pool?: JobExecutor;
  /** How to start a worker when the run makes its own pool; default: the platform's. */
  spawn?: SpawnWorker;
  onProgress?: ProgressCallback;
  /**
   * Build what every job needs (the India network) once, on this thread, and hand it to each
   * worker, instead of each worker building its own. Default: on Node, where the CLI's thread is
   * idle during a run; in a browser the page's thread must stay free, so workers build.
   */
  share?: boolean;
  /** Where a shared setup is kept between runs; default: the project's disk cache on Node (see setup-cache.ts), `false` for none. */
  setupCache?: SetupCache | false;
}

/**
 * Runs jobs on a worker pool and returns their results in the order of `jobs`, whatever order
 * the workers finish in. The first failure rejects the whole call (jobs still queued are dropped),
 * so a caller can never mistake a partial run for a complete one.
 */
export async function runJobs(jobs: readonly Job[], options: RunOptions = {}): Promise<JobDone[]> {
  if (jobs.length === 0) return [];
  const share = (options.share ?? onNode()) ? { cache: options.setupCache } : undefined;
  if (options.pool !== undefined) return runOn(options.pool, jobs, options.onProgress, share);
  const platform = options.spawn === undefined || options.workers === undefined ? await defaultPlatform() : undefined;
  const workers = options.workers ?? platform!.workers;
  if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`workers must be an integer ≥ 1, given ${workers}`);
  const pool = new WorkerPool({ size: Math.min(workers, jobs.length), spawn: options.spawn ?? platform!.spawn });
  try {
    return await runOn(pool, jobs, options.onProgress, share);
  } finally {
    await pool.close();
  }
}

async function runOn(
  pool: JobExecutor,
  jobs: readonly Job[],
  onProgress: ProgressCallback | undefined,
  share: { cache: SetupCache | false | undefined } | undefined,
): Promise<JobDone[]> {
  const started = performance.now();
  if (share !== undefined && pool.provide !== undefined) pool.provide(sharedSetup(jobs, share.cache));
  const fractions = new Float64Array(jobs.length);
  let done = 0;
  const report = (): void => {
    if (onProgress === undefined) return;
    let sum = 0;
    for (const f of fractions) sum += f;
    const fraction = sum / jobs.length;
    const elapsed = (performance.now() - started) / 1000;
    onProgress(done, jobs.length, fraction, fraction > 0 ? (elapsed * (1 - fraction)) / fraction : Number.NaN);
  };
  let failed = false;
  const cancelled = (): boolean => failed;
  report();
  return Promise.all(
    jobs.map((job, i) =>
      pool
        .exec(
          job,
          (p: JobProgress) => {
            fractions[i] = Math.min(p.fraction, 0.999);
            report();
          },
          cancelled,
        )
        .then(
          (result) => {
            fractions[i] = 1;
            done++;
            report();
            return result;
          },
          (error: unknown) => {
            failed = true;
            throw error;
          },
        ),
    ),
  );
}

/**
 * The setup all jobs share, built once here: when every job is of one kind that has one and
 * asks for the same key (a sweep over model settings on one network does; one over network
 * options does not). Built after the workers have started, so they load while it builds. Any
 * failure gives undefined: the workers then build it themselves and report errors with the job's
 * identity, as without sharing.
 */
async function sharedSetup(jobs: readonly Job[], given: SetupCache | false | undefined): Promise<SharedSetup | undefined> {
  try {
    const first = jobs[0]!;
    const share = modelKind(first.kind).share;
    if (share === undefined) return undefined;
    const key = share.key(first.input, first.seed);
    if (jobs.some((job) => job.kind !== first.kind || share.key(job.input, job.seed) !== key)) return undefined;
    await new Promise((resolve) => setTimeout(resolve, 0));
    const cache = given === undefined ? await defaultSetupCache() : given;
    const build = (): Promise<unknown> => share.build(first.input, first.seed);
    return { kind: first.kind, key, value: await (cache === false || cache === undefined ? build() : cache(first.kind, key, build)) };
  } catch {
    return undefined;
  }
}

/**
 * The setup a job's kind shares between replications (the India network as columns), from the
 * same cache a run uses, so asking after a run costs a read; undefined for a kind without one.
 * For what a run describes beside its results: the result folder's per-node rows.
 */
export async function setupOf(job: Job, given?: SetupCache | false): Promise<unknown> {
  const share = modelKind(job.kind).share;
  if (share === undefined) return undefined;
  const cache = given === undefined ? await defaultSetupCache() : given;
  const build = (): Promise<unknown> => share.build(job.input, job.seed);
  return cache === false || cache === undefined ? build() : cache(job.kind, share.key(job.input, job.seed), build);
}

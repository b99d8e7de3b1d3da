import { defaultPlatform } from './default-platform.ts';
import type { Job, JobProgress } from './protocol.ts';
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
  /** A pool to run on (left open: its owner closes it). Without one, a pool is made for the run and closed when it ends. */
  pool?: WorkerPool;
  /** How to start a worker when the run makes its own pool; default: the platform's. */
  spawn?: SpawnWorker;
  onProgress?: ProgressCallback;
}

/**
 * Runs jobs on a worker pool and returns their results in the order of `jobs`, whatever order
 * the workers finish in. The first failure rejects the whole call (jobs still queued are dropped),
 * so a caller can never mistake a partial run for a complete one.
 */
export async function runJobs(jobs: readonly Job[], options: RunOptions = {}): Promise<JobDone[]> {
  if (jobs.length === 0) return [];
  if (options.pool !== undefined) return runOn(options.pool, jobs, options.onProgress);
  const platform = options.spawn === undefined || options.workers === undefined ? await defaultPlatform() : undefined;
  const workers = options.workers ?? platform!.workers;
  if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`workers must be an integer ≥ 1, given ${workers}`);
  const pool = new WorkerPool({ size: Math.min(workers, jobs.length), spawn: options.spawn ?? platform!.spawn });
  try {
    return await runOn(pool, jobs, options.onProgress);
  } finally {
    await pool.close();
  }
}

async function runOn(pool: WorkerPool, jobs: readonly Job[], onProgress: ProgressCallback | undefined): Promise<JobDone[]> {
  const started = performance.now();
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

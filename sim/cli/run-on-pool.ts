import { removePartialFolders } from '../report/index.ts';
import { createProgressBar, defaultPlatform, type JobExecutor, type ProgressCallback, WorkerPool } from '../run/index.ts';
import { InterruptedError } from './exit-codes.ts';

/**
 * Runs `work` on a worker pool of `workers` (default: the cores this process may use, at most
 * `jobs`), or on `executor` when given (a job queue, stored shard outputs), with a progress bar on
 * stderr. Ctrl-C closes the pool (workers stop at once), removes
 * result folders being written and rejects with InterruptedError; the handler stays until `work`
 * and whatever it writes afterwards are done, so an interrupt never cuts a write in half.
 */
export async function runOnPool<T>(
  label: string,
  jobs: number,
  workers: number | undefined,
  work: (pool: JobExecutor, onProgress: ProgressCallback) => Promise<T>,
  after: (result: T) => void | Promise<void>,
  executor?: JobExecutor,
): Promise<void> {
  const pool = executor ?? (await localPool(workers, jobs));
  const bar = createProgressBar(label);
  let interrupted = false;
  const onSigint = (): void => {
    interrupted = true;
    removePartialFolders();
    void pool.close();
  };
  process.on('SIGINT', onSigint);
  try {
    let result: T;
    try {
      result = await work(pool, bar.update);
    } catch (error) {
      if (interrupted) throw new InterruptedError();
      throw error;
    } finally {
      bar.done();
      await pool.close();
    }
    if (interrupted) throw new InterruptedError();
    await after(result);
    if (interrupted) throw new InterruptedError();
  } finally {
    process.off('SIGINT', onSigint);
  }
}

async function localPool(workers: number | undefined, jobs: number): Promise<WorkerPool> {
  const platform = await defaultPlatform();
  return new WorkerPool({ size: Math.max(1, Math.min(workers ?? platform.workers, jobs)), spawn: platform.spawn });
}

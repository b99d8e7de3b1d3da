import type { Job, JobProgress, SharedSetup } from './protocol.ts';
import type { JobDone } from './worker-pool.ts';

/**
 * Whatever runs a run's jobs: the local `WorkerPool`, a job queue many machines serve
 * (sim/queue), or outputs read back from shard folders (`sim merge`). `runJobs` gathers results
 * in job order whichever it is, so a run's result folder is the same bytes on any of them.
 */
export interface JobExecutor {
  /** How many jobs it runs at once (a batch size for runs that decide their length as they go). */
  readonly size: number;
  /** Runs one job; rejects with an error naming the job when it cannot be done. */
  exec(job: Job, onProgress?: (progress: JobProgress) => void, cancelled?: () => boolean): Promise<JobDone>;
  /** Optional: a setup every job of the run can share (only local workers take one). */
  provide?(setup: Promise<SharedSetup | undefined>): void;
  /** Stops: jobs still waiting are rejected and nothing keeps the process alive. */
  close(): Promise<void>;
}

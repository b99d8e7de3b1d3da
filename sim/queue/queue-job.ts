import type { Job, JobProgress } from '../run/index.ts';

/** A BullMQ job's data: the job's inputs and the code version that must run it; nothing else. */
export interface QueueJobData {
  job: Job;
  codeVersion: string;
}

/** What a worker returns (small: the output itself sits under `outputKey`, with its own expiry). */
export interface QueueJobResult {
  bytes: number;
  wallMs: number;
  /** `host:pid` of the worker process, for logs. */
  worker: string;
}

/** Progress as a worker reports it with `job.updateProgress` (the replication's own JobProgress). */
export type QueueJobProgress = JobProgress;

/** "tiny" seed 1 replication 3: how logs and errors name a job. */
export function jobLabel(job: Job): string {
  return `"${job.scenario}" seed ${JSON.stringify(job.seed)} replication ${job.replication}`;
}

import { Job as BullJob, Queue, QueueEvents } from 'bullmq';
import { decodeOutput, type Job, type JobDone, type JobExecutor, type JobProgress, jobScenarioHash } from '../run/index.ts';
import { jobLabel, type QueueJobData, type QueueJobResult } from './queue-job.ts';
import { jobId, outputKey, queueName, RESULT_TTL_SECONDS, shortId } from './queue-names.ts';
import { connectionOptions, QueueUnavailableError, RedisLink } from './redis-link.ts';
import type { RedisAddress } from './redis-url.ts';

/** A job the model failed on, as a worker reported it (names scenario, seed and replication): exit 1, never retried. */
export class QueueJobError extends Error {
  override name = 'QueueJobError';
}

export interface QueueClientOptions {
  address: RedisAddress;
  prefix: string;
  /** The version of this checkout's worker code: the queue it uses, and what every job carries. */
  codeVersion: string;
  /** One line at a time to the user (stderr). */
  log: (line: string) => void;
  /** How long Redis may stay silent (default REDIS_GRACE_MS). */
  graceMs?: number;
  /** How often to look for finished jobs and connected workers besides BullMQ's events (default 3 s). */
  pollMs?: number;
}

interface Waiter {
  resolve(done: JobDone): void;
  reject(error: Error): void;
  onProgress: ((progress: JobProgress) => void) | undefined;
}

interface Entry {
  job: Job;
  waiters: Waiter[];
  done?: JobDone;
}

/** Attempts for failures outside the model (a worker thread that died); a model exception is never retried. */
const ATTEMPTS = 2;

/**
 * Runs a run's jobs on `sim worker` processes through a BullMQ queue on Redis: the client side of
 * sim/queue. Each job is queued under an id made from its key, so a job asked for twice (by two
 * sweep points with equal inputs, by a repeated command, by two users) is queued once; a job
 * finished earlier is answered from its stored output without running again. Outputs come back
 * through Redis exactly (output-codec), and `runJobs` orders them, so the result folder is the
 * local run's, byte for byte. Progress from every worker feeds the one progress bar.
 *
 * Fails, never hangs: a job the model failed on rejects with QueueJobError (the worker's message
 * names scenario, seed and replication); Redis unreachable or silent for `graceMs` rejects every
 * waiting job with QueueUnavailableError. Jobs already queued stay in Redis (for `sim worker`s to
 * finish, and for the next run of the same command to reuse) until they expire.
 */
export class QueueExecutor implements JobExecutor {
  readonly size = 16;
  readonly queueName: string;
  private readonly entries = new Map<string, Entry>();
  private pending: string[] = [];
  private submitting: Promise<void> = Promise.resolve();
  private scheduled = false;
  private failure: Error | undefined;
  private closed = false;
  private poller: NodeJS.Timeout | undefined;
  private saidNoWorker = false;
  private link!: RedisLink;
  private queue!: Queue;
  private events!: QueueEvents;

  private constructor(private readonly o: QueueClientOptions) {
    this.queueName = queueName(o.codeVersion);
  }

  /** Connects (QueueUnavailableError when Redis cannot be reached) and clears finished jobs past their expiry. */
  static async connect(o: QueueClientOptions): Promise<QueueExecutor> {
    const x = new QueueExecutor(o);
    x.link = await RedisLink.open(o.address, (error) => x.fail(error), o.graceMs);
    try {
      const connection = connectionOptions(o.address);
      x.queue = new Queue(x.queueName, { connection, prefix: o.prefix, streams: { events: { maxLen: 1000 } } });
      x.events = new QueueEvents(x.queueName, { connection, prefix: o.prefix });
      // Without listeners an 'error' event would throw; the link decides when Redis is gone.
      x.queue.on('error', () => {});
      x.events.on('error', () => {});
      await Promise.all([x.queue.waitUntilReady(), x.events.waitUntilReady()]);
      x.events.on('completed', ({ jobId: id, returnvalue }) => x.onCompleted(id, returnvalue as unknown));
      x.events.on('failed', ({ jobId: id, failedReason }) => x.onFailed(id, failedReason));
      x.events.on('progress', ({ jobId: id, data }) => x.onProgress(id, data as unknown));
      x.events.on('removed', ({ jobId: id }) => x.resubmit(id));
      x.events.on('stalled', ({ jobId: id }) => {
        const entry = x.entries.get(id);
        if (entry !== undefined) o.log(`job ${shortId(id)} (${jobLabel(entry.job)}) stalled: its worker stopped renewing the lock (killed?); the job goes back to the queue for another worker`);
      });
      await x.queue.clean(RESULT_TTL_SECONDS * 1000, 10_000, 'completed');
      await x.queue.clean(RESULT_TTL_SECONDS * 1000, 10_000, 'failed');
      x.poller = setInterval(() => void x.poll().catch(() => {}), o.pollMs ?? 3000);
    } catch (error) {
      await x.close();
      throw error instanceof QueueUnavailableError ? error : new QueueUnavailableError(`Redis at ${o.address.shown}: ${(error as Error).message}`);
    }
    return x;
  }

  exec(job: Job, onProgress?: (progress: JobProgress) => void): Promise<JobDone> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    if (this.closed) return Promise.reject(new Error('QueueExecutor: exec after close()'));
    const id = jobId({ scenarioHash: jobScenarioHash(job), seed: job.seed, replication: job.replication });
    return new Promise<JobDone>((resolve, reject) => {
      let entry = this.entries.get(id);
      if (entry?.done !== undefined) return resolve(entry.done);
      if (entry === undefined) {
        entry = { job, waiters: [] };
        this.entries.set(id, entry);
        this.pending.push(id);
        this.schedule();
      }
      entry.waiters.push({ resolve, reject, onProgress });
    });
  }

  /** Stops waiting (waiting jobs are rejected) and closes every connection; the queued jobs stay in Redis. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.poller !== undefined) clearInterval(this.poller);
    this.rejectAll(this.failure ?? new Error('QueueExecutor: closed before this job finished'));
    const closing = Promise.allSettled([this.queue?.close(), this.events?.close()]);
    // Closing politely needs Redis; when it is gone, do not wait for it.
    await Promise.race([closing, new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
    await Promise.allSettled([this.queue?.disconnect(), this.events?.disconnect()]);
    this.link?.close();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // exec is called once per job in one loop: gather them and queue them in one round trip.
    setImmediate(() => {
      this.scheduled = false;
      const ids = this.pending.splice(0);
      this.submitting = this.submitting.then(() => this.submit(ids)).catch((error: unknown) => this.fail(asUnavailable(error, this.o.address.shown)));
    });
  }

  /** Queues the jobs not already in the queue; answers those finished earlier from their stored outputs. */
  private async submit(ids: readonly string[]): Promise<void> {
    if (ids.length === 0 || this.closed) return;
    const add: string[] = [];
    let reused = 0;
    let running = 0;
    for (const id of ids) {
      const existing = await BullJob.fromId(this.queue, id);
      if (existing === undefined) {
        add.push(id);
        continue;
      }
      const state = await existing.getState();
      if (state === 'completed' && (await this.finish(id, existing.returnvalue))) {
        reused++;
      } else if (state === 'completed' || state === 'failed' || state === 'unknown') {
        // Finished without an output left (expired), or failed in an earlier command: asked again, so run again.
        await existing.remove().catch(() => {});
        add.push(id);
      } else {
        running++; // waiting or running for someone else's command: wait for it
      }
    }
    if (add.length > 0) {
      await this.queue.addBulk(
        add.map((id) => ({
          name: 'replication',
          data: { job: this.entries.get(id)!.job, codeVersion: this.o.codeVersion } satisfies QueueJobData,
          opts: { jobId: id, attempts: ATTEMPTS, backoff: { type: 'fixed', delay: 1000 }, removeOnComplete: { age: RESULT_TTL_SECONDS }, removeOnFail: { age: RESULT_TTL_SECONDS } },
        })),
      );
    }
    const parts = [`${add.length} queued`];
    if (reused > 0) parts.push(`${reused} reused from earlier runs`);
    if (running > 0) parts.push(`${running} already queued by another command`);
    this.o.log(`queue ${this.queueName} on ${this.o.address.shown}: ${parts.join(', ')}`);
    await this.poll().catch(() => {}); // a safety net; Redis being gone is the link's to say
  }

  /** Resolves a job from its stored output; false when Redis holds none (expired, or never written). */
  private async finish(id: string, result: unknown): Promise<boolean> {
    const entry = this.entries.get(id);
    if (entry === undefined || entry.done !== undefined) return true;
    const text = await this.link.client.get(outputKey(this.o.prefix, this.queueName, id));
    if (text === null) return false;
    const output = decodeOutput(text);
    const job = entry.job;
    if (output.key.scenarioHash !== jobScenarioHash(job) || output.key.seed !== job.seed || output.key.replication !== job.replication) {
      this.settle(id, new QueueJobError(`queue ${this.queueName}: the output stored for job ${id} is not ${jobLabel(job)}'s; the queue's keys were changed by something else`));
      return true;
    }
    const wallMs = typeof (result as QueueJobResult | undefined)?.wallMs === 'number' ? (result as QueueJobResult).wallMs : Number.NaN;
    this.settle(id, { output, wallMs });
    return true;
  }

  private settle(id: string, outcome: JobDone | Error): void {
    const entry = this.entries.get(id);
    if (entry === undefined || entry.done !== undefined) return;
    const waiters = entry.waiters.splice(0);
    if (outcome instanceof Error) {
      this.entries.delete(id);
      for (const w of waiters) w.reject(outcome);
    } else {
      entry.done = outcome;
      for (const w of waiters) w.resolve(outcome);
    }
  }

  private onCompleted(id: string, result: unknown): void {
    if (!this.waitingFor(id)) return;
    void this.finish(id, result).then(
      (found) => {
        if (!found) this.settle(id, new QueueJobError(`job ${id} (${jobLabel(this.entries.get(id)!.job)}) completed, but its output is not in Redis (removed or evicted: is maxmemory-policy noeviction set?)`));
      },
      (error: unknown) => this.fail(asUnavailable(error, this.o.address.shown)),
    );
  }

  private onFailed(id: string, reason: string): void {
    if (!this.waitingFor(id)) return;
    this.settle(id, new QueueJobError(reason));
  }

  private onProgress(id: string, data: unknown): void {
    const entry = this.entries.get(id);
    if (entry === undefined || entry.done !== undefined || typeof (data as JobProgress | undefined)?.fraction !== 'number') return;
    for (const w of entry.waiters) w.onProgress?.(data as JobProgress);
  }

  /** A job this run waits for was removed from the queue (cleaned by hand): queue it again. */
  private resubmit(id: string): void {
    if (!this.waitingFor(id) || this.closed) return;
    this.pending.push(id);
    this.schedule();
  }

  private waitingFor(id: string): boolean {
    const entry = this.entries.get(id);
    return entry !== undefined && entry.done === undefined && entry.waiters.length > 0;
  }

  /**
   * Besides BullMQ's events (which a reconnect can miss): finds jobs that finished, failed or
   * vanished, and says so when no worker serves this code version's queue.
   */
  private async poll(): Promise<void> {
    if (this.closed) return;
    const waiting = [...this.entries.keys()].filter((id) => this.waitingFor(id) && !this.pending.includes(id));
    for (const id of waiting) {
      const state = await this.queue.getJobState(id);
      if (state === 'completed') {
        const job = await BullJob.fromId(this.queue, id);
        this.onCompleted(id, job?.returnvalue);
      } else if (state === 'failed') {
        const job = await BullJob.fromId(this.queue, id);
        this.onFailed(id, job?.failedReason ?? `job ${id} failed`);
      } else if (state === 'unknown') {
        this.resubmit(id);
      }
    }
    if (waiting.length === 0) return;
    // CLIENT LIST, which some managed Redis services disable: then no notice, nothing worse.
    const workers = await this.queue.getWorkersCount().catch(() => Number.NaN);
    if (workers === 0 && !this.saidNoWorker) {
      this.saidNoWorker = true;
      this.o.log(
        `queue ${this.queueName} on ${this.o.address.shown}: no worker of this code version (${this.o.codeVersion.slice(0, 12)}) is connected yet; start one from this checkout: sim worker --queue ${this.o.address.shown}${this.o.prefix === 'india-parcel-sim' ? '' : ` --queue-prefix ${this.o.prefix}`} (waiting; Ctrl-C leaves the jobs queued)`,
      );
    } else if (workers > 0 && this.saidNoWorker) {
      this.saidNoWorker = false;
      this.o.log(`queue ${this.queueName}: ${workers} worker${workers === 1 ? '' : 's'} connected`);
    }
  }

  /** Redis is gone (or a command failed): every waiting job rejects with the reason, once. */
  private fail(error: Error): void {
    if (this.failure !== undefined) return;
    this.failure = error;
    this.rejectAll(error);
    void this.close();
  }

  private rejectAll(error: Error): void {
    for (const [id, entry] of this.entries) if (entry.done === undefined) this.settle(id, error);
  }
}

function asUnavailable(error: unknown, where: string): Error {
  if (error instanceof QueueUnavailableError || error instanceof QueueJobError) return error;
  return new QueueUnavailableError(`Redis at ${where}: ${error instanceof Error ? error.message : String(error)}`);
}

import { hostname } from 'node:os';
import { type Job as BullJob, UnrecoverableError, WaitingError, Worker } from 'bullmq';
import { encodeOutput, ReplicationError, type SpawnWorker, WorkerPool } from '../run/index.ts';
import { jobLabel, type QueueJobData, type QueueJobResult } from './queue-job.ts';
import { outputKey, queueName, RESULT_TTL_SECONDS, shortId } from './queue-names.ts';
import { connectionOptions, type QueueUnavailableError, RedisLink } from './redis-link.ts';
import type { RedisAddress } from './redis-url.ts';

export interface QueueWorkerOptions {
  address: RedisAddress;
  prefix: string;
  /** This checkout's worker code version: the queue served, and the only version of job taken. */
  codeVersion: string;
  /** Worker threads, and so jobs run at once. */
  threads: number;
  spawn: SpawnWorker;
  /**
   * BullMQ's lock on a running job (ms). It is renewed every half of it from this process's event
   * loop, which stays free because replications run on worker threads; when the process dies the
   * lock lapses and another worker's stalled-job check (every half of it too) hands the job on.
   */
  lockMs: number;
  log: (line: string) => void;
  graceMs?: number;
}

/** Progress goes to Redis at most this often per job. */
const PROGRESS_EVERY_MS = 1000;

/**
 * `sim worker`: takes jobs from this code version's queue until stopped and runs each on its own
 * worker thread, exactly as a local run does (sim/run's WorkerPool), so BullMQ's lock renewal is
 * never starved by a long replication. Each output is stored under its job id with an expiry, so
 * a job done twice (a worker killed mid-job, its job handed on) writes the same bytes again.
 *
 * - a job made by another code version is refused (failed, not run): its result could differ;
 * - a replication that throws fails its job for good (UnrecoverableError), with the message
 *   naming scenario, seed and replication; a worker thread that dies is retried once;
 * - `stop()` lets running jobs finish and takes no more; `stop()` again hands them back to the
 *   queue at once (another worker takes them); `finished` then resolves;
 * - Redis silent for `graceMs`: everything stops and `finished` rejects with QueueUnavailableError.
 */
export class QueueWorker {
  readonly name = `${hostname()}:${process.pid}`;
  readonly queueName: string;
  readonly finished: Promise<void>;
  private settle!: { resolve(): void; reject(error: Error): void };
  private readonly pool: WorkerPool;
  private link!: RedisLink;
  private worker!: Worker<QueueJobData, QueueJobResult>;
  private stopping = 0;
  private handingBack = false;
  private lastErrorLog = -Infinity;

  private constructor(private readonly o: QueueWorkerOptions) {
    this.queueName = queueName(o.codeVersion);
    this.pool = new WorkerPool({ size: o.threads, spawn: o.spawn });
    this.finished = new Promise<void>((resolve, reject) => {
      this.settle = { resolve, reject };
    });
    this.finished.catch(() => {}); // whoever awaits `finished` sees the rejection; nobody else must
  }

  /** Connects (QueueUnavailableError when Redis cannot be reached) and starts taking jobs. */
  static async start(o: QueueWorkerOptions): Promise<QueueWorker> {
    const w = new QueueWorker(o);
    w.link = await RedisLink.open(o.address, (error) => void w.lost(error), o.graceMs);
    w.worker = new Worker<QueueJobData, QueueJobResult>(w.queueName, (job, token) => w.process(job, token), {
      connection: connectionOptions(o.address),
      prefix: o.prefix,
      name: w.name,
      concurrency: o.threads,
      lockDuration: o.lockMs,
      stalledInterval: Math.max(500, Math.round(o.lockMs / 2)),
      maxStalledCount: 2,
      autorun: false,
    });
    w.worker.on('error', (error) => {
      // Connection errors repeat while Redis is away; the link decides when to give up.
      if (performance.now() - w.lastErrorLog > 5000) o.log(`redis: ${error.message}`);
      w.lastErrorLog = performance.now();
    });
    void w.worker.run().catch((error: unknown) => void w.lost(error as QueueUnavailableError));
    await w.worker.waitUntilReady();
    return w;
  }

  /** First call: finish the running jobs, take no more. Second call: hand the running jobs back now. */
  async stop(): Promise<void> {
    this.stopping++;
    if (this.stopping === 1) {
      this.o.log(`stopping: finishing the jobs running now, taking no more (signal again to hand them back to the queue)`);
      await this.worker.close();
      await this.pool.close();
      this.link.close();
      this.o.log('stopped');
      this.settle.resolve();
    } else if (this.stopping === 2) {
      this.o.log('handing the running jobs back to the queue');
      this.handingBack = true;
      await this.pool.close(); // the running jobs reject; process() moves each back to wait
    }
  }

  private async process(job: BullJob<QueueJobData, QueueJobResult>, token: string | undefined): Promise<QueueJobResult> {
    const data = job.data;
    if (typeof data?.job?.kind !== 'string' || typeof data.codeVersion !== 'string') {
      this.o.log(`refused job ${job.id}: its data is not a simulator job`);
      throw new UnrecoverableError(`job ${job.id} holds no simulator job ({ job, codeVersion }); it was not queued by sim run|sweep --queue`);
    }
    const label = `${jobLabel(data.job)} (job ${shortId(job.id!)})`;
    if (data.codeVersion !== this.o.codeVersion) {
      const why = `job ${job.id} was queued by code version ${String(data.codeVersion).slice(0, 12)}; worker ${this.name} runs version ${this.o.codeVersion.slice(0, 12)} and cannot reproduce it: run sim worker from the same checkout as sim run`;
      this.o.log(`refused ${label}: other code version ${String(data.codeVersion).slice(0, 12)}`);
      throw new UnrecoverableError(why);
    }
    let sent = 0;
    try {
      const done = await this.pool.exec(data.job, (progress) => {
        const now = performance.now();
        if (now - sent < PROGRESS_EVERY_MS && progress.fraction < 1) return;
        sent = now;
        void job.updateProgress(progress).catch(() => {});
      });
      const text = encodeOutput(done.output);
      await this.link.client.set(outputKey(this.o.prefix, this.queueName, job.id!), text, 'EX', RESULT_TTL_SECONDS);
      this.o.log(`done    ${label} in ${(done.wallMs / 1000).toFixed(1)} s`);
      return { bytes: text.length, wallMs: done.wallMs, worker: this.name };
    } catch (error) {
      if (this.handingBack) {
        await job.moveToWait(token);
        this.o.log(`handed back ${label}`);
        throw new WaitingError();
      }
      if (error instanceof ReplicationError) {
        this.o.log(`failed  ${label}: ${error.failure.name}: ${error.failure.message}\n${error.failure.stack}`);
        throw new UnrecoverableError(`${error.message} (on worker ${this.name})`);
      }
      this.o.log(`error   ${label}: ${error instanceof Error ? error.message : String(error)} (attempt ${job.attemptsMade + 1}; retried while attempts remain)`);
      throw error;
    }
  }

  private async lost(error: QueueUnavailableError): Promise<void> {
    this.stopping = 3;
    this.o.log(`${error.message}; stopping (jobs running here will be handed on by the queue once Redis is back)`);
    await Promise.race([Promise.allSettled([this.pool.close(), this.worker?.close(true)]), new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
    await this.worker?.disconnect().catch(() => {});
    this.link.close();
    this.settle.reject(error);
  }
}

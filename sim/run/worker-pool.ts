import { proxy } from 'comlink';
import type { JobExecutor } from './job-executor.ts';
import type { Job, JobOutcome, JobProgress, ReplicationOutput, SharedSetup } from './protocol.ts';
import { ReplicationError, WorkerDiedError } from './replication-error.ts';
import type { SpawnWorker, WorkerHandle } from './worker-handle.ts';

export interface WorkerPoolOptions {
  /** Most workers alive at once (≥ 1). Workers start on demand, so a 2-job run starts 2. */
  size: number;
  spawn: SpawnWorker;
}

/** One finished job: its output, and its wall time kept apart (timings are never results). */
export interface JobDone {
  output: ReplicationOutput;
  wallMs: number;
}

interface Task {
  job: Job;
  onProgress: ((progress: JobProgress) => void) | undefined;
  resolve(done: JobDone): void;
  reject(error: Error): void;
  /** Set when the caller gave up (another job of its run failed): skip it if still queued. */
  cancelled: () => boolean;
}

interface Slot {
  handle: WorkerHandle;
  task: Task | undefined;
  /** The pool's shared setup this worker was given (or is being given), and when that is done. */
  setup?: Promise<SharedSetup | undefined>;
  provided?: Promise<void>;
}

/**
 * Workers that run jobs, platform-neutral (the spawn function decides Node or browser). Jobs queue
 * FIFO and go to whichever worker is free; callers get each job's result on its own promise, so
 * results can be gathered in job order whatever order workers finish in. A worker that dies is
 * noticed through its `died` promise (no call waits forever), its job is rejected with a
 * `WorkerDiedError`, and a fresh worker takes its place for the jobs still queued.
 */
export class WorkerPool implements JobExecutor {
  readonly size: number;
  /** Workers started so far, replacements included (for benchmarks and tests). */
  spawned = 0;
  private readonly spawn: SpawnWorker;
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private closed = false;
  private setup: Promise<SharedSetup | undefined> | undefined;

  constructor(options: WorkerPoolOptions) {
    if (!Number.isInteger(options.size) || options.size < 1) {
      throw new RangeError(`WorkerPool: size must be an integer ≥ 1, given ${options.size}`);
    }
    this.size = options.size;
    this.spawn = options.spawn;
  }

  /** Runs one job on some worker. Rejects with `ReplicationError` or `WorkerDiedError`. */
  exec(job: Job, onProgress?: (progress: JobProgress) => void, cancelled: () => boolean = () => false): Promise<JobDone> {
    if (this.closed) return Promise.reject(new Error('WorkerPool: exec after close(); create a new pool'));
    return new Promise<JobDone>((resolve, reject) => {
      this.queue.push({ job, onProgress, resolve, reject, cancelled });
      this.dispatch();
    });
  }

  /**
   * A setup every worker gets before its next job (see `SharedSetup`); it may still be in the
   * making: workers start at once, and each waits for it only before running a job. When it
   * resolves to undefined, or a worker cannot take it, workers build what they need themselves.
   */
  provide(setup: Promise<SharedSetup | undefined>): void {
    this.setup = setup;
  }

  /** Terminates every worker; queued jobs are rejected. Call it when the run ends so the process can exit. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(new Error('WorkerPool: closed before this job ran'));
    const slots = this.slots.splice(0);
    for (const slot of slots) slot.task?.reject(new Error('WorkerPool: closed while this job ran'));
    await Promise.all(slots.map((slot) => slot.handle.terminate()));
  }

  private dispatch(): void {
    while (!this.closed && this.queue.length > 0) {
      const task = this.queue[0]!;
      if (task.cancelled()) {
        this.queue.shift();
        task.reject(new Error('cancelled: another job of this run failed'));
        continue;
      }
      let slot = this.slots.find((s) => s.task === undefined);
      if (slot === undefined) {
        if (this.slots.length >= this.size) return;
        slot = this.start();
      }
      this.queue.shift();
      this.runOn(slot, task);
    }
  }

  private start(): Slot {
    const handle = this.spawn();
    this.spawned++;
    const slot: Slot = { handle, task: undefined };
    this.slots.push(slot);
    // One progress channel per worker for its lifetime, routed to whichever job it runs now.
    void handle.api.setProgress(proxy((progress: JobProgress) => slot.task?.onProgress?.(progress))).catch(() => {});
    void handle.died.then((reason) => this.onDeath(slot, reason));
    return slot;
  }

  /** Resolves once the worker holds the pool's current setup (at once when there is none). */
  private provided(slot: Slot): Promise<void> {
    const setup = this.setup;
    if (setup === undefined) return Promise.resolve();
    if (slot.setup !== setup) {
      slot.setup = setup;
      // A worker that cannot take it (an older entry, a clone error) still runs: it builds the setup itself.
      slot.provided = setup.then((value) => (value === undefined ? undefined : slot.handle.api.provide(value))).then(
        () => {},
        () => {},
      );
    }
    return slot.provided!;
  }

  private runOn(slot: Slot, task: Task): void {
    slot.task = task;
    const current = (): boolean => slot.task === task && !this.closed;
    this.provided(slot).then((): Promise<JobOutcome> | undefined => (current() ? slot.handle.api.run(task.job) : undefined)).then(
      (outcome) => {
        if (outcome === undefined || !current()) return; // the worker died first; the task is already rejected
        slot.task = undefined;
        if (outcome.state === 'done') task.resolve({ output: outcome.output, wallMs: outcome.wallMs });
        else task.reject(new ReplicationError(outcome.failure));
        this.dispatch();
      },
      (error: unknown) => {
        if (!current()) return;
        // The transport broke (e.g. an unclonable value); the worker may be in any state: replace it.
        slot.task = undefined;
        task.reject(new WorkerDiedError(task.job, `comlink call failed: ${error instanceof Error ? error.message : String(error)}`));
        this.retire(slot);
      },
    );
  }

  private onDeath(slot: Slot, reason: string): void {
    if (this.closed || !this.slots.includes(slot)) return;
    const task = slot.task;
    slot.task = undefined;
    task?.reject(new WorkerDiedError(task.job, reason));
    this.retire(slot);
  }

  /** Takes a worker out of the pool and ends it; the next queued job starts a replacement. */
  private retire(slot: Slot): void {
    this.slots.splice(this.slots.indexOf(slot), 1);
    void slot.handle.terminate().catch(() => {});
    this.dispatch();
  }
}

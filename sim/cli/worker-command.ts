import { codeVersion, defaultPlatform } from '../run/index.ts';
import { UsageError } from './exit-codes.ts';

export interface WorkerArgs {
  queue: string;
  workers?: number;
  queuePrefix?: string;
  lockSeconds?: number;
}

/**
 * `sim worker --queue redis://HOST:PORT`: serves this checkout's queue until stopped, one log line
 * a job on stderr. SIGINT/SIGTERM: finish the running jobs and exit 0; a second signal hands them
 * back to the queue at once. Redis unreachable or gone: a message and exit 1 (a service manager
 * restarts it).
 */
export async function workerCommand(args: WorkerArgs): Promise<void> {
  if (args.workers !== undefined && (!Number.isInteger(args.workers) || args.workers < 1)) throw new UsageError(`--workers must be an integer ≥ 1, given ${args.workers}`);
  const lockSeconds = args.lockSeconds ?? 60;
  if (!(lockSeconds >= 1) || !Number.isFinite(lockSeconds)) throw new UsageError(`--lock-seconds must be a number ≥ 1, given ${args.lockSeconds}`);
  const q = await import('../queue/index.ts');
  let address: ReturnType<typeof q.parseRedisUrl>;
  let prefix: string;
  try {
    address = q.parseRedisUrl(args.queue);
    prefix = q.validatePrefix(args.queuePrefix ?? q.DEFAULT_PREFIX);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const platform = await defaultPlatform();
  const threads = args.workers ?? platform.workers;
  const log = (line: string): void => {
    process.stderr.write(`${new Date().toISOString().slice(0, 19).replace('T', ' ')} ${line}\n`);
  };
  const version = codeVersion();
  const worker = await q.QueueWorker.start({ address, prefix, codeVersion: version, threads, spawn: platform.spawn, lockMs: lockSeconds * 1000, log });
  log(`worker ${worker.name}: ${threads} thread${threads === 1 ? '' : 's'} on queue ${worker.queueName} (code version ${version.slice(0, 12)}) at ${address.shown}, prefix ${prefix}; lock ${lockSeconds} s`);
  const onSignal = (signal: NodeJS.Signals): void => {
    log(`${signal}`);
    void worker.stop();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await worker.finished;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

import { codeVersion, type JobExecutor } from '../run/index.ts';
import { UsageError } from './exit-codes.ts';

export interface QueueArgs {
  queue?: string;
  queuePrefix?: string;
  workers?: number;
}

/**
 * `--queue redis://…`: the jobs go to `sim worker`s through Redis instead of local threads. The
 * executor, connected (QueueUnavailableError, exit 1, when Redis cannot be reached), and what the
 * manifest records about it; undefined without `--queue`. Bad flags are UsageErrors (exit 2).
 * sim/queue (and BullMQ) load only when asked for.
 */
export async function queueExecutor(args: QueueArgs, jobs: number): Promise<{ executor: JobExecutor; manifest: Record<string, unknown> } | undefined> {
  if (args.queue === undefined) {
    if (args.queuePrefix !== undefined) throw new UsageError(`--queue-prefix ${args.queuePrefix}: only means something with --queue redis://HOST:PORT`);
    return undefined;
  }
  if (args.workers !== undefined) {
    throw new UsageError(`--workers ${args.workers} sets local worker threads; with --queue the jobs run on sim worker processes: give --workers to sim worker instead`);
  }
  const q = await import('../queue/index.ts');
  let address: ReturnType<typeof q.parseRedisUrl>;
  let prefix: string;
  try {
    address = q.parseRedisUrl(args.queue);
    prefix = q.validatePrefix(args.queuePrefix ?? q.DEFAULT_PREFIX);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const version = codeVersion();
  const executor = await q.QueueExecutor.connect({ address, prefix, codeVersion: version, log: (line) => process.stderr.write(`${line}\n`) });
  process.stderr.write(`${jobs} job${jobs === 1 ? '' : 's'} to queue ${executor.queueName} on ${address.shown} (prefix ${prefix})\n`);
  return { executor, manifest: { queue: { redis: address.shown, prefix, name: executor.queueName } } };
}

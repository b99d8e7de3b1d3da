import { Job as BullJob, Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeVersion, encodeOutput, type Job, runJobs, runReplication, spawnNodeWorker } from '../run/index.ts';
import { jobId, parseRedisUrl, QueueExecutor, queueName, QueueWorker } from './index.ts';
import { startRedis, type TestRedis } from './redis-test-server.ts';

describe('QueueWorker', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('keeps its lock on a replication several times longer than the lock, because the replication runs on a worker thread: the job runs once', async () => {
    // The engine example over ~11 simulated years: several seconds of CPU in one replication,
    // run here first for reference (it blocks this thread, so not while the queue runs).
    const job: Job = { kind: 'example', input: { days: 4000 }, scenario: 'long', seed: 3, replication: 0 };
    const local = encodeOutput(await runReplication(job));
    const lines: string[] = [];
    const address = parseRedisUrl(redis.url);
    const version = codeVersion();
    const worker = await QueueWorker.start({ address, prefix: 'lock', codeVersion: version, threads: 1, spawn: () => spawnNodeWorker(), lockMs: 1000, log: (l) => lines.push(l) });
    const client = await QueueExecutor.connect({ address, prefix: 'lock', codeVersion: version, log: (l) => lines.push(l) });
    try {
      const [done] = await runJobs([job], { pool: client });
      expect(done!.wallMs).toBeGreaterThan(3 * 1000); // the test means something only when the job outlasts the lock
      // The same output as a replication run here, to the byte.
      expect(encodeOutput(done!.output)).toBe(local);
      // Never stalled, never started twice (a stalled job is started again by the stalled checker).
      const queue = new Queue(queueName(version), { connection: { port: redis.port }, prefix: 'lock' });
      const record = await BullJob.fromId(queue, jobId(done!.output.key));
      expect(record!.attemptsStarted).toBe(1);
      expect(record!.stalledCounter).toBe(0);
      await queue.close();
      expect(lines.filter((l) => l.includes('stalled'))).toEqual([]);
      expect(lines.filter((l) => l.startsWith('done'))).toHaveLength(1);
    } finally {
      await client.close();
      await worker.stop();
      await worker.finished;
    }
  });
});

// Scale-out through a job queue: BullMQ on Redis. `QueueExecutor` runs a run's jobs on the
// `sim worker`s (a JobExecutor, as the local pool is); `QueueWorker` is `sim worker`. Node only.
export { QueueExecutor, QueueJobError, type QueueClientOptions } from './queue-executor.ts';
export { QueueWorker, type QueueWorkerOptions } from './queue-worker.ts';
export { parseRedisUrl, type RedisAddress } from './redis-url.ts';
export { QueueUnavailableError, REDIS_GRACE_MS } from './redis-link.ts';
export { DEFAULT_PREFIX, RESULT_TTL_SECONDS, jobId, outputKey, queueName, shortId, validatePrefix } from './queue-names.ts';
export { jobLabel, type QueueJobData, type QueueJobResult } from './queue-job.ts';

import type { JobKey } from '../run/index.ts';

/**
 * How the simulator's queue sits in Redis. Every key starts with the prefix (BullMQ's `prefix`),
 * so the tool shares a Redis with other BullMQ users, and `--queue-prefix` gives a team or a
 * project a namespace of its own. Within a prefix there is one queue per code version: workers
 * listen only to their own version's queue, so a worker never takes a job it could not reproduce
 * and a rolling upgrade never mixes versions in one result.
 */
export const DEFAULT_PREFIX = 'india-parcel-sim';

/** Per-replication outputs and finished job records are kept this long in Redis, then expire. */
export const RESULT_TTL_SECONDS = 7 * 24 * 3600;

export function validatePrefix(prefix: string): string {
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(prefix)) {
    throw new RangeError(`--queue-prefix ${JSON.stringify(prefix)}: must be 1–64 letters, digits, '.', '_' or '-' (it begins every Redis key of the queue), e.g. --queue-prefix team-a`);
  }
  return prefix;
}

/** The queue of one code version: `replications-<first 16 hex of the version>`. */
export function queueName(codeVersion: string): string {
  return `replications-${codeVersion.slice(0, 16)}`;
}

/**
 * A job's BullMQ id, from its key alone: `<scenario hash>-<seed>-r<replication>`, the seed as
 * `n<number>` or `s<base64url of the string>`. Equal keys give equal ids, so the same job is
 * queued once however often it is asked for; BullMQ ids must not hold ':' nor be all digits, and
 * these never do.
 */
export function jobId(key: JobKey): string {
  const seed = typeof key.seed === 'number' ? `n${String(key.seed)}` : `s${Buffer.from(key.seed, 'utf8').toString('base64url')}`;
  return `${key.scenarioHash}-${seed}-r${key.replication}`;
}

/** The Redis key of a job's output (beside BullMQ's own keys of the queue). */
export function outputKey(prefix: string, queue: string, id: string): string {
  return `${prefix}:${queue}:output:${id}`;
}

/** `7a6fe146c0ae…-n1-r3`: enough of a job id for a log line. */
export function shortId(id: string): string {
  return id.replace(/^([0-9a-f]{12})[0-9a-f]{52}/, '$1…');
}

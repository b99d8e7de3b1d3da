/** One part of a run split N ways: replications r with r % count === index. */
export interface Shard {
  index: number;
  count: number;
}

/** A shard and where it came from, in words (`--shard 1/4`, `SLURM_ARRAY_TASK_ID=2 …`), for messages and manifests. */
export interface ShardSetting extends Shard {
  source: string;
}

export function validateShard(shard: Shard): Shard {
  if (!Number.isInteger(shard.count) || shard.count < 1) throw new RangeError(`shard.count must be an integer ≥ 1, given ${shard.count}`);
  if (!Number.isInteger(shard.index) || shard.index < 0 || shard.index >= shard.count) {
    throw new RangeError(`shard.index must be an integer in [0, ${shard.count - 1}] (shard.count ${shard.count}), given ${shard.index}`);
  }
  return shard;
}

/** The replication indices of a run of `replications` that belong to `shard` (all of them without one), ascending. */
export function shardReplications(replications: number, shard?: Shard): number[] {
  return shardPositions(replications, shard);
}

/**
 * The positions (0-based, ascending) of a run's `jobs` jobs that belong to `shard`: j % count ===
 * index, so shards differ in size by at most one job. For a run the position is the replication;
 * for a sweep it runs over points × replications, point by point.
 */
export function shardPositions(jobs: number, shard?: Shard): number[] {
  const all = Array.from({ length: jobs }, (_, j) => j);
  if (shard === undefined) return all;
  validateShard(shard);
  return all.filter((j) => j % shard.count === shard.index);
}

/**
 * The shard this process should run, from its environment (pass `process.env`), or undefined
 * when it is not one of several. 0-based; in this order:
 * - `SHARD_INDEX` and `SHARD_COUNT`, for any scheduler or a hand-made split;
 * - a Kubernetes indexed Job: `JOB_COMPLETION_INDEX` (set by Kubernetes) with `SHARD_COUNT` (set
 *   by you to the Job's `completions`; Kubernetes sets no count, and without one the index is
 *   not taken as a split, since an indexed Job may use it for something else);
 * - a Slurm job array: (`SLURM_ARRAY_TASK_ID` − `SLURM_ARRAY_TASK_MIN`) / `SLURM_ARRAY_TASK_STEP`
 *   of `SLURM_ARRAY_TASK_COUNT`, so `--array=0-7`, `--array=1-8` and `--array=0-14:2` all work.
 * A malformed or out-of-range value throws a RangeError naming the variables and their values.
 */
export function shardFromEnv(env: Record<string, string | undefined>): ShardSetting | undefined {
  const set = (name: string): boolean => env[name] !== undefined && env[name] !== '';
  const shown = (names: readonly string[]): string => names.filter(set).map((n) => `${n}=${env[n]}`).join(', ');
  const int = (name: string): number => {
    const text = env[name]!.trim();
    const value = /^[+-]?\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isSafeInteger(value)) throw new RangeError(`environment variable ${name}=${JSON.stringify(env[name])} must be an integer`);
    return value;
  };
  const checked = (index: number, count: number, names: readonly string[]): ShardSetting => {
    const source = shown(names);
    if (count < 1) throw new RangeError(`${source}: the shard count must be ≥ 1, given ${count}`);
    if (index < 0 || index >= count) throw new RangeError(`${source}: the shard index must be in 0..${count - 1}, given ${index}`);
    return { index, count, source };
  };
  if (set('SHARD_INDEX')) {
    if (!set('SHARD_COUNT')) throw new RangeError(`environment variable SHARD_INDEX=${env.SHARD_INDEX} is set but SHARD_COUNT is not: set both (SHARD_INDEX 0-based, below SHARD_COUNT)`);
    return checked(int('SHARD_INDEX'), int('SHARD_COUNT'), ['SHARD_INDEX', 'SHARD_COUNT']);
  }
  if (set('SHARD_COUNT')) {
    if (!set('JOB_COMPLETION_INDEX')) {
      throw new RangeError(`environment variable SHARD_COUNT=${env.SHARD_COUNT} is set but neither SHARD_INDEX nor JOB_COMPLETION_INDEX (a Kubernetes indexed Job's) is: set the index too`);
    }
    return checked(int('JOB_COMPLETION_INDEX'), int('SHARD_COUNT'), ['JOB_COMPLETION_INDEX', 'SHARD_COUNT']);
  }
  if (set('SLURM_ARRAY_TASK_ID')) {
    const names = ['SLURM_ARRAY_TASK_ID', 'SLURM_ARRAY_TASK_MIN', 'SLURM_ARRAY_TASK_STEP', 'SLURM_ARRAY_TASK_COUNT'];
    if (!set('SLURM_ARRAY_TASK_COUNT')) throw new RangeError(`environment variable SLURM_ARRAY_TASK_ID=${env.SLURM_ARRAY_TASK_ID} is set but SLURM_ARRAY_TASK_COUNT is not (Slurm sets both in a job array)`);
    const offset = int('SLURM_ARRAY_TASK_ID') - (set('SLURM_ARRAY_TASK_MIN') ? int('SLURM_ARRAY_TASK_MIN') : 0);
    const step = set('SLURM_ARRAY_TASK_STEP') ? int('SLURM_ARRAY_TASK_STEP') : 1;
    if (step < 1 || offset % step !== 0) {
      throw new RangeError(`${shown(names)}: the task is not on the array's grid (min + k·step); submit a contiguous array such as --array=0-7, or set SHARD_INDEX and SHARD_COUNT`);
    }
    return checked(offset / step, int('SLURM_ARRAY_TASK_COUNT'), names);
  }
  return undefined;
}

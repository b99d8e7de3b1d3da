/** One part of a run split N ways: replications r with r % count === index. */
export interface Shard {
  index: number;
  count: number;
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
  const all = Array.from({ length: replications }, (_, r) => r);
  if (shard === undefined) return all;
  validateShard(shard);
  return all.filter((r) => r % shard.count === shard.index);
}

/**
 * The shard this process should run, from its environment (pass `process.env`), or undefined
 * when it is not one of several:
 * - `SHARD_INDEX` and `SHARD_COUNT` (0-based index), for any job queue or a hand-made split;
 * - Slurm job arrays (`sbatch --array=0-7`): `SLURM_ARRAY_TASK_ID` minus `SLURM_ARRAY_TASK_MIN`
 *   (so `--array=1-8` works too) of `SLURM_ARRAY_TASK_COUNT`.
 * `SHARD_*` wins when both are set. Malformed values throw, naming the variable.
 */
export function shardFromEnv(env: Record<string, string | undefined>): Shard | undefined {
  const int = (name: string): number | undefined => {
    const text = env[name];
    if (text === undefined || text === '') return undefined;
    const value = Number(text);
    if (!Number.isInteger(value)) throw new RangeError(`environment variable ${name} must be an integer, given ${JSON.stringify(text)}`);
    return value;
  };
  const index = int('SHARD_INDEX');
  const count = int('SHARD_COUNT');
  if (index !== undefined || count !== undefined) {
    if (index === undefined || count === undefined) throw new RangeError('environment variables SHARD_INDEX and SHARD_COUNT must be set together');
    return validateShard({ index, count });
  }
  const id = int('SLURM_ARRAY_TASK_ID');
  const slurmCount = int('SLURM_ARRAY_TASK_COUNT');
  if (id === undefined || slurmCount === undefined) return undefined;
  return validateShard({ index: id - (int('SLURM_ARRAY_TASK_MIN') ?? 0), count: slurmCount });
}

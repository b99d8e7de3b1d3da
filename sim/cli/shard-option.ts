import { shardFromEnv, type ShardSetting } from '../run/index.ts';
import { UsageError } from './exit-codes.ts';

/**
 * The shard this command runs: `--shard i/N` (0-based), else the environment of a batch
 * scheduler (`shardFromEnv`: SHARD_INDEX/SHARD_COUNT, a Kubernetes indexed Job, a Slurm array),
 * else none. `--shard none` runs the whole run whatever the environment says (a Slurm array
 * whose tasks run different scenarios). A bad value, or more shards than the run has `jobs`,
 * is a UsageError (exit 2) naming the flag or variables and their values.
 */
export function resolveShard(flag: string | undefined, env: Record<string, string | undefined>, jobs: number, unit: string): ShardSetting | undefined {
  let shard: ShardSetting | undefined;
  if (flag === 'none') return undefined;
  if (flag !== undefined) {
    const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(flag);
    const index = Number(m?.[1]);
    const count = Number(m?.[2]);
    if (m === null || count < 1 || index >= count) {
      throw new UsageError(`--shard ${flag}: must be i/N with N ≥ 1 and 0 ≤ i < N (0-based: --shard 0/4 … --shard 3/4), or none`);
    }
    shard = { index, count, source: `--shard ${index}/${count}` };
  } else {
    try {
      shard = shardFromEnv(env);
    } catch (error) {
      throw new UsageError(`${(error as Error).message}; nothing was run`);
    }
  }
  if (shard !== undefined && shard.count > jobs) {
    throw new UsageError(`${shard.source}: a run of ${jobs} ${unit} splits at most ${jobs} ways, not ${shard.count} (some shards would be empty); nothing was run`);
  }
  return shard;
}

/** `results/tiny-1-abcd1234` → `results/tiny-1-abcd1234-shard-1-of-4`. */
export function shardDir(whole: string, shard: ShardSetting): string {
  return `${whole}-shard-${shard.index}-of-${shard.count}`;
}

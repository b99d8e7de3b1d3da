import { describe, expect, it } from 'vitest';
import { shardFromEnv, shardReplications } from './index.ts';

describe('shardReplications', () => {
  it('gives shard i the replications r with r % count === i', () => {
    expect(shardReplications(10, { index: 1, count: 3 })).toEqual([1, 4, 7]);
    expect(shardReplications(3)).toEqual([0, 1, 2]);
    expect(() => shardReplications(3, { index: 3, count: 3 })).toThrow('shard.index must be an integer in [0, 2] (shard.count 3), given 3');
  });
});

describe('shardFromEnv', () => {
  it('reads SHARD_INDEX and SHARD_COUNT, or a Slurm array task offset by its minimum', () => {
    expect(shardFromEnv({})).toBeUndefined();
    expect(shardFromEnv({ SHARD_INDEX: '2', SHARD_COUNT: '4' })).toEqual({ index: 2, count: 4 });
    expect(shardFromEnv({ SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_COUNT: '8' })).toEqual({ index: 3, count: 8 });
    expect(shardFromEnv({ SLURM_ARRAY_TASK_ID: '8', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_COUNT: '8' })).toEqual({ index: 7, count: 8 });
  });

  it('names the variable when a value is malformed', () => {
    expect(() => shardFromEnv({ SHARD_INDEX: 'two', SHARD_COUNT: '4' })).toThrow('environment variable SHARD_INDEX must be an integer, given "two"');
    expect(() => shardFromEnv({ SHARD_COUNT: '4' })).toThrow('SHARD_INDEX and SHARD_COUNT must be set together');
  });
});

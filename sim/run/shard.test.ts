import { describe, expect, it } from 'vitest';
import { shardFromEnv, shardPositions, shardReplications } from './index.ts';

describe('shardReplications', () => {
  it('gives shard i the replications r with r % count === i', () => {
    expect(shardReplications(10, { index: 1, count: 3 })).toEqual([1, 4, 7]);
    expect(shardReplications(3)).toEqual([0, 1, 2]);
    expect(() => shardReplications(3, { index: 3, count: 3 })).toThrow('shard.index must be an integer in [0, 2] (shard.count 3), given 3');
  });

  it('splits any number of jobs into shards that together hold each exactly once', () => {
    const all = [0, 1, 2, 3].flatMap((index) => shardPositions(10, { index, count: 4 }));
    expect(all.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(shardPositions(10, { index: 3, count: 4 })).toEqual([3, 7]);
  });
});

describe('shardFromEnv', () => {
  it('reads SHARD_INDEX and SHARD_COUNT, and says where the shard came from', () => {
    expect(shardFromEnv({})).toBeUndefined();
    expect(shardFromEnv({ SHARD_INDEX: '2', SHARD_COUNT: '4' })).toEqual({ index: 2, count: 4, source: 'SHARD_INDEX=2, SHARD_COUNT=4' });
  });

  it('reads a Slurm array task, offset by its minimum and divided by its step', () => {
    expect(shardFromEnv({ SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_COUNT: '8' })).toMatchObject({ index: 3, count: 8 });
    expect(shardFromEnv({ SLURM_ARRAY_TASK_ID: '8', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_COUNT: '8' })).toMatchObject({ index: 7, count: 8 });
    // sbatch --array=0-14:2 → ids 0, 2, …, 14: eight tasks.
    expect(shardFromEnv({ SLURM_ARRAY_TASK_ID: '14', SLURM_ARRAY_TASK_MIN: '0', SLURM_ARRAY_TASK_STEP: '2', SLURM_ARRAY_TASK_COUNT: '8' })).toMatchObject({ index: 7, count: 8 });
  });

  it('reads a Kubernetes indexed Job only with SHARD_COUNT, since Kubernetes sets no count', () => {
    expect(shardFromEnv({ JOB_COMPLETION_INDEX: '1', SHARD_COUNT: '3' })).toEqual({ index: 1, count: 3, source: 'JOB_COMPLETION_INDEX=1, SHARD_COUNT=3' });
    expect(shardFromEnv({ JOB_COMPLETION_INDEX: '1' })).toBeUndefined();
  });

  it('names the variables and values when they are malformed or out of range', () => {
    expect(() => shardFromEnv({ SHARD_INDEX: 'two', SHARD_COUNT: '4' })).toThrow('environment variable SHARD_INDEX="two" must be an integer');
    expect(() => shardFromEnv({ SHARD_INDEX: '5', SHARD_COUNT: '2' })).toThrow('SHARD_INDEX=5, SHARD_COUNT=2: the shard index must be in 0..1, given 5');
    expect(() => shardFromEnv({ SHARD_INDEX: '0', SHARD_COUNT: '0' })).toThrow('SHARD_INDEX=0, SHARD_COUNT=0: the shard count must be ≥ 1, given 0');
    expect(() => shardFromEnv({ SHARD_INDEX: '1.5', SHARD_COUNT: '4' })).toThrow('SHARD_INDEX="1.5" must be an integer');
    expect(() => shardFromEnv({ SHARD_COUNT: '4' })).toThrow('SHARD_COUNT=4 is set but neither SHARD_INDEX nor JOB_COMPLETION_INDEX');
    expect(() => shardFromEnv({ SHARD_INDEX: '1' })).toThrow('SHARD_INDEX=1 is set but SHARD_COUNT is not');
    expect(() => shardFromEnv({ JOB_COMPLETION_INDEX: '3', SHARD_COUNT: '3' })).toThrow('JOB_COMPLETION_INDEX=3, SHARD_COUNT=3: the shard index must be in 0..2, given 3');
    expect(() => shardFromEnv({ SLURM_ARRAY_TASK_ID: '9', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_COUNT: '8' })).toThrow(
      'SLURM_ARRAY_TASK_ID=9, SLURM_ARRAY_TASK_MIN=1, SLURM_ARRAY_TASK_COUNT=8: the shard index must be in 0..7, given 8',
    );
    expect(() => shardFromEnv({ SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_STEP: '2', SLURM_ARRAY_TASK_COUNT: '4' })).toThrow("the task is not on the array's grid");
    expect(() => shardFromEnv({ SLURM_ARRAY_TASK_ID: '3' })).toThrow('SLURM_ARRAY_TASK_ID=3 is set but SLURM_ARRAY_TASK_COUNT is not');
  });
});

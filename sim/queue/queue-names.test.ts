import { describe, expect, it } from 'vitest';
import { jobId, queueName, validatePrefix } from './index.ts';

const hash = 'ab12'.repeat(16);

describe('jobId', () => {
  it('is made of the key alone, never holds a colon and is never all digits, as BullMQ requires', () => {
    expect(jobId({ scenarioHash: hash, seed: 1, replication: 3 })).toBe(`${hash}-n1-r3`);
    expect(jobId({ scenarioHash: hash, seed: 1, replication: 3 })).toBe(jobId({ replication: 3, seed: 1, scenarioHash: hash }));
    for (const seed of [1, -2.5, 1e21, 'a:b', 'x y/z', '１２', '']) {
      const id = jobId({ scenarioHash: hash, seed, replication: 0 });
      expect(id).not.toContain(':');
      expect(id).not.toMatch(/^\d+$/);
    }
  });

  it('tells apart seeds that print alike: the number 1 and the string "1", and every replication', () => {
    const ids = new Set([jobId({ scenarioHash: hash, seed: 1, replication: 0 }), jobId({ scenarioHash: hash, seed: '1', replication: 0 }), jobId({ scenarioHash: hash, seed: 1, replication: 1 })]);
    expect(ids.size).toBe(3);
  });
});

describe('queue names', () => {
  it('give each code version a queue of its own', () => {
    expect(queueName('0123456789abcdef'.repeat(4))).toBe('replications-0123456789abcdef');
  });

  it('refuse a prefix that would break the key layout, naming it', () => {
    expect(validatePrefix('team-a')).toBe('team-a');
    expect(() => validatePrefix('a:b')).toThrow('--queue-prefix "a:b": must be 1–64 letters, digits');
    expect(() => validatePrefix('')).toThrow('--queue-prefix ""');
  });
});

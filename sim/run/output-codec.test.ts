import { describe, expect, it } from 'vitest';
import { decodeOutput, encodeOutput, type ReplicationOutput } from './index.ts';

describe('encodeOutput and decodeOutput', () => {
  it('give back every number exactly, NaN, ±Infinity and −0 included, which plain JSON loses', () => {
    const output: ReplicationOutput = {
      key: { scenarioHash: 'ab'.repeat(32), seed: 'NaN', replication: 3 },
      metrics: { a: Number.NaN, b: Number.POSITIVE_INFINITY, c: Number.NEGATIVE_INFINITY, d: -0, e: 0.1 + 0.2, f: 0 },
      tables: { col: [1, Number.NaN, -0, 2], names: ['NaN', 'x'], nested: { deep: [[Number.NEGATIVE_INFINITY]] } },
      events: 12,
    };
    const back = decodeOutput(encodeOutput(output));
    expect(back).toEqual(output);
    expect(Object.is(back.metrics.d, -0)).toBe(true);
    expect(Object.is(back.metrics.f, 0)).toBe(true);
    expect(Object.is((back.tables.col as number[])[2], -0)).toBe(true);
    expect(back.key.seed).toBe('NaN'); // a string stays a string
    expect(JSON.parse(JSON.stringify(output)).metrics.a).toBeNull(); // what plain JSON would have done
  });
});

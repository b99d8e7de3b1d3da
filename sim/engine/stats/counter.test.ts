import { describe, expect, it } from 'vitest';
import { Counter } from './index.ts';

describe('Counter', () => {
  it('counts by one by default and by any amount ≥ 0', () => {
    const c = new Counter();
    c.inc();
    c.inc();
    c.inc(2.5);
    c.inc(0);
    expect(c.value).toBe(4.5);
    expect(JSON.stringify({ c })).toBe('{"c":4.5}');
  });

  it('reset returns it to zero and merge adds totals', () => {
    const a = new Counter();
    const b = new Counter();
    a.inc(3);
    b.inc(4);
    expect(a.merge(b).value).toBe(7);
    expect(b.value).toBe(4);
    a.reset();
    expect(a.value).toBe(0);
  });

  it('rejects negative and non-finite increments, naming the value', () => {
    const c = new Counter();
    expect(() => c.inc(-1)).toThrow('Counter.inc: n must be a finite number ≥ 0, given -1');
    expect(() => c.inc(NaN)).toThrow('given NaN');
    expect(() => c.inc(Infinity)).toThrow('given Infinity');
    expect(c.value).toBe(0);
  });
});

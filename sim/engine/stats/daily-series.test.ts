import { describe, expect, it } from 'vitest';
import { DailySeries } from './index.ts';

describe('DailySeries', () => {
  it('puts 1439.999 in day 0 and 1440 in day 1', () => {
    const s = new DailySeries();
    s.add(0);
    s.add(1439.999);
    s.add(1440);
    s.add(2879.9999999);
    s.add(2880, 5);
    expect(s.toArray()).toEqual([2, 2, 5]);
    expect(s.days).toBe(3);
  });

  it('puts the float just below each midnight in the earlier day, for 100,000 days', () => {
    const bits = new Float64Array(1);
    const word = new BigUint64Array(bits.buffer);
    const below = (x: number) => {
      bits[0] = x;
      word[0]! -= 1n;
      return bits[0]!;
    };
    const s = new DailySeries();
    for (let day = 1; day <= 100_000; day++) {
      s.add(below(day * 1440)); // last instant of day − 1
      s.add(day * 1440, 2); // first instant of day
    }
    const counts = s.toArray();
    expect(counts.length).toBe(100_001);
    expect(counts.every((c, d) => c === (d === 0 ? 1 : d === 100_000 ? 2 : 3))).toBe(true);
  });

  it('grows as needed and reads quiet days as 0', () => {
    const s = new DailySeries();
    s.add(30 * 1440 + 1, 2.5);
    expect(s.days).toBe(31);
    expect(s.get(30)).toBe(2.5);
    expect(s.get(3)).toBe(0);
    expect(s.get(100)).toBe(0);
    expect(s.toArray(33).slice(29)).toEqual([0, 2.5, 0, 0]);
  });

  it('merge adds day by day and keeps the longer length', () => {
    const a = new DailySeries(2);
    const b = new DailySeries();
    a.add(10);
    b.add(10, 2);
    b.add(3 * 1440, 7);
    expect(a.merge(b).toJSON()).toEqual([3, 0, 0, 7]);
    expect(b.toArray()).toEqual([2, 0, 0, 7]);
    a.reset();
    expect([a.days, a.toArray()]).toEqual([0, []]);
  });

  it('rejects bad times, values and days, naming the value', () => {
    const s = new DailySeries();
    expect(() => s.add(-1)).toThrow(
      'DailySeries.add: time must be a finite number of minutes ≥ 0 since the run start, given -1',
    );
    expect(() => s.add(NaN)).toThrow('given NaN');
    expect(() => s.add(5, Infinity)).toThrow('DailySeries.add: value must be a finite number, given Infinity');
    expect(() => s.get(1.5)).toThrow('DailySeries.get: day must be an integer ≥ 0 (0 is the first day), given 1.5');
    expect(() => new DailySeries(-2)).toThrow('DailySeries: capacityDays must be an integer ≥ 0, given -2');
    expect(s.days).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { TimeWeighted } from './index.ts';

describe('TimeWeighted', () => {
  // Level 0 on [0, 2), 3 on [2, 5), 1 on [5, 10): integral 0·2 + 3·3 + 1·5 = 14, mean 14/10.
  function example(): TimeWeighted {
    const tw = new TimeWeighted();
    tw.update(2, 3);
    tw.update(5, 1);
    return tw;
  }

  it('averages a piecewise-constant level over time', () => {
    const tw = example();
    expect(tw.integral(10)).toBe(14);
    expect(tw.mean(10)).toBe(1.4);
    expect(tw.current).toBe(1);
    expect(tw.max).toBe(3);
    expect(tw.min).toBe(0);
  });

  it('counts the current level up to the time asked about, without another update', () => {
    const tw = example();
    expect(tw.mean(5)).toBe(9 / 5);
    expect(tw.mean(20)).toBe(24 / 20);
  });

  it('reset deletes the warm-up but keeps the current level', () => {
    const tw = new TimeWeighted();
    tw.update(2, 3);
    tw.reset(4); // warm-up over at t = 4; level 3 since t = 2
    expect(tw.startTime).toBe(4);
    expect(tw.current).toBe(3);
    expect(tw.max).toBe(3);
    expect(tw.min).toBe(3);
    tw.update(5, 1);
    // 3 on [4, 5), 1 on [5, 10): (3 + 5) / 6.
    expect(tw.integral(10)).toBe(8);
    expect(tw.mean(10)).toBe(8 / 6);
    expect(tw.min).toBe(1);
  });

  it('starts at the given time and level', () => {
    const tw = new TimeWeighted(100, 2);
    expect(tw.mean(100)).toBeNaN(); // no time has passed
    tw.update(110, 4);
    expect(tw.mean(120)).toBe(3);
  });

  it('min and max include a level held for no time', () => {
    const tw = new TimeWeighted();
    tw.update(3, 12);
    tw.update(3, 1);
    expect(tw.max).toBe(12);
    expect(tw.mean(4)).toBe(1 / 4);
  });

  it('refuses to go back in time, naming both times', () => {
    const tw = example();
    expect(() => tw.update(4, 2)).toThrow(
      'TimeWeighted.update: time must be finite and not before the previous update at 5, given 4',
    );
    expect(() => tw.mean(4.5)).toThrow('TimeWeighted.mean: atTime must be finite and not before the last update at 5, given 4.5');
    expect(() => tw.integral(NaN)).toThrow('given NaN');
    expect(() => tw.reset(1)).toThrow('TimeWeighted.reset: time must be finite and not before the last update at 5, given 1');
    expect(() => tw.update(6, NaN)).toThrow('TimeWeighted.update: newValue must be a finite number, given NaN');
    expect(() => new TimeWeighted(Infinity)).toThrow('TimeWeighted: startTime must be a finite number of minutes, given Infinity');
    expect(tw.integral(10)).toBe(14); // failed calls changed nothing
  });
});

import { describe, expect, it } from 'vitest';
import { DailyLevel } from './index.ts';

describe('DailyLevel', () => {
  it('records the level in force at the end of each day, carrying it over quiet days', () => {
    const backlog = new DailyLevel(5);
    backlog.set(600, 8); // day 0
    backlog.set(1439.999, 3); // still day 0: its end-of-day level
    backlog.set(1440, 10); // exactly midnight: belongs to day 1
    backlog.set(4 * 1440 + 60, 1); // days 2 and 3 carry 10
    expect(backlog.toArray()).toEqual([3, 10, 10, 10, 1]);
    expect(backlog.days).toBe(5);
    expect(backlog.current).toBe(1);
  });

  it('reads the current level for the last day and later, so a run of D days asks for toArray(D)', () => {
    const level = new DailyLevel();
    expect(level.toArray()).toEqual([0]);
    level.set(100, 4);
    expect(level.get(0)).toBe(4);
    expect(level.get(6)).toBe(4);
    expect(level.toArray(3)).toEqual([4, 4, 4]);
    level.set(200, 2); // the day of the last set is not final yet
    expect(level.get(0)).toBe(2);
    expect(JSON.stringify(level)).toBe('[2]');
  });

  it('refuses to go back in time, naming both times', () => {
    const level = new DailyLevel();
    level.set(2000, 1);
    expect(() => level.set(1999, 1)).toThrow(
      'DailyLevel.set: time must not be before the previous set at 2000, given 1999',
    );
    expect(() => level.set(3000, NaN)).toThrow('DailyLevel.set: level must be a finite number, given NaN');
    expect(() => level.set(-5, 1)).toThrow('given -5');
    expect(() => level.get(-1)).toThrow('DailyLevel.get: day must be an integer ≥ 0 (0 is the first day), given -1');
    expect(level.toArray()).toEqual([0, 1]);
  });
});

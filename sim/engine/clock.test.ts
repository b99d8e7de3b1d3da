import { describe, expect, it } from 'vitest';
import { dayIndex, days, hourOfDay, hours, minuteOfDay, SimCalendar } from './index.ts';

describe('clock and calendar', () => {
  it('splits minutes into day index, hour and minute of day', () => {
    expect(dayIndex(1439.999)).toBe(0);
    expect(dayIndex(1440)).toBe(1);
    expect(hourOfDay(hours(15) + 59)).toBe(15);
    expect(minuteOfDay(days(3) + 75)).toBe(75);
  });

  it('knows weekdays and dates from the start date (2024-10-01 was a Tuesday)', () => {
    const cal = new SimCalendar('2024-10-01', ['2024-10-02', '2024-10-31']);
    expect(cal.weekday(0)).toBe('Tue');
    expect(cal.date(days(30))).toBe('2024-10-31');
    expect(cal.weekday(days(5))).toBe('Sun');
    expect(cal.isWorkingDay(days(5))).toBe(false); // Sunday
    expect(cal.isWorkingDay(days(1))).toBe(false); // Gandhi Jayanti holiday
    expect(cal.isWorkingDay(days(2))).toBe(true);
    expect(cal.timeOf('2024-11-01')).toBe(days(31));
    // Across a leap day and a year end.
    const leap = new SimCalendar('2024-02-28');
    expect(leap.date(days(1))).toBe('2024-02-29');
    expect(leap.date(days(2))).toBe('2024-03-01');
    expect(new SimCalendar('2025-12-31').date(days(1))).toBe('2026-01-01');
  });

  it('rejects malformed and impossible dates', () => {
    expect(() => new SimCalendar('2025-02-30')).toThrow('no such date: 2025-02-30');
    expect(() => new SimCalendar('1/10/2024')).toThrow(/YYYY-MM-DD, given "1\/10\/2024"/);
  });
});

/** Internal to `stats/`: the 0-based day of a time in minutes since the run start. */

export const MINUTES_PER_DAY = 1440;

/**
 * ⌊time / 1440⌋, exactly: a time one float below a midnight is still in the earlier day.
 * Why the rounded division is safe: if t < 1440·k (both doubles), the gap is at least one ulp of
 * 1440·k, more than 2^-53 of it (1440·k is never a power of two), while rounding t/1440 up to k
 * needs a relative gap of at most 2^-53. Multiplying by 1/1440 instead is not safe (1/1440 is
 * inexact; it misplaces about a quarter of those times). Precondition: time is finite and ≥ 0.
 */
export function dayIndex(time: number): number {
  return Math.floor(time / MINUTES_PER_DAY);
}

export function checkTime(where: string, time: number): void {
  if (!(time >= 0 && time <= Number.MAX_VALUE)) {
    throw new RangeError(`${where}: time must be a finite number of minutes ≥ 0 since the run start, given ${time}`);
  }
}

export function checkDay(where: string, day: number): void {
  if (!(Number.isSafeInteger(day) && day >= 0)) {
    throw new RangeError(`${where}: day must be an integer ≥ 0 (0 is the first day), given ${day}`);
  }
}

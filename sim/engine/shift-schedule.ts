import type { Simulation } from './simulation.ts';

/** From minute `at` of each period on, `capacity` units work (until the next shift). */
export interface Shift {
  at: number;
  capacity: number;
}

/** Anything whose capacity a schedule can set: a `Server`, or a model's own resource. */
export interface HasCapacity {
  readonly name?: string;
  setCapacity(capacity: number): void;
}

/**
 * Drives `target`'s capacity by a repeating timetable of shifts, e.g. sorters at a hub:
 * `[{ at: 0, capacity: 2 }, { at: 360, capacity: 12 }, { at: 1320, capacity: 4 }]` with the
 * default period of one day (1440 minutes). The capacity for the current minute is applied at once;
 * each later change is one calendar event.
 */
export function scheduleCapacity(
  sim: Simulation,
  target: HasCapacity,
  shifts: readonly Shift[],
  period = 1440,
): void {
  const problems = validateShifts(shifts, period);
  if (problems.length > 0) {
    throw new RangeError(`scheduleCapacity for "${target.name ?? 'resource'}":\n  ${problems.join('\n  ')}`);
  }
  const ordered = [...shifts];
  const n = ordered.length;
  // Index of the shift in force at `now`: the last one whose start is ≤ the phase.
  const phase = ((sim.now % period) + period) % period;
  let current = n - 1;
  for (let i = 0; i < n; i++) if (ordered[i]!.at <= phase) current = i;
  target.setCapacity(ordered[current]!.capacity);
  if (n === 1) return;

  const cycleStart = sim.now - phase;
  let next = (current + 1) % n;
  let nextTime = cycleStart + ordered[next]!.at;
  if (nextTime <= sim.now) nextTime += period;
  const change = (): void => {
    target.setCapacity(ordered[next]!.capacity);
    const from = ordered[next]!.at;
    next = (next + 1) % n;
    const to = ordered[next]!.at;
    nextTime += to > from ? to - from : period - from + to;
    sim.scheduleAt(nextTime, change);
  };
  sim.scheduleAt(nextTime, change);
}

export function validateShifts(shifts: readonly Shift[], period: number): string[] {
  const problems: string[] = [];
  if (!(period > 0) || !Number.isFinite(period)) problems.push(`period must be a finite number of minutes > 0, given ${period}`);
  if (!Array.isArray(shifts) || shifts.length === 0) {
    problems.push(`shifts must be a non-empty list of { at, capacity }, given ${JSON.stringify(shifts)}`);
    return problems;
  }
  shifts.forEach((s, i) => {
    if (!(s.at >= 0 && s.at < period)) problems.push(`shifts[${i}].at must be a minute in [0, ${period}), given ${s.at}`);
    if (!Number.isInteger(s.capacity) || s.capacity < 0) {
      problems.push(`shifts[${i}].capacity must be an integer ≥ 0, given ${s.capacity}`);
    }
    if (i > 0 && !(s.at > shifts[i - 1]!.at)) {
      problems.push(`shifts[${i}].at must be after shifts[${i - 1}].at (${shifts[i - 1]!.at}), given ${s.at}`);
    }
  });
  return problems;
}

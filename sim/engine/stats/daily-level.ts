import { grown } from '../grown.ts';
import { checkDay, checkTime, dayIndex } from './day-index.ts';

/**
 * The level of a quantity at the end of each day (backlog at midnight, parcels held at a hub).
 *
 * `set(time, level)` changes the level from `time` on (minutes since the run start; times must
 * not go backwards). The value for day d is the level in force just before minute (d + 1)·1440,
 * i.e. after every `set` with time < (d + 1)·1440. A `set` at exactly midnight belongs to the
 * new day, like an event at 1440 belongs to day 1. Days without a `set` carry the level over.
 *
 * Days before the day of the last `set` are final. The day of the last `set` and later days read
 * the current level, which a later `set` may still change; at the end of a run of D days,
 * `toArray(D)` gives D final values.
 */
export class DailyLevel {
  /** End-of-day levels of days before `day`. */
  private values = new Float64Array(0);
  private day = 0;
  private lastTime = 0;
  private level: number;

  constructor(initialLevel = 0) {
    checkLevel('DailyLevel: initialLevel', initialLevel);
    this.level = initialLevel;
  }

  set(time: number, level: number): void {
    checkTime('DailyLevel.set', time);
    if (time < this.lastTime) {
      throw new RangeError(
        `DailyLevel.set: time must not be before the previous set at ${this.lastTime}, given ${time}`,
      );
    }
    checkLevel('DailyLevel.set: level', level);
    const d = dayIndex(time);
    if (d > this.day) {
      if (d > this.values.length) this.values = grown(this.values, d);
      this.values.fill(this.level, this.day, d);
      this.day = d;
    }
    this.lastTime = time;
    this.level = level;
  }

  get current(): number {
    return this.level;
  }

  /** One past the day of the last `set` (1 before any). */
  get days(): number {
    return this.day + 1;
  }

  /** The level at the end of `day` (0-based); see the class comment for which days are final. */
  get(day: number): number {
    checkDay('DailyLevel.get', day);
    return day < this.day ? this.values[day]! : this.level;
  }

  /** End-of-day levels for days 0 .. days − 1. */
  toArray(days = this.days): number[] {
    checkDay('DailyLevel.toArray', days);
    const out = new Array<number>(days);
    for (let d = 0; d < days; d++) out[d] = d < this.day ? this.values[d]! : this.level;
    return out;
  }

  toJSON(): number[] {
    return this.toArray();
  }
}

function checkLevel(what: string, v: number): void {
  if (!Number.isFinite(v)) throw new RangeError(`${what} must be a finite number, given ${v}`);
}

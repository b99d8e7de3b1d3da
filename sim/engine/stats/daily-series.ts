import { grown } from '../grown.ts';
import { checkDay, checkTime, dayIndex } from './day-index.ts';

/**
 * Per-day totals of a quantity (parcels delivered, INR of COD collected, missed connections).
 *
 * `add(time, value)` adds to day ⌊time / 1440⌋, time in minutes since the run start, day 0 first:
 * 1439.999 is day 0, 1440 is day 1. Days grow as needed; days never touched read 0. For a level
 * sampled at each midnight (backlog), use `DailyLevel`.
 */
export class DailySeries {
  private values: Float64Array;
  private n = 0;

  /** `capacityDays` only pre-sizes the store, so a run of known length never reallocates. */
  constructor(capacityDays = 0) {
    if (!(Number.isSafeInteger(capacityDays) && capacityDays >= 0)) {
      throw new RangeError(`DailySeries: capacityDays must be an integer ≥ 0, given ${capacityDays}`);
    }
    this.values = new Float64Array(capacityDays);
  }

  add(time: number, value = 1): void {
    checkTime('DailySeries.add', time);
    if (!Number.isFinite(value)) {
      throw new RangeError(`DailySeries.add: value must be a finite number, given ${value}`);
    }
    const d = dayIndex(time);
    if (d >= this.values.length) this.values = grown(this.values, d + 1);
    this.values[d]! += value;
    if (d >= this.n) this.n = d + 1;
  }

  /** One past the last day that received an `add`; 0 when nothing was added. */
  get days(): number {
    return this.n;
  }

  /** The total for `day` (0-based); 0 for a day with no adds, including days after the last. */
  get(day: number): number {
    checkDay('DailySeries.get', day);
    return day < this.n ? this.values[day]! : 0;
  }

  /** Totals for days 0 .. days − 1; pass the run's length in days to include quiet days at the end. */
  toArray(days = this.n): number[] {
    checkDay('DailySeries.toArray', days);
    const out = new Array<number>(days).fill(0);
    for (let d = 0; d < Math.min(days, this.n); d++) out[d] = this.values[d]!;
    return out;
  }

  /** Adds another series day by day (the other is unchanged): shards of one run, or totals over replications. */
  merge(other: DailySeries): this {
    if (other.n > this.values.length) this.values = grown(this.values, other.n);
    for (let d = 0; d < other.n; d++) this.values[d]! += other.values[d]!;
    if (other.n > this.n) this.n = other.n;
    return this;
  }

  reset(): void {
    this.values.fill(0);
    this.n = 0;
  }

  toJSON(): number[] {
    return this.toArray();
  }
}

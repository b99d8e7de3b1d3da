/**
 * Time-weighted statistics of a piecewise-constant level (queue length, busy servers, backlog):
 * the level holds its value from one `update` to the next.
 *
 * Accumulation runs from `startTime` (or the last `reset`) to whatever time you ask about, so
 * `mean(atTime)` counts the current level up to `atTime` without another update. `reset(time)`
 * deletes a warm-up period: it keeps the current level and starts afresh at `time`.
 *
 * `min` and `max` cover every level set since the start or reset, including one held for no time
 * (two updates at the same minute): a queue that touched 12 for an instant did reach 12.
 */
export class TimeWeighted {
  private level: number;
  private lastTime: number;
  private since: number;
  private area = 0;
  private lo: number;
  private hi: number;

  constructor(startTime = 0, initialValue = 0) {
    if (!Number.isFinite(startTime)) {
      throw new RangeError(`TimeWeighted: startTime must be a finite number of minutes, given ${startTime}`);
    }
    checkLevel('TimeWeighted: initialValue', initialValue);
    this.level = initialValue;
    this.lastTime = startTime;
    this.since = startTime;
    this.lo = initialValue;
    this.hi = initialValue;
  }

  /** The level becomes `newValue` at `time`; time must not be before the previous update. */
  update(time: number, newValue: number): void {
    if (!(time >= this.lastTime && time <= Number.MAX_VALUE)) {
      throw new RangeError(
        `TimeWeighted.update: time must be finite and not before the previous update at ${this.lastTime}, given ${time}`,
      );
    }
    checkLevel('TimeWeighted.update: newValue', newValue);
    this.area += this.level * (time - this.lastTime);
    this.lastTime = time;
    this.level = newValue;
    if (newValue < this.lo) this.lo = newValue;
    if (newValue > this.hi) this.hi = newValue;
  }

  /** ∫ level dt from the start (or last reset) to `atTime`, which must not be before the last update. */
  integral(atTime: number): number {
    this.checkAt('integral', atTime);
    return this.area + this.level * (atTime - this.lastTime);
  }

  /** Time-average of the level from the start (or last reset) to `atTime`; NaN over zero time. */
  mean(atTime: number): number {
    this.checkAt('mean', atTime);
    const span = atTime - this.since;
    return span === 0 ? NaN : (this.area + this.level * (atTime - this.lastTime)) / span;
  }

  get current(): number {
    return this.level;
  }

  get min(): number {
    return this.lo;
  }

  get max(): number {
    return this.hi;
  }

  /** When accumulation started: the start time or the last reset. */
  get startTime(): number {
    return this.since;
  }

  /** Warm-up deletion: forgets the history, keeps the current level, accumulates from `time`. */
  reset(time: number): void {
    if (!(time >= this.lastTime && time <= Number.MAX_VALUE)) {
      throw new RangeError(
        `TimeWeighted.reset: time must be finite and not before the last update at ${this.lastTime}, given ${time}`,
      );
    }
    this.area = 0;
    this.lastTime = time;
    this.since = time;
    this.lo = this.level;
    this.hi = this.level;
  }

  private checkAt(what: string, atTime: number): void {
    if (!(atTime >= this.lastTime && atTime <= Number.MAX_VALUE)) {
      throw new RangeError(
        `TimeWeighted.${what}: atTime must be finite and not before the last update at ${this.lastTime}, given ${atTime}`,
      );
    }
  }
}

function checkLevel(what: string, v: number): void {
  if (!Number.isFinite(v)) throw new RangeError(`${what} must be a finite number, given ${v}`);
}

/** A running total of events or amounts (parcels booked, INR collected). Mergeable by addition. */
export class Counter {
  private total = 0;

  /** Adds n (default 1); n must be finite and ≥ 0, since a count that falls is a level, not a counter. */
  inc(n = 1): void {
    if (!(n >= 0 && n <= Number.MAX_VALUE)) {
      throw new RangeError(`Counter.inc: n must be a finite number ≥ 0, given ${n}`);
    }
    this.total += n;
  }

  get value(): number {
    return this.total;
  }

  reset(): void {
    this.total = 0;
  }

  /** Adds another counter's total to this one (the other is unchanged). */
  merge(other: Counter): this {
    this.total += other.total;
    return this;
  }

  toJSON(): number {
    return this.total;
  }
}

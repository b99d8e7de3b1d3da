/** A tally as plain data. Statistics that need more observations than there are are null. */
export interface TallyJSON {
  count: number;
  sum: number;
  mean: number | null;
  /** Sample variance (n − 1); null below 2 observations. */
  variance: number | null;
  sd: number | null;
  min: number | null;
  max: number | null;
  /** Sum of squared deviations from the mean: kept so `fromJSON` restores a tally exactly. */
  m2: number;
}

/**
 * Count, mean, variance, min, max and sum of observations, in O(1) memory.
 *
 * The mean and variance use Welford's update (Welford 1962; Knuth TAOCP vol. 2, §4.2.2), which
 * stays accurate when the values sit far from zero (times in minutes late in a 30-day run,
 * 1e9 + noise), where the textbook Σx² − n·x̄² loses every digit. `merge` uses the pairwise
 * combination of Chan, Golub & LeVeque (1979), so replications or shards can be tallied apart
 * and combined; merging in a fixed order gives identical results.
 */
export class Tally {
  private n = 0;
  private m = 0;
  private m2 = 0;
  private total = 0;
  private lo = Infinity;
  private hi = -Infinity;

  add(x: number): void {
    if (!Number.isFinite(x)) {
      throw new RangeError(`Tally.add: x must be a finite number, given ${x}`);
    }
    const n = this.n + 1;
    const d = x - this.m;
    const mean = this.m + d / n;
    this.m2 += d * (x - mean);
    this.m = mean;
    this.n = n;
    this.total += x;
    if (x < this.lo) this.lo = x;
    if (x > this.hi) this.hi = x;
  }

  get count(): number {
    return this.n;
  }

  /** NaN when empty. */
  get mean(): number {
    return this.n === 0 ? NaN : this.m;
  }

  /** Sample variance (divides by n − 1); NaN below 2 observations. */
  get variance(): number {
    return this.n < 2 ? NaN : this.m2 / (this.n - 1);
  }

  /** Sample standard deviation; NaN below 2 observations. */
  get sd(): number {
    return Math.sqrt(this.variance);
  }

  /** NaN when empty. */
  get min(): number {
    return this.n === 0 ? NaN : this.lo;
  }

  /** NaN when empty. */
  get max(): number {
    return this.n === 0 ? NaN : this.hi;
  }

  get sum(): number {
    return this.total;
  }

  reset(): void {
    this.n = 0;
    this.m = 0;
    this.m2 = 0;
    this.total = 0;
    this.lo = Infinity;
    this.hi = -Infinity;
  }

  /** Adds another tally's observations to this one (the other is unchanged). */
  merge(other: Tally): this {
    if (other.n === 0) return this;
    if (this.n === 0) {
      this.n = other.n;
      this.m = other.m;
      this.m2 = other.m2;
      this.total = other.total;
      this.lo = other.lo;
      this.hi = other.hi;
      return this;
    }
    const na = this.n;
    const nb = other.n;
    const n = na + nb;
    const d = other.m - this.m;
    this.m += (d * nb) / n;
    this.m2 += other.m2 + ((d * d * na) / n) * nb;
    this.n = n;
    this.total += other.total;
    if (other.lo < this.lo) this.lo = other.lo;
    if (other.hi > this.hi) this.hi = other.hi;
    return this;
  }

  toJSON(): TallyJSON {
    const some = this.n > 0;
    const two = this.n > 1;
    return {
      count: this.n,
      sum: this.total,
      mean: some ? this.m : null,
      variance: two ? this.variance : null,
      sd: two ? this.sd : null,
      min: some ? this.lo : null,
      max: some ? this.hi : null,
      m2: this.m2,
    };
  }

  /** Rebuilds a tally from `toJSON()` output (uses count, sum, mean, m2, min and max). */
  static fromJSON(json: TallyJSON): Tally {
    const problems: string[] = [];
    if (!(Number.isSafeInteger(json.count) && json.count >= 0)) {
      problems.push(`count: must be an integer ≥ 0, given ${String(json.count)}`);
    }
    const some = json.count > 0;
    for (const key of ['sum', 'm2'] as const) {
      if (!Number.isFinite(json[key])) problems.push(`${key}: must be a finite number, given ${String(json[key])}`);
    }
    for (const key of ['mean', 'min', 'max'] as const) {
      const v = json[key];
      if (some ? !Number.isFinite(v) : v !== null) {
        problems.push(`${key}: must be ${some ? 'a finite number' : 'null when count is 0'}, given ${String(v)}`);
      }
    }
    if (problems.length > 0) {
      throw new RangeError(`Tally.fromJSON: invalid tally:\n  ${problems.join('\n  ')}`);
    }
    const t = new Tally();
    t.n = json.count;
    t.total = json.sum;
    t.m2 = json.m2;
    if (some) {
      t.m = json.mean!;
      t.lo = json.min!;
      t.hi = json.max!;
    }
    return t;
  }
}

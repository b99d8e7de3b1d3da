import { log2Linear, pow2 } from './float-bits.ts';

/** A quantile sketch as plain data: what crosses a worker boundary or goes into a results file. */
export interface QuantilesJSON {
  relativeAccuracy: number;
  count: number;
  /** Observations counted as zero: exact zeros and positive subnormals (< 2.2e-308). */
  zeroCount: number;
  /** Smallest and largest observation; null when empty. */
  min: number | null;
  max: number | null;
  /** Bucket index of `counts[0]`; `counts` runs from the first to the last non-empty bucket. */
  offset: number;
  counts: number[];
}

/** One histogram bar of the sketch: `count` observations in (lower, upper]. Zeros: lower = upper = 0. */
export interface QuantileBucket {
  lower: number;
  upper: number;
  count: number;
}

export interface QuantilesOptions {
  /** α in [0.0001, 0.5]; default 0.005 (0.5 %). */
  relativeAccuracy?: number;
}

/**
 * Smallest positive normal double, 2^-1022. Declared here, not imported: V8 does not fold an
 * imported number into `add`, and the comparison made `add` three times slower (measured).
 */
const MIN_NORMAL = 2.2250738585072014e-308;
const DEFAULT_ACCURACY = 0.005;
const MIN_ACCURACY = 0.0001;
const MAX_ACCURACY = 0.5;
/** 2^-20: buckets are made this much narrower than 2α needs, as a margin for rounding (see below). */
const MARGIN = 9.5367431640625e-7;
const INITIAL_BUCKETS = 128;

/**
 * Streaming quantiles of non-negative data (waits, lead times) with a relative error bound:
 * a log-bucketed histogram in the style of DDSketch (Masson, Rim & Lee, VLDB 2019).
 *
 * **Rank convention.** For n observations, `quantile(p)` estimates the value at 0-based rank
 * ⌊p·(n − 1)⌋ of the sorted data, computed as `Math.floor(p * (n - 1))` (the "lower" quantile;
 * no interpolation). So `quantile(0)` is the minimum and `quantile(1)` the maximum, both exact.
 *
 * **Error bound.** With relative accuracy α (default 0.005), every returned value q̂ satisfies
 * |q̂ − q| ≤ α·q, where q is the exact order statistic at that rank. This holds for every
 * observation ≥ 2^-1022 (≈ 2.2e-308), whatever the data or the order of `add` and `merge` calls.
 * Zeros are counted exactly; positive subnormals (< 2.2e-308) are counted as zeros, an absolute
 * error below 2.3e-308. Negatives, NaN and ±Infinity are rejected.
 *
 * Why the bound holds:
 * - Bucket k holds the x whose `log2Linear(x)` (exponent + mantissa − 1, read from the bits) lies
 *   in ((k − 1)/M, k/M], with M = (1 + 2^-20)/(2α). That function's slope against ln x is the
 *   mantissa, in [1, 2), so a bucket spans at most 2α' in ln x, with α' = α/(1 + 2^-20).
 * - The estimate is the bucket's harmonic mean r = 2·lo·hi/(lo + hi); for any x in [lo, hi],
 *   |r − x|/x ≤ (hi − lo)/(hi + lo) = tanh(ln(hi/lo)/2) ≤ tanh(α') < α'.
 * - Rounding in the index and in lo, hi is about 2^-42 relative, far inside the margin
 *   α − α' ≈ α·2^-20 (≥ 1e-10 for α ≥ 1e-4: hence the lower limit on α).
 * - The estimate is clamped to [min, max]; the exact order statistic lies there, so clamping
 *   never increases the error. Ranks 0 and n − 1 return the tracked min and max, exactly.
 *
 * **Determinism.** The index uses exact bit reads and correctly rounded + − * / only (no Math.log,
 * whose last bit may differ between engines); the state is integer counts plus min and max, so
 * any insertion order and any merge order give the same `toJSON()`, byte for byte. (No sum is
 * kept for that reason: float addition depends on order. Use a `Tally` for the mean.)
 *
 * **Cost.** `add` does a bit read, one multiply and an array increment; it allocates only when a
 * value falls outside the bucket range seen so far (the store doubles), which stops after the
 * first few thousand observations of a stable distribution. About 1/(2α) buckets per doubling of
 * the value: 100 at the default, so 1 minute to 1 month is ~1,600 buckets (13 KB).
 * The linear log stand-in costs ~44 % more buckets than an exact log would; we take that
 * for bit-identical results across engines.
 */
export class Quantiles {
  readonly relativeAccuracy: number;
  private readonly multiplier: number;
  private counts = new Float64Array(0);
  /** Bucket index of counts[0]. */
  private offset = 0;
  private n = 0;
  private zeros = 0;
  private lo = Infinity;
  private hi = -Infinity;

  constructor(options: QuantilesOptions = {}) {
    const alpha = options.relativeAccuracy ?? DEFAULT_ACCURACY;
    checkAccuracy('Quantiles', alpha);
    this.relativeAccuracy = alpha;
    this.multiplier = (1 + MARGIN) / (2 * alpha);
  }

  /** Records one observation x ≥ 0. */
  add(x: number): void {
    if (x >= MIN_NORMAL && x <= Number.MAX_VALUE) {
      // `| 0`: k fits in int32 (|k| < 6e6), and it turns ceil's -0 into 0, keeping V8 on integer code.
      const k = Math.ceil(log2Linear(x) * this.multiplier) | 0;
      let i = k - this.offset;
      if (i < 0 || i >= this.counts.length) {
        this.grow(k, k);
        i = k - this.offset;
      }
      this.counts[i]! += 1;
    } else if (x >= 0 && x < MIN_NORMAL) {
      this.zeros += 1;
    } else {
      throw new RangeError(`Quantiles.add: x must be a finite number ≥ 0, given ${x}`);
    }
    this.n += 1;
    if (x < this.lo) this.lo = x === 0 ? 0 : x; // +0, never -0, so JSON and Object.is agree
    if (x > this.hi) this.hi = x;
  }

  get count(): number {
    return this.n;
  }

  /** Smallest observation (exact); NaN when empty. */
  get min(): number {
    return this.n === 0 ? NaN : this.lo;
  }

  /** Largest observation (exact); NaN when empty. */
  get max(): number {
    return this.n === 0 ? NaN : this.hi;
  }

  /**
   * Estimate of the value at rank ⌊p·(n − 1)⌋ of the sorted data, within relative error α (see
   * the class comment). p in [0, 1]. NaN when empty. Walks the buckets: not for the hot path.
   */
  quantile(p: number): number {
    if (!(p >= 0 && p <= 1)) {
      throw new RangeError(`Quantiles.quantile: p must be a number in [0, 1], given ${p}`);
    }
    if (this.n === 0) return NaN;
    const rank = Math.floor(p * (this.n - 1));
    // The extremes are known exactly, so answer them exactly.
    if (rank === 0) return this.lo;
    if (rank === this.n - 1) return this.hi;
    if (rank < this.zeros) return this.clamp(0);
    let seen = this.zeros;
    const counts = this.counts;
    for (let i = 0; i < counts.length; i++) {
      seen += counts[i]!;
      if (seen > rank) return this.clamp(representative(i + this.offset, this.multiplier));
    }
    return this.hi; // unreachable while the counts add up to n
  }

  /** `quantile(p)` for each p, in the order given. */
  quantiles(ps: readonly number[]): number[] {
    return ps.map((p) => this.quantile(p));
  }

  /**
   * Adds another sketch's observations to this one (the other is unchanged). Requires the same
   * relative accuracy. Merging is exact: the result equals one sketch fed all observations.
   */
  merge(other: Quantiles): this {
    if (other.relativeAccuracy !== this.relativeAccuracy) {
      throw new Error(
        `Quantiles.merge: relative accuracies differ (${this.relativeAccuracy} and ${other.relativeAccuracy}); only sketches with the same α can merge`,
      );
    }
    if (other.n === 0) return this;
    const first = other.firstNonEmpty();
    if (first >= 0) {
      const last = other.lastNonEmpty();
      const from = other.offset + first;
      const to = other.offset + last;
      if (from < this.offset || to >= this.offset + this.counts.length) this.grow(from, to);
      const src = other.counts;
      const shift = other.offset - this.offset;
      for (let i = first; i <= last; i++) this.counts[i + shift]! += src[i]!;
    }
    this.n += other.n;
    this.zeros += other.zeros;
    if (other.lo < this.lo) this.lo = other.lo;
    if (other.hi > this.hi) this.hi = other.hi;
    return this;
  }

  /** Forgets every observation (warm-up deletion); keeps α and the allocated store. */
  reset(): void {
    this.counts.fill(0);
    this.n = 0;
    this.zeros = 0;
    this.lo = Infinity;
    this.hi = -Infinity;
  }

  /**
   * The histogram behind the estimates, for plotting: the zero count first (if any), then each
   * non-empty bucket, lowest first. Bounds are as computed (within ~1e-13 of the true edges).
   */
  buckets(): QuantileBucket[] {
    const out: QuantileBucket[] = [];
    if (this.zeros > 0) out.push({ lower: 0, upper: 0, count: this.zeros });
    const counts = this.counts;
    for (let i = 0; i < counts.length; i++) {
      const c = counts[i]!;
      if (c === 0) continue;
      const k = i + this.offset;
      out.push({
        lower: log2LinearInverse((k - 1) / this.multiplier),
        upper: log2LinearInverse(k / this.multiplier),
        count: c,
      });
    }
    return out;
  }

  toJSON(): QuantilesJSON {
    const first = this.firstNonEmpty();
    const counts = first < 0 ? [] : Array.from(this.counts.subarray(first, this.lastNonEmpty() + 1));
    return {
      relativeAccuracy: this.relativeAccuracy,
      count: this.n,
      zeroCount: this.zeros,
      min: this.n === 0 ? null : this.lo,
      max: this.n === 0 ? null : this.hi,
      offset: first < 0 ? 0 : this.offset + first,
      counts,
    };
  }

  /** Rebuilds a sketch from `toJSON()` output; checks it and reports every problem at once. */
  static fromJSON(json: QuantilesJSON): Quantiles {
    const problems = checkJSON(json);
    if (problems.length > 0) {
      throw new RangeError(`Quantiles.fromJSON: invalid sketch:\n  ${problems.join('\n  ')}`);
    }
    const q = new Quantiles({ relativeAccuracy: json.relativeAccuracy });
    q.counts = Float64Array.from(json.counts);
    q.offset = json.offset;
    q.n = json.count;
    q.zeros = json.zeroCount;
    if (json.count > 0) {
      q.lo = json.min!;
      q.hi = json.max!;
    }
    return q;
  }

  private clamp(v: number): number {
    return v < this.lo ? this.lo : v > this.hi ? this.hi : v;
  }

  private firstNonEmpty(): number {
    const counts = this.counts;
    for (let i = 0; i < counts.length; i++) if (counts[i] !== 0) return i;
    return -1;
  }

  private lastNonEmpty(): number {
    const counts = this.counts;
    for (let i = counts.length - 1; i >= 0; i--) if (counts[i] !== 0) return i;
    return -1;
  }

  /** Makes the store cover bucket indices from..to, at least doubling it so growth is rare. */
  private grow(from: number, to: number): void {
    const len = this.counts.length;
    if (len === 0) {
      const size = Math.max(INITIAL_BUCKETS, nextPowerOfTwo(to - from + 1));
      this.counts = new Float64Array(size);
      this.offset = from - ((size - (to - from + 1)) >> 1);
      return;
    }
    const lo = Math.min(this.offset, from);
    const hi = Math.max(this.offset + len, to + 1);
    const size = Math.max(2 * len, nextPowerOfTwo(hi - lo));
    // Put the spare room on the side that grew: a sketch tends to keep growing that way.
    const newOffset = from < this.offset ? hi - size : lo;
    const next = new Float64Array(size);
    next.set(this.counts, this.offset - newOffset);
    this.counts = next;
    this.offset = newOffset;
  }
}

/** Harmonic mean of bucket k's bounds, written so that neither hi nor lo·hi can overflow. */
function representative(k: number, multiplier: number): number {
  const yLo = (k - 1) / multiplier;
  const yHi = k / multiplier;
  const eLo = Math.floor(yLo);
  const eHi = Math.floor(yHi);
  const mLo = 1 + (yLo - eLo);
  const mHi = 1 + (yHi - eHi);
  const ratio = (mHi / mLo) * pow2(eHi - eLo); // hi / lo
  return mLo * pow2(eLo) * (2 / (1 + 1 / ratio));
}

/** The inverse of `log2Linear`: 2^⌊y⌋ · (1 + y − ⌊y⌋). */
function log2LinearInverse(y: number): number {
  const e = Math.floor(y);
  return (1 + (y - e)) * pow2(e);
}

function nextPowerOfTwo(n: number): number {
  let size = 1;
  while (size < n) size *= 2;
  return size;
}

function checkAccuracy(where: string, alpha: unknown): void {
  if (typeof alpha !== 'number' || !(alpha >= MIN_ACCURACY && alpha <= MAX_ACCURACY)) {
    throw new RangeError(
      `${where}: relativeAccuracy must be a number in [${MIN_ACCURACY}, ${MAX_ACCURACY}], given ${String(alpha)}`,
    );
  }
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

function checkJSON(json: QuantilesJSON): string[] {
  const problems: string[] = [];
  const a = json.relativeAccuracy;
  if (typeof a !== 'number' || !(a >= MIN_ACCURACY && a <= MAX_ACCURACY)) {
    problems.push(`relativeAccuracy: must be a number in [${MIN_ACCURACY}, ${MAX_ACCURACY}], given ${String(a)}`);
  }
  if (!isCount(json.count)) problems.push(`count: must be an integer ≥ 0, given ${String(json.count)}`);
  if (!isCount(json.zeroCount)) problems.push(`zeroCount: must be an integer ≥ 0, given ${String(json.zeroCount)}`);
  if (!Number.isSafeInteger(json.offset)) problems.push(`offset: must be an integer, given ${String(json.offset)}`);
  let total = isCount(json.zeroCount) ? json.zeroCount : 0;
  if (!Array.isArray(json.counts)) {
    problems.push(`counts: must be an array of integers ≥ 0, given ${String(json.counts)}`);
  } else {
    json.counts.forEach((c, i) => {
      if (isCount(c)) total += c;
      else problems.push(`counts[${i}]: must be an integer ≥ 0, given ${String(c)}`);
    });
  }
  if (isCount(json.count) && total !== json.count) {
    problems.push(`count: must equal zeroCount plus the bucket counts (${total}), given ${json.count}`);
  }
  const empty = json.count === 0;
  for (const key of ['min', 'max'] as const) {
    const v = json[key];
    const ok = empty ? v === null : typeof v === 'number' && v >= 0 && v <= Number.MAX_VALUE;
    if (!ok) {
      problems.push(`${key}: must be ${empty ? 'null for an empty sketch' : 'a finite number ≥ 0'}, given ${String(v)}`);
    }
  }
  return problems;
}

/** A histogram as plain data. */
export interface HistogramJSON {
  edges: number[];
  counts: number[];
  underflow: number;
  overflow: number;
}

/**
 * Counts in fixed bins (lead times in 1-hour bins for plots): bin i is [edges[i], edges[i + 1]),
 * values below edges[0] count as underflow, values ≥ the last edge as overflow (±Infinity too).
 * Unlike `Quantiles`, the bins are the caller's, so plots of different runs line up.
 *
 * `add` allocates nothing. With equal-width edges it guesses the bin by one division and checks
 * the guess against the stored edges (so rounding in the division cannot misplace a value);
 * otherwise it binary-searches the edges.
 */
export class Histogram {
  private readonly edgeArray: Float64Array;
  private readonly binCounts: Float64Array;
  private under = 0;
  private over = 0;
  private readonly width: number;
  private readonly uniform: boolean;

  /** `edges`: at least two finite numbers, strictly increasing. */
  constructor(edges: readonly number[]) {
    const problems: string[] = [];
    if (edges.length < 2) problems.push(`must have at least 2 edges, given ${edges.length}`);
    edges.forEach((e, i) => {
      if (!Number.isFinite(e)) problems.push(`edges[${i}] must be a finite number, given ${e}`);
      else if (i > 0 && !(e > edges[i - 1]!)) {
        problems.push(`edges[${i}] must be greater than edges[${i - 1}] (${edges[i - 1]}), given ${e}`);
      }
    });
    if (problems.length > 0) throw new RangeError(`Histogram: invalid edges:\n  ${problems.join('\n  ')}`);
    this.edgeArray = Float64Array.from(edges);
    this.binCounts = new Float64Array(edges.length - 1);
    const bins = edges.length - 1;
    const first = edges[0]!;
    this.width = (edges[bins]! - first) / bins;
    // Near-equal widths (as `linear` makes, up to rounding): a guess is then off by at most one bin.
    this.uniform = edges.every((e, i) => Math.abs(e - (first + i * this.width)) <= this.width * 1e-9);
  }

  /** `bins` bins of equal `width` from `start`; edge i is start + i·width. */
  static linear(start: number, width: number, bins: number): Histogram {
    if (!Number.isFinite(start)) throw new RangeError(`Histogram.linear: start must be a finite number, given ${start}`);
    if (!(width > 0 && width <= Number.MAX_VALUE)) {
      throw new RangeError(`Histogram.linear: width must be a finite number > 0, given ${width}`);
    }
    if (!(Number.isSafeInteger(bins) && bins >= 1)) {
      throw new RangeError(`Histogram.linear: bins must be an integer ≥ 1, given ${bins}`);
    }
    const edges = new Array<number>(bins + 1);
    for (let i = 0; i <= bins; i++) edges[i] = start + i * width;
    return new Histogram(edges);
  }

  add(x: number): void {
    const edges = this.edgeArray;
    const bins = this.binCounts.length;
    if (x < edges[0]!) {
      this.under += 1;
    } else if (x >= edges[bins]!) {
      this.over += 1;
    } else if (x !== x) {
      throw new RangeError(`Histogram.add: x must be a number, given ${x}`);
    } else if (this.uniform) {
      // Here edges[0] ≤ x < edges[bins], so the walks below stop inside [0, bins − 1].
      let i = Math.floor((x - edges[0]!) / this.width);
      if (i > bins - 1) i = bins - 1;
      while (x < edges[i]!) i -= 1;
      while (x >= edges[i + 1]!) i += 1;
      this.binCounts[i]! += 1;
    } else {
      // Invariant: edges[lo] ≤ x < edges[hi].
      let lo = 0;
      let hi = bins;
      while (hi - lo > 1) {
        const mid = (lo + hi) >>> 1;
        if (x < edges[mid]!) hi = mid;
        else lo = mid;
      }
      this.binCounts[lo]! += 1;
    }
  }

  get edges(): number[] {
    return Array.from(this.edgeArray);
  }

  /** Counts per bin; `counts[i]` is for [edges[i], edges[i + 1]). */
  get counts(): number[] {
    return Array.from(this.binCounts);
  }

  get underflow(): number {
    return this.under;
  }

  get overflow(): number {
    return this.over;
  }

  /** All observations, including underflow and overflow. */
  get count(): number {
    let n = this.under + this.over;
    for (const c of this.binCounts) n += c;
    return n;
  }

  /** Adds another histogram's counts (the other is unchanged); the edges must be identical. */
  merge(other: Histogram): this {
    const a = this.edgeArray;
    const b = other.edgeArray;
    if (a.length !== b.length || a.some((e, i) => e !== b[i])) {
      throw new Error(
        `Histogram.merge: edges differ (${a.length} edges from ${a[0]} to ${a[a.length - 1]} vs ${b.length} from ${b[0]} to ${b[b.length - 1]}); only histograms with identical edges can merge`,
      );
    }
    for (let i = 0; i < this.binCounts.length; i++) this.binCounts[i]! += other.binCounts[i]!;
    this.under += other.under;
    this.over += other.over;
    return this;
  }

  reset(): void {
    this.binCounts.fill(0);
    this.under = 0;
    this.over = 0;
  }

  toJSON(): HistogramJSON {
    return { edges: this.edges, counts: this.counts, underflow: this.under, overflow: this.over };
  }
}

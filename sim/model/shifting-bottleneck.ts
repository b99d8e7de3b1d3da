/**
 * The shifting bottleneck by Roser's active-period method (Roser, Nakano and Tanaka, "Shifting
 * bottleneck detection", Winter Simulation Conference 2002): a resource is active while it holds
 * work it could not do at its last chance, here parcels left waiting by a delivery wave, a pick
 * wave or a departure that was full (or closed). At every moment the bottleneck is the active
 * resource whose current active period began first (the longest one); the time each kind of
 * resource holds that role, day by day, shows where the network's constraint sits and how it
 * shifts (from stations to hubs in a festive peak, say). Waiting for a timetabled departure that
 * has room is no constraint and does not count.
 *
 * Resources are numbered by the caller (nodes, then lanes) and each belongs to a kind (`kindOf`).
 * Deterministic: ties between periods that began at the same minute go to the lower number.
 */
export class ShiftingBottleneck {
  /** Minutes each kind was the bottleneck on each day: day d's kind k at `d * kinds + k`. */
  readonly minutes: Float64Array;
  /** Minutes no resource was active, per day. */
  readonly idle: Float64Array;
  private readonly since = new Map<number, number>();
  // A binary heap of (start, resource) with lazy deletion: an entry is live while `since` holds it.
  private readonly heapStart: number[] = [];
  private readonly heapId: number[] = [];
  private last = 0;

  constructor(
    readonly kinds: number,
    readonly days: number,
    private readonly kindOf: (resource: number) => number,
  ) {
    this.minutes = new Float64Array(days * kinds);
    this.idle = new Float64Array(days);
  }

  /** Resource `r`, after its chance to serve at `now`, still holds work (`active`) or has caught up. */
  report(r: number, active: boolean, now: number): void {
    const was = this.since.has(r);
    if (active === was) return;
    this.advance(now);
    if (active) {
      this.since.set(r, now);
      this.push(now, r);
    } else {
      this.since.delete(r);
    }
  }

  /** Ends the accounting at `horizon` (call once, at the end of the run). */
  close(horizon: number): void {
    this.advance(horizon);
  }

  /** The resource holding the longest active period now, or -1. */
  current(): number {
    while (this.heapId.length > 0 && this.since.get(this.heapId[0]!) !== this.heapStart[0]) this.pop();
    return this.heapId.length > 0 ? this.heapId[0]! : -1;
  }

  /** Books the time since the last change to whoever was the bottleneck, split at midnights. */
  private advance(now: number): void {
    if (now <= this.last) return;
    const r = this.current();
    const kind = r >= 0 ? this.kindOf(r) : -1;
    let t = this.last;
    while (t < now) {
      const day = Math.floor(t / 1440);
      const end = Math.min(now, (day + 1) * 1440);
      if (day < this.days) {
        if (kind >= 0) this.minutes[day * this.kinds + kind]! += end - t;
        else this.idle[day]! += end - t;
      }
      t = end;
    }
    this.last = now;
  }

  private before(i: number, j: number): boolean {
    const a = this.heapStart[i]!;
    const b = this.heapStart[j]!;
    return a < b || (a === b && this.heapId[i]! < this.heapId[j]!);
  }

  private swap(i: number, j: number): void {
    const s = this.heapStart[i]!;
    const r = this.heapId[i]!;
    this.heapStart[i] = this.heapStart[j]!;
    this.heapId[i] = this.heapId[j]!;
    this.heapStart[j] = s;
    this.heapId[j] = r;
  }

  private push(start: number, r: number): void {
    this.heapStart.push(start);
    this.heapId.push(r);
    let i = this.heapId.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.before(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }

  private pop(): void {
    const n = this.heapId.length - 1;
    this.swap(0, n);
    this.heapStart.pop();
    this.heapId.pop();
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && this.before(l, m)) m = l;
      if (r < n && this.before(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
  }
}

/** Upper edges of the wait histogram's bins, hours (the last bin is open): fine where most waits fall, coarse past two days. */
export const WAIT_EDGES_HOURS = [0.5, 1, 2, 3, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 28, 32, 36, 40, 44, 48, 54, 60, 66, 72, 84, 96, 108, 120, 144, 168, 192, 216, 240, 288, 336] as const;
const BINS = WAIT_EDGES_HOURS.length + 1;
/** Bin of a wait by whole minutes, so finding it is one array read (waits past 336 h share the last bin). */
const BIN_OF_MINUTE = (() => {
  const last = WAIT_EDGES_HOURS[WAIT_EDGES_HOURS.length - 1]! * 60;
  const table = new Uint8Array(last + 1);
  let b = 0;
  for (let m = 0; m <= last; m++) {
    while (b < WAIT_EDGES_HOURS.length && m >= WAIT_EDGES_HOURS[b]! * 60) b++;
    table[m] = b;
  }
  return table;
})();

// A node's figures side by side in one block of `STRIDE` doubles (one cache line): the queue's
// length and maximum, its time integral and when it last changed, the waits ended and their sum.
// The model reports a change for every parcel on every leg; one block a node makes that one
// memory access, where six arrays made six (see docs/performance.md).
const LENGTH = 0;
const MAX = 1;
const AREA = 2;
const SINCE = 3;
const WAITS = 4;
const WAIT_MINUTES = 5;
const STRIDE = 8;

/**
 * What each node holds and how long parcels wait there, over one replication: the parcels
 * waiting (for a pick wave, a departure or a delivery wave) as a time-weighted mean and a maximum,
 * and each wait's length (a sum and a histogram a node). The model reports every change (`queue`)
 * and every wait when it ends (`waited`).
 */
export class NodeStats {
  private readonly block: Float64Array;
  private readonly histogram: Int32Array;

  constructor(nodes: number) {
    this.block = new Float64Array(nodes * STRIDE);
    this.histogram = new Int32Array(nodes * BINS);
  }

  /** `delta` parcels join (> 0) or leave (< 0) node's queue at `now`. */
  queue(node: number, delta: number, now: number): void {
    const b = this.block;
    const at = node * STRIDE;
    const n = b[at + LENGTH]!;
    b[at + AREA]! += n * (now - b[at + SINCE]!);
    b[at + SINCE] = now;
    const next = n + delta;
    b[at + LENGTH] = next;
    if (next > b[at + MAX]!) b[at + MAX] = next;
  }

  /** A parcel's wait of `minutes` at node ended. */
  waited(node: number, minutes: number): void {
    const b = this.block;
    const at = node * STRIDE;
    b[at + WAITS]!++;
    b[at + WAIT_MINUTES]! += minutes;
    const m = Math.floor(minutes);
    this.histogram[node * BINS + (m < BIN_OF_MINUTE.length ? BIN_OF_MINUTE[m]! : BINS - 1)]!++;
  }

  /** The largest queue the node held. */
  max(node: number): number {
    return this.block[node * STRIDE + MAX]!;
  }

  /** Waits that ended at the node, and their minutes summed. */
  waits(node: number): number {
    return this.block[node * STRIDE + WAITS]!;
  }

  waitMinutes(node: number): number {
    return this.block[node * STRIDE + WAIT_MINUTES]!;
  }

  /** Time-weighted mean queue over [0, horizon] (call once, at the horizon). */
  meanQueue(node: number, horizon: number): number {
    const b = this.block;
    const at = node * STRIDE;
    return (b[at + AREA]! + b[at + LENGTH]! * (horizon - b[at + SINCE]!)) / horizon;
  }

  /**
   * The `p` quantile of node's waits, hours, linear within its histogram bin (the open last bin
   * reports its lower edge); 0 when nothing waited.
   */
  waitQuantileHours(node: number, p: number): number {
    const n = this.waits(node);
    if (n === 0) return 0;
    const h = this.histogram;
    const from = node * BINS;
    const target = p * n;
    let below = 0;
    for (let b = 0; b < BINS; b++) {
      const count = h[from + b]!;
      if (below + count >= target && count > 0) {
        const lo = b === 0 ? 0 : WAIT_EDGES_HOURS[b - 1]!;
        if (b === BINS - 1) return lo;
        const hi = WAIT_EDGES_HOURS[b]!;
        return lo + ((hi - lo) * (target - below)) / count;
      }
      below += count;
    }
    return WAIT_EDGES_HOURS[WAIT_EDGES_HOURS.length - 1]!;
  }
}

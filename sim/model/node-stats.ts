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

/**
 * What each node holds and how long parcels wait there, over one replication: the parcels
 * waiting (for a pick wave, a departure or a delivery wave) as a time-weighted mean and a maximum,
 * and each wait's length (a sum and a histogram a node, kept only for nodes where parcels wait).
 * The model reports every change (`queue`) and every wait when it ends (`waited`); `close` ends
 * the time integrals at the horizon.
 */
export class NodeStats {
  readonly length: Int32Array;
  readonly max: Int32Array;
  /** Parcel-minutes waited in the queue, integrated over time (area under the queue length). */
  private readonly area: Float64Array;
  private readonly since: Float64Array;
  /** Waits ended, and their minutes summed. */
  readonly waits: Float64Array;
  readonly waitMinutes: Float64Array;
  private readonly histograms: (Int32Array | undefined)[];

  constructor(nodes: number) {
    this.length = new Int32Array(nodes);
    this.max = new Int32Array(nodes);
    this.area = new Float64Array(nodes);
    this.since = new Float64Array(nodes);
    this.waits = new Float64Array(nodes);
    this.waitMinutes = new Float64Array(nodes);
    this.histograms = new Array<Int32Array | undefined>(nodes).fill(undefined);
  }

  /** `delta` parcels join (> 0) or leave (< 0) node's queue at `now`. */
  queue(node: number, delta: number, now: number): void {
    const n = this.length[node]!;
    this.area[node]! += n * (now - this.since[node]!);
    this.since[node] = now;
    const next = n + delta;
    this.length[node] = next;
    if (next > this.max[node]!) this.max[node] = next;
  }

  /** A parcel's wait of `minutes` at node ended. */
  waited(node: number, minutes: number): void {
    this.waits[node]!++;
    this.waitMinutes[node]! += minutes;
    let h = this.histograms[node];
    if (h === undefined) this.histograms[node] = h = new Int32Array(BINS);
    const m = Math.floor(minutes);
    h[m < BIN_OF_MINUTE.length ? BIN_OF_MINUTE[m]! : BINS - 1]!++;
  }

  /** Time-weighted mean queue over [0, horizon] (call once, at the horizon). */
  meanQueue(node: number, horizon: number): number {
    return (this.area[node]! + this.length[node]! * (horizon - this.since[node]!)) / horizon;
  }

  /**
   * The `p` quantile of node's waits, hours, linear within its histogram bin (the open last bin
   * reports its lower edge); 0 when nothing waited.
   */
  waitQuantileHours(node: number, p: number): number {
    const h = this.histograms[node];
    const n = this.waits[node]!;
    if (h === undefined || n === 0) return 0;
    const target = p * n;
    let below = 0;
    for (let b = 0; b < BINS; b++) {
      const count = h[b]!;
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

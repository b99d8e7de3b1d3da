import type { Network } from '../network/index.ts';
import type { Demand } from './demand.ts';

/** Per district, the FCs its local orders ship from and their cumulative shares, back to back. */
export interface StockPlacement {
  start: Int32Array;
  length: Int32Array;
  fc: Int32Array;
  cumulative: Float64Array;
}

/**
 * Where each district's stock sits: its expected local orders (all but the far-FC share) fill the
 * FCs nearest to it first, each FC up to `utilisation` of its pick/pack capacity less its share of
 * far orders, so a district near a single overloaded FC (Patna, Lucknow) spills to the next
 * nearest cluster instead of queueing for days behind a FC that ships 1.5× its capacity. Greedy by
 * distance over all (district, FC) pairs; what no FC has room for goes to the district's nearest.
 * `utilisation` 0 keeps every district at its nearest FC. Deterministic: no draws.
 */
export function stockPlacement(
  network: Network, demand: Demand, fcs: readonly number[], anchors: readonly (number | undefined)[], farShare: number, utilisation: number, nodeCapacity: Float64Array,
): StockPlacement {
  const nodes = network.nodes;
  const nd = anchors.length;
  const cum = demand.districtCumulative;
  const total = cum[nd - 1]! || 1;
  const need = Float64Array.from({ length: nd }, (_, i) => (demand.perDay * (1 - farShare) * (cum[i]! - (i > 0 ? cum[i - 1]! : 0))) / total);
  const room = Float64Array.from(fcs, (f) => Math.max(0, nodes[f]!.capacityPerDay * nodeCapacity[f]! * utilisation - (demand.perDay * farShare) / fcs.length));
  const order = pairsByDistance(network, fcs, anchors);
  const nf = fcs.length;
  const given: Map<number, number>[] = Array.from({ length: nd }, () => new Map());
  const nearest = new Int32Array(nd).fill(-1);
  fillNearestFirst(order, nf, need, room, utilisation, given, nearest);
  const start = new Int32Array(nd);
  const length = new Int32Array(nd);
  const fc: number[] = [];
  const cumulative: number[] = [];
  for (let i = 0; i < nd; i++) {
    const g = given[i]!;
    if (need[i]! > 0 || g.size === 0) g.set(nearest[i]!, (g.get(nearest[i]!) ?? 0) + Math.max(need[i]!, 1e-9));
    const sum = [...g.values()].reduce((a, b) => a + b, 0);
    start[i] = fc.length;
    length[i] = g.size;
    let acc = 0;
    for (const [f, x] of g) {
      acc += x / sum;
      fc.push(fcs[f]!);
      cumulative.push(acc);
    }
    cumulative[cumulative.length - 1] = 1;
  }
  return { start, length, fc: Int32Array.from(fc), cumulative: Float64Array.from(cumulative) };
}

/**
 * Gives each district its need from the FCs nearest first, as room allows (`order`: the pairs,
 * nearest first). A function of its own so that V8's on-stack replacement compiles this loop
 * alone: compiled inside stockPlacement, the code after the loop had not run yet and threw the
 * optimised code away when it did (`node --trace-deopt`), in every replication.
 */
function fillNearestFirst(
  order: Int32Array, nf: number, need: Float64Array, room: Float64Array, utilisation: number, given: Map<number, number>[], nearest: Int32Array,
): void {
  for (let k = 0; k < order.length; k++) {
    const i = Math.floor(order[k]! / nf);
    const f = order[k]! - i * nf;
    if (nearest[i] === -1) nearest[i] = f;
    const x = Math.min(need[i]!, room[f]!);
    if (!(x > 0) || utilisation <= 0) continue;
    need[i]! -= x;
    room[f]! -= x;
    given[i]!.set(f, (given[i]!.get(f) ?? 0) + x);
  }
}

// The pair order depends on the network alone (its FCs and district anchors come from the cached
// network tables), so it is sorted once per network, not once a replication: 40,000 pairs.
const pairOrders = new WeakMap<object, { fcs: readonly number[]; order: Int32Array }>();

/**
 * Every (district i, FC f) pair as i × FCs + f, nearest first (ties by district, then FC):
 * squared degree offsets, longitude shrunk by ~cos 22° (India's mid-latitude), an ordering only.
 */
function pairsByDistance(network: Network, fcs: readonly number[], anchors: readonly (number | undefined)[]): Int32Array {
  const known = pairOrders.get(anchors);
  if (known !== undefined && known.fcs === fcs) return known.order;
  const d2 = pairDistances(network, fcs, anchors);
  const order = new Int32Array(d2.length);
  for (let k = 0; k < order.length; k++) order[k] = k;
  // A pair's code orders ties by district, then FC, as the codes are i × FCs + f.
  order.sort((x, y) => d2[x]! - d2[y]! || x - y);
  pairOrders.set(anchors, { fcs, order });
  return order;
}

/**
 * Squared degree offsets of every (district, FC) pair, longitude shrunk by ~cos 22°. A function of
 * its own so that V8's on-stack replacement of this loop compiles just the loop: compiled inside
 * pairsByDistance it took the sort and the array building with it, ~100 ms of optimising compiler
 * time in every worker (`node --trace-opt`), now ~3 ms.
 */
function pairDistances(network: Network, fcs: readonly number[], anchors: readonly (number | undefined)[]): Float64Array {
  const nodes = network.nodes;
  const nf = fcs.length;
  const d2 = new Float64Array(anchors.length * nf);
  for (let i = 0; i < anchors.length; i++) {
    const a = nodes[anchors[i] ?? fcs[0]!]!;
    for (let f = 0; f < nf; f++) {
      const b = nodes[fcs[f]!]!;
      const dx = (a.lon - b.lon) * 0.93;
      const dy = a.lat - b.lat;
      d2[i * nf + f] = dx * dx + dy * dy;
    }
  }
  return d2;
}

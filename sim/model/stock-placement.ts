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
  const cum = demand.cumulative;
  const total = cum[nd - 1]! || 1;
  const need = Float64Array.from({ length: nd }, (_, i) => (demand.perDay * (1 - farShare) * (cum[i]! - (i > 0 ? cum[i - 1]! : 0))) / total);
  const room = Float64Array.from(fcs, (f) => Math.max(0, nodes[f]!.capacityPerDay * nodeCapacity[f]! * utilisation - (demand.perDay * farShare) / fcs.length));
  const d2 = (i: number, f: number): number => {
    const a = nodes[anchors[i] ?? fcs[0]!]!;
    const b = nodes[fcs[f]!]!;
    // Degree offsets, longitude shrunk by ~cos 22° (India's mid-latitude): an ordering only.
    const dx = (a.lon - b.lon) * 0.93;
    const dy = a.lat - b.lat;
    return dx * dx + dy * dy;
  };
  const pairs: [number, number, number][] = [];
  for (let i = 0; i < nd; i++) for (let f = 0; f < fcs.length; f++) pairs.push([d2(i, f), i, f]);
  pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2]);
  const given: Map<number, number>[] = Array.from({ length: nd }, () => new Map());
  const nearest = new Int32Array(nd).fill(-1);
  for (const [, i, f] of pairs) {
    if (nearest[i] === -1) nearest[i] = f;
    const x = Math.min(need[i]!, room[f]!);
    if (!(x > 0) || utilisation <= 0) continue;
    need[i]! -= x;
    room[f]! -= x;
    given[i]!.set(f, (given[i]!.get(f) ?? 0) + x);
  }
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

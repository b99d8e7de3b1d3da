import type { Lane, Network } from './network.ts';

/**
 * The path between two nodes of one operator's tree, as node ids: up the parent links from both ends
 * to where they meet, or to their roots, which are linked by a direct lane (sort centre ↔ sort centre,
 * national hub ↔ national hub). E.g. FC → SC → SC → station, and office → ICH → NSH → NSH → ICH →
 * office. The parent links are the routing table, so a path costs a few steps, no search.
 */
export function route(network: Network, from: number, to: number): number[] {
  if (!network.nodes[from] || !network.nodes[to]) throw new Error(`route: node ids must be 0 to ${network.nodes.length - 1}, given ${from} → ${to}`);
  const na = climb(network, from, chainA);
  const nb = climb(network, to, chainB);
  // The first ancestor of `from` that is also one of `to` (chains are short: a linear scan, no map).
  for (let i = 0; i < na; i++) {
    for (let j = 0; j < nb; j++) {
      if (chainA[i] !== chainB[j]) continue;
      const path: number[] = [];
      for (let k = 0; k <= i; k++) path.push(chainA[k]!);
      for (let k = j - 1; k >= 0; k--) path.push(chainB[k]!);
      return path;
    }
  }
  const ra = network.nodes[chainA[na - 1]!]!;
  const rb = network.nodes[chainB[nb - 1]!]!;
  if (ra.type !== rb.type) {
    throw new Error(`route: no path from ${network.nodes[from]!.name} (${ra.type} tree) to ${network.nodes[to]!.name} (${rb.type} tree)`);
  }
  const path: number[] = [];
  for (let k = 0; k < na; k++) path.push(chainA[k]!);
  for (let k = nb - 1; k >= 0; k--) path.push(chainB[k]!);
  return path;
}

// Scratch for the two chains of parent links (a model plans thousands of new routes a replication;
// these were two arrays, a map and three copies each).
const MAX_DEPTH = 16;
const chainA = new Int32Array(MAX_DEPTH + 2);
const chainB = new Int32Array(MAX_DEPTH + 2);

/** Writes `id` and its ancestors, root last, into `chain`; returns how many. */
function climb(network: Network, id: number, chain: Int32Array): number {
  let n = 0;
  for (let p = id; p >= 0; p = network.nodes[p]!.parent) {
    if (n > MAX_DEPTH) throw new Error(`route: node ${id} has a parent cycle`);
    chain[n++] = p;
  }
  return n;
}

/** Lane ids by origin, each origin's sorted by destination then id: lanes from `a` are `lanes[start[a] .. start[a + 1])`. */
interface LaneIndex {
  start: Int32Array;
  lanes: Int32Array;
  to: Int32Array;
}

const laneIndexes = new WeakMap<Network, LaneIndex>();

/**
 * The lane from one node to another (the first by id if several), or undefined. Indexed on first
 * use, as lanes sorted by origin in typed arrays (a counting sort) and found by binary search: a
 * Map of 125,000 lanes keyed by from × nodes + to cost a worker ~30 ms and 125,000 entries to
 * collect before its first replication, and its keys overflowed small integers.
 */
export function laneBetween(network: Network, from: number, to: number): Lane | undefined {
  let index = laneIndexes.get(network);
  if (index === undefined) laneIndexes.set(network, (index = indexLanes(network)));
  let lo = index.start[from]!;
  let hi = index.start[from + 1]!;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (index.to[mid]! < to) lo = mid + 1;
    else hi = mid;
  }
  return lo < index.start[from + 1]! && index.to[lo] === to ? network.lanes[index.lanes[lo]!] : undefined;
}

// indexLanes' loops are functions of their own so that V8's on-stack replacement compiles each
// loop alone: compiled together, the code after the first loop had not run yet and threw the
// optimised code away when it did (`node --trace-deopt`), in every worker.
function indexLanes(network: Network): LaneIndex {
  const lanes = network.lanes;
  const n = network.nodes.length;
  const start = countByOrigin(lanes, n);
  const ids = new Int32Array(lanes.length);
  const to = new Int32Array(lanes.length);
  // In id order, so equal (from, to) pairs stay in id order; then each origin's lanes by
  // destination (insertion sort, stable: origins have a few lanes, hubs some hundreds).
  placeByOrigin(lanes, start.slice(0, n), ids, to);
  sortByDestination(start, n, ids, to);
  return { start, lanes: ids, to };
}

/** Per origin a, where its lanes start in the index (`start[a]`, n + 1 entries). */
function countByOrigin(lanes: Network['lanes'], n: number): Int32Array {
  const start = new Int32Array(n + 1);
  for (const l of lanes) start[l.from + 1]!++;
  for (let a = 0; a < n; a++) start[a + 1]! += start[a]!;
  return start;
}

function placeByOrigin(lanes: Network['lanes'], filled: Int32Array, ids: Int32Array, to: Int32Array): void {
  for (let k = 0; k < lanes.length; k++) {
    const at = filled[lanes[k]!.from]!++;
    ids[at] = k;
    to[at] = lanes[k]!.to;
  }
}

function sortByDestination(start: Int32Array, n: number, ids: Int32Array, to: Int32Array): void {
  for (let a = 0; a < n; a++) {
    for (let i = start[a]! + 1; i < start[a + 1]!; i++) {
      const id = ids[i]!;
      const t = to[i]!;
      let j = i - 1;
      for (; j >= start[a]! && to[j]! > t; j--) {
        ids[j + 1] = ids[j]!;
        to[j + 1] = to[j]!;
      }
      ids[j + 1] = id;
      to[j + 1] = t;
    }
  }
}

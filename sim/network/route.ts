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
  // Roots are linked by a direct lane; where a scenario closed it, by the fastest way over the others.
  if (laneBetween(network, ra.id, rb.id) === undefined) {
    const via = rootDetour(network, ra.id, rb.id);
    if (via === undefined) throw new Error(`route: no lanes lead from ${ra.name} to ${rb.name} over ${ra.type}s`);
    for (const r of via) path.push(r);
  }
  for (let k = nb - 1; k >= 0; k--) path.push(chainB[k]!);
  return path;
}

const detours = new WeakMap<Network, Map<number, number[] | undefined>>();

/**
 * The roots between two roots of one kind on the fastest way over the lanes among roots of that
 * kind (Dijkstra by mean travel minutes; ties by node id), for a pair whose direct lane a
 * scenario closed. Undefined when no way exists. Kept per network.
 */
function rootDetour(network: Network, from: number, to: number): number[] | undefined {
  let known = detours.get(network);
  if (known === undefined) detours.set(network, (known = new Map()));
  const key = from * network.nodes.length + to;
  if (known.has(key)) return known.get(key);
  const type = network.nodes[from]!.type;
  const out = new Map<number, { to: number; minutes: number }[]>();
  for (const l of network.lanes) {
    if (network.nodes[l.from]!.type !== type || network.nodes[l.to]!.type !== type) continue;
    const list = out.get(l.from);
    if (list) list.push({ to: l.to, minutes: l.minutes });
    else out.set(l.from, [{ to: l.to, minutes: l.minutes }]);
  }
  const dist = new Map<number, number>([[from, 0]]);
  const prev = new Map<number, number>();
  const done = new Set<number>();
  for (;;) {
    let u = -1;
    for (const [n, d] of dist) if (!done.has(n) && (u < 0 || d < dist.get(u)! || (d === dist.get(u)! && n < u))) u = n;
    if (u < 0 || u === to) break;
    done.add(u);
    for (const e of out.get(u) ?? []) {
      const d = dist.get(u)! + e.minutes;
      if (!dist.has(e.to) || d < dist.get(e.to)!) {
        dist.set(e.to, d);
        prev.set(e.to, u);
      }
    }
  }
  let via: number[] | undefined;
  if (dist.has(to)) {
    via = [];
    for (let n = prev.get(to)!; n !== from; n = prev.get(n)!) via.unshift(n);
  }
  known.set(key, via);
  return via;
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
 * The lane from one node to another (the fastest if several, by mean minutes, then by id), or undefined. Indexed on first
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
  if (lo >= index.start[from + 1]! || index.to[lo] !== to) return undefined;
  // Equal destinations sit together in id order: a pair has several lanes only when a scenario added one.
  let best = network.lanes[index.lanes[lo]!]!;
  for (let k = lo + 1; k < index.start[from + 1]! && index.to[k] === to; k++) {
    const l = network.lanes[index.lanes[k]!]!;
    if (l.minutes < best.minutes) best = l;
  }
  return best;
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

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

const laneMaps = new WeakMap<Network, Map<number, Lane>>();

/** The lane from one node to another, or undefined; indexed on first use. */
export function laneBetween(network: Network, from: number, to: number): Lane | undefined {
  let m = laneMaps.get(network);
  if (!m) {
    m = new Map();
    const n = network.nodes.length;
    for (const l of network.lanes) if (!m.has(l.from * n + l.to)) m.set(l.from * n + l.to, l);
    laneMaps.set(network, m);
  }
  return m.get(from * network.nodes.length + to);
}

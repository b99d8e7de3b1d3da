import type { Lane, Network } from './network.ts';

/**
 * The path between two nodes of one operator's tree, as node ids: up the parent links from both ends
 * to where they meet, or to their roots, which are linked by a direct lane (sort centre ↔ sort centre,
 * national hub ↔ national hub). E.g. FC → SC → SC → station, and office → ICH → NSH → NSH → ICH →
 * office. The parent links are the routing table, so a path costs a few steps, no search.
 */
export function route(network: Network, from: number, to: number): number[] {
  const up = (id: number): number[] => {
    const chain: number[] = [];
    for (let p = id; p >= 0; p = network.nodes[p]!.parent) {
      if (chain.length > 16) throw new Error(`route: node ${id} has a parent cycle`);
      chain.push(p);
    }
    return chain;
  };
  if (!network.nodes[from] || !network.nodes[to]) throw new Error(`route: node ids must be 0 to ${network.nodes.length - 1}, given ${from} → ${to}`);
  const a = up(from);
  const b = up(to);
  const inB = new Map(b.map((id, i) => [id, i]));
  for (let i = 0; i < a.length; i++) {
    const j = inB.get(a[i]!);
    if (j !== undefined) return [...a.slice(0, i + 1), ...b.slice(0, j).reverse()];
  }
  const ra = network.nodes[a[a.length - 1]!]!;
  const rb = network.nodes[b[b.length - 1]!]!;
  if (ra.type !== rb.type) {
    throw new Error(`route: no path from ${network.nodes[from]!.name} (${ra.type} tree) to ${network.nodes[to]!.name} (${rb.type} tree)`);
  }
  return [...a, ...b.reverse()];
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

import type { IndiaData } from '../data/index.ts';
import type { Network, NodeType } from './network.ts';
import type { OptionIssue } from './validate-network-options.ts';

/** The root each tree's nodes climb to: Amazon's (and kiranas') to a sort centre, India Post's (and sellers') to a national hub. */
const ROOT_OF: Readonly<Record<NodeType, NodeType>> = {
  'fulfilment-centre': 'sort-centre',
  'sort-centre': 'sort-centre',
  'delivery-station': 'sort-centre',
  kirana: 'sort-centre',
  'national-sorting-hub': 'national-sorting-hub',
  'intra-circle-hub': 'national-sorting-hub',
  'post-office': 'national-sorting-hub',
  'branch-office': 'national-sorting-hub',
  seller: 'national-sorting-hub',
};

/**
 * What stops parcels moving in a network that was imported or edited, before anything runs: no
 * fulfilment centre to ship from; a node whose route up its tree does not end at a root of its
 * kind (a sort centre for Amazon's, a national hub for India Post's); roots of one kind that the
 * lanes between them do not connect (a parcel crosses between trees' branches over them). Which
 * demand a network reaches depends also on who carries the last mile: the model checks that
 * (`demandProblems`).
 */
export function checkReachable(network: Network, data: IndiaData): OptionIssue[] {
  const issues: OptionIssue[] = [];
  const { nodes, lanes } = network;
  if (!nodes.some((n) => n.type === 'fulfilment-centre')) {
    issues.push({ path: '', message: 'the network has no fulfilment centre: orders have nowhere to ship from; add one (type fulfilment-centre)' });
  }
  const stray: string[] = [];
  for (const n of nodes) {
    let p = n.id;
    for (let depth = 0; nodes[p]!.parent >= 0 && depth < 16; depth++) p = nodes[p]!.parent;
    if (nodes[p]!.type !== ROOT_OF[n.type]) stray.push(`${n.name} (${n.type}) ends at ${nodes[p]!.name} (${nodes[p]!.type})`);
  }
  if (stray.length > 0) {
    issues.push({ path: '', message: `${stray.length} node${stray.length === 1 ? '' : 's'} cannot route up to a root of their kind (a sort centre for Amazon's and kiranas' nodes, a national sorting hub for India Post's and sellers'): ${stray.slice(0, 5).join('; ')}${stray.length > 5 ? '; …' : ''}; give them a parent of the right kind` });
  }
  for (const type of ['sort-centre', 'national-sorting-hub'] as const) {
    const roots = nodes.filter((n) => n.type === type).map((n) => n.id);
    if (roots.length < 2) continue;
    const out = new Map<number, number[]>();
    const into = new Map<number, number[]>();
    for (const l of lanes) {
      if (nodes[l.from]!.type !== type || nodes[l.to]!.type !== type) continue;
      out.set(l.from, [...(out.get(l.from) ?? []), l.to]);
      into.set(l.to, [...(into.get(l.to) ?? []), l.from]);
    }
    const reach = (edges: Map<number, number[]>): Set<number> => {
      const seen = new Set([roots[0]!]);
      const stack = [roots[0]!];
      while (stack.length > 0) for (const m of edges.get(stack.pop()!) ?? []) if (!seen.has(m)) (seen.add(m), stack.push(m));
      return seen;
    };
    const forward = reach(out);
    const back = reach(into);
    const cut = roots.filter((r) => !forward.has(r) || !back.has(r));
    if (cut.length > 0) {
      const first = nodes[roots[0]!]!.name;
      issues.push({
        path: '',
        message: `${cut.length} ${type}${cut.length === 1 ? '' : 's'} cannot be reached from ${first} and back over the lanes between ${type}s: ${cut.slice(0, 5).map((r) => nodes[r]!.name).join(', ')}${cut.length > 5 ? ', …' : ''}; parcels between their branches cross over those lanes, so add lanes to them`,
      });
    }
  }
  void data;
  return issues;
}

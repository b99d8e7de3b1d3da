import { NODE_OPERATORS, NODE_TYPES, type NetworkColumns } from '../network/index.ts';
import type { NodeDescriptions } from './result-folder-files.ts';

/** A network's nodes as the result folder describes them, from its columns (no node objects made). */
export function nodeDescriptions(c: NetworkColumns): NodeDescriptions {
  const n = c.nodes;
  return {
    name: n.name,
    type: Array.from(n.type, (t) => NODE_TYPES[t]!),
    operator: Array.from(n.operator, (o) => NODE_OPERATORS[o]!),
    district: n.district,
    state: Array.from(n.state, (s) => n.states[s]!),
    lon: n.lon,
    lat: n.lat,
  };
}

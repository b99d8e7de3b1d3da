import type { ParcelEvent } from '../model/index.ts';
import type { Network } from '../network/index.ts';

/** A node an event happened at, as people name it. */
export type EventNode = [name: string, type: string, operator: string, state: string];

/**
 * The nodes and lanes a replication's event log mentions, named: the log holds network indices
 * (cheap to record), and only the worker has the network. Lanes past the network's are the
 * replication's hand-offs (sort centre → India Post hub, by road).
 */
export interface EventLogPlaces {
  nodes: Record<number, EventNode>;
  lanes: Record<number, { mode: string; from: number; to: number } | { mode: string }>;
}

export function eventLogPlaces(events: readonly ParcelEvent[], network: Network): EventLogPlaces {
  const nodes: Record<number, EventNode> = {};
  const lanes: EventLogPlaces['lanes'] = {};
  const node = (i: number): void => {
    if (i < 0 || nodes[i] !== undefined) return;
    const n = network.nodes[i];
    if (n !== undefined) nodes[i] = [n.name, n.type, n.operator, n.state];
  };
  for (const e of events) {
    switch (e.type) {
      case 'created':
        node(e.origin);
        node(e.lastMile);
        break;
      case 'departed':
      case 'handoff':
        node(e.from);
        node(e.to);
        if (e.type === 'departed' && lanes[e.lane] === undefined) lanes[e.lane] = { mode: network.lanes[e.lane]?.mode ?? 'road' };
        break;
      case 'lost': {
        const l = network.lanes[e.lane];
        if (l !== undefined) {
          node(l.from);
          node(l.to);
          lanes[e.lane] = { mode: l.mode, from: l.from, to: l.to };
        } else lanes[e.lane] = { mode: 'road' };
        break;
      }
      case 'returned':
        break;
      default:
        node(e.node);
    }
  }
  return { nodes, lanes };
}

import { LANE_MODES, type LaneMode } from './network-options.ts';
import { NODE_TYPES, type Network, type NodeType } from './network.ts';

export interface NetworkCounts {
  /** Census districts in the region. */
  districts: number;
  /** Facilities by type: an aggregated node counts as the facilities it stands for. */
  nodes: Record<NodeType, number>;
  lanes: Record<LaneMode, number>;
  /** Facilities by state (today's names) and type. */
  byState: Record<string, Partial<Record<NodeType, number>>>;
  /** Staff: postmen at delivery post offices, riders at stations. */
  postmen: number;
  deliveryPostOffices: number;
  /** PIN codes of the region, and those an Amazon delivery station reaches directly. */
  pins: number;
  directPins: number;
  /** Urban demand cells (~20,000 urban residents each), and those a station reaches directly. */
  urbanCells: number;
  directUrbanCells: number;
}

/** What the network holds, for reports and for tests against DOMAIN.md figures. */
export function networkCounts(network: Network): NetworkCounts {
  const nodes = Object.fromEntries(NODE_TYPES.map((t) => [t, 0])) as Record<NodeType, number>;
  const lanes = Object.fromEntries(LANE_MODES.map((m) => [m, 0])) as Record<LaneMode, number>;
  const byState: Record<string, Partial<Record<NodeType, number>>> = {};
  let postmen = 0;
  let deliveryPostOffices = 0;
  for (const n of network.nodes) {
    nodes[n.type] += n.facilities;
    const s = (byState[n.state] ??= {});
    s[n.type] = (s[n.type] ?? 0) + n.facilities;
    if (n.type === 'post-office' && n.delivers) {
      postmen += n.staff;
      deliveryPostOffices += 1;
    }
  }
  for (const l of network.lanes) lanes[l.mode] += 1;
  const sorted = Object.fromEntries(Object.keys(byState).sort().map((k) => [k, byState[k]!]));
  return {
    districts: network.catchments.district.length,
    nodes,
    lanes,
    byState: sorted,
    postmen,
    deliveryPostOffices,
    ...pointCounts(network),
  };
}

function pointCounts(network: Network): Pick<NetworkCounts, 'pins' | 'directPins' | 'urbanCells' | 'directUrbanCells'> {
  const c = network.catchments;
  const out = { pins: 0, directPins: 0, urbanCells: 0, directUrbanCells: 0 };
  c.pointUrban.forEach((urban, k) => {
    if (urban === 1) {
      out.urbanCells++;
      out.directUrbanCells += c.pointDirect[k]!;
    } else {
      out.pins++;
      out.directPins += c.pointDirect[k]!;
    }
  });
  return out;
}

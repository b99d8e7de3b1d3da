import type { Network } from '../sim/network/index.ts';
import { NODE_TYPES } from '../sim/network/index.ts';

/** Node types drawn as trunk-lane ends: the long-haul network, not the last mile. */
const TRUNK = new Set(['fulfilment-centre', 'sort-centre', 'national-sorting-hub', 'intra-circle-hub']);

/**
 * A network reduced to what the map draws, in typed arrays (cheap to send from a worker and to
 * loop over on every zoom frame). Node arrays are indexed by node id, so playback events find
 * their node directly.
 */
export interface NetworkLayers {
  types: readonly string[];
  lon: Float32Array;
  lat: Float32Array;
  /** Index into `types`. */
  type: Uint8Array;
  /** Trunk lanes: from/to node ids and parcels a day they can carry (capacity × departures). */
  laneFrom: Uint32Array;
  laneTo: Uint32Array;
  laneVolume: Float32Array;
  /** Lane ids by lane index in the network (-1 when not a trunk lane), for playback's `departed`. */
  laneCount: number;
  /** What the scenario's edits did (`Network.edits`), for the map's edit layer; absent without edits. */
  edits?: EditLayer;
}

/**
 * A scenario's edits as the map draws them: nodes added and changed (by id), nodes removed and
 * lanes closed (by where they were: they are not in the network), lanes added or changed (their
 * ends' coordinates). Plain arrays: a few dozen entries.
 */
export interface EditLayer {
  addedNodes: number[];
  changedNodes: number[];
  removedNodes: { name: string; lon: number; lat: number }[];
  lanes: { from: [number, number]; to: [number, number]; status: 'added' | 'changed' | 'closed' }[];
}

export function networkLayers(network: Network): NetworkLayers {
  const n = network.nodes.length;
  const lon = new Float32Array(n);
  const lat = new Float32Array(n);
  const type = new Uint8Array(n);
  network.nodes.forEach((node, i) => {
    lon[i] = node.lon;
    lat[i] = node.lat;
    type[i] = NODE_TYPES.indexOf(node.type);
  });
  const trunk = network.lanes.filter((l) => TRUNK.has(network.nodes[l.from]!.type) && TRUNK.has(network.nodes[l.to]!.type));
  return {
    types: NODE_TYPES,
    lon,
    lat,
    type,
    laneFrom: Uint32Array.from(trunk, (l) => l.from),
    laneTo: Uint32Array.from(trunk, (l) => l.to),
    laneVolume: Float32Array.from(trunk, (l) => l.capacity * l.departures.length),
    laneCount: network.lanes.length,
    ...(network.edits && { edits: editLayer(network) }),
  };
}

function editLayer(network: Network): EditLayer {
  const e = network.edits!;
  const at = (id: number): [number, number] => [network.nodes[id]!.lon, network.nodes[id]!.lat];
  const lane = (id: number, status: 'added' | 'changed') => ({ from: at(network.lanes[id]!.from), to: at(network.lanes[id]!.to), status });
  return {
    addedNodes: e.addedNodes,
    changedNodes: e.changedNodes,
    removedNodes: e.removedNodes.map(({ name, lon, lat }) => ({ name, lon, lat })),
    lanes: [...e.addedLanes.map((id) => lane(id, 'added')), ...e.changedLanes.map((id) => lane(id, 'changed')), ...e.closedLanes.map((l) => ({ from: l.from, to: l.to, status: 'closed' as const }))],
  };
}

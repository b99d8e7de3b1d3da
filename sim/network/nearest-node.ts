import { GridIndex } from './grid-index.ts';
import type { Network, NodeType } from './network.ts';

const indexes = new WeakMap<Network, Map<NodeType, GridIndex>>();

/** The nearest node of a type to a point, with its distance (km, equirectangular), or null if the network has none. */
export function nearestNode(network: Network, type: NodeType, lon: number, lat: number): { id: number; km: number } | null {
  let byType = indexes.get(network);
  if (!byType) indexes.set(network, (byType = new Map()));
  let index = byType.get(type);
  if (!index) {
    const list = network.nodes.filter((n) => n.type === type);
    index = new GridIndex(list.map((n) => n.lon), list.map((n) => n.lat), list.map((n) => n.id));
    byType.set(type, index);
  }
  return index.nearest(lon, lat);
}

import type { Network } from '../network/index.ts';
import { staffedFor } from './last-mile-load.ts';

/**
 * Shared warehouses (the Alibaba–China Post model): a district's forward-stocked orders are picked
 * and packed at its India Post hub (`forwardPicks`, expectedLastMileLoad), so the hub's pick/pack capacity follows them as a station's
 * riders follow its parcels (`staffedFor`): its expected forward orders a day × `headroom`, with
 * the square-root allowance. A hub's own figure is its Speed Post sorting throughput (DOMAIN.md:
 * ~2,000–10,000 articles a day), no measure of a warehouse staffed for the stock placed in it;
 * picking at that rate kept forward stock waiting half a day for its pick wave. Raises each such
 * hub's multiplier in `nodeCapacity`, never lowers it.
 */
export function sizeForwardStock(network: Network, forwardPicks: Float64Array, headroom: number, scale: number, nodeCapacity: Float64Array): void {
  if (headroom <= 0) return;
  for (let hub = 0; hub < forwardPicks.length; hub++) {
    const perDay = forwardPicks[hub]!;
    const cap = network.nodes[hub]!.capacityPerDay;
    if (perDay > 0 && cap > 0) nodeCapacity[hub] = Math.max(nodeCapacity[hub]!, staffedFor(perDay, headroom, scale) / cap);
  }
}

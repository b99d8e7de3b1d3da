import type { Network } from '../network/index.ts';
import type { Demand } from './demand.ts';
import { staffedFor } from './last-mile-load.ts';

/**
 * Shared warehouses (the Alibaba–China Post model): a district's forward-stocked orders are picked
 * and packed at its India Post hub, so the hub's pick/pack capacity follows them as a station's
 * riders follow its parcels (`staffedFor`): its expected forward orders a day × `headroom`, with
 * the square-root allowance. A hub's own figure is its Speed Post sorting throughput (DOMAIN.md:
 * ~2,000–10,000 articles a day), no measure of a warehouse staffed for the stock placed in it;
 * picking at that rate kept forward stock waiting half a day for its pick wave. Raises each such
 * hub's multiplier in `nodeCapacity`, never lowers it.
 */
export function sizeForwardStock(network: Network, demand: Demand, forwardShare: number, headroom: number, scale: number, nodeCapacity: Float64Array): void {
  if (!(forwardShare > 0) || headroom <= 0) return;
  const c = network.catchments;
  const orders = new Map<number, number>();
  for (let i = 0; i < c.district.length; i++) {
    const hub = c.districtHub[i]!;
    if (hub >= 0) orders.set(hub, (orders.get(hub) ?? 0) + demand.perDayOf(i) * forwardShare);
  }
  for (const [hub, perDay] of orders) {
    const cap = network.nodes[hub]!.capacityPerDay;
    if (cap > 0) nodeCapacity[hub] = Math.max(nodeCapacity[hub]!, staffedFor(perDay, headroom, scale) / cap);
  }
}

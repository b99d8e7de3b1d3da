import type { Network } from '../network/index.ts';
import type { Demand } from './demand.ts';
import type { Lists } from './network-tables.ts';

/**
 * Multiplies the delivery stations' capacity where their expected load needs it: a station's
 * riders (the network's ~30 drops a rider a day, DOMAIN.md: last mile, B) take more drops a day
 * when its catchment sends more, up to `maxDropsPerRider` (DOMAIN.md: 50–60 in metros), with
 * `headroom` over the expected mean for the weekly swing. The network places stations by urban
 * population, but rural PINs inside a station's radius send it parcels too. Writes into
 * `nodeCapacity` (the per-node multiplier the metrics read); `headroom` 0 leaves it alone.
 */
export function sizeStationRiders(network: Network, demand: Demand, scale: number, headroom: number, maxDropsPerRider: number, nodeCapacity: Float64Array): void {
  if (headroom <= 0) return;
  const c = network.catchments;
  const nodes = network.nodes;
  const cum = demand.cumulative;
  const total = cum[cum.length - 1]! || 1;
  const expected = new Float64Array(nodes.length);
  for (let i = 0; i < cum.length; i++) {
    const perDay = (demand.perDay * (cum[i]! - (i > 0 ? cum[i - 1]! : 0))) / total;
    const rural = demand.ruralShare[i]!;
    const pins = demand.pins;
    const direct = demand.directPins.length[i]! > 0 ? demand.directPins : pins;
    addShare(expected, c, pins, i, perDay * rural);
    addShare(expected, c, direct, i, perDay * (1 - rural));
  }
  for (const n of nodes) {
    if (n.type !== 'delivery-station' || !(n.capacityPerDay > 0) || !(n.staff > 0)) continue;
    const drops = n.capacityPerDay / (n.staff * scale);
    const most = Math.max(1, maxDropsPerRider / drops);
    nodeCapacity[n.id] = nodeCapacity[n.id]! * Math.min(most, Math.max(1, (expected[n.id]! * headroom) / n.capacityPerDay));
  }
}

/** Spreads `perDay` evenly over list i's PINs, adding each directly reached PIN's share to its station. */
function addShare(expected: Float64Array, c: Network['catchments'], lists: Lists, i: number, perDay: number): void {
  const n = lists.length[i]!;
  for (let j = lists.start[i]!; j < lists.start[i]! + n; j++) {
    const k = lists.members[j]!;
    if (c.pinDirect[k] === 1) expected[c.pinStation[k]!]! += perDay / n;
  }
}

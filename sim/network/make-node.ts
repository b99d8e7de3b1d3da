import type { NetworkNode } from './network.ts';

/** A node with every field present (so all nodes share one shape); `id` is set when it is added. */
export function makeNode(n: Pick<NetworkNode, 'type' | 'operator' | 'name' | 'lon' | 'lat' | 'district' | 'state' | 'circle'> & Partial<NetworkNode>): NetworkNode {
  return {
    id: -1,
    type: n.type,
    operator: n.operator,
    name: n.name,
    lon: n.lon,
    lat: n.lat,
    district: n.district,
    state: n.state,
    circle: n.circle,
    facilities: n.facilities ?? 1,
    capacityPerDay: n.capacityPerDay ?? 0,
    staff: n.staff ?? 0,
    delivers: n.delivers ?? false,
    radiusKm: n.radiusKm ?? 0,
    payoutInr: n.payoutInr ?? 0,
    pin: n.pin ?? 0,
    parent: n.parent ?? -1,
  };
}

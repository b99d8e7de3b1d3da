import { isAirCity } from './build-amazon.ts';
import { greatCircleKm, round3 } from './geo.ts';
import type { Lane, NetworkNode } from './network.ts';
import type { LaneMode, ResolvedNetworkOptions } from './network-options.ts';

/**
 * Lanes: both directions of every parent link (office ↔ hub, ICH ↔ NSH, FC ↔ SC, SC ↔ station,
 * station ↔ kirana, branch office ↔ delivery office, seller ↔ delivery office), a seller → station
 * pickup lane, and full meshes between the roots (Amazon sort centres; India Post national hubs).
 * Modes: ≥ `longHaulKm` by rail (DOMAIN.md: long routes >500 km, 325 Amazon rail lanes), by air
 * between Amazon Air cities, and for India Post hubs ≥ `postAirKm` apart; road otherwise.
 */
export function buildLanes(nodes: NetworkNode[], sellerStation: number[], o: ResolvedNetworkOptions): Lane[] {
  const lanes: Lane[] = [];
  const add = (a: NetworkNode, b: NetworkNode, gc: number, mode: LaneMode): void => {
    const km = round3(gc * o.circuity[mode]);
    lanes.push({
      id: lanes.length,
      from: a.id,
      to: b.id,
      mode,
      km,
      minutes: Math.round((km / o.speedKmh[mode]) * 600) / 10,
      departures: [...o.departures[mode]].sort((x, y) => x - y),
      capacity: o.capacityPerDeparture[mode] * o.scale,
      costPerParcelKm: o.costPerParcelKm[mode],
      cv: o.travelTimeCv[mode],
    });
  };
  const link = (a: NetworkNode, b: NetworkNode, both: boolean): void => {
    const gc = greatCircleKm(a.lon, a.lat, b.lon, b.lat);
    const mode = defaultMode(a, b, gc, o);
    add(a, b, gc, mode);
    if (both) add(b, a, gc, mode);
  };
  for (const n of nodes) {
    if (n.parent >= 0) link(n, nodes[n.parent]!, true);
    if (n.type === 'seller' && sellerStation[n.id]! >= 0) link(n, nodes[sellerStation[n.id]!]!, false);
  }
  for (const type of ['sort-centre', 'national-sorting-hub'] as const) {
    const roots = nodes.filter((n) => n.type === type);
    for (const a of roots) for (const b of roots) if (a !== b) link(a, b, false);
  }
  return lanes;
}

const LAST_MILE_TYPES = new Set(['kirana', 'branch-office', 'seller', 'post-office']);

/**
 * The mode of a lane between two nodes `gc` km apart (great circle): road to and from last-mile
 * nodes and below `longHaulKm` by road; beyond, air between Amazon Air cities and between India
 * Post hubs at least `postAirKm` apart, rail otherwise.
 */
export function defaultMode(a: NetworkNode, b: NetworkNode, gc: number, o: ResolvedNetworkOptions): LaneMode {
  if (LAST_MILE_TYPES.has(a.type) || LAST_MILE_TYPES.has(b.type)) return 'road';
  const roadKm = gc * o.circuity.road;
  if (roadKm < o.longHaulKm) return 'road';
  if (a.operator === 'amazon' && b.operator === 'amazon' && isAirCity(a.lon, a.lat) && isAirCity(b.lon, b.lat)) return 'air';
  if (a.operator === 'india-post' && b.operator === 'india-post' && gc >= o.postAirKm) return 'air';
  return 'rail';
}

/** A lane from `a` to `b` with the options' values for its mode (`mode`, else `defaultMode`); its id is set by whoever adds it. */
export function defaultLane(a: NetworkNode, b: NetworkNode, o: ResolvedNetworkOptions, mode?: LaneMode): Lane {
  const gc = greatCircleKm(a.lon, a.lat, b.lon, b.lat);
  const m = mode ?? defaultMode(a, b, gc, o);
  const km = round3(gc * o.circuity[m]);
  return {
    id: -1, from: a.id, to: b.id, mode: m, km, minutes: Math.round((km / o.speedKmh[m]) * 600) / 10,
    departures: [...o.departures[m]].sort((x, y) => x - y), capacity: o.capacityPerDeparture[m] * o.scale, costPerParcelKm: o.costPerParcelKm[m], cv: o.travelTimeCv[m],
  };
}

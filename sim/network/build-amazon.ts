import { AIR_CITIES, AIR_CITY_RADIUS_KM, FC_CLUSTERS, SORT_CENTRES_NAMED } from './amazon-sites.ts';
import { apportion } from './apportion.ts';
import { flatKm } from './geo.ts';
import { GridIndex } from './grid-index.ts';
import { makeNode } from './make-node.ts';
import type { NetworkNode } from './network.ts';
import type { ResolvedNetworkOptions } from './network-options.ts';
import type { PlaceContext } from './place-context.ts';
import { spreadPoint, townSites } from './town-sites.ts';

/** Pick/pack capacity of an FC, parcels a day (assumed: no figure in DOMAIN.md). */
export const FC_PARCELS_PER_DAY = 60_000;
/** Sort centre throughput, parcels a day (assumed). */
export const SC_PARCELS_PER_DAY = 100_000;
/** Riders per delivery station (assumed) × ~30 drops a rider a day (DOMAIN.md, last mile, B). */
export const RIDERS_PER_STATION = 50;
export const DROPS_PER_RIDER = 30;

export function buildFulfilmentCentres(ctx: PlaceContext, o: ResolvedNetworkOptions): NetworkNode[] {
  const counts = apportion(o.fulfilmentCentres, FC_CLUSTERS.map((c) => c.count));
  const out: NetworkNode[] = [];
  FC_CLUSTERS.forEach((c, i) => {
    const n = counts[i]!;
    for (let k = 0; k < n; k++) {
      // Large FCs sit on the metro fringe: spread a cluster over ~15 km.
      const [lon, lat] = spreadPoint(c.lon, c.lat, k, n, 15);
      const district = ctx.districtAt(lon, lat);
      out.push(makeNode({
        type: 'fulfilment-centre', operator: 'amazon', name: `${c.name} FC ${k + 1}`, lon, lat, district,
        state: ctx.stateOf[district]!, circle: ctx.circleOf[district]!, capacityPerDay: FC_PARCELS_PER_DAY * o.scale,
      }));
    }
  });
  return out;
}

/** Urban population by state today, over Census districts. */
function urbanByState(ctx: PlaceContext): Map<string, number> {
  const m = new Map<string, number>();
  ctx.data.districts.forEach((d, i) => {
    if (d.pop) m.set(ctx.stateOf[i]!, (m.get(ctx.stateOf[i]!) ?? 0) + d.pop[2]);
  });
  return m;
}

/** Places `n` sites in a state at its largest towns, one per town, cycling with an offset if it runs out. */
function atLargestTowns(ctx: PlaceContext, state: string, n: number): { lon: number; lat: number; name: string; district: number }[] {
  const { towns } = ctx.data;
  const list = ctx.towns.filter((t) => ctx.stateOf[towns.district[t]!] === state);
  const out: { lon: number; lat: number; name: string; district: number }[] = [];
  for (let k = 0; k < n; k++) {
    if (list.length === 0) {
      // A state without GeoNames towns: its most populous district's point.
      const d = ctx.data.districts.map((x, i) => ({ x, i })).filter(({ i, x }) => ctx.stateOf[i] === state && x.pop).sort((a, b) => b.x.pop![0] - a.x.pop![0])[0];
      if (!d) throw new Error(`no district in state "${state}"`);
      out.push({ lon: d.x.point[0], lat: d.x.point[1], name: d.x.name, district: d.i });
      continue;
    }
    const t = list[k % list.length]!;
    const round = Math.floor(k / list.length);
    const [lon, lat] = spreadPoint(towns.lon[t]!, towns.lat[t]!, round, round + 1, 10);
    out.push({ lon, lat, name: towns.name[t]!, district: towns.district[t]! });
  }
  return out;
}

/** Sort centres: the states DOMAIN.md names, then the others by urban population, 1 each at least, up to `sortCentres` in 19 states. */
export function buildSortCentres(ctx: PlaceContext, o: ResolvedNetworkOptions): NetworkNode[] {
  const urban = urbanByState(ctx);
  const named = Object.entries(SORT_CENTRES_NAMED);
  // Fewer sort centres than DOMAIN.md's ~50 shrink the named states' counts in proportion.
  const shrink = Math.min(1, o.sortCentres / 50);
  const perState = new Map<string, number>();
  for (const [s, n] of named) perState.set(s, Math.max(1, Math.round(n * shrink)));
  const rest = Math.max(0, o.sortCentres - [...perState.values()].reduce((a, b) => a + b, 0));
  // DOMAIN.md: 19 states in all, so 15 beyond the 4 named, the largest by urban population.
  const others = [...urban.entries()].filter(([s]) => !perState.has(s)).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 19 - named.length);
  const shares = apportion(rest, others.map(([, u]) => u), 1);
  others.forEach(([s], i) => perState.set(s, shares[i]!));
  const out: NetworkNode[] = [];
  for (const [state, n] of perState) {
    for (const site of atLargestTowns(ctx, state, n)) {
      out.push(makeNode({
        type: 'sort-centre', operator: 'amazon', name: `${site.name} SC`, lon: site.lon, lat: site.lat, district: site.district,
        state: ctx.stateOf[site.district]!, circle: ctx.circleOf[site.district]!, capacityPerDay: SC_PARCELS_PER_DAY * o.scale,
      }));
    }
  }
  return out;
}

/**
 * Delivery stations, 1 per `residentsPerStation` urban residents (DOMAIN.md: 1 per 150–300k,
 * derived): apportioned to districts by urban population, then to the district's towns by
 * population (D'Hondt), spread over each town; a district without towns gets its point.
 */
export function buildDeliveryStations(ctx: PlaceContext, o: ResolvedNetworkOptions): NetworkNode[] {
  const urban = ctx.data.districts.map((d) => d.pop?.[2] ?? 0);
  const total = Math.round(urban.reduce((a, b) => a + b, 0) / o.residentsPerStation);
  return townSites(ctx, apportion(total, urban)).map((s) =>
    makeNode({
      type: 'delivery-station', operator: 'amazon', name: `${s.place} DS ${s.k + 1}`, lon: s.lon, lat: s.lat, district: s.district,
      state: ctx.stateOf[s.district]!, circle: ctx.circleOf[s.district]!, staff: RIDERS_PER_STATION, delivers: true,
      capacityPerDay: RIDERS_PER_STATION * DROPS_PER_RIDER * o.scale,
    }),
  );
}

/** Whether a point lies in one of the 9 Amazon Air cities. */
export function isAirCity(lon: number, lat: number): boolean {
  return AIR_CITIES.some((c) => flatKm(lon, lat, c.lon, c.lat) <= AIR_CITY_RADIUS_KM);
}

/**
 * The station radius, km, within which `share` of all PIN codes lie: the PINs Amazon reaches
 * directly (DOMAIN.md: 14,000 of ~19,100, 2019); the rest go to partners such as India Post.
 */
export function calibrateStationRadius(ctx: PlaceContext, stations: NetworkNode[], share: number): number {
  const index = new GridIndex(stations.map((s) => s.lon), stations.map((s) => s.lat));
  const { lon, lat } = ctx.data.pincodes;
  const d: number[] = [];
  for (let k = 0; k < lon.length; k++) d.push(index.nearest(lon[k]!, lat[k]!)?.km ?? Infinity);
  d.sort((a, b) => a - b);
  if (share <= 0 || d.length === 0) return 0;
  return Math.round(d[Math.min(d.length - 1, Math.ceil(share * d.length) - 1)]! * 1000) / 1000;
}

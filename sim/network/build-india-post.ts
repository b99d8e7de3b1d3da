import { apportion } from './apportion.ts';
import { spreadPoint } from './town-sites.ts';
import { makeNode } from './make-node.ts';
import type { NetworkNode } from './network.ts';
import type { ResolvedNetworkOptions } from './network-options.ts';
import type { PlaceContext } from './place-context.ts';
import { POSTAL_CIRCLES } from './postal-circles.ts';

/** DOMAIN.md (DoP memo, Oct 2024, A): ~10,000 Speed Post articles a day per national hub, ~2,000 per intra-circle hub. */
export const NSH_PER_DAY = 10_000;
export const ICH_PER_DAY = 2_000;
/** Parcels a postman delivers a day: DOMAIN.md derives ~60–100 from the DoP 2010 time norms (2.5 min per accountable article). */
export const PARCELS_PER_POSTMAN = 80;
/** Parcels a branch office (one Gramin Dak Sevak) delivers a day (assumed: rural beats, few parcels). */
export const PARCELS_PER_BRANCH = 20;

/**
 * Hubs: every circle gets one national and one intra-circle hub, the rest by circle population;
 * within a circle they go to the largest towns, national hubs first, one per town.
 */
export function buildHubs(ctx: PlaceContext, o: ResolvedNetworkOptions): NetworkNode[] {
  const { districts, towns } = ctx.data;
  const pop = POSTAL_CIRCLES.map((c) => districts.reduce((s, d, i) => s + (ctx.circleOf[i] === c && d.pop ? d.pop[0] : 0), 0));
  const nsh = apportion(o.nationalSortingHubs, pop, 1);
  const ich = apportion(o.intraCircleHubs, pop, 1);
  const out: NetworkNode[] = [];
  POSTAL_CIRCLES.forEach((circle, c) => {
    const list = ctx.towns.filter((t) => ctx.circleOf[towns.district[t]!] === circle);
    const n = nsh[c]! + ich[c]!;
    for (let k = 0; k < n; k++) {
      const type = k < nsh[c]! ? 'national-sorting-hub' : 'intra-circle-hub';
      let lon: number;
      let lat: number;
      let name: string;
      let district: number;
      if (list.length > 0) {
        const t = list[k % list.length]!;
        const round = Math.floor(k / list.length);
        [lon, lat] = spreadPoint(towns.lon[t]!, towns.lat[t]!, round, round + 1, 8);
        name = towns.name[t]!;
        district = towns.district[t]!;
      } else {
        const d = districts.findIndex((x, i) => ctx.circleOf[i] === circle && x.pop);
        [lon, lat] = districts[d]!.point;
        name = districts[d]!.name;
        district = d;
      }
      out.push(makeNode({
        type, operator: 'india-post', name: `${name} ${type === 'national-sorting-hub' ? 'NSH' : 'ICH'}`, lon, lat, district,
        state: ctx.stateOf[district]!, circle, capacityPerDay: (type === 'national-sorting-hub' ? NSH_PER_DAY : ICH_PER_DAY) * o.scale,
      }));
    }
  });
  return out;
}

/**
 * Head and sub offices, one node each (dataset: data.gov.in directory placed by GeoNames points).
 * One office per PIN is its delivery office (the head office, else the first sub office): DOMAIN.md
 * counts 19,053 delivery POs, close to the ~19,100 PINs. Postmen (DOMAIN.md: 44,888) are shared
 * by district population, then equally over the district's delivery offices, at least 1 each.
 */
export function buildPostOffices(ctx: PlaceContext, o: ResolvedNetworkOptions): NetworkNode[] {
  const { offices, districts } = ctx.data;
  const out: NetworkNode[] = [];
  const deliveryOfPin = new Map<number, number>();
  for (let k = 0; k < offices.pin.length; k++) {
    const pin = offices.pin[k]!;
    const cur = deliveryOfPin.get(pin);
    if (cur === undefined || (offices.type[k] === 'H' && offices.type[cur] !== 'H')) deliveryOfPin.set(pin, k);
  }
  const isDelivery = offices.pin.map(() => false);
  for (const k of deliveryOfPin.values()) isDelivery[k] = true;
  const deliveryPerDistrict = districts.map(() => 0);
  isDelivery.forEach((b, k) => {
    if (b) deliveryPerDistrict[offices.district[k]!]! += 1;
  });
  // Weight of each delivery office: its district's population over the district's delivery offices.
  const weights = isDelivery.map((b, k) => {
    const d = offices.district[k]!;
    return b ? (districts[d]!.pop?.[0] ?? 0) / deliveryPerDistrict[d]! : 0;
  });
  const postmen = apportion(o.postmen, weights, 1);
  for (let k = 0; k < offices.pin.length; k++) {
    const d = offices.district[k]!;
    const staff = isDelivery[k] ? Math.max(1, postmen[k]!) : 0;
    out.push(makeNode({
      type: 'post-office', operator: 'india-post', name: `${offices.name[k]} ${offices.type[k] === 'H' ? 'HO' : 'SO'}`,
      lon: offices.lon[k]!, lat: offices.lat[k]!, district: d, state: ctx.stateOf[d]!, circle: ctx.circleOf[d]!,
      staff, delivers: isDelivery[k]!, capacityPerDay: staff * PARCELS_PER_POSTMAN * o.scale, pin: offices.pin[k]!,
    }));
  }
  return out;
}

/**
 * Branch offices (rural, one Gramin Dak Sevak each): aggregated, one node per district standing for
 * all its branch offices at the district's point; or one node per branch office at its PIN's point.
 */
export function buildBranchOffices(ctx: PlaceContext, o: ResolvedNetworkOptions): NetworkNode[] {
  const { districts, pincodes } = ctx.data;
  const out: NetworkNode[] = [];
  const node = (name: string, lon: number, lat: number, d: number, n: number, pin = 0): NetworkNode =>
    makeNode({
      type: 'branch-office', operator: 'india-post', name, lon, lat, district: d, state: ctx.stateOf[d]!, circle: ctx.circleOf[d]!,
      facilities: n, staff: n, delivers: true, capacityPerDay: n * PARCELS_PER_BRANCH * o.scale, pin,
    });
  if (o.aggregateBranchOffices) {
    districts.forEach((d, i) => {
      if (d.offices[2] > 0) out.push(node(`${d.name} branch offices`, d.point[0], d.point[1], i, d.offices[2]));
    });
  } else {
    for (let k = 0; k < pincodes.pin.length; k++) {
      for (let j = 0; j < pincodes.bo[k]!; j++) {
        out.push(node(`BO ${pincodes.pin[k]}/${j + 1}`, pincodes.lon[k]!, pincodes.lat[k]!, pincodes.district[k]!, 1, pincodes.pin[k]!));
      }
    }
  }
  return out;
}

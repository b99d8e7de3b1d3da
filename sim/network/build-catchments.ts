import { GridIndex } from './grid-index.ts';
import type { Catchments, NetworkNode } from './network.ts';
import type { ResolvedNetworkOptions } from './network-options.ts';
import type { PlaceContext } from './place-context.ts';
import { townSites } from './town-sites.ts';

/**
 * Urban residents an urban demand cell stands for (assumed: about a ward). Fine enough that a
 * metro's orders spread over all its stations (Mumbai Suburban: ~470 cells, 47 stations).
 */
const RESIDENTS_PER_CELL = 20_000;

/** Per dataset district, whether it is in the region the options ask for (Census districts only). */
export function regionMask(ctx: PlaceContext, o: Pick<ResolvedNetworkOptions, 'states' | 'districts'>): boolean[] {
  const stateSet = o.states ? new Set(o.states) : null;
  const codeSet = o.districts ? new Set(o.districts) : null;
  return ctx.data.districts.map((d, i) => d.code !== null && (!stateSet || stateSet.has(ctx.stateOf[i]!)) && (!codeSet || codeSet.has(d.code)));
}

/** Extra demand points (orders imported by coordinates), with their district (dataset index) and whether they are urban. */
export interface ExtraPoints {
  lon: readonly number[];
  lat: readonly number[];
  district: readonly number[];
  urban: readonly number[];
}

/**
 * Who serves each demand point and district of the region, from the network's nodes alone: the
 * region's PIN codes, then its urban cells, then any extra points (see `Catchments`). A function of
 * (dataset, nodes, region), so a network that was imported or edited gets the catchments its own
 * nodes give. A point is reached directly when its nearest station's own radius covers it.
 */
export function buildCatchments(ctx: PlaceContext, nodes: readonly NetworkNode[], inRegion: readonly boolean[], extra?: ExtraPoints): Catchments {
  const { data } = ctx;
  const of = (pred: (n: NetworkNode) => boolean): GridIndex => {
    const list = nodes.filter(pred);
    return new GridIndex(list.map((n) => n.lon), list.map((n) => n.lat), list.map((n) => n.id));
  };
  const stations = of((n) => n.type === 'delivery-station');
  const kiranas = of((n) => n.type === 'kirana');
  const delivery = of((n) => n.type === 'post-office' && n.delivers);
  // A PIN's own delivery office: the delivering post office that carries its PIN.
  const deliveryOfPin = new Map<number, number>();
  for (const n of nodes) if (n.type === 'post-office' && n.delivers && n.pin > 0 && !deliveryOfPin.has(n.pin)) deliveryOfPin.set(n.pin, n.id);
  const c: Catchments = {
    pointPin: [], pointIndex: [], pointUrban: [], pointLon: [], pointLat: [], pointStation: [], pointDirect: [], pointPostOffice: [], pointKirana: [], pointDistrict: [],
    district: [], districtCode: [], districtStation: [], districtPostOffice: [], districtHub: [], districtPopulation: [],
  };
  const add = (lon: number, lat: number, district: number, pin: number, index: number, urban: number, postOffice: number): void => {
    const st = stations.nearest(lon, lat);
    const ki = kiranas.nearest(lon, lat);
    c.pointPin.push(pin);
    c.pointIndex.push(index);
    c.pointUrban.push(urban);
    c.pointLon.push(lon);
    c.pointLat.push(lat);
    c.pointStation.push(st?.id ?? -1);
    c.pointDirect.push(st && st.km <= nodes[st.id]!.radiusKm ? 1 : 0);
    c.pointPostOffice.push(postOffice >= 0 ? postOffice : (delivery.nearest(lon, lat)?.id ?? -1));
    c.pointKirana.push(ki && ki.km <= nodes[ki.id]!.radiusKm ? ki.id : -1);
    c.pointDistrict.push(district);
  };
  const { pincodes } = data;
  for (let k = 0; k < pincodes.pin.length; k++) {
    if (!inRegion[pincodes.district[k]!]) continue;
    add(pincodes.lon[k]!, pincodes.lat[k]!, pincodes.district[k]!, pincodes.pin[k]!, k, 0, deliveryOfPin.get(pincodes.pin[k]!) ?? -1);
  }
  const cells = townSites(ctx, data.districts.map((d, i) => (inRegion[i] && d.pop && d.pop[2] > 0 ? Math.max(1, Math.round(d.pop[2] / RESIDENTS_PER_CELL)) : 0)));
  for (const cell of cells) add(cell.lon, cell.lat, cell.district, 0, -1, 1, -1);
  if (extra) for (let k = 0; k < extra.lon.length; k++) add(extra.lon[k]!, extra.lat[k]!, extra.district[k]!, 0, -2, extra.urban[k]!, -1);
  data.districts.forEach((d, i) => {
    if (!inRegion[i]) return;
    const po = delivery.nearest(d.point[0], d.point[1])?.id ?? -1;
    c.district.push(i);
    c.districtCode.push(d.code ?? 0);
    c.districtStation.push(stations.nearest(d.point[0], d.point[1])?.id ?? -1);
    c.districtPostOffice.push(po);
    c.districtHub.push(po >= 0 ? nodes[po]!.parent : -1);
    c.districtPopulation.push(d.pop ? [d.pop[0], d.pop[1], d.pop[2]] : [0, 0, 0]);
  });
  return c;
}

import type { IndiaData } from '../data/index.ts';
import { createStream } from '../engine/random/index.ts';
import { buildDeliveryStations, buildFulfilmentCentres, buildSortCentres, calibrateStationRadius } from './build-amazon.ts';
import { buildBranchOffices, buildHubs, buildPostOffices } from './build-india-post.ts';
import { buildKiranas } from './build-kirana.ts';
import { buildLanes } from './build-lanes.ts';
import { buildSellers } from './build-sellers.ts';
import { GridIndex } from './grid-index.ts';
import type { Catchments, Network, NetworkNode, NodeType } from './network.ts';
import type { NetworkOptions } from './network-options.ts';
import { placeContext } from './place-context.ts';
import { type TownSite, townSites } from './town-sites.ts';
import { NetworkOptionsError, validateNetworkOptions } from './validate-network-options.ts';

/**
 * Builds the network for a scenario: India Post, Amazon, kirana stores and sellers over the embedded
 * dataset. The whole nation is laid out first and then cut to the region (`states`, `districts`),
 * keeping every node a kept node routes through (its hub, sort centre, national hub), so a region
 * is exactly its part of the national network. Same data, options and seed → identical network.
 * Throws `NetworkOptionsError` listing every invalid option.
 */
export function buildNetwork(data: IndiaData, options: NetworkOptions = {}, seed: number | string = 1): Network {
  const { options: o, issues } = validateNetworkOptions(options, data);
  if (issues.length > 0) throw new NetworkOptionsError(issues);
  const ctx = placeContext(data);

  const fcs = buildFulfilmentCentres(ctx, o);
  const scs = buildSortCentres(ctx, o);
  const stations = buildDeliveryStations(ctx, o);
  const stationRadiusKm = calibrateStationRadius(ctx, stations, o.amazonDirectPinShare);
  for (const s of stations) s.radiusKm = stationRadiusKm;
  const kiranas = buildKiranas(ctx, o, createStream(seed, 0, 'network/kirana'));
  const hubs = buildHubs(ctx, o);
  const offices = buildPostOffices(ctx, o);
  const branches = buildBranchOffices(ctx, o);
  const sellers = buildSellers(ctx, o, createStream(seed, 0, 'network/sellers'));
  const all = [...fcs, ...scs, ...stations, ...kiranas, ...hubs, ...offices, ...branches, ...sellers];
  all.forEach((n, i) => (n.id = i));

  // Parents (national ids): each node's next node up its operator's tree, by distance.
  const byType = (t: NodeType): NetworkNode[] => all.filter((n) => n.type === t);
  const indexOf = (list: NetworkNode[]): GridIndex => new GridIndex(list.map((n) => n.lon), list.map((n) => n.lat), list.map((n) => n.id));
  const scIndex = indexOf(scs);
  const stationIndex = indexOf(stations);
  const nshIndex = indexOf(byType('national-sorting-hub'));
  const hubIndex = indexOf(hubs);
  const deliveryOffices = offices.filter((n) => n.delivers);
  const deliveryIndex = indexOf(deliveryOffices);
  const nearestId = (index: GridIndex, n: NetworkNode, accept?: (id: number) => boolean): number =>
    index.nearest(n.lon, n.lat, accept)?.id ?? index.nearest(n.lon, n.lat)?.id ?? -1;
  for (const n of fcs) n.parent = nearestId(scIndex, n);
  for (const n of stations) n.parent = nearestId(scIndex, n);
  for (const n of kiranas) n.parent = nearestId(stationIndex, n);
  // Hubs serve their own circle: one index per circle (every circle has both kinds of hub).
  const perCircle = (list: NetworkNode[]): Map<string, GridIndex> =>
    new Map([...new Set(list.map((n) => n.circle))].map((c) => [c, indexOf(list.filter((n) => n.circle === c))]));
  const nshOfCircle = perCircle(byType('national-sorting-hub'));
  const hubOfCircle = perCircle(hubs);
  for (const n of hubs) if (n.type === 'intra-circle-hub') n.parent = nearestId(nshOfCircle.get(n.circle) ?? nshIndex, n);
  for (const n of offices) n.parent = nearestId(hubOfCircle.get(n.circle) ?? hubIndex, n);
  const deliveryOfPin = new Map<number, number>();
  offices.forEach((n, k) => {
    if (n.delivers) deliveryOfPin.set(data.offices.pin[k]!, n.id);
  });
  branches.forEach((n) => {
    const pin = o.aggregateBranchOffices ? undefined : Number(n.name.slice(3, 9));
    n.parent = (pin !== undefined ? deliveryOfPin.get(pin) : undefined) ?? nearestId(deliveryIndex, n, (id) => all[id]!.district === n.district);
  });
  for (const n of sellers) n.parent = nearestId(deliveryIndex, n);

  // The region: its districts' last-mile nodes and facilities, plus everything they route through.
  const stateSet = o.states ? new Set(o.states) : null;
  const codeSet = o.districts ? new Set(o.districts) : null;
  const inRegion = data.districts.map((d, i) => d.code !== null && (!stateSet || stateSet.has(ctx.stateOf[i]!)) && (!codeSet || codeSet.has(d.code)));
  const keep = all.map((n) => inRegion[n.district]!);
  if (!fcs.some((n) => keep[n.id])) {
    // A region without an FC is supplied by the FC nearest to its first station (or node).
    const first = all.find((n) => keep[n.id] && n.type === 'delivery-station') ?? all.find((n) => keep[n.id]);
    if (first) keep[nearestId(indexOf(fcs), first)] = true;
  }
  for (const n of all) {
    if (!keep[n.id]) continue;
    for (let p = n.parent; p >= 0 && !keep[p]; p = all[p]!.parent) keep[p] = true;
  }
  const newId = all.map(() => -1);
  const nodes: NetworkNode[] = [];
  for (const n of all) {
    if (!keep[n.id]) continue;
    newId[n.id] = nodes.length;
    nodes.push(n);
  }
  // Sellers' Amazon pickup station (national ids), before the renumbering.
  const sellerStationNational = new Map<number, number>();
  for (const n of sellers) if (keep[n.id]) sellerStationNational.set(n.id, nearestId(stationIndex, n, (id) => keep[id]!));
  const sellerStation = nodes.map((n) => {
    const s = sellerStationNational.get(n.id);
    return s === undefined || s < 0 ? -1 : newId[s]!;
  });
  for (const n of nodes) {
    n.id = newId[n.id]!;
    n.parent = n.parent >= 0 ? newId[n.parent]! : -1;
  }

  const lanes = buildLanes(nodes, sellerStation, o);
  const cells = townSites(ctx, data.districts.map((d, i) => (inRegion[i] && d.pop && d.pop[2] > 0 ? Math.max(1, Math.round(d.pop[2] / RESIDENTS_PER_CELL)) : 0)));
  const catchments = buildCatchments(data, nodes, inRegion, deliveryOfPin, newId, stationRadiusKm, cells);
  return { seed, options: o, nodes, lanes, catchments, stateNeighbours: data.stateNeighbours, stationRadiusKm };
}

/**
 * Urban residents an urban demand cell stands for (assumed: about a ward). Fine enough that a
 * metro's orders spread over all its stations (Mumbai Suburban: ~470 cells, 47 stations).
 */
const RESIDENTS_PER_CELL = 20_000;

function buildCatchments(
  data: IndiaData,
  nodes: NetworkNode[],
  inRegion: boolean[],
  deliveryOfPin: Map<number, number>,
  newId: number[],
  stationRadiusKm: number,
  cells: readonly TownSite[],
): Catchments {
  const of = (pred: (n: NetworkNode) => boolean): GridIndex => {
    const list = nodes.filter(pred);
    return new GridIndex(list.map((n) => n.lon), list.map((n) => n.lat), list.map((n) => n.id));
  };
  const stations = of((n) => n.type === 'delivery-station');
  const kiranas = of((n) => n.type === 'kirana');
  const delivery = of((n) => n.type === 'post-office' && n.delivers);
  const c: Catchments = {
    pointPin: [], pointIndex: [], pointUrban: [], pointLon: [], pointLat: [], pointStation: [], pointDirect: [], pointPostOffice: [], pointKirana: [], pointDistrict: [],
    district: [], districtCode: [], districtStation: [], districtPostOffice: [], districtHub: [], districtPopulation: [],
  };
  const add = (lon: number, lat: number, district: number, pin: number, index: number, postOffice: number): void => {
    const st = stations.nearest(lon, lat);
    const ki = kiranas.nearest(lon, lat);
    c.pointPin.push(pin);
    c.pointIndex.push(index);
    c.pointUrban.push(index < 0 ? 1 : 0);
    c.pointLon.push(lon);
    c.pointLat.push(lat);
    c.pointStation.push(st?.id ?? -1);
    c.pointDirect.push(st && st.km <= stationRadiusKm ? 1 : 0);
    c.pointPostOffice.push(postOffice >= 0 ? postOffice : (delivery.nearest(lon, lat)?.id ?? -1));
    c.pointKirana.push(ki && ki.km <= nodes[ki.id]!.radiusKm ? ki.id : -1);
    c.pointDistrict.push(district);
  };
  const { pincodes } = data;
  for (let k = 0; k < pincodes.pin.length; k++) {
    if (!inRegion[pincodes.district[k]!]) continue;
    const own = deliveryOfPin.get(pincodes.pin[k]!);
    add(pincodes.lon[k]!, pincodes.lat[k]!, pincodes.district[k]!, pincodes.pin[k]!, k, own !== undefined ? newId[own]! : -1);
  }
  for (const cell of cells) add(cell.lon, cell.lat, cell.district, 0, -1, -1);
  data.districts.forEach((d, i) => {
    if (!inRegion[i]) return;
    const po = delivery.nearest(d.point[0], d.point[1])?.id ?? -1;
    c.district.push(i);
    c.districtCode.push(d.code ?? -1);
    c.districtStation.push(stations.nearest(d.point[0], d.point[1])?.id ?? -1);
    c.districtPostOffice.push(po);
    c.districtHub.push(po >= 0 ? nodes[po]!.parent : -1);
    c.districtPopulation.push(d.pop ? [d.pop[0], d.pop[1], d.pop[2]] : [0, 0, 0]);
  });
  return c;
}

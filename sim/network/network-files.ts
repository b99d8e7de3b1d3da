import type { IndiaData } from '../data/index.ts';
import { csvField } from './csv.ts';
import type { Network } from './network.ts';

/** The columns of an exported nodes.csv, in order. Names match the result folder's nodes.csv where they mean the same. */
export const NODE_COLUMNS = [
  'name', 'type', 'operator', 'lat', 'lon', 'districtCode', 'district', 'state', 'pin', 'facilities', 'capacityPerDay', 'staff', 'delivers', 'radiusKm', 'payoutInr', 'parent',
] as const;

/** The columns of an exported lanes.csv, in order (nodes by name). */
export const LANE_COLUMNS = ['from', 'to', 'mode', 'departures', 'capacityPerDeparture', 'costPerParcelKm', 'travelTimeCv', 'km', 'minutes'] as const;

/**
 * A network as the files a user edits and a scenario imports (`network.import`): nodes.csv (one
 * row per node, its parent by name), lanes.csv (one row per lane, its ends by name) and
 * nodes.geojson (the nodes as points, for GIS tools). Capacities are per day (per departure) at
 * full scale, divided by the network's scale; numbers are written in their shortest exact form,
 * so reading the files back gives the same network bit for bit (`readNetworkFiles`). Departures
 * are times of day, `HH:MM` separated by spaces.
 */
export function networkFiles(network: Network, data: IndiaData): { 'nodes.csv': string; 'lanes.csv': string; 'nodes.geojson': string } {
  const scale = network.options.scale;
  const nodes = network.nodes;
  const rows = nodes.map((n) => {
    const d = data.districts[n.district];
    return {
      name: n.name, type: n.type, operator: n.operator, lat: n.lat, lon: n.lon, districtCode: d?.code ?? '', district: d?.name ?? '', state: n.state,
      pin: n.pin > 0 ? n.pin : '', facilities: n.facilities, capacityPerDay: n.capacityPerDay / scale, staff: n.staff, delivers: n.delivers,
      radiusKm: n.radiusKm, payoutInr: n.payoutInr, parent: n.parent >= 0 ? nodes[n.parent]!.name : '',
    };
  });
  const nodesCsv = [NODE_COLUMNS.join(','), ...rows.map((r) => NODE_COLUMNS.map((c) => csvField(String(r[c]))).join(','))].join('\n');
  const lanesCsv = [
    LANE_COLUMNS.join(','),
    ...network.lanes.map((l) =>
      [
        csvField(nodes[l.from]!.name), csvField(nodes[l.to]!.name), l.mode, l.departures.map(clock).join(' '), String(l.capacity / scale),
        String(l.costPerParcelKm), String(l.cv), String(l.km), String(l.minutes),
      ].join(','),
    ),
  ].join('\n');
  const geojson = {
    type: 'FeatureCollection',
    features: rows.map((r) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [r.lon, r.lat] }, properties: { ...r } })),
  };
  return { 'nodes.csv': `${nodesCsv}\n`, 'lanes.csv': `${lanesCsv}\n`, 'nodes.geojson': `${JSON.stringify(geojson)}\n` };
}

/** Minutes after midnight as `HH:MM` when whole, else as the number. */
export function clock(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes >= 1440) return String(minutes);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

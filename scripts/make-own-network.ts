/**
 * Writes the `own-network` example's files (scenarios/own-network/): a small company's 12 sites
 * in Karnataka (one warehouse, two hubs, nine delivery stations), its lanes, and 14 days of orders:
 * by PIN, every PIN within 10 km of a station (inside the station's reach, so every order has a
 * carrier); in Bengaluru, whose PINs the dataset places at one point north of the city, by
 * coordinates, nine points 4 km apart around each station. A city's daily volume is spread evenly
 * over its places, weekends heavier, a sale on Saturday 5 October. A starting point to copy and
 * edit, not data about any real company.
 *
 *   npx tsx scripts/make-own-network.ts
 */
import { writeFileSync } from 'node:fs';
import { loadIndiaData, loadIndiaShapes } from '../sim/data/index.ts';
import { districtOfPoint, flatKm } from '../sim/network/index.ts';

/** A point `dx`, `dy` km east and north of (lon, lat), 4 decimals (as the dataset's). */
const offset = (lon: number, lat: number, dx: number, dy: number): [number, number] => [
  Math.round((lon + dx / (111.19 * Math.cos((lat * Math.PI) / 180))) * 1e4) / 1e4,
  Math.round((lat + dy / 111.19) * 1e4) / 1e4,
];

const dir = new URL('../scenarios/own-network/', import.meta.url);
const data = await loadIndiaData();
const shapes = await loadIndiaShapes();

/** Name, type, lat, lon, parent, and for stations: reach (km), riders, the city's parcels a day. */
const SITES: [string, string, number, number, string, number, number, number][] = [
  ['Hoskote warehouse', 'fulfilment-centre', 13.0707, 77.7981, 'Bengaluru hub', 0, 0, 0],
  ['Bengaluru hub', 'sort-centre', 12.9716, 77.5946, '', 0, 0, 0],
  ['Hubballi hub', 'sort-centre', 15.3647, 75.124, '', 0, 0, 0],
  ['Yelahanka station', 'delivery-station', 13.1007, 77.5963, 'Bengaluru hub', 12, 20, 1200],
  ['Jayanagar station', 'delivery-station', 12.925, 77.5938, 'Bengaluru hub', 12, 25, 1500],
  ['Whitefield station', 'delivery-station', 12.9698, 77.75, 'Bengaluru hub', 12, 20, 1200],
  ['Mysuru station', 'delivery-station', 12.2958, 76.6394, 'Bengaluru hub', 15, 12, 500],
  ['Mangaluru station', 'delivery-station', 12.9141, 74.856, 'Bengaluru hub', 15, 10, 400],
  ['Davanagere station', 'delivery-station', 14.4644, 75.9218, 'Hubballi hub', 15, 6, 200],
  ['Hubballi station', 'delivery-station', 15.3647, 75.124, 'Hubballi hub', 15, 10, 400],
  ['Belagavi station', 'delivery-station', 15.8497, 74.4977, 'Hubballi hub', 15, 8, 300],
  ['Kalaburagi station', 'delivery-station', 17.3297, 76.8343, 'Hubballi hub', 15, 6, 200],
];

// Each site's district by the polygon holding it (without one, the nearest PIN's would be used).
const nodes = ['name,type,operator,lat,lon,districtCode,capacityPerDay,staff,radiusKm,parent'];
for (const [name, type, lat, lon, parent, reach, riders] of SITES) {
  const capacity = type === 'fulfilment-centre' ? 12_000 : type === 'sort-centre' ? 20_000 : '';
  const code = data.districts[districtOfPoint(shapes, lon, lat)!]!.code;
  nodes.push([name, type, 'amazon', lat, lon, code, capacity, riders || '', reach || '', parent].join(','));
}

// Lanes both ways on each link, timed for a night sort and a morning delivery wave.
const lanes = ['from,to,mode,departures,capacityPerDeparture'];
const link = (a: string, b: string, there: string, back: string, capacity: number): void => {
  lanes.push(`${a},${b},road,${there},${capacity}`, `${b},${a},road,${back},${capacity}`);
};
link('Hoskote warehouse', 'Bengaluru hub', '10:00 14:00 18:00 22:00', '12:00', 3000);
link('Bengaluru hub', 'Hubballi hub', '21:00', '21:00', 2000);
for (const [name, type, , , parent] of SITES) if (type === 'delivery-station') link(parent, name, '01:00 04:00', '20:00', 1500);

// Orders: each city's parcels spread over the PINs within 10 km of its station (Bengaluru's over points around its stations).
const orders = ['pin,lat,lon,date,parcelsPerDay'];
const weekday = [1.15, 1.1, 1, 0.95, 0.95, 0.95, 1.05]; // Sunday..Saturday
const SALE = '2024-10-05';
for (const [name, type, lat, lon, , , , perDay] of SITES) {
  if (type !== 'delivery-station') continue;
  // A place: `pin,,` or `,lat,lon`.
  const places: string[] = [];
  if (['Yelahanka station', 'Jayanagar station', 'Whitefield station'].includes(name)) {
    for (const dx of [-4, 0, 4]) for (const dy of [-4, 0, 4]) places.push(`,${offset(lon, lat, dx, dy)[1]},${offset(lon, lat, dx, dy)[0]}`);
  } else {
    const pins: number[] = [];
    data.pincodes.pin.forEach((pin, k) => {
      if (flatKm(lon, lat, data.pincodes.lon[k]!, data.pincodes.lat[k]!) <= 10 && !pins.includes(pin)) pins.push(pin);
    });
    for (const pin of pins.sort((a, b) => a - b)) places.push(`${pin},,`);
  }
  for (let d = 0; d < 14; d++) {
    const date = `2024-10-${String(d + 1).padStart(2, '0')}`;
    const factor = weekday[(d + 2) % 7]! * (date === SALE ? 3 : 1); // 1 October 2024 was a Tuesday
    for (const place of places) orders.push(`${place},${date},${Math.round(((perDay * factor) / places.length) * 10) / 10}`);
  }
}

writeFileSync(new URL('nodes.csv', dir), `${nodes.join('\n')}\n`);
writeFileSync(new URL('lanes.csv', dir), `${lanes.join('\n')}\n`);
writeFileSync(new URL('orders.csv', dir), `${orders.join('\n')}\n`);
process.stdout.write(`own-network: ${SITES.length} sites, ${lanes.length - 1} lanes, ${orders.length - 1} order rows\n`);

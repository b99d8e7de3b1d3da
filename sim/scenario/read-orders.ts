import type { IndiaShapes } from '../data/index.ts';
import { parseIsoDate } from '../engine/index.ts';
import type { ImportedOrders } from '../model/index.ts';
import { type DemandPoints, districtOfPoint, fieldColumn, flatKm, GridIndex, townRadiusKm, inIndiaBox, insideIndia, parseCsv, type PlaceContext } from '../network/index.ts';

/** One problem of an orders file: the 1-based line and column, and what is wrong. */
export interface OrdersIssue {
  line: number;
  col: number;
  message: string;
}

const COLUMNS = ['pin', 'district', 'lat', 'lon', 'parcelsPerDay', 'date', 'area'];

/**
 * Reads a user's orders (`model.demand.import`): one row per place, `parcelsPerDay` at full
 * scale, and the place by `pin` (a PIN code), `district` (a Census 2011 code) or `lat` and `lon`;
 * optionally a `date` (YYYY-MM-DD: that day's parcels; then every row has one) and an `area`
 * (urban or rural; by default a PIN's or a point's area is urban inside a town's built-up disc,
 * rural outside, and a district's orders split by its Census population as the built-in demand
 * does). Rows for the same place (and date) add up. Every problem is listed with its line and
 * column: unknown columns, a row with no place or two, PINs and districts the dataset or the
 * region lacks, coordinates outside India or the region, numbers and dates that are not.
 * `inRegion(i)`: whether dataset district i is in the scenario's region.
 */
export function readOrders(text: string, ctx: PlaceContext, inRegion: (district: number) => boolean, shapes?: IndiaShapes): { orders: ImportedOrders; points: DemandPoints; issues: OrdersIssue[] } {
  const { data } = ctx;
  const table = parseCsv(text);
  const issues: OrdersIssue[] = [];
  const index = new Map(table.header.map((h, i) => [h, i]));
  table.header.forEach((h, i) => {
    if (!COLUMNS.includes(h)) issues.push({ line: 1, col: i + 1, message: `unknown column "${h}"; valid columns: ${COLUMNS.join(', ')}` });
  });
  if (!index.has('parcelsPerDay')) issues.push({ line: 1, col: 1, message: `the header has no "parcelsPerDay" column; an orders file needs parcelsPerDay and a place: pin, district, or lat and lon (valid columns: ${COLUMNS.join(', ')})` });
  const pinIndex = new Map<number, number>();
  data.pincodes.pin.forEach((p, k) => pinIndex.set(p, k));
  const codeIndex = new Map<number, number>();
  data.districts.forEach((d, i) => d.code !== null && codeIndex.set(d.code, i));
  const towns = new GridIndex(data.towns.lon, data.towns.lat);
  const urbanAt = (lon: number, lat: number): boolean => {
    // Any town whose built-up disc holds the point (the largest towns are ~20 km across).
    for (const t of towns.within(lon, lat, 25)) {
      if (flatKm(lon, lat, data.towns.lon[t]!, data.towns.lat[t]!) <= townRadiusKm(data.towns.population[t]!)) return true;
    }
    return false;
  };

  // A point's district: the polygon holding it (with shapes), else its nearest PIN's.
  const districtAt = (lon: number, lat: number): number => (shapes ? districtOfPoint(shapes, lon, lat) : undefined) ?? ctx.districtAt(lon, lat);
  const rows = new Map<string, { pin: number; district: number; point: number; date: string; parcels: number; rural: number }>();
  const points: DemandPoints = { lon: [], lat: [], district: [], urban: [] };
  const pointOf = new Map<string, number>();
  let dated = -1;
  for (const row of table.rows) {
    const text1 = (col: string): string => (row.fields[index.get(col) ?? -1] ?? '').trim();
    const bad = (col: string, value: string, valid: string): void => {
      const i = index.get(col);
      issues.push({ line: row.line, col: i === undefined ? 1 : fieldColumn(text, row, Math.min(i, row.fields.length - 1)), message: `row at line ${row.line}, column "${col}": must be ${valid}, given ${JSON.stringify(value)}` });
    };
    const before = issues.length;
    const parcelsText = text1('parcelsPerDay');
    const parcels = Number(parcelsText);
    if (parcelsText === '' || !Number.isFinite(parcels) || parcels < 0 || parcels > 1e9) bad('parcelsPerDay', parcelsText, 'parcels a day at full scale, a number from 0 to 1,000,000,000');
    const given = ['pin', 'district', 'lat'].filter((c) => text1(c) !== '' || (c === 'lat' && text1('lon') !== ''));
    if (given.length !== 1) bad(given[1] ?? 'pin', given.length === 0 ? '' : text1(given[1]!), `one place: a pin, a district, or lat and lon${given.length > 1 ? ` (the row gives ${given.join(' and ')})` : ''}`);
    let rural = -1;
    const area = text1('area');
    if (area !== '') {
      if (area === 'urban' || area === 'rural') rural = area === 'rural' ? 1 : 0;
      else bad('area', area, 'urban or rural (or blank: by where the place lies)');
    }
    let date = '';
    const dateText = text1('date');
    if (dateText !== '') {
      try {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(dateText)) throw new Error();
        parseIsoDate(dateText);
        date = dateText;
      } catch {
        bad('date', dateText, 'an ISO date, YYYY-MM-DD');
      }
    }
    if (dated < 0) dated = dateText !== '' ? 1 : 0;
    else if ((dateText !== '') !== (dated === 1)) bad('date', dateText, dated === 1 ? 'a date: the first row has one, so every row does' : 'blank: the first row has none (either every row has a date or none does)');
    let key = '';
    let pin = 0;
    let code = 0;
    let point = -1;
    if (given.length === 1 && given[0] === 'pin') {
      const p = Number(text1('pin'));
      const k = Number.isInteger(p) ? pinIndex.get(p) : undefined;
      if (k === undefined) bad('pin', text1('pin'), 'a PIN code of the dataset (6 digits; 18,917 PINs have a point)');
      else if (!inRegion(data.pincodes.district[k]!)) bad('pin', text1('pin'), `a PIN in the scenario's region (${p} is in ${data.districts[data.pincodes.district[k]!]!.name}, ${ctx.stateOf[data.pincodes.district[k]!]})`);
      else {
        pin = p;
        if (rural < 0) rural = urbanAt(data.pincodes.lon[k]!, data.pincodes.lat[k]!) ? 0 : 1;
        key = `pin ${p}`;
      }
    } else if (given.length === 1 && given[0] === 'district') {
      const c = Number(text1('district'));
      const i = Number.isInteger(c) ? codeIndex.get(c) : undefined;
      if (i === undefined) bad('district', text1('district'), 'a Census 2011 district code, 1 to 640');
      else if (!inRegion(i)) bad('district', text1('district'), `a district in the scenario's region (${c} is ${data.districts[i]!.name}, ${data.districts[i]!.state})`);
      else {
        code = c;
        key = `district ${c}`;
      }
    } else if (given.length === 1) {
      const lat = Number(text1('lat'));
      const lon = Number(text1('lon'));
      if (text1('lat') === '' || text1('lon') === '' || !Number.isFinite(lat) || !Number.isFinite(lon)) bad(text1('lat') === '' ? 'lat' : 'lon', `${text1('lat')}, ${text1('lon')}`, 'a point: lat and lon in degrees');
      else if (!(shapes ? insideIndia(shapes, lon, lat, ctx.nearestPin(lon, lat)) : inIndiaBox(lon, lat))) bad('lat', `${lat}, ${lon}`, 'a point in India');
      else if (!inRegion(districtAt(lon, lat))) bad('lat', `${lat}, ${lon}`, `a point in the scenario's region (it lies in ${data.districts[districtAt(lon, lat)]!.name}, ${ctx.stateOf[districtAt(lon, lat)]})`);
      else {
        const at = `${lon},${lat}`;
        if (rural < 0) rural = urbanAt(lon, lat) ? 0 : 1;
        point = pointOf.get(`${at}/${rural}`) ?? -1;
        if (point < 0) {
          point = points.lon.length;
          pointOf.set(`${at}/${rural}`, point);
          points.lon.push(lon);
          points.lat.push(lat);
          points.district.push(districtAt(lon, lat));
          points.urban.push(rural === 1 ? 0 : 1);
        }
        key = `point ${point}`;
      }
    }
    if (issues.length > before || key === '') continue;
    const id = `${key}/${date}/${rural}`;
    const known = rows.get(id);
    if (known) known.parcels += parcels;
    else rows.set(id, { pin, district: code, point, date, parcels, rural });
  }
  if (table.rows.length === 0 && issues.length === 0) issues.push({ line: 1, col: 1, message: 'the file has no orders: a header and at least one row (parcelsPerDay and a place)' });
  const list = [...rows.values()];
  const orders: ImportedOrders = {
    pin: list.map((r) => r.pin),
    district: list.map((r) => r.district),
    point: list.map((r) => r.point),
    date: dated === 1 ? list.map((r) => r.date) : null,
    parcelsPerDay: list.map((r) => r.parcels),
    rural: list.map((r) => r.rural),
  };
  return { orders, points, issues };
}

import { describe, expect, it } from 'vitest';
import { loadIndiaData, loadIndiaShapes } from '../data/index.ts';
import { modelConfig, runModel } from '../model/index.ts';
import { buildNetwork, placeContext, regionMask } from '../network/index.ts';
import { readOrders } from './read-orders.ts';

const data = await loadIndiaData();
const shapes = await loadIndiaShapes();
const ctx = placeContext(data);
/** Alappuzha (Census 598), the tiny scenario's district. */
const mask = regionMask(ctx, { states: null, districts: [598] });
const inRegion = (i: number): boolean => mask[i] === true;
const read = (text: string) => readOrders(text, ctx, inRegion, shapes);

describe('readOrders', () => {
  it('reads orders by PIN, district and coordinates; rows for one place add up; a place is urban inside a town', () => {
    const { orders, points, issues } = read('pin,district,lat,lon,parcelsPerDay,area\n688001,,,,20,\n688001,,,,5,\n,598,,,30,\n,,9.5,76.34,15,\n,,9.3,76.6,4,rural\n');
    expect(issues).toEqual([]);
    expect(orders).toEqual({
      pin: [688001, 0, 0, 0], district: [0, 598, 0, 0], point: [-1, -1, 0, 1], date: null, parcelsPerDay: [25, 30, 15, 4],
      // Alappuzha town (GeoNames 9.49, 76.3264; 176,783 people: a 2.4 km built-up disc): PIN 688001's point (9.4333, 76.35) lies
      // 6.8 km from it, rural; the point (9.5, 76.34) 1.8 km, urban; the last row says rural; the district splits by its Census population.
      rural: [1, -1, 0, 1],
    });
    expect(points).toMatchObject({ lon: [76.34, 76.6], lat: [9.5, 9.3], urban: [1, 0] });
  });

  it('lists every bad row with its line, column, value and what is valid', () => {
    const { issues } = read('pin,district,lat,lon,parcelsPerDay,date,colour\n688001,,,,-3,2024-10-01,\n999999,,,,1,2024-10-01,\n110001,,,,1,2024-10-01,\n,598,9.5,76.3,1,2024-10-01,\n,,51.5,-0.1,1,2024-10-01,\n,598,,,1,,\n,598,,,1,2024-13-01,\n');
    expect(issues.map((i) => `${i.line}:${i.col} ${i.message}`)).toEqual([
      '1:7 unknown column "colour"; valid columns: pin, district, lat, lon, parcelsPerDay, date, area',
      '2:11 row at line 2, column "parcelsPerDay": must be parcels a day at full scale, a number from 0 to 1,000,000,000, given "-3"',
      '3:1 row at line 3, column "pin": must be a PIN code of the dataset (6 digits; 18,917 PINs have a point), given "999999"',
      '4:1 row at line 4, column "pin": must be a PIN in the scenario\'s region (110001 is in Central, Delhi), given "110001"',
      '5:6 row at line 5, column "lat": must be one place: a pin, a district, or lat and lon (the row gives district and lat), given "9.5"',
      '6:3 row at line 6, column "lat": must be a point in India, given "51.5, -0.1"',
      '7:10 row at line 7, column "date": must be a date: the first row has one, so every row does, given ""',
      '8:10 row at line 8, column "date": must be an ISO date, YYYY-MM-DD, given "2024-13-01"',
    ]);
  });

  it('the model takes the orders as given: the parcels of a PIN go to its point, dated parcels on their day only', () => {
    const { orders, points } = read('pin,date,parcelsPerDay\n688001,2024-10-02,300\n688006,2024-10-03,100\n');
    const net = buildNetwork(data, { districts: [598], scale: 0.1, points }, 1);
    const config = modelConfig({ startDate: '2024-10-01', days: 3, drainDays: 0, demand: { import: { sha256: 'test', content: orders } }, eventLog: { enabled: true, sampleShare: 1, maxEvents: 1e6 } });
    const created = runModel(config, net, 1, 0).eventLog!.flatMap((e) => (e.type === 'created' ? [e] : []));
    const pinOf = (e: (typeof created)[number]) => {
      const c = net.catchments;
      // Each created parcel's last-mile node is the one its point's rule gives; its day is its order's date.
      return c.pointPin.find((_, k) => c.pointStation[k] === e.lastMile && (c.pointPin[k] === 688001 || c.pointPin[k] === 688006));
    };
    const day = (e: (typeof created)[number]) => Math.floor(e.t / 1440);
    expect(created.filter((e) => day(e) === 0)).toEqual([]);
    const second = created.filter((e) => day(e) === 1).length;
    const third = created.filter((e) => day(e) === 2).length;
    // 30 and 10 expected (scale 0.1): Poisson, within 4 standard deviations.
    expect(Math.abs(second - 30)).toBeLessThan(4 * Math.sqrt(30));
    expect(Math.abs(third - 10)).toBeLessThan(4 * Math.sqrt(10));
    expect(created.every((e) => pinOf(e) !== undefined)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { loadIndiaData, loadIndiaShapes } from '../data/index.ts';
import { buildNetwork, type Network, NetworkOptionsError, networkFiles, type OptionIssue, parseCsv } from './index.ts';

const data = await loadIndiaData();
const shapes = await loadIndiaShapes();
/** Hyderabad (Census 536) with every branch office apart: PINs, delivery offices and '/' in names all round-trip. */
const region = { districts: [536], aggregateBranchOffices: false };
const text = (content: string) => ({ sha256: 'test', content });

function imported(files: { 'nodes.csv': string; 'lanes.csv': string }, scale: number, extra: object = {}): Network {
  return buildNetwork(data, { ...region, scale, import: { nodes: text(files['nodes.csv']), lanes: text(files['lanes.csv']) }, ...extra }, 1, shapes);
}

/** Every problem the builder reports for these files. */
function problems(nodes: string, lanes: string): OptionIssue[] {
  try {
    buildNetwork(data, { districts: [598], import: { nodes: text(nodes), lanes: text(lanes) } }, 1, shapes);
  } catch (error) {
    if (error instanceof NetworkOptionsError) return error.issues;
    throw error;
  }
  return [];
}

describe('networkFiles and network.import', () => {
  const full = buildNetwork(data, { ...region, scale: 1 }, 1);
  const files = networkFiles(full, data);

  it('export at full scale, then import at scale 0.1, is the network built at 0.1: every node, lane and catchment', () => {
    const built = buildNetwork(data, { ...region, scale: 0.1 }, 1);
    const back = imported(files, 0.1);
    expect(back.nodes).toEqual(built.nodes);
    expect(back.lanes).toEqual(built.lanes);
    expect(back.catchments).toEqual(built.catchments);
    expect(back.stationRadiusKm).toBe(built.stationRadiusKm);
  });

  it('writes one row per node and per lane, parents and lane ends by name, departures as times of day', () => {
    const nodes = parseCsv(files['nodes.csv']);
    const lanes = parseCsv(files['lanes.csv']);
    expect(nodes.header.slice(0, 8)).toEqual(['name', 'type', 'operator', 'lat', 'lon', 'districtCode', 'district', 'state']);
    expect(nodes.rows).toHaveLength(full.nodes.length);
    expect(lanes.rows).toHaveLength(full.lanes.length);
    const station = full.nodes.find((n) => n.type === 'delivery-station')!;
    const row = nodes.rows.find((r) => r.fields[0] === station.name)!.fields;
    expect(row.at(-1)).toBe(full.nodes[station.parent]!.name);
    expect(row[5]).toBe('536');
    const lane = lanes.rows.find((r) => r.fields[0] === station.name)!.fields;
    expect(lane.slice(1, 4)).toEqual([full.nodes[station.parent]!.name, 'road', '06:00 20:00']);
    const geo = JSON.parse(files['nodes.geojson']);
    expect(geo.features).toHaveLength(full.nodes.length);
    expect(geo.features[0].geometry.coordinates).toEqual([full.nodes[0]!.lon, full.nodes[0]!.lat]);
  });

  it('fills blank cells from the defaults of the type and mode, places a node without coordinates at its district, and links a parent it names', () => {
    const nodes = [
      'name,type,lat,lon,districtCode,capacityPerDay,parent',
      'Kochi FC,fulfilment-centre,10.0,76.3,,,Kochi SC',
      'Kochi SC,sort-centre,9.98,76.28,,,',
      'Alappuzha station,delivery-station,,,598,,Kochi SC',
    ].join('\n');
    const net = buildNetwork(data, { districts: [598], import: { nodes: text(nodes), lanes: text('from,to\n') } }, 1, shapes);
    const [fc, sc, ds] = net.nodes;
    expect(fc).toMatchObject({ operator: 'amazon', capacityPerDay: 60_000, parent: 1 });
    expect(ds).toMatchObject({ lon: data.districts.find((d) => d.code === 598)!.point[0], staff: 50, capacityPerDay: 1500, delivers: true, parent: 1 });
    expect(ds!.radiusKm).toBeGreaterThan(0); // calibrated over the file's stations
    // No lanes in the file: each parent link gets one each way, by road at the defaults.
    expect(net.lanes.map((l) => `${net.nodes[l.from]!.name}>${net.nodes[l.to]!.name}/${l.mode}`).sort()).toEqual(
      ['Alappuzha station>Kochi SC/road', 'Kochi FC>Kochi SC/road', 'Kochi SC>Alappuzha station/road', 'Kochi SC>Kochi FC/road'],
    );
    expect(sc!.parent).toBe(-1);
  });

  it('lists every problem of both files with line, column, the value and what is valid', () => {
    const nodes = [
      'name,type,lat,lon,districtCode,capacity,parent',
      'Kochi SC,sort-centre,9.98,76.28,,,',
      'Kochi SC,sort-centre,9.9,76.2,,,',
      'London FC,fulfilment-centre,51.5,-0.12,,,',
      'Odd,warehouse,9.9,76.2,,,',
      'Nowhere DS,delivery-station,,,999,,',
      'Kochi DS,delivery-station,9.9,76.3,,,Kochi FC',
    ].join('\n');
    const lanes = 'from,to,mode,departures\nKochi SC,Kochi DSS,road,06:00\nKochi SC,Kochi DS,boat,25:00\n';
    const found = problems(nodes, lanes).map((i) => `${i.at?.file}:${i.at?.line}:${i.at?.col} ${i.message}`);
    expect(found).toEqual([
      expect.stringMatching(/^nodes:1:6 line 1, column 6: unknown column "capacity"; valid columns: name, type, operator, lat, lon,/),
      expect.stringMatching(/^nodes:3:1 row at line 3, column "name": must be a name no other row has: row at line 2 has it too, given "Kochi SC"$/),
      expect.stringMatching(/^nodes:4:\d+ row at line 4, column "lat": must be a point in India \(lat 51.5, lon -0.12 lies outside every district of India\)/),
      expect.stringMatching(/^nodes:5:5 row at line 5, column "type": must be one of fulfilment-centre, sort-centre, .*, given "warehouse"$/),
      expect.stringMatching(/^nodes:6:\d+ row at line 6, column "districtCode": must be a Census 2011 district code, 1 to 640, given "999"$/),
      expect.stringMatching(/^nodes:7:\d+ row at line 7, column "parent": must be the name of a node in this file, given "Kochi FC"$/),
      expect.stringMatching(/^lanes:2:10 row at line 2, column "to": must be the name of a node in nodes.csv \(did you mean "Kochi DS"\?\)|^lanes:2:10 row at line 2, column "to": must be the name of a node in nodes.csv, given "Kochi DSS"$/),
      expect.stringMatching(/^lanes:3:\d+ row at line 3, column "mode": must be one of road, rail, air, given "boat"$/),
      expect.stringMatching(/^lanes:3:\d+ row at line 3, column "departures": must be departure times of the day, HH:MM .*, given "25:00"$/),
    ]);
  });
});

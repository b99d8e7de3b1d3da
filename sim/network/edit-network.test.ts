import { describe, expect, it } from 'vitest';
import { loadIndiaData, loadIndiaShapes } from '../data/index.ts';
import { buildNetwork, laneBetween, type Network, type NetworkOptions, NetworkOptionsError, parseLaneKey, route } from './index.ts';

const data = await loadIndiaData();
const shapes = await loadIndiaShapes();
const kerala: NetworkOptions = { states: ['Kerala'] };
const base = buildNetwork(data, kerala, 1);
const id = (n: Network, name: string): number => {
  const node = n.nodes.find((x) => x.name === name);
  if (!node) throw new Error(`no node ${name}`);
  return node.id;
};
const names = (n: Network, path: number[]): string[] => path.map((i) => n.nodes[i]!.name);
const problems = (o: NetworkOptions): string[] => {
  try {
    buildNetwork(data, o, 1, shapes);
  } catch (error) {
    if (error instanceof NetworkOptionsError) return error.issues.map((i) => `${i.path}: ${i.message}`);
    throw error;
  }
  return [];
};

describe('network edits by name', () => {
  it('removing a national sorting hub hangs what hung from it on the nearest hub of its kind left, and drops its lanes', () => {
    const edited = buildNetwork(data, { ...kerala, nodes: { 'Cochin NSH': null } }, 1);
    expect(edited.nodes.some((n) => n.name === 'Cochin NSH')).toBe(false);
    expect(edited.nodes).toHaveLength(base.nodes.length - 1);
    const orphans = base.nodes.filter((n) => n.parent === id(base, 'Cochin NSH'));
    expect(orphans.length).toBeGreaterThan(0);
    for (const o of orphans) {
      const now = edited.nodes.find((n) => n.name === o.name)!;
      const parent = edited.nodes[now.parent]!;
      expect(parent.circle, o.name).toBe('Kerala');
      expect(['national-sorting-hub', 'intra-circle-hub']).toContain(parent.type);
      expect(laneBetween(edited, now.id, now.parent)).toBeDefined();
      expect(laneBetween(edited, now.parent, now.id)).toBeDefined();
    }
    // Everyone else keeps their parent (by name).
    const parentName = (n: Network, name: string) => {
      const x = n.nodes.find((y) => y.name === name)!;
      return x.parent >= 0 ? n.nodes[x.parent]!.name : '';
    };
    const kept = base.nodes.filter((n) => n.name !== 'Cochin NSH' && n.parent !== id(base, 'Cochin NSH'));
    expect(kept.filter((n) => parentName(edited, n.name) !== parentName(base, n.name)).map((n) => n.name)).toEqual([]);
    // A post office in Ernakulam still routes to one in Kasaragod, now without Cochin.
    const a = edited.nodes.find((n) => n.type === 'post-office' && n.delivers && n.district === base.nodes[id(base, 'Cochin NSH')]!.district)!;
    const b = edited.nodes.find((n) => n.type === 'post-office' && n.delivers && data.districts[n.district]!.name === 'Kasaragod')!;
    expect(names(edited, route(edited, a.id, b.id))).not.toContain('Cochin NSH');
  });

  it('adds a fulfilment centre by district: at the district point, hung from the nearest sort centre, with lanes both ways', () => {
    const kollam = data.districts.find((d) => d.name === 'Kollam')!;
    const edited = buildNetwork(data, { ...kerala, nodes: { 'Kollam FC': { type: 'fulfilment-centre', district: kollam.code!, capacityPerDay: 20_000 } } }, 1);
    const fc = edited.nodes.at(-1)!;
    expect(fc).toMatchObject({ name: 'Kollam FC', operator: 'amazon', lon: kollam.point[0], lat: kollam.point[1], capacityPerDay: 20_000, state: 'Kerala' });
    expect(edited.nodes[fc.parent]!.type).toBe('sort-centre');
    expect(laneBetween(edited, fc.id, fc.parent)).toMatchObject({ mode: 'road', departures: [360, 1200] });
    expect(laneBetween(edited, fc.parent, fc.id)).toBeDefined();
  });

  it('changes fields of a node: staff sets a station\'s capacity (30 drops a rider) at the scenario\'s scale', () => {
    const station = base.nodes.find((n) => n.type === 'delivery-station')!;
    const edited = buildNetwork(data, { ...kerala, scale: 0.1, nodes: { [station.name]: { staff: 10 } } }, 1);
    expect(edited.nodes[station.id]).toMatchObject({ name: station.name, staff: 10, capacityPerDay: 10 * 30 * 0.1 });
  });

  it('closing the lanes between two sort centres routes between them over a third; an added faster lane is taken', () => {
    const national = buildNetwork(data, {}, 1);
    const [a, b] = ['Cochin SC', 'Bengaluru SC'].map((n) => id(national, n)) as [number, number];
    expect(route(national, a, b)).toEqual([a, b]);
    const closed = buildNetwork(data, { lanes: { 'Cochin SC>Bengaluru SC': null } }, 1);
    const path = route(closed, id(closed, 'Cochin SC'), id(closed, 'Bengaluru SC'));
    expect(path).toHaveLength(3);
    expect(closed.nodes[path[1]!]!.type).toBe('sort-centre');
    expect(laneBetween(closed, id(closed, 'Bengaluru SC'), id(closed, 'Cochin SC'))).toBeDefined(); // the other way stays open
    const flown = buildNetwork(data, { lanes: { 'Cochin SC>Bengaluru SC/air': { departures: [1380] } } }, 1);
    const lane = laneBetween(flown, a, b)!;
    expect(lane).toMatchObject({ mode: 'air', departures: [1380] });
    expect(lane.minutes).toBeLessThan(laneBetween(national, a, b)!.minutes);
    expect(flown.lanes.filter((l) => l.from === a && l.to === b).map((l) => l.mode).sort()).toEqual(['air', 'road']);
  });

  it('closing a station\'s lane to its sort centre hangs it from the next nearest; a lane added to another sort centre makes that its parent', () => {
    const station = base.nodes.find((n) => n.type === 'delivery-station' && base.nodes[n.parent]!.name === 'Cochin SC')!;
    const closed = buildNetwork(data, { ...kerala, lanes: { [`${station.name}>Cochin SC`]: null } }, 1);
    const now = closed.nodes.find((n) => n.name === station.name)!;
    expect(closed.nodes[now.parent]!.type).toBe('sort-centre');
    expect(closed.nodes[now.parent]!.name).not.toBe('Cochin SC');
    expect(closed.lanes.some((l) => l.from === now.id && closed.nodes[l.to]!.name === 'Cochin SC')).toBe(false);
    const other = closed.nodes[now.parent]!.name;
    const moved = buildNetwork(data, { ...kerala, lanes: { [`${station.name}>${other}`]: { mode: 'road' } } }, 1);
    expect(moved.nodes[moved.nodes.find((n) => n.name === station.name)!.parent]!.name).toBe(other);
  });

  it('lists every edit that cannot apply, naming it, the value and what is valid', () => {
    expect(problems({ ...kerala, nodes: { 'Cochin  NSH': null, 'New hub': { district: 595 }, 'Ghost FC': { type: 'fulfilment-centre', lat: 51.5, lon: -0.12 }, 'Kollam ICH': { parent: 'Cochin SC' } }, lanes: { 'Cochin SC>Nowhere': {}, 'Cochin SC': null } })).toEqual([
      'nodes["Cochin  NSH"]: removes a node, but there is no node named "Cochin  NSH" (did you mean "Cochin NSH"?); `sim network <scenario> --nodes` lists the names',
      'nodes["New hub"]: adds a node (no node is named "New hub"), so it needs a type: one of fulfilment-centre, sort-centre, delivery-station, kirana, national-sorting-hub, intra-circle-hub, post-office, branch-office, seller',
      'nodes["Ghost FC"].lat: (lat 51.5, lon -0.12) lies outside India (outside every district); give a point in India',
      'lanes["Cochin SC>Nowhere"]: no node named "Nowhere"; `sim network <scenario> --nodes` lists the names',
      'lanes["Cochin SC"]: must be a lane key, from>to or from>to/mode (node names; modes road, rail, air), given "Cochin SC"',
      'nodes["Kollam ICH"].parent: Kollam ICH is an intra-circle-hub, which hangs from a national-sorting-hub; Cochin SC is a sort-centre',
    ]);
  });

  it('refuses to close a lane the network does not have, saying which it has', () => {
    expect(problems({ ...kerala, lanes: { 'Cochin SC>Cochin NSH': null, 'Kollam ICH>Thiruvananthapuram NSH/air': null } })).toEqual([
      'lanes["Cochin SC>Cochin NSH"]: closes a lane that does not exist: no lane from Cochin SC to Cochin NSH (lanes join a node to its parent, and roots of one kind to each other)',
      'lanes["Kollam ICH>Thiruvananthapuram NSH/air"]: closes a lane that does not exist: no lane from Kollam ICH to Thiruvananthapuram NSH by air (it has road)',
    ]);
  });

  it('reads lane keys: from>to, from>to/mode, and names holding a slash', () => {
    expect(parseLaneKey('A>B')).toEqual({ key: 'A>B', from: 'A', to: 'B' });
    expect(parseLaneKey('A>B/air')).toEqual({ key: 'A>B/air', from: 'A', to: 'B', mode: 'air' });
    expect(parseLaneKey('BO 110001/1>Delhi GPO HO')).toEqual({ key: 'BO 110001/1>Delhi GPO HO', from: 'BO 110001/1', to: 'Delhi GPO HO' });
    expect(parseLaneKey('A')).toBeUndefined();
  });
});

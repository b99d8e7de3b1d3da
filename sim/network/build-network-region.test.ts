import { describe, expect, it } from 'vitest';
import { loadIndiaData } from '../data/index.ts';
import { buildNetwork, networkCounts, NetworkOptionsError, route, validateNetworkOptions } from './index.ts';

const data = await loadIndiaData();
/** Hyderabad, Census 2011 code 536: 3,943,323 people, all urban (Census A-1). */
const HYDERABAD = 536;
const hyderabad = buildNetwork(data, { districts: [HYDERABAD] }, 7);
const counts = networkCounts(hyderabad);
const district = data.districts.findIndex((d) => d.code === HYDERABAD);

describe('a one-district network (Hyderabad)', () => {
  it('holds the district and, from other districts, only FCs and the facilities its nodes route through', () => {
    expect(hyderabad.catchments.district).toEqual([district]);
    const parents = new Set(hyderabad.nodes.map((n) => n.parent));
    const stray = hyderabad.nodes.filter((n) => n.district !== district && n.type !== 'fulfilment-centre' && !parents.has(n.id));
    expect(stray.map((n) => n.name)).toEqual([]);
  });

  it('has 19–20 delivery stations: 3,943,323 urban residents / 200,000 (hand count)', () => {
    const own = hyderabad.nodes.filter((n) => n.type === 'delivery-station' && n.district === district);
    expect(own.length).toBeGreaterThanOrEqual(19);
    expect(own.length).toBeLessThanOrEqual(20);
  });

  it("has the dataset's 7 head and 140 sub offices and its 66 branch offices in one aggregated node", () => {
    const own = hyderabad.nodes.filter((n) => n.district === district);
    expect(own.filter((n) => n.type === 'post-office' && n.name.endsWith(' HO'))).toHaveLength(7);
    expect(own.filter((n) => n.type === 'post-office' && n.name.endsWith(' SO'))).toHaveLength(140);
    const bo = own.filter((n) => n.type === 'branch-office');
    expect(bo).toHaveLength(1);
    expect(bo[0]!.facilities).toBe(66);
  });

  it('has ~20 sellers: 5 per million people (hand count 19.7)', () => {
    expect(counts.nodes.seller).toBeGreaterThanOrEqual(19);
    expect(counts.nodes.seller).toBeLessThanOrEqual(20);
  });

  it('keeps an FC and routes from it to every station, and between every two post offices', () => {
    const fc = hyderabad.nodes.find((n) => n.type === 'fulfilment-centre')!;
    expect(fc).toBeDefined();
    for (const s of hyderabad.nodes.filter((n) => n.type === 'delivery-station')) {
      expect(route(hyderabad, fc.id, s.id).at(-1)).toBe(s.id);
    }
    const offices = hyderabad.nodes.filter((n) => n.type === 'post-office');
    for (const a of offices.slice(0, 10)) for (const b of offices.slice(-10)) expect(route(hyderabad, a.id, b.id)[0]).toBe(a.id);
  });

  it('is its part of the national network: a state build matches the nation on that state', () => {
    const kerala = networkCounts(buildNetwork(data, { states: ['Kerala'] }, 7));
    const nation = networkCounts(buildNetwork(data, {}, 7));
    expect(kerala.byState['Kerala']).toEqual(nation.byState['Kerala']);
    expect(kerala.districts).toBe(14);
  });
});

describe('options', () => {
  it('scale multiplies capacities and keeps facility counts', () => {
    const tenth = buildNetwork(data, { districts: [HYDERABAD], scale: 0.1 }, 7);
    expect(networkCounts(tenth).nodes).toEqual(counts.nodes);
    hyderabad.nodes.forEach((n, i) => expect(tenth.nodes[i]!.capacityPerDay).toBeCloseTo(n.capacityPerDay * 0.1, 9));
    hyderabad.lanes.forEach((l, i) => expect(tenth.lanes[i]!.capacity).toBeCloseTo(l.capacity * 0.1, 9));
  });

  it('reports every invalid option with its path, the value given and what is valid', () => {
    const { issues } = validateNetworkOptions(
      { kiranaCount: -5, scale: 1.5, circuity: { road: 0.5, rail: 1.2, air: 1 }, states: ['Atlantis'], departures: { road: [1500], rail: [0], air: [0] } },
      data,
    );
    expect(issues.map((i) => i.path)).toEqual(['kiranaCount', 'circuity.road', 'departures.road', 'scale', 'states[0]']);
    expect(issues[0]!.message).toContain('-5');
    expect(issues[3]!.message).toContain('1.5');
    expect(issues[4]!.message).toContain('Atlantis');
    expect(issues[4]!.message).toContain('Kerala');
  });

  it('makes buildNetwork throw a NetworkOptionsError that lists them', () => {
    expect(() => buildNetwork(data, { districts: [9999], kiranaTowns: 0 })).toThrow(NetworkOptionsError);
    try {
      buildNetwork(data, { districts: [9999], kiranaTowns: 0 });
    } catch (e) {
      expect((e as NetworkOptionsError).issues.map((i) => i.path)).toEqual(['kiranaTowns', 'districts[0]']);
    }
  });
});

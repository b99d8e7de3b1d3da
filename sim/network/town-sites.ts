import { offsetPoint } from './geo.ts';
import type { PlaceContext } from './place-context.ts';

/** A place given to a district: the `k`-th of its town's (or district's) sites. */
export interface TownSite {
  lon: number;
  lat: number;
  /** The town's name, or the district's when it has no towns. */
  place: string;
  k: number;
  district: number;
}

/**
 * `perDistrict[d]` sites in each district at its towns by population (D'Hondt: each site goes to
 * the town with the most residents per site so far), spread over each town's built-up disc on a
 * square spiral; a district without towns gets its sites around its point (10 km). Delivery
 * stations and urban demand cells are placed alike, so a station's share of a town's sites is its
 * share of the town's orders.
 */
export function townSites(ctx: PlaceContext, perDistrict: readonly number[]): TownSite[] {
  const { districts, towns } = ctx.data;
  const townsOf = new Map<number, number[]>();
  for (const t of ctx.towns) {
    const d = towns.district[t]!;
    const list = townsOf.get(d);
    if (list) list.push(t);
    else townsOf.set(d, [t]);
  }
  const out: TownSite[] = [];
  perDistrict.forEach((n, d) => {
    if (n === 0) return;
    const list = townsOf.get(d) ?? [];
    if (list.length === 0) {
      const [x, y] = districts[d]!.point;
      for (let k = 0; k < n; k++) {
        const [lon, lat] = spreadPoint(x, y, k, n, 10);
        out.push({ lon, lat, place: districts[d]!.name, k, district: d });
      }
      return;
    }
    const given = highestAverages(n, list.map((t) => towns.population[t]!));
    list.forEach((t, j) => {
      for (let k = 0; k < given[j]!; k++) {
        const [lon, lat] = spreadPoint(towns.lon[t]!, towns.lat[t]!, k, given[j]!, townRadiusKm(towns.population[t]!));
        out.push({ lon, lat, place: towns.name[t]!, k, district: d });
      }
    });
  });
  return out;
}

/** D'Hondt: `n` seats over `weights`, each to the highest weight ÷ (seats so far + 1), ties to the lower index. */
export function highestAverages(n: number, weights: readonly number[]): number[] {
  const given = weights.map(() => 0);
  if (weights.length === 0) return given;
  for (let k = 0; k < n; k++) {
    let best = 0;
    for (let j = 1; j < weights.length; j++) if (weights[j]! / (given[j]! + 1) > weights[best]! / (given[best]! + 1)) best = j;
    given[best]! += 1;
  }
  return given;
}

/**
 * The `k`-th of `n` points spread over a disc of radius `radiusKm` on a square spiral (no
 * trigonometry, so the same bits everywhere): FCs of one cluster, stations of one town.
 */
export function spreadPoint(lon: number, lat: number, k: number, n: number, radiusKm: number): [number, number] {
  if (n <= 1) return [lon, lat];
  const [x, y] = squareSpiral(k);
  const side = Math.ceil(Math.sqrt(n));
  const step = (2 * radiusKm) / Math.max(side, 1);
  return offsetPoint(lon, lat, x * step, y * step);
}

/** Integer offsets of the square spiral: (0,0), (1,0), (1,1), (0,1), (-1,1), (-1,0), … */
function squareSpiral(k: number): [number, number] {
  let x = 0;
  let y = 0;
  let dx = 1;
  let dy = 0;
  let len = 1;
  let done = 0;
  let turns = 0;
  for (let i = 0; i < k; i++) {
    x += dx;
    y += dy;
    done += 1;
    if (done === len) {
      done = 0;
      [dx, dy] = [-dy, dx];
      turns += 1;
      if (turns % 2 === 0) len += 1;
    }
  }
  return [x, y];
}

/** A town's built-up radius, km, from its population (assumed ~10,000 people per km²: Indian city densities). */
export function townRadiusKm(population: number): number {
  return Math.max(2, Math.sqrt(population / 10_000 / Math.PI));
}

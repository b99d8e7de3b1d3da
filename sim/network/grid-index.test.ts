import { describe, expect, it } from 'vitest';
import { flatKm } from './geo.ts';
import { GridIndex } from './grid-index.ts';

// A fixed pseudo-random cloud over India's box, with clusters (cities) and duplicates (ties).
function cloud(n: number, seed: number): { lon: number[]; lat: number[] } {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const lon: number[] = [];
  const lat: number[] = [];
  for (let k = 0; k < n; k++) {
    if (k > 0 && next() < 0.05) {
      // An exact duplicate of an earlier point: ties must go to the lower id.
      const j = Math.floor(next() * k);
      lon.push(lon[j]!);
      lat.push(lat[j]!);
    } else if (next() < 0.5) {
      lon.push(77.2 + (next() - 0.5) * 0.4);
      lat.push(28.6 + (next() - 0.5) * 0.4);
    } else {
      lon.push(68 + next() * 29);
      lat.push(8 + next() * 29);
    }
  }
  return { lon, lat };
}

function bruteNearest(lon: number[], lat: number[], ids: number[], x: number, y: number, accept?: (id: number) => boolean) {
  let best: { id: number; km: number } | null = null;
  for (let k = 0; k < lon.length; k++) {
    if (accept && !accept(ids[k]!)) continue;
    const km = flatKm(x, y, lon[k]!, lat[k]!);
    if (best === null || km < best.km || (km === best.km && ids[k]! < best.id)) best = { id: ids[k]!, km };
  }
  return best;
}

describe('GridIndex', () => {
  const { lon, lat } = cloud(3000, 42);
  const ids = lon.map((_, k) => 10_000 - 3 * k); // ids unrelated to insertion order
  const index = new GridIndex(lon, lat, ids);
  const queries = cloud(400, 7);
  // Queries outside the points' box too (the sea, another continent).
  queries.lon.push(60, 100, -70, 77.2);
  queries.lat.push(5, 40, -30, 28.6);

  it('finds the same nearest point as a scan of every point, ties to the lower id', () => {
    for (let q = 0; q < queries.lon.length; q++) {
      expect(index.nearest(queries.lon[q]!, queries.lat[q]!)).toEqual(bruteNearest(lon, lat, ids, queries.lon[q]!, queries.lat[q]!));
    }
  });

  it('finds the nearest accepted point when most points are refused', () => {
    const accept = (id: number) => id % 7 === 0;
    for (let q = 0; q < queries.lon.length; q++) {
      expect(index.nearest(queries.lon[q]!, queries.lat[q]!, accept)).toEqual(
        bruteNearest(lon, lat, ids, queries.lon[q]!, queries.lat[q]!, accept),
      );
    }
    expect(index.nearest(77, 28, () => false)).toBeNull();
  });

  it('lists every point within a radius, in ascending id order', () => {
    for (const km of [0, 5, 40, 300]) {
      for (let q = 0; q < 50; q++) {
        const x = queries.lon[q]!;
        const y = queries.lat[q]!;
        const expected = ids.filter((_, k) => flatKm(x, y, lon[k]!, lat[k]!) <= km).sort((a, b) => a - b);
        expect(index.within(x, y, km)).toEqual(expected);
      }
    }
  });

  it('answers null and an empty list when it holds no points, and finds the only point of one', () => {
    const empty = new GridIndex([], []);
    expect(empty.nearest(77, 28)).toBeNull();
    expect(empty.within(77, 28, 100)).toEqual([]);
    const one = new GridIndex([72.88], [19.07], [5]);
    expect(one.nearest(88.36, 22.57)).toEqual({ id: 5, km: flatKm(88.36, 22.57, 72.88, 19.07) });
  });
});

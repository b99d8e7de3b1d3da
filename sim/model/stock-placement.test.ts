import { describe, expect, it } from 'vitest';
import type { Network } from '../network/index.ts';
import type { Demand } from './demand.ts';
import { stockPlacement } from './stock-placement.ts';

// Two FCs on the equator, A at 0° and B at 10°, and three districts whose anchors sit at 1°, 2°
// and 9°: 100 orders a day each. By hand, with A's room for 100 a day, district 0 (1° from A)
// takes all of A, district 2 (1° from B, a tie with district 0 broken by district) takes B, and
// district 1 (nearest A, now full) spills to B.
const node = (id: number, lon: number, capacityPerDay = 0) => ({ id, lon, lat: 0, capacityPerDay });
const network = { nodes: [node(0, 0, 100), node(1, 10, 1000), node(2, 1), node(3, 2), node(4, 9)] } as unknown as Network;
const fcs = [0, 1];
const anchors = [2, 3, 4];
const demand = { perDay: 300, districtCumulative: new Float64Array([100, 200, 300]) } as unknown as Demand;
const full = new Float64Array(5).fill(1);

/** Per district, its FCs and their shares of its orders. */
function shares(p: ReturnType<typeof stockPlacement>): [number, number][][] {
  return anchors.map((_, i) =>
    Array.from({ length: p.length[i]! }, (_, k) => {
      const j = p.start[i]! + k;
      return [p.fc[j]!, p.cumulative[j]! - (k > 0 ? p.cumulative[j - 1]! : 0)] as [number, number];
    }),
  );
}

describe('stock placement', () => {
  it('fills the nearest FC first and spills what it has no room for to the next nearest (hand count)', () => {
    expect(shares(stockPlacement(network, demand, fcs, anchors, 0, 1, full))).toEqual([[[0, 1]], [[1, 1]], [[1, 1]]]);
  });

  it('splits a district between FCs when the nearest has room for part of it', () => {
    // A's room 150: district 0 takes 100, district 1 the other 50 and 50 from B.
    const roomier = new Float64Array(5).fill(1);
    roomier[0] = 1.5;
    expect(shares(stockPlacement(network, demand, fcs, anchors, 0, 1, roomier))).toEqual([[[0, 1]], [[0, 0.5], [1, 0.5]], [[1, 1]]]);
  });

  it('keeps every district at its nearest FC with utilisation 0', () => {
    expect(shares(stockPlacement(network, demand, fcs, anchors, 0, 0, full))).toEqual([[[0, 1]], [[0, 1]], [[1, 1]]]);
  });

  it('gives the same placement when asked again for the same network (the pair order is cached)', () => {
    const a = stockPlacement(network, demand, fcs, anchors, 0, 1, full);
    const b = stockPlacement(network, demand, fcs, anchors, 0, 1, full);
    expect(b).toStrictEqual(a);
  });
});

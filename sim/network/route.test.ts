import { describe, expect, it } from 'vitest';
import { loadIndiaData } from '../data/index.ts';
import { buildNetwork } from './build-network.ts';
import type { Lane, Network } from './network.ts';
import { laneBetween } from './route.ts';

const kerala = buildNetwork(await loadIndiaData(), { states: ['Kerala'], scale: 0.01 }, 1);

describe('laneBetween', () => {
  it("finds every lane of a network by its two ends, and nothing between nodes a lane does not join (brute force)", () => {
    for (const l of kerala.lanes) expect(laneBetween(kerala, l.from, l.to)).toBe(kerala.lanes.find((x) => x.from === l.from && x.to === l.to));
    const joined = new Set(kerala.lanes.map((l) => `${l.from}>${l.to}`));
    let absent = 0;
    for (let a = 0; a < kerala.nodes.length; a += 7) {
      for (let b = 0; b < kerala.nodes.length; b += 11) {
        if (joined.has(`${a}>${b}`)) continue;
        expect(laneBetween(kerala, a, b)).toBeUndefined();
        absent++;
      }
    }
    expect(absent).toBeGreaterThan(1000);
  });

  it('gives the first lane by id when two join the same nodes, whatever order the lanes come in', () => {
    const lane = (id: number, from: number, to: number): Lane => ({ id, from, to, mode: 'road', km: 1, minutes: 1, departures: [0], capacity: 1, costPerParcelKm: 1, cv: 0 });
    const nodes = Array.from({ length: 4 }, (_, id) => ({ id })) as unknown as Network['nodes'];
    const network = { nodes, lanes: [lane(0, 2, 3), lane(1, 0, 3), lane(2, 0, 1), lane(3, 0, 3), lane(4, 0, 2), lane(5, 2, 3)] } as Network;
    expect([laneBetween(network, 0, 1)?.id, laneBetween(network, 0, 2)?.id, laneBetween(network, 0, 3)?.id, laneBetween(network, 2, 3)?.id]).toEqual([2, 4, 1, 0]);
    expect([laneBetween(network, 1, 0), laneBetween(network, 3, 2), laneBetween(network, 0, 0)]).toEqual([undefined, undefined, undefined]);
  });
});

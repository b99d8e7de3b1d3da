import { describe, expect, it } from 'vitest';
import { loadIndiaData } from '../data/index.ts';
import { modelConfig, runModel } from '../model/index.ts';
import { buildNetwork } from './index.ts';
import { networkFromColumns, networkToColumns } from './network-columns.ts';

const data = await loadIndiaData();
const national = buildNetwork(data, { scale: 0.01 }, 3);

describe('a network as columns', () => {
  it('turns back into the network it was made from: every field, in the same order (the national network)', () => {
    const back = networkFromColumns(networkToColumns(national));
    expect(back).toStrictEqual(national);
    // Key order too: JSON text is compared character by character.
    expect(JSON.stringify(back)).toBe(JSON.stringify(national));
  });

  it('survives the structured clone that carries it to a worker (typed arrays, string tables, options)', () => {
    const cloned = structuredClone(networkToColumns(national));
    expect(cloned.nodes.lon).toBeInstanceOf(Float64Array);
    expect(networkFromColumns(cloned)).toStrictEqual(national);
  });

  it('holds nodes and lanes in typed arrays, not ~180,000 objects', () => {
    const columns = networkToColumns(national);
    expect(columns.nodes.lat.length).toBe(national.nodes.length);
    expect(columns.lanes.departureStart.length).toBe(national.lanes.length + 1);
    expect(columns.lanes.departures.length).toBe(national.lanes.reduce((sum, l) => sum + l.departures.length, 0));
    expect(columns.nodes.states.length).toBeLessThan(40); // 36 states and union territories, once each
  });

  it('gives a replication the same result as the built network (Kerala)', () => {
    const kerala = buildNetwork(data, { states: ['Kerala'], scale: 0.01 }, 1);
    const config = modelConfig({ days: 3, drainDays: 2 });
    const direct = runModel(config, kerala, 1, 0);
    const rebuilt = runModel(config, networkFromColumns(structuredClone(networkToColumns(kerala))), 1, 0);
    expect(rebuilt.metrics).toStrictEqual(direct.metrics);
    expect(rebuilt.events).toBe(direct.events);
  });

  it('refuses what is not network columns, naming what it was given', () => {
    expect(() => networkFromColumns({ format: 'something-else' } as never)).toThrow(/expected format india-parcel-sim\/network-columns@3, given "something-else"/);
  });

  it('refuses a node whose id is not its index (ids are positions in both forms)', () => {
    const broken = { ...national, nodes: national.nodes.map((n, i) => (i === 5 ? { ...n, id: 9 } : n)) };
    expect(() => networkToColumns(broken)).toThrow(/node 5 has id 9/);
  });
});

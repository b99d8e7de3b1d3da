// Capacity follows the load that routing actually sends (issue 19): node by node over the national
// network, a station's riders cover its expected attempts within the headroom the scenario sets,
// and the parcels a replication actually sends to each node agree with what was expected.
import { describe, expect, it } from 'vitest';
import { loadIndiaData } from '../data/index.ts';
import { buildNetwork } from '../network/index.ts';
import { attemptsPerParcel, staffedFor } from './last-mile-load.ts';
import { modelConfig, type ModelConfigPatch, withModelDefaults } from './model-config.ts';
import { ParcelModel } from './parcel-model.ts';
import { OP_AMAZON } from './parcel-store.ts';

const data = await loadIndiaData();
const SCALE = 0.01;
const national = buildNetwork(data, { scale: SCALE }, 1);

function model(patch: ModelConfigPatch): ParcelModel {
  return new ParcelModel(withModelDefaults(modelConfig({ days: 14, ...patch })), national, SCALE, 1, 0);
}

describe('last-mile capacity follows the routed load', () => {
  it('gives every delivery station riders for its expected attempts × headroom, within one rider and the square-root allowance', () => {
    const m = model({});
    const headroom = m.config.operations.stationHeadroom;
    let stations = 0;
    let loaded = 0;
    for (const n of national.nodes) {
      if (n.type !== 'delivery-station') continue;
      stations++;
      const capacity = n.capacityPerDay * m.plan.nodeCapacity[n.id]!;
      const attempts = m.expected.attempts[n.id]!;
      const rider = n.capacityPerDay / n.staff; // one rider's drops a day at this scale
      // Never less than the load × headroom; never more than the planned allowance and a rider.
      expect(capacity, n.name).toBeGreaterThanOrEqual(attempts * headroom - 1e-9);
      expect(capacity, n.name).toBeLessThanOrEqual(staffedFor(attempts, headroom, SCALE) + rider + 1e-9);
      if (attempts > 0) loaded++;
    }
    expect(stations).toBeGreaterThan(1500);
    // Demand at urban cells reaches (nearly) every station: before, 460 of 1,886 got no parcel at all.
    expect(loaded / stations).toBeGreaterThan(0.97);
  });

  it('gives every India Post office at least its expected attempts a working day × headroom (staffToLoad)', () => {
    const m = model({ policy: 'india-post-rural' });
    const headroom = m.config.operations.stationHeadroom;
    let offices = 0;
    for (const n of national.nodes) {
      if (n.operator !== 'india-post' || !n.delivers) continue;
      offices++;
      const capacity = n.capacityPerDay * m.plan.nodeCapacity[n.id]!;
      // 13 working days in the 14 from 1 October 2024 (a Sunday and Gandhi Jayanti off): at most 7/6 of a day's load a working day.
      expect(capacity, n.name).toBeGreaterThanOrEqual(m.expected.attempts[n.id]! * headroom - 1e-9);
      expect(capacity, n.name).toBeGreaterThanOrEqual(n.capacityPerDay - 1e-9);
    }
    expect(offices).toBeGreaterThan(19_000); // ~19,000 delivery offices (DOMAIN.md: 19,053) and a branch-office node a district
  });

  it('expects of each node the parcels a replication then sends it (Poisson agreement, node by node)', () => {
    for (const policy of ['amazon', 'india-post-rural', 'shared-warehouses'] as const) {
      const m = model({ policy, drainDays: 0 });
      m.start();
      m.sim.run(m.horizon);
      const sent = new Float64Array(national.nodes.length);
      for (let id = 0; id < m.parcels.count; id++) sent[m.parcels.lastMile[id]!]!++;
      const perDay = m.demand.expectedOrders / m.demand.perDay; // expected orders over the run per parcel a day of demand
      let chi = 0;
      let k = 0;
      for (const n of national.nodes) {
        const expected = m.expected.parcels[n.id]! * perDay;
        if (expected < 30) continue;
        const got = sent[n.id]!;
        expect(Math.abs(got - expected), `${policy}: ${n.name} got ${got}, expected ${expected.toFixed(1)}`).toBeLessThan(5 * Math.sqrt(expected) + 1);
        chi += (got - expected) ** 2 / expected;
        k++;
      }
      expect(k, policy).toBeGreaterThan(200);
      // Over all nodes the squared deviations are what Poisson counts give: chi² / k near 1.
      expect(chi / k, policy).toBeLessThan(1.5);
      expect(chi / k, policy).toBeGreaterThan(0.6);
    }
  });

  it('counts the attempts a parcel takes: 1 + (1 − refusal) × Σ misses (hand count for Amazon urban)', () => {
    const c = withModelDefaults(modelConfig({}));
    // 58 % COD refusing 22 %, 42 % prepaid refusing 2 %; availability 0.9: 1 + 0.8640 × (0.1 + 0.01).
    const refuse = 0.58 * 0.22 + 0.42 * 0.02;
    expect(attemptsPerParcel(c, OP_AMAZON, false)).toBeCloseTo(1 + (1 - refuse) * (0.1 + 0.01), 12);
  });
});

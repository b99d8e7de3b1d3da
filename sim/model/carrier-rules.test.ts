import { describe, expect, it } from 'vitest';
import { loadIndiaData } from '../data/index.ts';
import { buildNetwork } from '../network/index.ts';
import { type CarrierRule, carrierRules, modelConfig, policyRules, runModel } from './index.ts';
import { CarrierTable, type OrderCase } from './carrier-table.ts';
import { networkTables } from './network-tables.ts';

const data = await loadIndiaData();
/** Patna (Bihar, Census 230) and Varanasi (Uttar Pradesh, 197): both have rural orders that Amazon reaches directly. */
const pair = buildNetwork(data, { districts: [230, 197], scale: 0.01 }, 1);
const stateOf = (position: number): string => (pair.catchments.districtCode[position] === 230 ? 'Bihar' : 'Uttar Pradesh');

describe('carrier rules', () => {
  it('the five policies are presets of one rule table, with the figures of their settings', () => {
    const c = modelConfig();
    const amazon: CarrierRule[] = [{ when: { direct: true }, lastMile: 'amazon' }, { lastMile: 'india-post' }];
    expect(policyRules(c)).toEqual(amazon);
    expect(policyRules({ ...c, policy: 'india-post-rural' })).toEqual([{ when: { area: 'rural' }, lastMile: 'india-post' }, ...amazon]);
    expect(policyRules({ ...c, policy: 'kirana' })).toEqual([{ when: { kirana: true }, share: 1, lastMile: 'kirana' }, ...amazon]);
    expect(policyRules({ ...c, policy: 'shared-warehouses' })).toEqual([
      { share: 0.5, firstMile: 'india-post-hub', lastMile: 'india-post' }, { when: { area: 'rural' }, lastMile: 'india-post' }, ...amazon,
    ]);
    expect(policyRules({ ...c, policy: 'b2b' })).toEqual([{ share: 0.3, firstMile: 'seller', lastMile: 'india-post', exportShare: 0.1 }, ...amazon]);
    // A scenario's own rules come first.
    const own: CarrierRule = { when: { states: ['Bihar'], area: 'rural' }, lastMile: 'india-post' };
    expect(carrierRules({ ...c, rules: [own] })).toEqual([own, ...amazon]);
  });

  it('each rule takes its share of what reaches it: the draw of pick and the probabilities of walk agree, draw by draw', () => {
    const rules: CarrierRule[] = [{ share: 0.3, lastMile: 'india-post' }, { share: 0.5, lastMile: 'amazon' }, { lastMile: 'india-post' }];
    const table = new CarrierTable(rules, pair, networkTables(pair));
    const o: OrderCase = { district: 0, rural: false, point: -1, cod: false };
    const visits: number[] = [0, 0, 0];
    const rest = table.walk(o, false, () => undefined, (r, p) => (visits[r] = p));
    expect(visits[0]).toBeCloseTo(0.3, 12);
    expect(visits[1]).toBeCloseTo(0.35, 12); // half of the 70 % left
    expect(visits[2]).toBeCloseTo(0.35, 12);
    expect(rest).toBeCloseTo(0, 12);
    // 100,000 evenly spaced draws land on the rules in those proportions.
    const counts = [0, 0, 0];
    const n = 100_000;
    for (let i = 0; i < n; i++) counts[table.pick(o, (i + 0.5) / n, false, () => true)]! += 1;
    expect(counts.map((x) => x / n)).toEqual([0.3, 0.35, 0.35]);
    // A carrier that cannot take the parcel passes it on, whole.
    const full = table.walk(o, false, (r) => (r === 0 ? [0, 1] : undefined), (r, p) => (visits[r] = p));
    expect(full).toBeCloseTo(0, 12);
    expect(visits[1]).toBeCloseTo(0.5, 12);
  });

  it("a scenario's rule — India Post carries rural parcels in Bihar only — moves exactly those parcels and no other", () => {
    const on = { enabled: true, sampleShare: 1, maxEvents: 1e6 };
    const created = (rules: CarrierRule[]) =>
      runModel(modelConfig({ days: 3, drainDays: 0, rules, eventLog: on }), pair, 3, 0).eventLog!.flatMap((e) => (e.type === 'created' ? [e] : []));
    const base = created([]);
    const bihar = created([{ when: { area: 'rural', states: ['Bihar'] }, lastMile: 'india-post' }]);
    expect(bihar.map((e) => [e.parcel, e.district, e.rural])).toEqual(base.map((e) => [e.parcel, e.district, e.rural])); // the same orders
    const operatorOf = (list: typeof base, state: string, rural: boolean) => list.filter((e) => stateOf(pair.catchments.district.indexOf(e.district)) === state && e.rural === rural).map((e) => e.operator);
    expect(operatorOf(base, 'Bihar', true)).toContain('amazon');
    expect(new Set(operatorOf(bihar, 'Bihar', true))).toEqual(new Set(['india-post']));
    for (const [state, rural] of [['Bihar', false], ['Uttar Pradesh', true], ['Uttar Pradesh', false]] as const) {
      expect(operatorOf(bihar, state, rural), `${state} ${rural ? 'rural' : 'urban'}`).toEqual(operatorOf(base, state, rural));
    }
  });

  it('India Post may carry the linehaul: handed over at the sort centre nearest the FC, not the one nearest the destination', () => {
    const on = { enabled: true, sampleShare: 1, maxEvents: 1e6 };
    const handoffs = (linehaul: 'amazon' | 'india-post') =>
      runModel(modelConfig({ days: 2, drainDays: 3, rules: [{ linehaul, lastMile: 'india-post' }], eventLog: on }), pair, 3, 0)
        .eventLog!.flatMap((e) => (e.type === 'handoff' ? [pair.nodes[e.from]!.name] : []));
    const late = new Set(handoffs('amazon'));
    const early = new Set(handoffs('india-post'));
    expect(late.size).toBeGreaterThan(0);
    expect(early.size).toBeGreaterThan(0);
    expect(early).not.toEqual(late);
  });
});

import { describe, expect, it } from 'vitest';
import { loadIndiaData } from '../data/index.ts';
import { buildNetwork } from '../network/index.ts';
import { v8Says } from '../engine/v8-says.ts';
import { DEFAULT_MODEL_CONFIG, modelConfig, runModel, validateModelConfig } from './index.ts';

const data = await loadIndiaData();
/** A tiny setup: one district (Hyderabad, Census code 536) at scale 0.01, a week of orders. */
const tiny = buildNetwork(data, { districts: [536], scale: 0.01 }, 1);
const week = modelConfig({ days: 7, drainDays: 5, eventLog: { enabled: true, sampleShare: 0.05, maxEvents: 10_000 } });

describe('runModel', () => {
  it('gives the same JSON for the same seed and a different one for another seed', () => {
    const a = JSON.stringify(runModel(week, tiny, 42, 0));
    const b = JSON.stringify(runModel(week, tiny, 42, 0));
    const c = JSON.stringify(runModel(week, tiny, 43, 0));
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('gives replication 1 the same result on a fresh network as after other runs on a shared one', () => {
    // Workers keep the network (and the route tables derived from it) between replications; what
    // one replication leaves behind must not change the next. Hyderabad (536) is Amazon's;
    // Hanumangarh (100) adds India Post's last mile and Amazon's hand-off lanes to it.
    const region = { districts: [536, 100], scale: 0.01 };
    const fresh = buildNetwork(data, region, 1);
    const first = runModel(week, fresh, 7, 1);
    expect(first.metrics['parcels.created{operator=india-post}']).toBeGreaterThan(10);
    const alone = JSON.stringify(first);
    const shared = buildNetwork(data, region, 1);
    runModel(week, shared, 7, 0);
    runModel(modelConfig({ days: 7, drainDays: 5, policies: { indiaPost: { airBetweenMetros: false } } }), shared, 7, 2);
    runModel(week, shared, 8, 3);
    expect(JSON.stringify(runModel(week, shared, 7, 1))).toBe(alone);
  });

  it('conserves parcels per operator: created = delivered + returned + in flight + lost', () => {
    const r = runModel(week, tiny, 1, 0);
    expect(r.parcels).toBeGreaterThan(300);
    for (const b of Object.values(r.conservation)) expect(b.delivered + b.returned + b.inFlight + b.lost).toBe(b.created);
    expect(r.metrics['parcels.created']).toBe(r.parcels);
  });

  it('records sampled parcels’ events in order, each parcel starting with created', () => {
    const r = runModel(week, tiny, 1, 0);
    const log = r.eventLog!;
    expect(log.length).toBeGreaterThan(50);
    const first = new Map<number, string>();
    for (const e of log) if (!first.has(e.parcel)) first.set(e.parcel, e.type);
    expect([...new Set(first.values())]).toEqual(['created']);
    for (let i = 1; i < log.length; i++) expect(log[i]!.t).toBeGreaterThanOrEqual(log[i - 1]!.t);
  });

  it('creates exactly the same parcels under two last-mile policies (common random numbers)', () => {
    const kerala = buildNetwork(data, { states: ['Kerala'], scale: 0.005 }, 1);
    const on = { enabled: true, sampleShare: 1, maxEvents: 1e6 };
    const created = (policy: 'amazon' | 'kirana'): string =>
      JSON.stringify(
        runModel(modelConfig({ days: 3, drainDays: 0, policy, eventLog: on }), kerala, 5, 0)
          .eventLog!.filter((e) => e.type === 'created')
          .map((e) => (e.type === 'created' ? [e.parcel, e.t, e.district, e.cod, e.rural] : [])),
      );
    const a = created('amazon');
    expect(a.length).toBeGreaterThan(100);
    expect(created('kirana')).toBe(a);
  });

  it('gives the kirana what-if the same share and per-store load at scale 0.01 as at 0.1', () => {
    // A store's capacity is 20–40 × scale a day (0.2–0.4 at 0.01): it must be honoured on average,
    // neither floored to nothing nor rounded up, or a small-scale run misstates the kirana policy.
    // (Hyderabad's stores see ~18 attempts a day: its orders spread over all of them; the 20–40 of
    // DOMAIN.md is checked where stores are as busy as the national average, calibration.test.ts.)
    const at = (scale: number, reps: number): { share: number; perStore: number } => {
      const net = scale === 0.01 ? tiny : buildNetwork(data, { districts: [536], scale }, 1);
      let share = 0;
      let perStore = 0;
      for (let rep = 0; rep < reps; rep++) {
        const m = runModel(modelConfig({ days: 14, drainDays: 10, policy: 'kirana' }), net, 11, rep).metrics;
        share += m['parcels.created{operator=kirana}']! / m['parcels.created']! / reps;
        perStore += m['kirana.attempts.perActiveStorePerDay']! / reps;
      }
      return { share, perStore };
    };
    const small = at(0.01, 4);
    const large = at(0.1, 1);
    expect(large.share).toBeGreaterThan(0.3);
    expect(Math.abs(small.share - large.share)).toBeLessThan(0.04);
    for (const r of [small, large]) {
      expect(r.perStore).toBeGreaterThanOrEqual(10);
      expect(r.perStore).toBeLessThanOrEqual(40);
    }
    expect(Math.abs(small.perStore / large.perStore - 1)).toBeLessThan(0.1);
  });

  it('rejects a scale that differs from the network’s, naming both', () => {
    expect(() => runModel({ ...week, scale: 0.5 }, tiny, 1, 0)).toThrow(/network's scale \(0\.01.*given 0\.5/);
  });

  it("keeps the first replication's optimised handlers when the second replication's model is made (asked of V8)", () => {
    // A worker's second replication must not throw away what its first compiled: in a fresh Node
    // that optimises at once (tiny interrupt budget, on the main thread), run replication 0 of
    // Hyderabad, make replication 1's model (with modelOn, as runModel does), and ask whether
    // replication 0's arrival handler is still optimised. (The order handler, since the carrier
    // rules, deoptimises once on a path first taken mid-run and is not compiled again in a run this
    // short; and a model made without modelOn no longer loses the arrival handler's code either, in
    // Node 20.20, so the control this test once had is gone: modelOn stays, as it costs little.)
    const url = (path: string): string => JSON.stringify(new URL(path, import.meta.url).href);
    const ask = (make: string): unknown =>
      JSON.parse(
        v8Says(
          new URL('./run-model.ts', import.meta.url),
          `await (async () => {
            const { loadIndiaData } = await import(${url('../data/index.ts')});
            const { buildNetwork } = await import(${url('../network/index.ts')});
            const { modelConfig, withModelDefaults } = await import(${url('./model-config.ts')});
            const { ParcelModel } = await import(${url('./parcel-model.ts')});
            const network = buildNetwork(await loadIndiaData(), { districts: [536], scale: 0.01 }, 1);
            const config = withModelDefaults(modelConfig({ days: 7, drainDays: 5 }));
            const make = (r) => ${make};
            const optimised = (f) => (%GetOptimizationStatus(f) & 16) !== 0;
            const first = make(0);
            first.start();
            first.sim.run(first.horizon);
            const before = optimised(first.onArrive);
            make(1);
            return [before, optimised(first.onArrive)];
          })()`,
          ['--interrupt-budget=500', '--no-concurrent-recompilation'],
        ),
      );
    expect(ask('m.modelOn(config, network, 0.01, 1, r)')).toEqual([true, true]);
  });
});

describe('validateModelConfig', () => {
  it('accepts the defaults', () => {
    expect(validateModelConfig(DEFAULT_MODEL_CONFIG)).toEqual([]);
  });

  it('lists every problem with its path, the value and what is valid', () => {
    const bad = modelConfig({
      days: 0,
      policy: 'teleport' as never,
      demand: { codShareUrban: 1.5 },
      disruptions: { diwali: { type: 'festive', from: '2024-10-30', to: '2024-10-01', saleDays: ['2024-13-01'] } },
    });
    const issues = validateModelConfig(bad);
    expect(issues.map((i) => i.path)).toEqual([
      'days', 'demand.codShareUrban', 'policy', 'disruptions.diwali.to', 'disruptions.diwali.saleDays[0]',
    ]);
    expect(issues[0]!.message).toBe('must be an integer in [1, 366], given 0');
  });

});

// Where the time goes: every delivered parcel's stages add up to its lead time, and each stage
// equals what the parcel's own events (the event log, every parcel sampled) say it spent there.
import { describe, expect, it } from 'vitest';
import { loadIndiaData } from '../data/index.ts';
import { buildNetwork } from '../network/index.ts';
import { modelConfig, type ModelConfigPatch, type ParcelEvent, runModel, STAGES } from './index.ts';

const data = await loadIndiaData();
const bihar = buildNetwork(data, { states: ['Bihar'], scale: 0.005 }, 1);
const TOLERANCE = 0.05; // minutes: stages are kept as float32 (~0.002 min at three weeks), summed over a few legs

interface Checked {
  parcels: number;
  metrics: Record<string, number>;
}

/** Runs a policy with every parcel's events logged and checks each delivered parcel against its events. */
function check(patch: ModelConfigPatch): Checked {
  const config = modelConfig({ days: 5, drainDays: 10, ...patch, eventLog: { enabled: true, sampleShare: 1, maxEvents: 5_000_000 } });
  const result = runModel(config, bihar, 7, 0);
  const byParcel = new Map<number, ParcelEvent[]>();
  for (const e of result.eventLog!) {
    let list = byParcel.get(e.parcel);
    if (list === undefined) byParcel.set(e.parcel, (list = []));
    list.push(e);
  }
  let parcels = 0;
  for (const events of byParcel.values()) {
    const delivered = events.find((e) => e.type === 'delivered');
    if (delivered?.type !== 'delivered') continue;
    parcels++;
    const stage = Object.fromEntries(STAGES.map((s, i) => [s, delivered.stageMinutes[i]!])) as Record<(typeof STAGES)[number], number>;
    const created = events[0]!;
    const lead = delivered.t - created.t;
    // They add up to the lead time.
    expect(Math.abs(delivered.stageMinutes.reduce((a, b) => a + b, 0) - lead), `parcel ${delivered.parcel}`).toBeLessThan(TOLERANCE);
    // And each is what the events say.
    const packed = events.find((e) => e.type === 'packed');
    expect(stage.pickWait).toBeCloseTo(packed ? packed.t - created.t : 0, 1);
    expect(stage.pickPack).toBe(packed ? config.operations.packMinutes : 0);
    let ready = packed ? packed.t + config.operations.packMinutes : created.t;
    let waits = 0;
    let moving = 0;
    for (const e of events) {
      if (e.type === 'departed') {
        waits += e.t - ready;
        moving -= e.t;
      } else if (e.type === 'arrived') {
        moving += e.t;
        ready = e.t;
      }
    }
    expect(stage.departureWait).toBeCloseTo(waits, 1);
    expect(stage.transit + stage.sortHandoff).toBeCloseTo(moving, 1);
    const out = events.find((e) => e.type === 'outForDelivery');
    const first = events.find((e) => e.type === 'attempt');
    if (out && first) {
      // `ready` is now the arrival at the last-mile node.
      expect(stage.dwell + stage.lastMileWait).toBeCloseTo(out.t - ready, 1);
      expect(stage.firstAttempt).toBeCloseTo(first.t - out.t, 1);
      expect(stage.reattempts).toBeCloseTo(delivered.t - first.t, 1);
    } else {
      // An export parcel ends at the export hub: its lead time is all linehaul.
      expect(stage.dwell + stage.lastMileWait + stage.firstAttempt + stage.reattempts).toBe(0);
    }
  }
  return { parcels, metrics: result.metrics };
}

describe('stages of the lead time', () => {
  it.each([
    ['amazon', { policy: 'amazon' }],
    ['india-post-rural, India Post without tracking (its dwell)', { policy: 'india-post-rural' }],
    ['b2b: parcels booked at post offices, some exported', { policy: 'b2b', policies: { b2b: { share: 0.5, exportShare: 0.2 } } }],
    ['kirana, with collections', { policy: 'kirana' }],
    ['shared warehouses: stock picked at India Post hubs', { policy: 'shared-warehouses' }],
  ] as [string, ModelConfigPatch][])('add up to every delivered parcel’s lead time and match its events: %s', (_, patch) => {
    const { parcels, metrics } = check(patch);
    expect(parcels).toBeGreaterThan(300);
    // The summary's stage means add up to its mean lead time, for every slice.
    for (const suffix of ['', '{operator=amazon}', '{operator=india-post}', '{operator=kirana}', '{area=rural}', '{state=Bihar}']) {
      if (!(metrics[`parcels.delivered${suffix}`]! > 0)) continue;
      const sum = STAGES.reduce((a, s) => a + metrics[`leadTime.stage.hours.${s}${suffix}`]!, 0);
      expect(sum, suffix).toBeCloseTo(metrics[`leadTime.hours.mean${suffix}`]!, 4);
    }
  });

  it('puts India Post’s untracked dwell only on India Post’s parcels, and none with tracking', () => {
    const untracked = check({ policy: 'india-post-rural' }).metrics;
    expect(untracked['leadTime.stage.hours.dwell{operator=india-post}']).toBeGreaterThan(12);
    expect(untracked['leadTime.stage.hours.dwell{operator=amazon}']).toBe(0);
    const tracked = check({ policy: 'india-post-rural', policies: { indiaPost: { tracking: true } } }).metrics;
    expect(tracked['leadTime.stage.hours.dwell']).toBe(0);
  });
});

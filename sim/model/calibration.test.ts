// Calibration against DOMAIN.md's public figures, at small scale (Kerala at 0.01: ~340 parcels a
// day) so the folder stays fast. Each test names its source.
import { describe, expect, it } from 'vitest';
import { loadIndiaData } from '../data/index.ts';
import { buildNetwork } from '../network/index.ts';
import { modelConfig, type ModelConfigPatch, runModel } from './index.ts';

const data = await loadIndiaData();
const kerala = buildNetwork(data, { states: ['Kerala'], scale: 0.01 }, 1);
const run = (patch: ModelConfigPatch = {}): Record<string, number> => runModel(modelConfig({ days: 14, drainDays: 10, ...patch }), kerala, 11, 0).metrics;
const base = run();

describe('calibration (DOMAIN.md)', () => {
  it('first-attempt success lands in 67–80 % (DOMAIN.md, last mile: first attempt, C)', () => {
    expect(base['firstAttempt.success.share']).toBeGreaterThanOrEqual(0.67);
    expect(base['firstAttempt.success.share']).toBeLessThanOrEqual(0.8);
  });

  it('RTO is near 25–30 % for COD and 2–3 % for prepaid (DOMAIN.md, RTO FY25, B)', () => {
    expect(base['rto.cod.share']).toBeGreaterThanOrEqual(0.22);
    expect(base['rto.cod.share']).toBeLessThanOrEqual(0.32);
    expect(base['rto.prepaid.share']).toBeGreaterThanOrEqual(0.015);
    expect(base['rto.prepaid.share']).toBeLessThanOrEqual(0.035);
  });

  it('Amazon delivers most of its own parcels next day or D+2 (DOMAIN.md, Amazon reach: next-day in >70 cities; peaks: normal delivery 1–2 days)', () => {
    // Target (derived): DOMAIN.md has next-day only in >70 cities and normal delivery in 1–2 days
    // (peaks stretch it to 5–7), so Amazon's own parcels mostly arrive within 48 h: ≥ 50 % here
    // (Kerala, stocked from FCs in other states: D+2 at best for most), ~60 % nationally
    // (`npx tsx scripts/bench-national.ts --scale 0.1 --metrics`). Before the timetable, stock
    // placement and rider sizing it was 24 % nationally.
    expect(base['delivered.within48h.share{operator=amazon}']).toBeGreaterThanOrEqual(0.5);
    expect(base['leadTime.hours.mean{operator=amazon}']).toBeLessThanOrEqual(60);
  });

  it('a kirana store that takes parcels handles 20–40 a day (DOMAIN.md, kirana stores: reach and load, A)', () => {
    // A covered PIN's parcels fill its nearest stores first, each up to its daily capacity.
    const k = run({ policy: 'kirana' });
    expect(k['parcels.created{operator=kirana}']).toBeGreaterThan(200);
    expect(k['kirana.attempts.perActiveStorePerDay']).toBeGreaterThanOrEqual(15);
    expect(k['kirana.attempts.perActiveStorePerDay']).toBeLessThanOrEqual(40);
  });

  it('a festive peak slows delivery (DOMAIN.md, peaks: 3–5× demand, capacity only 1.5–2×)', () => {
    const festive = run({
      disruptions: { diwali: { type: 'festive', from: '2024-10-03', to: '2024-10-12', saleDays: ['2024-10-03', '2024-10-04', '2024-10-05'] } },
    });
    expect(festive['parcels.created']).toBeGreaterThan(base['parcels.created']! * 1.4);
    expect(festive['leadTime.hours.mean']).toBeGreaterThan(base['leadTime.hours.mean']! * 1.1);
  });

  it('kiranas raise first-attempt success by 2 points or more in a city they cover (DOMAIN.md: I Have Space, pickup points)', () => {
    // Hyderabad, where kiranas take ~60 % of parcels; across Kerala they reach only ~7 % of parcels
    // (most PINs lie outside a store's 2–4 km), so the state-wide effect is a few tenths of a point.
    const hyderabad = buildNetwork(data, { districts: [536], scale: 0.1 }, 1);
    const first = (policy: 'amazon' | 'kirana'): number =>
      runModel(modelConfig({ days: 14, drainDays: 10, policy }), hyderabad, 11, 0).metrics['firstAttempt.success.share']!;
    expect(first('kirana') - first('amazon')).toBeGreaterThanOrEqual(0.02);
    expect(run({ policy: 'kirana' })['firstAttempt.success.share']).toBeGreaterThan(base['firstAttempt.success.share']!);
  });

  it('India Post with tracking delivers more rural parcels within 48 h than without (DOMAIN.md: Amazon asked for real-time tracking)', () => {
    // Karnataka has FCs of its own (Bengaluru), so rural parcels can reach their office within two days.
    const karnataka = buildNetwork(data, { states: ['Karnataka'], scale: 0.005 }, 1);
    const rural = (tracking: boolean): number =>
      runModel(modelConfig({ days: 14, drainDays: 10, policy: 'india-post-rural', policies: { indiaPost: { tracking } } }), karnataka, 11, 0)
        .metrics['delivered.within48h.share{area=rural}']!;
    expect(rural(true)).toBeGreaterThan(rural(false));
  });
});

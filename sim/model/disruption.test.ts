// Monsoon and hub closures (DOMAIN.md, peaks and disruption): monsoon June–September by region;
// Kerala floods 2018, 274 of 5,065 post offices affected, 99 submerged; deliveries suspended in
// flooded areas for days; linehaul slower ×1.1–1.4 (C). A closure must make parcels wait, so lead
// times and the backlog in the flooded state rise; a closed hub must hold the parcels routed
// through it. Each comparison is the same seed and replication with and without the disruption
// (common random numbers), so the difference is the disruption's, not sampling noise.
import { describe, expect, it } from 'vitest';
import { loadIndiaData } from '../data/index.ts';
import { buildNetwork } from '../network/index.ts';
import { modelConfig, runModel } from './index.ts';
import type { Disruption } from './model-config.ts';

const data = await loadIndiaData();
const kerala = buildNetwork(data, { states: ['Kerala'], scale: 0.01 }, 1);
const start = '2024-08-01';

describe('monsoon closures and slowdowns', () => {
  // Floods from day 3 to day 9 of 10 order days, with room to drain: closures fall on simulated days.
  const run = (disruptions: Record<string, Disruption>) =>
    runModel(modelConfig({ startDate: start, days: 10, drainDays: 14, disruptions }), kerala, 7, 0);
  const monsoon: Disruption = { type: 'monsoon', states: ['Kerala'], from: '2024-08-04', to: '2024-08-10', linehaulSlowdown: 1.3, closedShare: 0.054 };
  const dryRun = run({});
  const wetRun = run({ floods: monsoon });
  const dry = dryRun.metrics;
  const wet = wetRun.metrics;

  it('creates the same parcels with and without it (common random numbers)', () => {
    expect(wet['parcels.created']).toBe(dry['parcels.created']);
  });

  it('raises mean lead time and the backlog in the flooded state by a clear margin', () => {
    const lead = (m: Record<string, number>): number => m['leadTime.hours.mean{state=Kerala}']!;
    expect(lead(wet)).toBeGreaterThan(lead(dry) * 1.2);
    // The network is Kerala only, so the backlog is Kerala's: parcels not yet delivered or returned
    // at the end of the last flood day (index 9), and parcel-days waiting over the whole run.
    const wetBacklog = wetRun.daily.backlog;
    const dryBacklog = dryRun.daily.backlog;
    expect(wetBacklog[9]!).toBeGreaterThan(dryBacklog[9]! * 1.25);
    const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
    expect(sum(wetBacklog)).toBeGreaterThan(sum(dryBacklog) * 1.15);
    expect(wet['backlog.max']!).toBeGreaterThan(dry['backlog.max']!);
    // Waiting raises refusal at the door (DOMAIN.md: RTO grows with the delay).
    expect(wet['rto.share']!).toBeGreaterThan(dry['rto.share']!);
  });

  it('reaches Amazon’s last mile, not only India Post’s offices', () => {
    const lead = (m: Record<string, number>): number => m['leadTime.hours.mean{operator=amazon}']!;
    expect(lead(wet)).toBeGreaterThan(lead(dry) * 1.1);
  });

  it('slows linehaul into the state from outside it (the FC is in Karnataka)', () => {
    // No closures: only the slowdown; lanes from Karnataka into Kerala must be slower too.
    const slow = run({ floods: { ...monsoon, closedShare: 0 } }).metrics;
    expect(slow['leadTime.hours.mean']!).toBeGreaterThan(dry['leadTime.hours.mean']! + 2);
  });
});

describe('hub closure', () => {
  it('delays the parcels routed through the closed hub', () => {
    const hub = kerala.nodes.find((n) => n.name === 'Cochin SC')!;
    expect(hub).toBeDefined();
    const log = { enabled: true, sampleShare: 1, maxEvents: 2_000_000 };
    const run = (disruptions: Record<string, Disruption>) =>
      runModel(modelConfig({ startDate: start, days: 6, drainDays: 10, eventLog: log, disruptions }), kerala, 7, 0).eventLog!;
    const open = run({});
    const shut = run({ cochin: { type: 'hub-closure', node: hub.name, from: '2024-08-03', days: 2 } });
    // Parcels that reached the hub during the closure in the open run (same parcels in both runs).
    const from = 2 * 1440;
    const to = 4 * 1440;
    const through = new Set(open.filter((e) => e.type === 'arrived' && e.node === hub.id && e.t >= from && e.t < to).map((e) => e.parcel));
    expect(through.size).toBeGreaterThan(50);
    const meanLead = (events: typeof open): number => {
      let sum = 0;
      let n = 0;
      for (const e of events) if (e.type === 'delivered' && through.has(e.parcel)) (sum += e.leadTimeHours), n++;
      return sum / n;
    };
    // Held at the hub until it reopens: on average most of a day later at least.
    expect(meanLead(shut)).toBeGreaterThan(meanLead(open) + 12);
  });
});

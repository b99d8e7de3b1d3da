import { describe, expect, it } from 'vitest';
import { runDeliveryStationWeek } from '../examples/index.ts';
import { createStream, exponential, Server, Simulation } from './index.ts';

/** FNV-1a over the event trace (time, priority, sequence) and a final state. */
function traceHash(run: (sim: Simulation) => void): string {
  const sim = new Simulation();
  let h = 0x811c9dc5;
  const mix = (x: number) => {
    // Hash the exact bits of the float, not its decimal rendering.
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, x);
    for (let i = 0; i < 8; i++) h = Math.imul(h ^ view.getUint8(i), 0x01000193) >>> 0;
  };
  sim.observer = (time, priority, seq) => {
    mix(time);
    mix(priority);
    mix(seq);
  };
  run(sim);
  mix(sim.processed);
  return h.toString(16);
}

/** M/M/1 with optional extra streams drawn from on every arrival. */
function mm1(seed: number, replication: number, extraStream = false) {
  return (sim: Simulation): void => {
    const server = new Server(sim, { capacity: 1 });
    const gap = exponential(0.9);
    const service = exponential(1);
    const ua = createStream(seed, replication, 'arrivals');
    const us = createStream(seed, replication, 'services');
    const extra = extraStream ? createStream(seed, replication, 'weather') : null;
    let noise = 0;
    const depart = (): void => server.release();
    const start = (): void => sim.schedule(service.sample(us), depart);
    const arrive = (): void => {
      if (extra !== null) noise += extra();
      sim.schedule(gap.sample(ua), arrive);
      server.seize(start);
    };
    sim.schedule(gap.sample(ua), arrive);
    sim.run(20_000);
    if (noise < 0) throw new Error('unreachable');
  };
}

describe('determinism', () => {
  it('the same seed gives the identical event trace hash; another seed a different one', () => {
    expect(traceHash(mm1(1, 0))).toBe(traceHash(mm1(1, 0)));
    expect(traceHash(mm1(2, 0))).not.toBe(traceHash(mm1(1, 0)));
    expect(traceHash(mm1(1, 1))).not.toBe(traceHash(mm1(1, 0)));
  });

  it('replication r gives the same trace whether run alone or after others', () => {
    const alone = traceHash(mm1(7, 3));
    for (const r of [0, 1, 2]) traceHash(mm1(7, r));
    expect(traceHash(mm1(7, 3))).toBe(alone);
  });

  it('adding a new stream leaves the draws of the existing ones, and so the trace, unchanged', () => {
    expect(traceHash(mm1(5, 0, true))).toBe(traceHash(mm1(5, 0, false)));
  });

  it('a model with shifts, departures and arrivals by hour gives byte-identical results per seed', () => {
    const a = JSON.stringify(runDeliveryStationWeek({ seed: 3, days: 3 }));
    expect(JSON.stringify(runDeliveryStationWeek({ seed: 3, days: 3 }))).toBe(a);
    expect(JSON.stringify(runDeliveryStationWeek({ seed: 4, days: 3 }))).not.toBe(a);
  });

  it("the engine's outputs do not depend on Math.log, exp, pow, sin or cos (they differ between V8 versions)", () => {
    const reference = JSON.stringify(runDeliveryStationWeek({ seed: 9, days: 3 }));
    const referenceTrace = traceHash(mm1(9, 0));
    const names = ['log', 'exp', 'pow', 'sin', 'cos', 'log2', 'log1p', 'expm1'] as const;
    const originals = names.map((n) => Math[n]);
    let calls = 0;
    try {
      // One ulp off, as another engine might be.
      for (const [i, n] of names.entries()) {
        const f = originals[i] as (...a: number[]) => number;
        (Math as unknown as Record<string, (...a: number[]) => number>)[n] = (...a: number[]) => {
          calls++;
          return f(...a) * (1 + Number.EPSILON);
        };
      }
      expect(JSON.stringify(runDeliveryStationWeek({ seed: 9, days: 3 }))).toBe(reference);
      expect(traceHash(mm1(9, 0))).toBe(referenceTrace);
    } finally {
      names.forEach((n, i) => ((Math as unknown as Record<string, unknown>)[n] = originals[i]));
    }
    expect(calls).toBe(0);
  });
});

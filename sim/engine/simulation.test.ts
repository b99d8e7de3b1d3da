import { describe, expect, it } from 'vitest';
import { Simulation } from './index.ts';
import { v8Says } from './v8-says.ts';

describe('Simulation (callback API)', () => {
  it('processes events in time order, then priority, then the order they were scheduled', () => {
    const sim = new Simulation();
    const log: string[] = [];
    const note = (label: string) => log.push(`${sim.now}:${label}`);
    sim.schedule(5, note, 'c');
    sim.schedule(1, note, 'a');
    sim.schedule(5, note, 'd');
    sim.schedule(5, note, 'urgent', -1);
    sim.schedule(5, note, 'late', 2);
    sim.schedule(0, note, 'zero');
    sim.run();
    expect(log).toEqual(['0:zero', '1:a', '5:urgent', '5:c', '5:d', '5:late']);
  });

  it('runs a zero-delay event after same-time events scheduled before it, and before later ones', () => {
    const sim = new Simulation();
    const log: string[] = [];
    const note = (label: string) => log.push(label);
    sim.schedule(10, (s: Simulation) => {
      // At t = 10 the heap still holds 'b' (scheduled earlier for t = 10): it must run before 'now'.
      s.schedule(0, note, 'now');
      s.schedule(0, note, 'now2');
      s.schedule(0, note, 'urgent-now', -5);
      note('a');
    }, sim);
    sim.schedule(10, note, 'b');
    sim.schedule(10, note, 'c', 1);
    sim.run();
    expect(log).toEqual(['a', 'urgent-now', 'b', 'now', 'now2', 'c']);
  });

  it('run(until) stops before events at `until` and sets the clock to it; a second run continues', () => {
    const sim = new Simulation();
    const seen: number[] = [];
    const tick = (n: number) => {
      seen.push(sim.now);
      if (n > 0) sim.schedule(10, tick, n - 1);
    };
    sim.schedule(0, tick, 5);
    expect(sim.run(20)).toBe(2);
    expect(seen).toEqual([0, 10]);
    expect(sim.now).toBe(20);
    expect(sim.peek()).toBe(20);
    sim.run();
    expect(seen).toEqual([0, 10, 20, 30, 40, 50]);
    expect(sim.now).toBe(50);
  });

  it('steps one event at a time and reports when none is left', () => {
    const sim = new Simulation();
    let count = 0;
    const inc = () => count++;
    sim.schedule(3, inc);
    sim.schedule(7, inc);
    expect(sim.peek()).toBe(3);
    expect(sim.step()).toBe(true);
    expect([sim.now, count]).toEqual([3, 1]);
    expect(sim.step()).toBe(true);
    expect([sim.now, count]).toEqual([7, 2]);
    expect(sim.step()).toBe(false);
    expect(sim.peek()).toBe(Infinity);
  });

  it('stop() ends the run after the current event and leaves the rest pending', () => {
    const sim = new Simulation();
    const log: number[] = [];
    for (let i = 1; i <= 5; i++) sim.schedule(i, (n: number) => {
      log.push(n);
      if (n === 3) sim.stop();
    }, i);
    sim.run(100);
    expect(log).toEqual([1, 2, 3]);
    expect(sim.now).toBe(3);
    expect(sim.pending).toBe(2);
  });

  it('keeps insertion order among 10,000 same-time events through heap growth and slot reuse', () => {
    const sim = new Simulation();
    const order: number[] = [];
    const push = (i: number) => order.push(i);
    for (let i = 0; i < 10_000; i++) sim.schedule(i % 2 === 0 ? 1 : 2, push, i);
    sim.run();
    const evens = order.slice(0, 5000);
    const odds = order.slice(5000);
    expect(evens).toEqual(Array.from({ length: 5000 }, (_, k) => 2 * k));
    expect(odds).toEqual(Array.from({ length: 5000 }, (_, k) => 2 * k + 1));
  });

  it('matches a sort by (time, priority, sequence) on a random schedule of 50,000 events', () => {
    // Reference: collect all (time, priority, seq) and sort; times drawn from a small set to force ties.
    let state = 12345;
    const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const sim = new Simulation();
    const expected: [number, number, number][] = [];
    const got: number[] = [];
    const record = (seq: number) => got.push(seq);
    for (let seq = 0; seq < 50_000; seq++) {
      const time = Math.floor(next() * 100);
      const priority = Math.floor(next() * 3) - 1;
      expected.push([time, priority, seq]);
      sim.schedule(time, record, seq, priority);
    }
    expected.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
    sim.run();
    expect(got).toEqual(expected.map((e) => e[2]));
  });

  it('keeps (time, priority, sequence) order when handlers schedule zero-delay events of mixed priorities', () => {
    // Each handler schedules 0–3 follow-ups at delay 0 or 1 with priority −2..1, so the zero-delay
    // FIFO and the heap both hold events at `now`. The reference is a naive calendar that scans
    // for the smallest (time, priority, seq) on every step; the same draws must give the same order.
    type Schedule = (delay: number, id: number, priority: number) => void;
    function workload(schedule: Schedule, now: () => number): { handle: (id: number) => void; got: number[] } {
      let state = 777;
      const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
      const got: number[] = [];
      let ids = 0;
      const handle = (id: number) => {
        got.push(id * 1000 + now());
        if (ids >= 5_000) return;
        const children = Math.floor(next() * 4);
        for (let c = 0; c < children; c++) schedule(next() < 0.7 ? 0 : 1, ids++, Math.floor(next() * 4) - 2);
      };
      for (let i = 0; i < 30; i++) schedule(Math.floor(next() * 3), ids++, Math.floor(next() * 4) - 2);
      return { handle, got };
    }

    const sim = new Simulation();
    let fast: { handle: (id: number) => void; got: number[] } | undefined;
    fast = workload((delay, id, priority) => sim.schedule(delay, (x: number) => fast!.handle(x), id, priority), () => sim.now);
    sim.run();

    let clock = 0;
    let seq = 0;
    const pending: { time: number; priority: number; seq: number; id: number }[] = [];
    const ref = workload((delay, id, priority) => pending.push({ time: clock + delay, priority, seq: seq++, id }), () => clock);
    while (pending.length > 0) {
      let best = 0;
      for (let i = 1; i < pending.length; i++) {
        const a = pending[i]!;
        const b = pending[best]!;
        if (a.time < b.time || (a.time === b.time && (a.priority < b.priority || (a.priority === b.priority && a.seq < b.seq)))) best = i;
      }
      const [event] = pending.splice(best, 1);
      clock = event!.time;
      ref.handle(event!.id);
    }
    expect(fast.got.length).toBeGreaterThanOrEqual(5_000);
    expect(fast.got).toEqual(ref.got);
  });

  it('rejects a negative, NaN or infinite delay and an out-of-range priority with the value in the message', () => {
    const sim = new Simulation();
    const noop = () => {};
    expect(() => sim.schedule(-1, noop)).toThrow(/delay must be a finite number of minutes ≥ 0, given -1/);
    expect(() => sim.schedule(NaN, noop)).toThrow(/given NaN/);
    expect(() => sim.schedule(Infinity, noop)).toThrow(/given Infinity/);
    expect(() => sim.schedule(1, noop, undefined, 0.5)).toThrow(/priority must be an integer in \[-1024, 1023\], given 0.5/);
    sim.schedule(5, noop);
    sim.run();
    expect(() => sim.scheduleAt(2, noop)).toThrow(/≥ now \(5\), given 2/);
    expect(() => sim.run(1)).toThrow(/until must be ≥ now/);
  });

  it('lets the observer see every event with its time, priority and sequence number', () => {
    const sim = new Simulation();
    const seen: string[] = [];
    sim.observer = (t, p, s) => seen.push(`${t}/${p}/${s}`);
    const noop = () => {};
    sim.schedule(2, noop);
    sim.schedule(1, noop, undefined, 3);
    sim.schedule(0, noop);
    sim.run();
    expect(seen).toEqual(['0/0/2', '1/3/1', '2/0/0']);
    expect(sim.processed).toBe(3);
  });

  it('starts at time 0 and keeps one hidden class when the clock turns fractional (asked of V8)', () => {
    expect(Object.is(new Simulation().now, 0)).toBe(true);
    // A clock field that started as a small integer was generalised at the first fractional time:
    // V8 deprecated the kernel's hidden classes and threw away all code optimised on them.
    const run = `(() => { const a = new m.Simulation(); const b = new m.Simulation(); b.schedule(0.25, () => {}); b.schedule(1.5, () => {}); b.run(); return [b.now, %HaveSameMap(a, b)]; })()`;
    expect(v8Says(new URL('./simulation.ts', import.meta.url), run)).toBe('[1.5,true]');
  });
});

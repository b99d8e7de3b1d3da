import { describe, expect, it } from 'vitest';
import { scheduleCapacity, Server, Simulation } from './index.ts';

describe('Server', () => {
  it('serves at once when a unit is free and in arrival order otherwise (hand-counted schedule)', () => {
    // Two units, service 10 min; arrivals at 0, 1, 2, 3: starts 0, 1, 10, 11; ends 10, 11, 20, 21.
    const sim = new Simulation();
    const server = new Server(sim, { capacity: 2 });
    const starts: string[] = [];
    const finish = () => server.release();
    const start = (id: number) => {
      starts.push(`${id}@${sim.now}`);
      sim.schedule(10, finish);
    };
    for (let i = 0; i < 4; i++) sim.schedule(i, (id: number) => server.seize(start, id), i);
    sim.run();
    expect(starts).toEqual(['0@0', '1@1', '2@10', '3@11']);
    expect(sim.now).toBe(21);
    // Busy area: unit A 0–10 and 10–20, unit B 1–11 and 11–21 → 40 of 2 × 21 = 42 capacity-minutes.
    expect(server.utilization()).toBeCloseTo(40 / 42, 12);
    // Queue: job 2 waits 2–10, job 3 waits 3–11 → 16 waiting-minutes over 21.
    expect(server.meanQueueLength()).toBeCloseTo(16 / 21, 12);
    expect(server.served).toBe(4);
  });

  it('raises capacity at a shift change and serves the waiting line at once', () => {
    const sim = new Simulation();
    const server = new Server(sim, { capacity: 0, name: 'sorters' });
    const starts: number[] = [];
    const start = () => starts.push(sim.now);
    for (let i = 0; i < 3; i++) server.seize(start);
    // Sorters: none from 00:00, 2 from 06:00, 1 from 22:00, every day.
    scheduleCapacity(sim, server, [
      { at: 0, capacity: 0 },
      { at: 360, capacity: 2 },
      { at: 1320, capacity: 1 },
    ]);
    sim.run(2000);
    expect(starts).toEqual([360, 360]);
    expect(server.capacity).toBe(2); // 2000 min = day 1, 09:20: the day shift
    sim.run(1440 + 1320 + 1);
    expect(server.capacity).toBe(1); // day 1, 22:01: the night shift
  });

  it('applies the shift in force when the schedule starts mid-cycle, and wraps past midnight', () => {
    const sim = new Simulation(1000); // 16:40 on day 0
    const server = new Server(sim, { capacity: 0 });
    const changes: string[] = [];
    const spy = { name: 'spy', setCapacity: (c: number) => { changes.push(`${sim.now}:${c}`); server.setCapacity(c); } };
    scheduleCapacity(sim, spy, [
      { at: 360, capacity: 5 },
      { at: 1320, capacity: 1 },
    ]);
    sim.run(1440 * 2);
    expect(changes).toEqual(['1000:5', '1320:1', '1800:5', '2760:1']);
  });

  it('lowers capacity without pre-empting: units in service finish, new grants wait', () => {
    const sim = new Simulation();
    const server = new Server(sim, { capacity: 2 });
    const starts: number[] = [];
    const start = () => {
      starts.push(sim.now);
      sim.schedule(10, () => server.release());
    };
    server.seize(start);
    server.seize(start);
    server.seize(start);
    server.setCapacity(1);
    sim.run();
    // Both first jobs end at 10; only one unit remains, so the third starts at 10, ends at 20.
    expect(starts).toEqual([0, 0, 10]);
    expect(server.busy).toBe(0);
  });

  it('rejects a bad capacity and a release with nothing in use, naming the server', () => {
    const sim = new Simulation();
    expect(() => new Server(sim, { capacity: 1.5, name: 'pickers' })).toThrow(/server "pickers": capacity must be an integer ≥ 0, given 1.5/);
    const server = new Server(sim, { capacity: 1, name: 'riders' });
    expect(() => server.release()).toThrow(/server "riders": release\(\) with no unit in use/);
    expect(() => scheduleCapacity(sim, server, [{ at: 1500, capacity: 1 }])).toThrow(/shifts\[0\]\.at must be a minute in \[0, 1440\), given 1500/);
  });
});

import { describe, expect, it } from 'vitest';
import { ScheduledDepartures, Simulation } from './index.ts';

function truck(sim: Simulation, options: { capacity?: number; cutoff?: number; times?: number[] }) {
  const trips: string[] = [];
  const departures = new ScheduledDepartures<string>(sim, {
    name: 'DEL→BOM',
    times: options.times ?? [360, 1080], // 06:00 and 18:00
    capacity: options.capacity ?? Infinity,
    cutoff: options.cutoff ?? 0,
    onDepart: (items, time) => trips.push(`${time}:${items.join(',')}`),
  });
  return { departures, trips };
}

describe('ScheduledDepartures', () => {
  it('leaves at the timetabled times with what is ready; what misses one waits for the next', () => {
    const sim = new Simulation();
    const { departures, trips } = truck(sim, {});
    sim.schedule(100, () => departures.add('a'));
    sim.schedule(360, () => departures.add('b')); // at the departure minute: still makes it
    sim.schedule(361, () => departures.add('c')); // one minute late: evening truck
    sim.schedule(1500, () => departures.add('d')); // after the last one of day 0: next morning
    sim.run();
    expect(trips).toEqual(['360:a,b', '1080:c', '1800:d']);
  });

  it('carries at most its capacity; the rest go on later departures in arrival order', () => {
    const sim = new Simulation();
    const { departures, trips } = truck(sim, { capacity: 2 });
    for (const p of ['p1', 'p2', 'p3', 'p4', 'p5']) departures.add(p);
    sim.run();
    expect(trips).toEqual(['360:p1,p2', '1080:p3,p4', '1800:p5']);
    expect([departures.departures, departures.carried, departures.waiting]).toEqual([3, 5, 0]);
  });

  it('needs items ready `cutoff` minutes before departure (a booking cut-off)', () => {
    const sim = new Simulation();
    const { departures, trips } = truck(sim, { cutoff: 60 });
    sim.schedule(299, () => departures.add('early')); // 05:00 at the latest for the 06:00 truck
    sim.schedule(301, () => departures.add('late'));
    sim.run();
    expect(trips).toEqual(['360:early', '1080:late']);
  });

  it('skips departures in a closed window and takes the load on the first one after it', () => {
    const sim = new Simulation();
    const { departures, trips } = truck(sim, {});
    departures.add('x');
    // Closed after the 06:00 trip was planned: floods from 05:00 on day 0 to 12:00 on day 1.
    sim.schedule(10, () => departures.close(300, 1440 + 720));
    sim.run();
    expect(trips).toEqual(['2520:x']);
  });

  it('costs no calendar events while nothing waits', () => {
    const sim = new Simulation();
    truck(sim, {});
    sim.run(10 * 1440);
    expect(sim.processed).toBe(0);
  });

  it('rejects an unordered timetable and a negative cut-off, listing every problem', () => {
    const sim = new Simulation();
    expect(() => new ScheduledDepartures(sim, { name: 'x', times: [600, 300, 1500], cutoff: -5, onDepart: () => {} })).toThrow(
      /departures "x":\n {2}times\[1\] must be after times\[0\] \(600\), given 300\n {2}times\[2\] must be a minute in \[0, 1440\), given 1500\n {2}cutoff must be a finite number of minutes ≥ 0, given -5/,
    );
  });
});

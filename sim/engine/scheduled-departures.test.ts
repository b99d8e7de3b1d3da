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
    // Left behind by a full truck: p3–p5 at 06:00, p5 at 18:00 (a hand count).
    expect(departures.leftBehind).toBe(4);
    // Waits from minute 0: p1, p2 360; p3, p4 1080; p5 1800.
    expect(departures.waited).toBe(360 * 2 + 1080 * 2 + 1800);
  });

  it('counts the items that just missed a departure: ready less than an hour after a timetabled one, the next two hours or more away', () => {
    const sim = new Simulation();
    const { departures } = truck(sim, {}); // 06:00 and 18:00
    for (const t of [300, 361, 419, 420, 1100, 1439 + 1080 + 30]) sim.scheduleAt(t, () => departures.add(String(t)));
    sim.run();
    // 361 and 419 (1 and 59 min after 06:00), 1100 (20 min after 18:00), day 2 18:29; not 300 or 420.
    expect(departures.justMissed).toBe(4);
    // Hourly departures: a parcel an hour from the next one has missed nothing much.
    const hourly = truck(sim, { times: Array.from({ length: 24 }, (_, h) => h * 60) }).departures;
    sim.scheduleAt(sim.now + 10, () => hourly.add('x'));
    sim.run();
    expect(hourly.justMissed).toBe(0);
  });

  it('keeps arrival order through a long line that never empties, and a line that empties and fills again', () => {
    const sim = new Simulation();
    const left: number[] = [];
    const waiting: number[] = [];
    // 100 a day arrive, 60 a day leave (two departures of 30): the line grows for 50 days.
    const d = new ScheduledDepartures<number>(sim, { times: [360, 1080], capacity: 30, onDepart: (items) => left.push(...items) });
    let n = 0;
    for (let day = 0; day < 50; day++) for (let k = 0; k < 100; k++) sim.schedule(day * 1440 + k * 14, () => d.add(n++));
    sim.schedule(50 * 1440, () => waiting.push(d.waiting));
    sim.run();
    // Hand count at the start of day 50: 5,000 arrived; the first truck found 26 ready (k·14 ≤ 360),
    // the 99 after it left full (30): 26 + 99 × 30 = 2,996 gone, 2,004 waiting.
    expect(waiting[0]).toBe(2004);
    expect(left).toEqual(Array.from({ length: 5000 }, (_, i) => i));
    expect(d.waiting).toBe(0);
    // Empty now: it fills and empties again with new items, in order.
    sim.schedule(0, () => [7, 8, 9].forEach((x) => d.add(x)));
    sim.run();
    expect(left.slice(-3)).toEqual([7, 8, 9]);
  });

  it('lets go of object items when they depart (it does not hold them until its slots are reused)', () => {
    const sim = new Simulation();
    const d = new ScheduledDepartures<{ id: number }>(sim, { times: [360], onDepart: () => {} });
    sim.schedule(0, () => d.add({ id: 1 }));
    sim.run();
    const slots = (d as unknown as { items: unknown[] }).items;
    expect(slots.every((x) => x === null)).toBe(true);
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

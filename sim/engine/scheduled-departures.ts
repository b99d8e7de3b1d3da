import type { Simulation } from './simulation.ts';

export interface DepartureOptions<T> {
  name?: string;
  /** Departure minutes within each period, ascending, each in [0, period). */
  times: readonly number[];
  /** Length of the timetable's cycle in minutes; 1440 (a day) by default. */
  period?: number;
  /** Most items (or units of `size`) one departure carries; Infinity by default. */
  capacity?: number;
  /** Minutes before a departure by which an item must be ready to make it (loading, cut-off). */
  cutoff?: number;
  /** Size of an item in units of `capacity` (weight, volume, cages); 1 by default. */
  size?: (item: T) => number;
  /** Called at each departure that carries something, with the items in the order they came. */
  onDepart: (items: T[], time: number) => void;
  /**
   * Windows [from, to) in which no departure runs, as `close(from, to)` would add them, but read
   * where they are (never copied or changed): many timetables can share one list (every India
   * Post lane shares the Sundays and holidays).
   */
  closed?: readonly (readonly [number, number])[];
}

/**
 * A timetabled vehicle (a linehaul truck, a mail train, a delivery wave): it leaves at fixed times
 * with what is ready, up to its capacity, and what misses it waits for the next one. This is where
 * cut-offs and missed connections come from.
 *
 * Departures cost calendar events only while something waits: the next departure is scheduled when
 * the first item arrives and after each departure that leaves items behind. `close(from, to)`
 * cancels the departures in a window (a closed road, a hub shut by floods).
 */
export class ScheduledDepartures<T> {
  readonly name: string;
  readonly times: readonly number[];
  readonly period: number;
  readonly capacity: number;
  readonly cutoff: number;
  /** Departures that carried something, and the items they carried. */
  departures = 0;
  carried = 0;
  /** Items ready for a departure that left without them because it was full (counted at each such departure). */
  leftBehind = 0;
  /** Those the last departure left behind. */
  lastLeftBehind = 0;
  /** Minutes the carried items waited, from ready to their departure, summed (a double from the start, as `Simulation.now`). */
  waited = -0;
  /**
   * Items that just missed a departure: ready less than an hour after a timetabled one, with the
   * next at least two hours on (on a lane leaving every hour or two, nothing is missed by much).
   */
  justMissed = 0;

  private readonly size: ((item: T) => number) | undefined;
  private readonly onDepart: (items: T[], time: number) => void;
  // Waiting items are items[head .. tail), with the times they became ready. The slots are reused:
  // a lane that empties at each departure (most do) allocates nothing after its first few items.
  private readonly items: T[] = [];
  private readonly ready: number[] = [];
  private head = 0;
  private tail = 0;
  private nextAt = -Infinity;
  private lastAt = -Infinity;
  private readonly closures: [number, number][] = [];
  private readonly closed: readonly (readonly [number, number])[];
  /** Windows [from, to) within the period where an item just missed a departure (see `justMissed`), back to back. */
  private readonly missWindows: Float64Array;

  constructor(
    readonly sim: Simulation,
    options: DepartureOptions<T>,
  ) {
    this.name = options.name ?? 'departures';
    this.period = options.period ?? 1440;
    this.times = [...options.times];
    this.capacity = options.capacity ?? Infinity;
    this.cutoff = options.cutoff ?? 0;
    this.size = options.size;
    this.onDepart = options.onDepart;
    this.closed = options.closed ?? [];
    const problems = validateDepartures(this.times, this.period, this.capacity, this.cutoff);
    this.closed.forEach(([from, to], i) => {
      if (!(to > from)) problems.push(`closed[${i}] must be a window [from, to) with to > from, given [${from}, ${to}]`);
    });
    if (problems.length > 0) throw new RangeError(`departures "${this.name}":\n  ${problems.join('\n  ')}`);
    this.missWindows = missWindows(this.times, this.period);
  }

  /** Items waiting for a departure. */
  get waiting(): number {
    return this.tail - this.head;
  }

  /** Time the next departure is scheduled for, or Infinity when nothing waits. */
  get nextDeparture(): number {
    return this.nextAt === -Infinity ? Infinity : this.nextAt;
  }

  /** An item ready now; it leaves on the first departure it can make. */
  add(item: T): void {
    if (this.size !== undefined) {
      const size = this.size(item);
      if (!(size > 0 && size <= this.capacity)) {
        throw new RangeError(`departures "${this.name}": an item's size must be in (0, ${this.capacity}], given ${size}`);
      }
    }
    if (this.tail === this.items.length) {
      this.items.push(item);
      this.ready.push(this.sim.now);
    } else {
      this.items[this.tail] = item;
      this.ready[this.tail] = this.sim.now;
    }
    this.tail++;
    if (this.justMissedAt(this.sim.now)) this.justMissed++;
    if (this.nextAt === -Infinity) this.plan(this.sim.now + this.cutoff);
  }

  /** Whether `t` lies less than an hour after a timetabled departure (closed or not) whose next is two hours or more later. */
  private justMissedAt(t: number): boolean {
    const within = t - Math.floor(t / this.period) * this.period;
    const w = this.missWindows;
    for (let i = 0; i < w.length; i += 2) if (within >= w[i]! && within < w[i + 1]!) return true;
    return false;
  }

  /** Cancels departures at times in [from, to); items wait for the first one after. */
  close(from: number, to: number): void {
    if (!(to > from)) throw new RangeError(`departures "${this.name}": close(from, to) needs to > from, given ${from}, ${to}`);
    // A departure already planned inside the window moves on when its time comes (see leave).
    this.closures.push([from, to]);
  }

  /** The first departure time ≥ t (and after the last one) that is not closed. */
  departureAtOrAfter(t: number): number {
    const period = this.period;
    let base = Math.floor(t / period) * period;
    for (let cycles = 0; cycles < 100_000; cycles++, base += period) {
      for (let i = 0; i < this.times.length; i++) {
        const d = base + this.times[i]!;
        if (d >= t && d > this.lastAt && !this.isClosed(d)) return d;
      }
    }
    throw new Error(`departures "${this.name}": no departure within 100,000 periods after ${t} (closed?)`);
  }

  private isClosed(d: number): boolean {
    return inAny(this.closed, d) || inAny(this.closures, d);
  }

  private plan(earliest: number): void {
    this.nextAt = this.departureAtOrAfter(earliest);
    this.sim.scheduleAt(this.nextAt, leave, this);
  }

  /** @internal the departure planned for now. */
  leave(): void {
    const at = this.sim.now;
    if (this.isClosed(at)) {
      // Closed after it was planned: the first departure after the window takes the load.
      this.plan(at);
      return;
    }
    this.lastAt = at;
    const latest = at - this.cutoff;
    // Count first, then copy into an array of exactly that length: a batch rides with its vehicle
    // (the model keeps it until arrival), and an array grown by push would carry 17 slots for the
    // five items a linehaul departure takes on average.
    let count = 0;
    let load = 0;
    let waited = 0;
    while (this.head + count < this.tail && this.ready[this.head + count]! <= latest) {
      const size = this.size === undefined ? 1 : this.size(this.items[this.head + count]!);
      if (load + size > this.capacity) break;
      load += size;
      waited += at - this.ready[this.head + count]!;
      count++;
    }
    // Ready but not taken: the vehicle is full (a missed connection for each of them).
    let behind = 0;
    while (this.head + count + behind < this.tail && this.ready[this.head + count + behind]! <= latest) behind++;
    this.leftBehind += behind;
    this.lastLeftBehind = behind;
    const batch = this.items.slice(this.head, this.head + count);
    // Object items are let go of here, not when their slots are next written.
    for (let i = this.head; i < this.head + count; i++) if (typeof this.items[i] === 'object') this.items[i] = null as T;
    this.head += count;
    this.compact();
    this.nextAt = -Infinity;
    if (this.head < this.tail) this.plan(this.ready[this.head]! + this.cutoff);
    if (batch.length > 0) {
      this.departures++;
      this.carried += batch.length;
      this.waited += waited;
      this.onDepart(batch, at);
    }
  }

  private compact(): void {
    // Both tests always run: a line first long enough to compact, days into a run, would meet
    // a test V8 had never seen run and throw the optimised departure code away.
    const head = this.head;
    const tail = this.tail;
    const long = head > 1024;
    const behind = head * 2 > tail;
    if (head === tail) {
      this.head = this.tail = 0;
    } else if (long && behind) {
      // A line that never empties: move it to the front now and then, so the arrays stay bounded.
      const { items, ready } = this;
      const n = this.tail - this.head;
      for (let i = 0; i < n; i++) {
        items[i] = items[this.head + i]!;
        ready[i] = ready[this.head + i]!;
      }
      for (let i = n; i < this.tail; i++) if (typeof items[i] === 'object') items[i] = null as T;
      this.tail = n;
      this.head = 0;
    }
  }
}

/**
 * The hour after each departure whose next is two hours or more later, as windows within the
 * period (one wrapping past its end is split in two), worked out once so `add` scans a few windows
 * instead of the timetable.
 */
function missWindows(times: readonly number[], period: number): Float64Array {
  const out: number[] = [];
  times.forEach((t, i) => {
    const next = i + 1 < times.length ? times[i + 1]! : times[0]! + period;
    if (next - t < 120) return;
    const end = t + 60;
    if (end <= period) out.push(t, end);
    else out.push(t, period, 0, end - period);
  });
  return Float64Array.from(out);
}

function leave(departures: ScheduledDepartures<any>): void {
  departures.leave();
}

function inAny(windows: readonly (readonly [number, number])[], d: number): boolean {
  for (let i = 0; i < windows.length; i++) {
    const c = windows[i]!;
    if (d >= c[0] && d < c[1]) return true;
  }
  return false;
}

export function validateDepartures(times: readonly number[], period: number, capacity: number, cutoff: number): string[] {
  const problems: string[] = [];
  if (!(period > 0) || !Number.isFinite(period)) problems.push(`period must be a finite number of minutes > 0, given ${period}`);
  if (!Array.isArray(times) || times.length === 0) {
    problems.push(`times must be a non-empty list of minutes in [0, ${period}), given ${JSON.stringify(times)}`);
  } else {
    times.forEach((t, i) => {
      if (!(t >= 0 && t < period)) problems.push(`times[${i}] must be a minute in [0, ${period}), given ${t}`);
      if (i > 0 && !(t > times[i - 1]!)) problems.push(`times[${i}] must be after times[${i - 1}] (${times[i - 1]}), given ${t}`);
    });
  }
  if (!(capacity > 0)) problems.push(`capacity must be > 0 (Infinity for no limit), given ${capacity}`);
  if (!(cutoff >= 0) || !Number.isFinite(cutoff)) problems.push(`cutoff must be a finite number of minutes ≥ 0, given ${cutoff}`);
  return problems;
}

import { FIRST_FREE_FLAG, SimEvent } from './sim-event.ts';
import type { Handler, Simulation } from './simulation.ts';
import { type Discipline, WaitQueue } from './wait-queue.ts';

export interface ServerOptions {
  /** Units that can serve at once (pickers, sorters, riders, postmen); an integer ≥ 0. */
  capacity: number;
  /** Order of the waiting line: 'fifo' (default) or 'priority' (lower number first, FIFO within). */
  discipline?: Discipline;
  name?: string;
}

const GRANTED = FIRST_FREE_FLAG;
// A server's entries in sim.doubles, from Server.at: when the integrals were last brought up to
// date, the three integrals, and their start.
const T_LAST_CHANGE = 0;
const T_BUSY_AREA = 1;
const T_QUEUE_AREA = 2;
const T_CAPACITY_AREA = 3;
const T_STATS_START = 4;
const T_COUNT = 5;
const CANCELLED = FIRST_FREE_FLAG * 2;

/** A request of the process API: yield it to wait for a unit, then `server.release(request)`. */
export class Request extends SimEvent<Request> {
  constructor(
    readonly server: Server,
    readonly priority: number,
  ) {
    super(server.sim);
  }

  /** Whether a unit was granted to it. */
  get granted(): boolean {
    return (this.flags & GRANTED) !== 0;
  }

  /** Whether it was withdrawn from the line before a unit was granted. */
  get cancelled(): boolean {
    return (this.flags & CANCELLED) !== 0;
  }

  /** @internal */
  grant(): void {
    this.flags |= GRANTED;
  }

  /** @internal */
  cancel(): void {
    this.flags |= CANCELLED;
  }
}

function grantRequest(request: Request): void {
  request.grant();
  request.succeed(request);
}

/**
 * A capacity-limited server (SimPy's `Resource`/`PriorityResource`, JaamSim's `Server` with
 * `NumberOfServers`).
 *
 * Hot path: `seize(handler, arg)` calls `handler(arg)` at once if a unit is free, otherwise when one
 * is released; `release()` hands the unit straight to the next in line. Both happen inside the
 * current event, so an M/M/1 costs two calendar events per customer (arrival, departure).
 * Process API: `const req = yield server.request()`, then `server.release(req)`.
 *
 * Capacity may change during the run (shifts): a rise serves the waiting line at once; a fall
 * takes effect as units are released (no one is pre-empted).
 */
export class Server {
  readonly name: string;
  private cap: number;
  private inUse = 0;
  // queue.size, kept here too: most seizes and releases find nobody waiting, and reading it here
  // spares fetching the queue object from memory (a model has thousands of servers, so it is
  // rarely in cache).
  private waiting = 0;
  private readonly queue: WaitQueue;
  // Where the time integrals for utilisation and queue length start in sim.doubles (see the T_
  // indices). Not five number fields: V8 keeps a double field in a box of its own, and every seize
  // and release updates four of them.
  private readonly at: number;
  /** Units granted since the statistics were last reset. */
  served = 0;

  constructor(
    readonly sim: Simulation,
    options: ServerOptions,
  ) {
    this.name = options.name ?? 'server';
    checkCapacity(this.name, options.capacity);
    this.cap = options.capacity;
    this.queue = new WaitQueue(options.discipline ?? 'fifo');
    this.at = sim.allocateDoubles(T_COUNT);
    sim.doubles[this.at + T_LAST_CHANGE] = sim.now;
    sim.doubles[this.at + T_STATS_START] = sim.now;
  }

  get capacity(): number {
    return this.cap;
  }

  /** Units in use now. */
  get busy(): number {
    return this.inUse;
  }

  /** Entries waiting for a unit now. */
  get queueLength(): number {
    return this.waiting;
  }

  /** Calls `handler(arg)` when a unit is granted: now if one is free, else after those before it. */
  seize<A>(handler: Handler<A>, arg?: A, priority = 0): void {
    if (this.inUse < this.cap && this.waiting === 0) {
      this.account();
      this.inUse++;
      this.served++;
      handler(arg as A);
    } else {
      this.account();
      this.queue.push(handler, arg, priority);
      this.waiting++;
    }
  }

  /**
   * Process API: an event that succeeds when a unit is granted. A unit that is free now is granted
   * at once, as on the callback API: the request is already processed, so `yield` goes straight
   * on, without a calendar event (SimPy would pass through the calendar at the same time).
   */
  request(priority = 0): Request {
    const request = new Request(this, priority);
    if (this.inUse < this.cap && this.waiting === 0) {
      this.account();
      this.inUse++;
      this.served++;
      request.grant();
      request.settle(request);
    } else {
      this.seize(grantRequest, request, priority);
    }
    return request;
  }

  /**
   * Gives a unit back (hot path: no argument). With a `Request` that has not been granted yet,
   * withdraws it from the line instead (a process that gave up waiting).
   */
  release(request?: Request): void {
    if (request !== undefined && !request.granted) {
      if (!request.cancelled) {
        request.cancel();
        this.account();
        this.waiting -= this.queue.removeWhere((a) => a === request);
      }
      return;
    }
    if (this.inUse === 0) {
      throw new Error(`server "${this.name}": release() with no unit in use (capacity ${this.cap})`);
    }
    this.account();
    this.inUse--;
    this.dispatch();
  }

  /** Changes the number of units (a shift change); waiting entries are served if units are free. */
  setCapacity(capacity: number): void {
    checkCapacity(this.name, capacity);
    this.account();
    this.cap = capacity;
    this.dispatch();
  }

  /** Share of capacity in use, time-averaged since the last reset (busy time / capacity time). */
  utilization(now = this.sim.now): number {
    this.account(now);
    const t = this.sim.doubles;
    return t[this.at + T_CAPACITY_AREA]! > 0 ? t[this.at + T_BUSY_AREA]! / t[this.at + T_CAPACITY_AREA]! : 0;
  }

  /** Time-averaged number of units in use. */
  meanBusy(now = this.sim.now): number {
    this.account(now);
    const t = this.sim.doubles;
    const span = now - t[this.at + T_STATS_START]!;
    return span > 0 ? t[this.at + T_BUSY_AREA]! / span : this.inUse;
  }

  /** Time-averaged length of the waiting line. */
  meanQueueLength(now = this.sim.now): number {
    this.account(now);
    const t = this.sim.doubles;
    const span = now - t[this.at + T_STATS_START]!;
    return span > 0 ? t[this.at + T_QUEUE_AREA]! / span : this.waiting;
  }

  /** Restarts the time averages at the current time (warm-up deletion). */
  resetStats(): void {
    this.account();
    const t = this.sim.doubles;
    t[this.at + T_BUSY_AREA] = 0;
    t[this.at + T_QUEUE_AREA] = 0;
    t[this.at + T_CAPACITY_AREA] = 0;
    this.served = 0;
    t[this.at + T_STATS_START] = this.sim.now;
  }

  private dispatch(): void {
    const queue = this.queue;
    while (this.inUse < this.cap && this.waiting > 0) {
      const handler = queue.peekHandler();
      const arg = queue.peekArg();
      queue.shift();
      this.waiting--;
      this.inUse++;
      this.served++;
      handler(arg);
    }
  }

  private account(now = this.sim.now): void {
    const t = this.sim.doubles;
    const at = this.at;
    const dt = now - t[at + T_LAST_CHANGE]!;
    if (dt > 0) {
      t[at + T_BUSY_AREA]! += dt * this.inUse;
      t[at + T_QUEUE_AREA]! += dt * this.waiting;
      t[at + T_CAPACITY_AREA]! += dt * this.cap;
      t[at + T_LAST_CHANGE] = now;
    }
  }
}

function checkCapacity(name: string, capacity: number): void {
  if (!Number.isInteger(capacity) || capacity < 0) {
    throw new RangeError(`server "${name}": capacity must be an integer ≥ 0, given ${capacity}`);
  }
}

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
// Server.t: when the integrals were last brought up to date, the three integrals, and their start.
const T_LAST_CHANGE = 0;
const T_BUSY_AREA = 1;
const T_QUEUE_AREA = 2;
const T_CAPACITY_AREA = 3;
const T_STATS_START = 4;
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
  private readonly queue: WaitQueue;
  // Time integrals for utilisation and queue length (see the T_ indices). One Float64Array rather
  // than five number fields: V8 keeps a double field in a box of its own, and every seize and
  // release updates four of them.
  private readonly t = new Float64Array(5);
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
    this.t[T_LAST_CHANGE] = sim.now;
    this.t[T_STATS_START] = sim.now;
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
    return this.queue.size;
  }

  /** Calls `handler(arg)` when a unit is granted: now if one is free, else after those before it. */
  seize<A>(handler: Handler<A>, arg?: A, priority = 0): void {
    if (this.inUse < this.cap && this.queue.size === 0) {
      this.account();
      this.inUse++;
      this.served++;
      handler(arg as A);
    } else {
      this.account();
      this.queue.push(handler, arg, priority);
    }
  }

  /**
   * Process API: an event that succeeds when a unit is granted. A unit that is free now is granted
   * at once, as on the callback API: the request is already processed, so `yield` goes straight
   * on, without a calendar event (SimPy would pass through the calendar at the same time).
   */
  request(priority = 0): Request {
    const request = new Request(this, priority);
    if (this.inUse < this.cap && this.queue.size === 0) {
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
        this.queue.removeWhere((a) => a === request);
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
    return this.t[T_CAPACITY_AREA]! > 0 ? this.t[T_BUSY_AREA]! / this.t[T_CAPACITY_AREA]! : 0;
  }

  /** Time-averaged number of units in use. */
  meanBusy(now = this.sim.now): number {
    this.account(now);
    const span = now - this.t[T_STATS_START]!;
    return span > 0 ? this.t[T_BUSY_AREA]! / span : this.inUse;
  }

  /** Time-averaged length of the waiting line. */
  meanQueueLength(now = this.sim.now): number {
    this.account(now);
    const span = now - this.t[T_STATS_START]!;
    return span > 0 ? this.t[T_QUEUE_AREA]! / span : this.queue.size;
  }

  /** Restarts the time averages at the current time (warm-up deletion). */
  resetStats(): void {
    this.account();
    this.t[T_BUSY_AREA] = 0;
    this.t[T_QUEUE_AREA] = 0;
    this.t[T_CAPACITY_AREA] = 0;
    this.served = 0;
    this.t[T_STATS_START] = this.sim.now;
  }

  private dispatch(): void {
    const queue = this.queue;
    while (this.inUse < this.cap && queue.size > 0) {
      const handler = queue.peekHandler();
      const arg = queue.peekArg();
      queue.shift();
      this.inUse++;
      this.served++;
      handler(arg);
    }
  }

  private account(now = this.sim.now): void {
    const t = this.t;
    const dt = now - t[T_LAST_CHANGE]!;
    if (dt > 0) {
      t[T_BUSY_AREA]! += dt * this.inUse;
      t[T_QUEUE_AREA]! += dt * this.queue.size;
      t[T_CAPACITY_AREA]! += dt * this.cap;
      t[T_LAST_CHANGE] = now;
    }
  }
}

function checkCapacity(name: string, capacity: number): void {
  if (!Number.isInteger(capacity) || capacity < 0) {
    throw new RangeError(`server "${name}": capacity must be an integer ≥ 0, given ${capacity}`);
  }
}

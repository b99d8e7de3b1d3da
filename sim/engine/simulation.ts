import { allOf, anyOf, type ConditionValue } from './condition.ts';
import { Process, type ProcessGenerator } from './process.ts';
import { SimEvent, timeout } from './sim-event.ts';
import { EventHeap, MAX_PRIORITY, MIN_PRIORITY, orderPriority, orderSeq, packOrder } from './event-heap.ts';
import { generalArray } from './general-array.ts';

/**
 * A long-lived event handler. The hot-path API passes the handler and one argument separately, so
 * scheduling an event needs no closure: `sim.schedule(service, depart, customerId)`.
 */
export type Handler<A = any> = (arg: A) => void;

/** Called once per processed event, before its handler; for traces and the browser's stepping. */
export type EventObserver = (time: number, priority: number, seq: number) => void;

const NO_HANDLER: Handler = () => {};

/**
 * The kernel: a clock in minutes and a calendar of events ordered by `(time, priority, insertion
 * sequence)`. Lower priority numbers run first at the same time; 0 is the default, negative is
 * urgent. Two parcels arriving at the same minute with the same priority are handled in the order
 * their arrivals were scheduled, on every machine.
 *
 * Zero-delay events skip the heap when they can: they go to a FIFO, kept sorted by (priority,
 * sequence), that is drained in calendar order against the heap before the clock moves on. It
 * changes nothing about the order, only the cost (a model's "now" hand-offs and the start of a
 * process are the commonest events).
 */
export class Simulation {
  /** Current simulated time in minutes since the start. */
  // Minus zero, then the start time in the constructor: a heap number first gives the field V8's
  // double representation from the start. A small integer 0 was generalised at the first
  // fractional time, which deprecated 18 hidden classes of the kernel and threw away the code
  // optimised on them, in the first replication of every worker (V8's --log-maps).
  now = -0;
  /** Events processed so far. */
  processed = 0;
  /** Optional observer of every processed event (a check per event when null). */
  observer: EventObserver | null = null;

  // Small at first (it doubles as needed), so that its growth runs in the first few events: a first
  // growth after V8 had optimised scheduling threw the optimised code away (--trace-deopt).
  private readonly heap = new EventHeap(16);
  private seq = 0;
  private stopped = false;

  // Slot tables: the handler and argument of each pending event, reused through a free list.
  private handlers: Handler[] = generalArray();
  private args: unknown[] = generalArray();
  private free: Int32Array;
  private freeCount = 0;

  /**
   * @internal Numbers of the kernel's resources, in one growing array: a server's time integrals
   * live here (`allocateDoubles`), not in a small array of each server's own, so that accounting
   * at a seize or release reads memory that is likely in cache (a national model has thousands of
   * servers; a separate array per server is one more object to fetch each time).
   */
  doubles: Float64Array;
  private doublesUsed = 0;

  // The zero-delay FIFO, a ring buffer of (order, slot).
  private fifoOrders: Float64Array;
  private fifoSlots: Int32Array;
  private fifoHead = 0;
  private fifoSize = 0;

  constructor(startTime = 0) {
    if (!Number.isFinite(startTime)) {
      throw new RangeError(`Simulation: startTime must be a finite number of minutes, given ${startTime}`);
    }
    this.now = startTime;
    // Arrays that grow are first set here, after their declarations gave them `undefined`, so
    // V8 never records their fields as constant: the first growth of a field it had recorded as
    // constant threw away every function optimised on that (a dozen of the model's handlers, in
    // every worker's first replication; V8 --trace-deopt "code dependencies").
    this.free = new Int32Array(16);
    this.doubles = new Float64Array(320);
    this.fifoOrders = new Float64Array(1024);
    this.fifoSlots = new Int32Array(1024);
  }

  /** Schedules `handler(arg)` after `delay` minutes (≥ 0). */
  schedule<A>(delay: number, handler: Handler<A>, arg?: A, priority = 0): void {
    if (!(delay >= 0) || delay === Infinity) {
      throw new RangeError(`schedule: delay must be a finite number of minutes ≥ 0, given ${delay}`);
    }
    if (priority !== 0) checkPriority(priority);
    this.insert(delay, handler, arg, priority);
  }

  /**
   * @internal Schedules `handler(arg)` after `delay` minutes (already checked: finite, ≥ 0) and
   * returns its calendar slot, which `cancelSlot` can neutralise until the event fires (a slot is
   * reused only after its event has fired). For a process's holds: an interrupt cancels the hold
   * without the process keeping its wake-up time in a field of its own (a boxed double, one more
   * object to fetch from memory at every wake-up).
   */
  scheduleSlot<A>(delay: number, handler: Handler<A>, arg: A): number {
    return this.insert(delay, handler, arg, 0);
  }

  /** Puts an event `delay` minutes (checked) from now on the calendar; returns its slot. */
  private insert(delay: number, handler: Handler<any>, arg: unknown, priority: number): number {
    const slot = this.store(handler, arg);
    const order = packOrder(priority, this.seq++);
    if (delay === 0 && this.fitsFifo(order)) this.pushFifo(order, slot);
    else this.heap.push(this.now + delay, order, slot);
    return slot;
  }

  /** @internal Makes the pending event in `slot` (from `scheduleSlot`) do nothing when it fires. */
  cancelSlot(slot: number): void {
    this.handlers[slot] = NO_HANDLER;
    this.args[slot] = undefined;
  }

  /** Schedules `handler(arg)` at absolute time `time` (≥ now). */
  scheduleAt<A>(time: number, handler: Handler<A>, arg?: A, priority = 0): void {
    if (!(time >= this.now) || time === Infinity) {
      throw new RangeError(`scheduleAt: time must be finite and ≥ now (${this.now}), given ${time}`);
    }
    if (priority !== 0) checkPriority(priority);
    const slot = this.store(handler, arg);
    const order = packOrder(priority, this.seq++);
    if (time === this.now && this.fitsFifo(order)) this.pushFifo(order, slot);
    else this.heap.push(time, order, slot);
  }

  /** Number of events waiting in the calendar. */
  get pending(): number {
    return this.heap.size + this.fifoSize;
  }

  /** Time of the next event, or Infinity when the calendar is empty. */
  peek(): number {
    if (this.fifoSize > 0) return this.now;
    return this.heap.size > 0 ? this.heap.topTime() : Infinity;
  }

  /**
   * Processes events until the calendar is empty, `stop()` is called, or the next event lies at or
   * after `until`; then, if `until` is finite and the run was not stopped, the clock is set to
   * `until`. Events at exactly `until` stay pending (as in SimPy), so `run(d1)` then `run(d2)`
   * processes each event once. Returns the number of events processed by this call.
   */
  run(until = Infinity): number {
    if (Number.isNaN(until) || until < this.now) {
      throw new RangeError(`run: until must be ≥ now (${this.now}), given ${until}`);
    }
    this.stopped = false;
    const start = this.processed;
    while (this.take(until)) {
      this.fire(this.takenSlot, this.takenOrder);
      if (this.stopped) break;
    }
    if (!this.stopped && until !== Infinity) this.now = until;
    return this.processed - start;
  }

  /** Processes exactly one event. Returns false when there was none. */
  step(): boolean {
    if (!this.take(Infinity)) return false;
    this.fire(this.takenSlot, this.takenOrder);
    return true;
  }

  // The event `take` removed from the calendar (fields, not an object: nothing is allocated).
  private takenSlot = 0;
  private takenOrder = -0; // a double from the start, as `now`

  /**
   * Removes the next event before `until` from the calendar into takenSlot/takenOrder and moves
   * the clock to it; false when there is none. The FIFO holds zero-delay events at `now`; a heap
   * event at `now` scheduled earlier (or more urgent) still goes first.
   */
  private take(until: number): boolean {
    const heap = this.heap;
    if (this.fifoSize > 0) {
      if (this.now >= until) return false;
      const fifoOrder = this.fifoOrders[this.fifoHead]!;
      if (heap.size > 0 && heap.topTime() === this.now && heap.topOrder() < fifoOrder) {
        this.takenSlot = heap.topSlot();
        this.takenOrder = heap.topOrder();
        heap.pop();
      } else {
        this.takenSlot = this.fifoSlots[this.fifoHead]!;
        this.takenOrder = fifoOrder;
        this.fifoHead = (this.fifoHead + 1) & (this.fifoSlots.length - 1);
        this.fifoSize--;
      }
      return true;
    }
    if (heap.size === 0) return false;
    const time = heap.topTime();
    if (time >= until) return false;
    this.takenSlot = heap.topSlot();
    this.takenOrder = heap.topOrder();
    this.now = time;
    heap.pop();
    return true;
  }

  private fire(slot: number, order: number): void {
    const handler = this.handlers[slot]!;
    const arg = this.args[slot];
    this.handlers[slot] = NO_HANDLER;
    this.args[slot] = undefined;
    this.free[this.freeCount++] = slot; // room for every slot: see store
    this.processed++;
    if (this.observer !== null) this.observer(this.now, orderPriority(order), orderSeq(order));
    handler(arg);
  }

  // The process API (SimPy's Environment methods), on the same calendar.

  /** Starts a process from a generator object: `sim.process(customer(sim, server))`. */
  process<R>(generator: ProcessGenerator<R>, name?: string): Process<R> {
    return new Process(this, generator, name);
  }

  /** An event that succeeds after `delay` minutes: `yield sim.timeout(5)`. */
  timeout<T = undefined>(delay: number, value?: T): SimEvent<T> {
    return timeout(this, delay, value);
  }

  /** A bare event to be triggered later with `succeed` or `fail`. */
  event<T = unknown>(): SimEvent<T> {
    return new SimEvent<T>(this);
  }

  anyOf(events: readonly SimEvent<any>[]): SimEvent<ConditionValue> {
    return anyOf(this, events);
  }

  allOf(events: readonly SimEvent<any>[]): SimEvent<ConditionValue> {
    return allOf(this, events);
  }

  /** Ends the current `run` after the event being processed. */
  stop(): void {
    this.stopped = true;
  }

  private store(handler: Handler<any>, arg: unknown): number {
    let slot: number;
    if (this.freeCount > 0) {
      slot = this.free[--this.freeCount]!;
      this.handlers[slot] = handler;
      this.args[slot] = arg;
    } else {
      slot = this.handlers.length;
      this.handlers.push(handler);
      this.args.push(arg);
      // The free list keeps room for every slot, grown here with the slots (early in a run, so
      // V8 has seen the growth before it optimises firing: a first growth after that threw the
      // optimised code away).
      if (this.handlers.length > this.free.length) this.growFree();
    }
    return slot;
  }

  /** @internal Reserves `count` zeroed entries of `doubles`; returns the index of the first. */
  allocateDoubles(count: number): number {
    const at = this.doublesUsed;
    if (at + count > this.doubles.length) {
      const bigger = new Float64Array(Math.max(2 * this.doubles.length, at + count));
      bigger.set(this.doubles);
      this.doubles = bigger;
    }
    this.doublesUsed = at + count;
    return at;
  }

  private growFree(): void {
    const bigger = new Int32Array(this.free.length * 2);
    bigger.set(this.free);
    this.free = bigger;
  }

  /**
   * Whether an event at `now` with this order may join the FIFO: the FIFO must stay sorted, so
   * it takes any priority while empty and afterwards only orders after its tail (a later event of
   * the same priority always is; a more urgent one after normal ones is not, and goes to the heap).
   */
  private fitsFifo(order: number): boolean {
    return this.fifoSize === 0 || order > this.fifoOrders[(this.fifoHead + this.fifoSize - 1) & (this.fifoOrders.length - 1)]!;
  }

  private pushFifo(order: number, slot: number): void {
    const capacity = this.fifoSlots.length;
    if (this.fifoSize === capacity) {
      // Unroll the ring into arrays twice the size (capacity stays a power of two for the mask).
      const orders = new Float64Array(capacity * 2);
      const slots = new Int32Array(capacity * 2);
      for (let i = 0; i < capacity; i++) {
        const j = (this.fifoHead + i) & (capacity - 1);
        orders[i] = this.fifoOrders[j]!;
        slots[i] = this.fifoSlots[j]!;
      }
      this.fifoOrders = orders;
      this.fifoSlots = slots;
      this.fifoHead = 0;
    }
    const tail = (this.fifoHead + this.fifoSize) & (this.fifoSlots.length - 1);
    this.fifoOrders[tail] = order;
    this.fifoSlots[tail] = slot;
    this.fifoSize++;
  }
}

function checkPriority(priority: number): void {
  if (!Number.isInteger(priority) || priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
    throw new RangeError(
      `schedule: priority must be an integer in [${MIN_PRIORITY}, ${MAX_PRIORITY}], given ${priority}`,
    );
  }
}

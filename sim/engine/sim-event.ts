import type { Simulation } from './simulation.ts';

export type EventState = 'pending' | 'triggered' | 'processed';
export type EventCallback = (event: SimEvent<any>) => void;

/**
 * An object that waits for events without a closure per waiter: processes are waiters, so starting
 * a process allocates no bound function.
 */
export interface Waiter {
  resumeFrom(event: SimEvent<any>): void;
}

type Listener = EventCallback | Waiter;

// SimEvent.flags: the state in the low two bits, then flags (subclasses use bits from FIRST_FREE_FLAG).
const STATE = 3;
const PENDING = 0;
const TRIGGERED = 1;
const PROCESSED = 2;
const STATE_NAMES: readonly EventState[] = ['pending', 'triggered', 'processed'];
const FAILED = 4;
const DEFUSED = 8;
/** @internal the lowest bit of `SimEvent.flags` that subclasses may use for their own flags. */
export const FIRST_FREE_FLAG = 16;

function notify(listener: Listener, event: SimEvent<any>): void {
  if (typeof listener === 'function') listener(event);
  else listener.resumeFrom(event);
}

/**
 * An event of the process API (SimPy's `Event`): something that will happen. A process waits for
 * one by yielding it. `succeed` or `fail` triggers it, which puts it on the calendar; when the
 * calendar reaches it, it is processed and its callbacks run (the waiting processes resume).
 *
 * A failed event that nobody waits for is not silently lost: processing it throws its error out
 * of `sim.run()`, unless `defused` is set.
 */
export class SimEvent<T = unknown> {
  /**
   * @internal The state (two bits) and the flags below in one small integer: a process model makes
   * millions of events (every request is one), and each field less is memory the collector does
   * not have to copy while tens of thousands of them wait.
   */
  protected flags = PENDING;
  /** The value (or the error, when failed); set when triggered. */
  value: T | undefined = undefined;
  // Most events have exactly one waiter, so the first callback gets a field of its own and the
  // array is only made for a second one: two allocations fewer per event on the process API.
  private first: Listener | null = null;
  private rest: Listener[] | null = null;

  constructor(readonly sim: Simulation) {}

  get state(): EventState {
    return STATE_NAMES[this.flags & STATE]!;
  }

  /** Whether it succeeded (true until it fails). */
  get ok(): boolean {
    return (this.flags & FAILED) === 0;
  }

  /** A failed event that is defused does not throw out of `sim.run()` when nobody handles it. */
  get defused(): boolean {
    return (this.flags & DEFUSED) !== 0;
  }

  set defused(value: boolean) {
    this.flags = value ? this.flags | DEFUSED : this.flags & ~DEFUSED;
  }

  get triggered(): boolean {
    return (this.flags & STATE) !== PENDING;
  }

  get processed(): boolean {
    return (this.flags & STATE) === PROCESSED;
  }

  /** Triggers the event as a success; its callbacks run `delay` minutes from now (default 0). */
  succeed(value?: T, delay = 0, priority = 0): this {
    this.trigger(true, value, delay, priority);
    return this;
  }

  /** Triggers the event as a failure with `error`; waiting processes get it thrown at their yield. */
  fail(error: unknown, delay = 0, priority = 0): this {
    this.trigger(false, error as T, delay, priority);
    return this;
  }

  /** Adds a callback, or calls it at once (synchronously) when the event is already processed. */
  addCallback(callback: Listener): void {
    if ((this.flags & STATE) === PROCESSED) notify(callback, this);
    else if (this.first === null) this.first = callback;
    else (this.rest ??= []).push(callback);
  }

  removeCallback(callback: Listener): void {
    if (this.first === callback) {
      this.first = this.rest !== null && this.rest.length > 0 ? this.rest.shift()! : null;
      return;
    }
    if (this.rest === null) return;
    const i = this.rest.indexOf(callback);
    if (i >= 0) this.rest.splice(i, 1);
  }

  /** Whether anything waits for this event. */
  get hasListeners(): boolean {
    return this.first !== null;
  }

  /**
   * @internal Succeeds and processes at once, without a calendar event: for an event nobody waits
   * for yet (a finished process): a later waiter sees it processed and goes on immediately.
   */
  settle(value: T): void {
    if ((this.flags & STATE) !== PENDING) throw new Error(`SimEvent: cannot settle an event that is already ${this.state}`);
    this.value = value;
    this.flags = (this.flags & ~(STATE | FAILED)) | PROCESSED;
  }

  /** @internal run by `processEvent`: marks the event processed and runs its callbacks once. */
  runCallbacks(): void {
    const first = this.first;
    const rest = this.rest;
    this.first = null;
    this.rest = null;
    this.flags = (this.flags & ~STATE) | PROCESSED;
    if (first !== null) notify(first, this);
    if (rest !== null) for (let i = 0; i < rest.length; i++) notify(rest[i]!, this);
  }

  /** @internal used by timeouts, which are born triggered. */
  trigger(ok: boolean, value: T | undefined, delay: number, priority: number): void {
    if ((this.flags & STATE) !== PENDING) {
      throw new Error(`SimEvent: cannot trigger an event that is already ${this.state} (value ${String(this.value)})`);
    }
    this.flags = (this.flags & ~(STATE | FAILED)) | TRIGGERED | (ok ? 0 : FAILED);
    this.value = value;
    this.sim.schedule(delay, processEvent, this, priority);
  }
}

/** The one handler that processes every process-API event: no closure per event. */
export function processEvent(event: SimEvent<any>): void {
  event.runCallbacks();
  if (!event.ok && !event.defused) {
    throw event.value instanceof Error ? event.value : new Error(`unhandled failed event: ${String(event.value)}`);
  }
}

/** An event that succeeds `delay` minutes after it is created (SimPy's `Timeout`). */
export function timeout<T = undefined>(sim: Simulation, delay: number, value?: T): SimEvent<T> {
  const event = new SimEvent<T>(sim);
  if (!(delay >= 0) || delay === Infinity) {
    throw new RangeError(`timeout: delay must be a finite number of minutes ≥ 0, given ${delay}`);
  }
  event.trigger(true, value, delay, 0);
  return event;
}

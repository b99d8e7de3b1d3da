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
  state: EventState = 'pending';
  ok = true;
  defused = false;
  /** The value (or the error, when failed); set when triggered. */
  value: T | undefined = undefined;
  // Most events have exactly one waiter, so the first callback gets a field of its own and the
  // array is only made for a second one: two allocations fewer per event on the process API.
  private first: Listener | null = null;
  private rest: Listener[] | null = null;

  constructor(readonly sim: Simulation) {}

  get triggered(): boolean {
    return this.state !== 'pending';
  }

  get processed(): boolean {
    return this.state === 'processed';
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
    if (this.state === 'processed') notify(callback, this);
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
    if (this.state !== 'pending') throw new Error(`SimEvent: cannot settle an event that is already ${this.state}`);
    this.ok = true;
    this.value = value;
    this.state = 'processed';
  }

  /** @internal run by `processEvent`: marks the event processed and runs its callbacks once. */
  runCallbacks(): void {
    const first = this.first;
    const rest = this.rest;
    this.first = null;
    this.rest = null;
    this.state = 'processed';
    if (first !== null) notify(first, this);
    if (rest !== null) for (let i = 0; i < rest.length; i++) notify(rest[i]!, this);
  }

  /** @internal used by timeouts, which are born triggered. */
  trigger(ok: boolean, value: T | undefined, delay: number, priority: number): void {
    if (this.state !== 'pending') {
      throw new Error(`SimEvent: cannot trigger an event that is already ${this.state} (value ${String(this.value)})`);
    }
    this.state = 'triggered';
    this.ok = ok;
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

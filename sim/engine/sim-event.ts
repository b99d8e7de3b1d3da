import type { Simulation } from './simulation.ts';

export type EventState = 'pending' | 'triggered' | 'processed';
export type EventCallback = (event: SimEvent<any>) => void;

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
  callbacks: EventCallback[] | null = [];

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
  addCallback(callback: EventCallback): void {
    if (this.callbacks === null) callback(this);
    else this.callbacks.push(callback);
  }

  removeCallback(callback: EventCallback): void {
    if (this.callbacks === null) return;
    const i = this.callbacks.indexOf(callback);
    if (i >= 0) this.callbacks.splice(i, 1);
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
  const callbacks = event.callbacks;
  event.callbacks = null;
  event.state = 'processed';
  if (callbacks !== null) {
    for (let i = 0; i < callbacks.length; i++) callbacks[i]!(event);
  }
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

import { SimEvent } from './sim-event.ts';
import type { Simulation } from './simulation.ts';

/**
 * The value of a condition: the events of the condition that had succeeded when it fired, in the
 * order they were given, each with its value (SimPy's `ConditionValue`). `map.has(ev)` tells
 * whether `ev` is among them.
 */
export type ConditionValue = Map<SimEvent<any>, unknown>;

/**
 * An event that fires when `count(processed events) >= need(total)`; fails as soon as one of its
 * events fails (and defuses that failure, since the condition now carries it).
 */
class Condition extends SimEvent<ConditionValue> {
  private done = 0;

  constructor(
    sim: Simulation,
    private readonly events: readonly SimEvent<any>[],
    private readonly need: number,
  ) {
    super(sim);
    for (const event of events) {
      if (!(event instanceof SimEvent)) {
        throw new TypeError(`anyOf/allOf: every element must be an event, given ${String(event)}`);
      }
      if (event.sim !== sim) throw new Error('anyOf/allOf: events belong to different simulations');
    }
    if (events.length === 0 || need === 0) {
      this.succeed(new Map());
      return;
    }
    const check = (event: SimEvent<any>) => this.check(event);
    for (const event of events) event.addCallback(check);
  }

  private check(event: SimEvent<any>): void {
    if (this.triggered) return;
    if (!event.ok) {
      event.defused = true;
      this.fail(event.value);
      return;
    }
    this.done++;
    if (this.done >= this.need) {
      const value: ConditionValue = new Map();
      for (const e of this.events) if (e.processed && e.ok) value.set(e, e.value);
      this.succeed(value);
    }
  }
}

/** Fires when any one of `events` has succeeded (immediately if the list is empty). */
export function anyOf(sim: Simulation, events: readonly SimEvent<any>[]): SimEvent<ConditionValue> {
  return new Condition(sim, events, Math.min(1, events.length));
}

/** Fires when all of `events` have succeeded. */
export function allOf(sim: Simulation, events: readonly SimEvent<any>[]): SimEvent<ConditionValue> {
  return new Condition(sim, events, events.length);
}

import { SimEvent, type Waiter } from './sim-event.ts';
import type { Simulation } from './simulation.ts';

/**
 * A process body: a generator that yields events and resumes with their values. It may also
 * yield a plain number of minutes, `yield 5`, as a shorthand for `yield sim.timeout(5)` (a "hold"
 * in the older simulation languages) that allocates no event: the hot path of a process model.
 */
export type ProcessGenerator<R = void> = Generator<SimEvent<any> | number, R, any>;

/** Thrown into a process at its current `yield` by `process.interrupt(cause)`. */
export class Interrupt extends Error {
  constructor(override readonly cause: unknown) {
    super(`interrupted: ${String(cause)}`);
    this.name = 'Interrupt';
  }
}

// Interrupts run before ordinary events at the same time, as in SimPy.
const URGENT = -1;

// Every native generator resumes through the same two built-ins, %GeneratorPrototype%.next and
// .throw. Calling them directly spares a property lookup per resume that turns megamorphic (slow)
// once a program has made generators from more than four generator function objects (each has its
// own prototype; a generator function declared inside a model factory is a new one per call).
const GeneratorPrototype = Object.getPrototypeOf(function* () {}.prototype) as ProcessGenerator<any>;
const generatorNext = GeneratorPrototype.next;
const generatorThrow = GeneratorPrototype.throw;

/** Any other iterator (hand-written, or from another realm) runs inside a native generator. */
function* delegate<R>(iterator: ProcessGenerator<R>): ProcessGenerator<R> {
  return yield* iterator;
}

/**
 * A process (SimPy's `Process`): runs a generator, resuming it whenever the event it yielded is
 * processed. A process is itself an event that succeeds with the generator's return value (or
 * fails with what it threw), so another process can `yield` it to wait for it to finish.
 */
export class Process<R = unknown> extends SimEvent<R> implements Waiter {
  /** The event this process waits for, or null while running, holding or finished. */
  target: SimEvent<any> | null = null;
  /** While it holds (`yield minutes`): the calendar slot of its wake-up; -1 otherwise. */
  private holdSlot = -1;

  private readonly generator: ProcessGenerator<R>;

  constructor(
    sim: Simulation,
    generator: ProcessGenerator<R>,
    readonly name = 'process',
  ) {
    super(sim);
    if (generator === null || typeof generator !== 'object' || typeof (generator as { next?: unknown }).next !== 'function') {
      throw new TypeError(
        `process "${name}": expected a generator object (call the generator function: sim.process(body())), given ${String(generator)}`,
      );
    }
    this.generator = generator.next === generatorNext ? generator : delegate(generator);
    sim.schedule(0, startProcess, this, URGENT);
  }

  get isAlive(): boolean {
    return !this.triggered;
  }

  /**
   * Throws an `Interrupt(cause)` into the process at its current `yield`, at the current time and
   * before other events of this time. The process stops waiting for its target; it may catch the
   * interrupt and carry on.
   */
  interrupt(cause?: unknown): void {
    if (!this.isAlive) {
      throw new Error(`process "${this.name}" has terminated and cannot be interrupted (cause: ${String(cause)})`);
    }
    const event = new SimEvent<Interrupt>(this.sim);
    event.defused = true;
    event.addCallback((e) => {
      if (!this.isAlive) return; // finished in the meantime
      if (this.target !== null) this.target.removeCallback(this);
      if (this.holdSlot >= 0) {
        this.sim.cancelSlot(this.holdSlot); // the hold ends here, not at its wake-up
        this.holdSlot = -1;
      }

      this.step(false, e.value, e);
    });
    event.fail(new Interrupt(cause), 0, URGENT);
  }

  /** @internal the end of a hold (an interrupt that ends a hold first cancels its wake-up). */
  wake(): void {
    this.holdSlot = -1;
    this.step(true, undefined, null);
  }

  /** @internal called when the event this process waits for is processed. */
  resumeFrom(event: SimEvent<any>): void {
    this.step(event.ok, event.value, event);
  }

  /** @internal resumes the generator with an event's outcome (`event` is null at the start). */
  step(ok: boolean, value: unknown, event: SimEvent<any> | null): void {
    this.target = null;
    for (;;) {
      let result: IteratorResult<SimEvent<any> | number, R>;
      try {
        if (ok) {
          result = generatorNext.call(this.generator, value);
        } else {
          if (event !== null) event.defused = true; // the process handles it (or fails with it)
          result = generatorThrow.call(this.generator, value);
        }
      } catch (error) {
        this.fail(error);
        return;
      }
      if (result.done) {
        // Nobody waits for most processes (a parcel's journey): finish without a calendar event.
        if (this.hasListeners) this.succeed(result.value);
        else this.settle(result.value);
        return;
      }
      const next = result.value;
      if (typeof next === 'number' && next >= 0 && next !== Infinity) {
        this.holdSlot = this.sim.scheduleSlot(next, wakeFromHold, this);
        return;
      }
      if (!(next instanceof SimEvent)) {
        const error = new TypeError(
          `process "${this.name}" yielded ${describe(next)}; yield an event (sim.timeout(d), a request, another process, anyOf/allOf) or a number of minutes ≥ 0`,
        );
        try {
          generatorThrow.call(this.generator, error);
        } catch {
          // the generator did not handle it: the process fails with the TypeError below
        }
        this.fail(error);
        return;
      }
      if (next.processed) {
        // Already processed: continue at once with its value, as SimPy does.
        ok = next.ok;
        value = next.value;
        event = next;
        continue;
      }
      next.addCallback(this);
      this.target = next;
      return;
    }
  }
}

function startProcess(process: Process<any>): void {
  process.step(true, undefined, null);
}

function wakeFromHold(process: Process<any>): void {
  process.wake();
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return `an object (${(value as object).constructor?.name ?? 'Object'})`;
  return `${typeof value} ${String(value)}`;
}

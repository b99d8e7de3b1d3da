import { SimEvent } from './sim-event.ts';
import type { Simulation } from './simulation.ts';

/** A process body: a generator that yields events and resumes with their values. */
export type ProcessGenerator<R = void> = Generator<SimEvent<any>, R, any>;

/** Thrown into a process at its current `yield` by `process.interrupt(cause)`. */
export class Interrupt extends Error {
  constructor(override readonly cause: unknown) {
    super(`interrupted: ${String(cause)}`);
    this.name = 'Interrupt';
  }
}

// Interrupts run before ordinary events at the same time, as in SimPy.
const URGENT = -1;

/**
 * A process (SimPy's `Process`): runs a generator, resuming it whenever the event it yielded is
 * processed. A process is itself an event that succeeds with the generator's return value (or
 * fails with what it threw), so another process can `yield` it to wait for it to finish.
 */
export class Process<R = unknown> extends SimEvent<R> {
  /** The event this process waits for, or null while running or finished. */
  target: SimEvent<any> | null = null;
  private readonly resume: (event: SimEvent<any>) => void;

  constructor(
    sim: Simulation,
    private readonly generator: ProcessGenerator<R>,
    readonly name = 'process',
  ) {
    super(sim);
    if (generator === null || typeof (generator as { next?: unknown }).next !== 'function') {
      throw new TypeError(
        `process "${name}": expected a generator object (call the generator function: sim.process(body())), given ${String(generator)}`,
      );
    }
    // One bound function per process, reused for every resume.
    this.resume = (event) => this.step(event);
    const start = new SimEvent<undefined>(sim);
    start.callbacks!.push(this.resume);
    start.succeed(undefined, 0, URGENT);
    this.target = start;
  }

  get isAlive(): boolean {
    return this.state === 'pending';
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
    event.callbacks!.push((e) => {
      if (!this.isAlive) return; // finished in the meantime
      if (this.target !== null) this.target.removeCallback(this.resume);
      this.step(e);
    });
    event.fail(new Interrupt(cause), 0, URGENT);
  }

  private step(event: SimEvent<any>): void {
    this.target = null;
    let current: SimEvent<any> = event;
    for (;;) {
      let result: IteratorResult<SimEvent<any>, R>;
      try {
        if (current.ok) {
          result = this.generator.next(current.value);
        } else {
          current.defused = true; // the process handles it (or fails with it)
          result = this.generator.throw(current.value);
        }
      } catch (error) {
        this.fail(error);
        return;
      }
      if (result.done) {
        this.succeed(result.value);
        return;
      }
      const next = result.value;
      if (!(next instanceof SimEvent)) {
        const error = new TypeError(
          `process "${this.name}" yielded ${describe(next)}; yield an event: timeout(sim, d), a request, another process, anyOf/allOf`,
        );
        try {
          this.generator.throw(error);
        } catch {
          // the generator did not handle it: the process fails with the TypeError below
        }
        this.fail(error);
        return;
      }
      if (next.callbacks === null) {
        // Already processed: continue at once with its value, as SimPy does.
        current = next;
        continue;
      }
      next.callbacks.push(this.resume);
      this.target = next;
      return;
    }
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return `an object (${(value as object).constructor?.name ?? 'Object'})`;
  return `${typeof value} ${String(value)}`;
}

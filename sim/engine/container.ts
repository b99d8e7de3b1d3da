import { SimEvent } from './sim-event.ts';
import type { Simulation } from './simulation.ts';
import type { ValueHandler } from './store.ts';

export interface ContainerOptions {
  capacity?: number;
  initial?: number;
  name?: string;
}

interface Waiter {
  amount: number;
  handler: ValueHandler<any, number>;
  arg: unknown;
}

function resolveEvent(event: SimEvent<number>, amount: number): void {
  event.succeed(amount);
}

/**
 * A level of something continuous or countless (fuel, cash at a kirana, cage space), between 0 and
 * `capacity` (SimPy's `Container`). Puts and gets wait, first come first served, until the level
 * allows them; the head of each line blocks those behind it, as in SimPy.
 */
export class Container {
  readonly name: string;
  readonly capacity: number;
  private current: number;
  private getters: Waiter[] = [];
  private putters: Waiter[] = [];

  constructor(
    readonly sim: Simulation,
    options: ContainerOptions = {},
  ) {
    this.name = options.name ?? 'container';
    this.capacity = options.capacity ?? Infinity;
    this.current = options.initial ?? 0;
    if (!(this.capacity > 0)) {
      throw new RangeError(`container "${this.name}": capacity must be > 0, given ${this.capacity}`);
    }
    if (!(this.current >= 0 && this.current <= this.capacity)) {
      throw new RangeError(`container "${this.name}": initial must be in [0, ${this.capacity}], given ${options.initial}`);
    }
  }

  get level(): number {
    return this.current;
  }

  putAmount<A>(amount: number, done: ValueHandler<A, number>, arg?: A): void {
    this.check('put', amount);
    this.putters.push({ amount, handler: done, arg });
    this.settle();
  }

  getAmount<A>(amount: number, done: ValueHandler<A, number>, arg?: A): void {
    this.check('get', amount);
    this.getters.push({ amount, handler: done, arg });
    this.settle();
  }

  /** Process API: `yield tank.put(5)`. */
  put(amount: number): SimEvent<number> {
    const event = new SimEvent<number>(this.sim);
    this.putAmount(amount, resolveEvent, event);
    return event;
  }

  /** Process API: `yield tank.get(5)`. */
  get(amount: number): SimEvent<number> {
    const event = new SimEvent<number>(this.sim);
    this.getAmount(amount, resolveEvent, event);
    return event;
  }

  private check(what: string, amount: number): void {
    if (!(amount > 0) || amount > this.capacity) {
      throw new RangeError(`container "${this.name}": ${what} amount must be in (0, ${this.capacity}], given ${amount}`);
    }
  }

  private settle(): void {
    let moved = true;
    while (moved) {
      moved = false;
      const put = this.putters[0];
      if (put !== undefined && this.current + put.amount <= this.capacity) {
        this.putters.shift();
        this.current += put.amount;
        put.handler(put.arg, put.amount);
        moved = true;
      }
      const get = this.getters[0];
      if (get !== undefined && get.amount <= this.current) {
        this.getters.shift();
        this.current -= get.amount;
        get.handler(get.arg, get.amount);
        moved = true;
      }
    }
  }
}

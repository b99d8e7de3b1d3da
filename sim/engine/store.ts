import { SimEvent } from './sim-event.ts';
import type { Simulation } from './simulation.ts';

/** Receives a value on the hot path: `handler(arg, value)`, a long-lived function. */
export type ValueHandler<A, V> = (arg: A, value: V) => void;

export interface StoreOptions {
  /** Most items held at once; Infinity (default) for an unbounded buffer. */
  capacity?: number;
  name?: string;
}

interface Getter<T> {
  handler: ValueHandler<any, T>;
  arg: unknown;
  filter: ((item: T) => boolean) | undefined;
}

interface Putter<T> {
  item: T;
  handler: ValueHandler<any, T> | undefined;
  arg: unknown;
}

function resolveEvent(event: SimEvent<any>, value: unknown): void {
  event.succeed(value);
}

/**
 * A FIFO buffer of items with an optional capacity (SimPy's `Store` and `FilterStore`). A getter
 * may pass a filter and then takes the first item that matches; getters are served in the order
 * they came, each as soon as an item for it is there, and a getter whose filter matches nothing
 * does not block those behind it.
 */
export class Store<T> {
  readonly name: string;
  readonly capacity: number;
  readonly items: T[] = [];
  private getters: Getter<T>[] = [];
  private putters: Putter<T>[] = [];

  constructor(
    readonly sim: Simulation,
    options: StoreOptions = {},
  ) {
    this.name = options.name ?? 'store';
    this.capacity = options.capacity ?? Infinity;
    if (!(this.capacity >= 1) || (this.capacity !== Infinity && !Number.isInteger(this.capacity))) {
      throw new RangeError(`store "${this.name}": capacity must be an integer ≥ 1 or Infinity, given ${this.capacity}`);
    }
  }

  get size(): number {
    return this.items.length;
  }

  /** Callback API: stores `item` (now if there is room, else when there is), then calls `done(arg, item)`. */
  putItem<A>(item: T, done?: ValueHandler<A, T>, arg?: A): void {
    this.putters.push({ item, handler: done, arg });
    this.settle();
  }

  /** Callback API: calls `handler(arg, item)` with the first item that passes `filter`, when there is one. */
  getItem<A>(handler: ValueHandler<A, T>, arg?: A, filter?: (item: T) => boolean): void {
    this.getters.push({ handler, arg, filter });
    this.settle();
  }

  /** Process API: `yield store.put(item)` waits until the item is stored. */
  put(item: T): SimEvent<T> {
    const event = new SimEvent<T>(this.sim);
    this.putItem(item, resolveEvent, event);
    return event;
  }

  /** Process API: `const item = yield store.get(filter?)`. */
  get(filter?: (item: T) => boolean): SimEvent<T> {
    const event = new SimEvent<T>(this.sim);
    this.getItem(resolveEvent, event, filter);
    return event;
  }

  /** Withdraws a pending `get` or `put` event of the process API (e.g. after a timeout won). */
  cancel(event: SimEvent<any>): boolean {
    const before = this.getters.length + this.putters.length;
    this.getters = this.getters.filter((g) => g.arg !== event);
    this.putters = this.putters.filter((p) => p.arg !== event);
    return this.getters.length + this.putters.length < before;
  }

  private settle(): void {
    // Alternate until neither side can move: a get makes room for a put and a put feeds a get.
    let moved = true;
    while (moved) {
      moved = false;
      while (this.putters.length > 0 && this.items.length < this.capacity) {
        const putter = this.putters.shift()!;
        this.items.push(putter.item);
        if (putter.handler !== undefined) putter.handler(putter.arg, putter.item);
        moved = true;
      }
      for (let g = 0; g < this.getters.length && this.items.length > 0; ) {
        const getter = this.getters[g]!;
        const index = getter.filter === undefined ? 0 : this.items.findIndex(getter.filter);
        if (index < 0) {
          g++;
          continue;
        }
        const [item] = this.items.splice(index, 1);
        this.getters.splice(g, 1);
        getter.handler(getter.arg, item as T);
        moved = true;
      }
    }
  }
}

import type { Handler } from './simulation.ts';

export type Discipline = 'fifo' | 'priority';

/**
 * Waiting entries `(handler, arg)` of a resource, served FIFO, or by `(priority, arrival)` with
 * lower priority numbers first. Arrays of handlers and args grow and are reused, so waiting does
 * not allocate per entry in steady state.
 */
export class WaitQueue {
  size = 0;
  private handlers: (Handler | undefined)[] = [];
  private args: unknown[] = [];
  // FIFO: a ring over the arrays. Priority: a binary heap over the arrays, keyed by keys[].
  private head = 0;
  private keys: number[] = [];
  private seq = 0;

  constructor(readonly discipline: Discipline = 'fifo') {
    if (discipline !== 'fifo' && discipline !== 'priority') {
      throw new RangeError(`queue discipline must be 'fifo' or 'priority', given ${String(discipline)}`);
    }
  }

  push(handler: Handler, arg: unknown, priority = 0): void {
    if (this.discipline === 'fifo') this.pushFifo(handler, arg);
    else this.pushHeap(handler, arg, priority);
  }

  /** The first entry's handler and argument; call `shift()` after reading them. */
  peekHandler(): Handler {
    return (this.discipline === 'fifo' ? this.handlers[this.head] : this.handlers[0])!;
  }

  peekArg(): unknown {
    return this.discipline === 'fifo' ? this.args[this.head] : this.args[0];
  }

  shift(): void {
    if (this.discipline === 'fifo') this.shiftFifo();
    else this.shiftHeap();
  }

  /** Visits the waiting entries in no promised order (for removal by predicate, not the hot path). */
  removeWhere(test: (arg: unknown) => boolean): number {
    const kept: { h: Handler; a: unknown; k: number }[] = [];
    let removed = 0;
    this.forEachRaw((h, a, k) => {
      if (test(a)) removed++;
      else kept.push({ h, a, k });
    });
    if (removed === 0) return 0;
    this.handlers = [];
    this.args = [];
    this.keys = [];
    this.head = 0;
    this.size = 0;
    // Re-inserting in key order keeps the relative order of the survivors.
    kept.sort((x, y) => x.k - y.k);
    for (const e of kept) {
      if (this.discipline === 'fifo') this.pushFifo(e.h, e.a);
      else this.pushHeapKeyed(e.h, e.a, e.k);
    }
    return removed;
  }

  private forEachRaw(visit: (h: Handler, a: unknown, key: number) => void): void {
    if (this.discipline === 'fifo') {
      const cap = this.handlers.length;
      for (let i = 0; i < this.size; i++) {
        const j = (this.head + i) & (cap - 1);
        visit(this.handlers[j]!, this.args[j], i);
      }
    } else {
      for (let i = 0; i < this.size; i++) visit(this.handlers[i]!, this.args[i], this.keys[i]!);
    }
  }

  private pushFifo(handler: Handler, arg: unknown): void {
    const cap = this.handlers.length;
    if (this.size === cap) {
      // Unroll the ring into a doubled array.
      // Capacity stays a power of two, so positions wrap with a mask.
      const handlers: (Handler | undefined)[] = new Array(Math.max(16, cap * 2)).fill(undefined);
      const args: unknown[] = new Array(handlers.length).fill(undefined);
      for (let i = 0; i < this.size; i++) {
        const j = (this.head + i) & (cap - 1);
        handlers[i] = this.handlers[j];
        args[i] = this.args[j];
      }
      this.handlers = handlers;
      this.args = args;
      this.head = 0;
    }
    const tail = (this.head + this.size) & (this.handlers.length - 1);
    this.handlers[tail] = handler;
    this.args[tail] = arg;
    this.size++;
  }

  private shiftFifo(): void {
    this.handlers[this.head] = undefined;
    this.args[this.head] = undefined;
    this.head = (this.head + 1) & (this.handlers.length - 1);
    this.size--;
  }

  private pushHeap(handler: Handler, arg: unknown, priority: number): void {
    if (!Number.isInteger(priority) || Math.abs(priority) > 2 ** 20) {
      throw new RangeError(`queue priority must be an integer in [-2^20, 2^20], given ${priority}`);
    }
    // Key = priority, then arrival: priority · 2^32 + seq stays exact below 2^53.
    this.pushHeapKeyed(handler, arg, priority * 2 ** 32 + this.seq++);
  }

  private pushHeapKeyed(handler: Handler, arg: unknown, key: number): void {
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent]! <= key) break;
      this.handlers[i] = this.handlers[parent];
      this.args[i] = this.args[parent];
      this.keys[i] = this.keys[parent]!;
      i = parent;
    }
    this.handlers[i] = handler;
    this.args[i] = arg;
    this.keys[i] = key;
  }

  private shiftHeap(): void {
    const n = --this.size;
    const handler = this.handlers[n];
    const arg = this.args[n];
    const key = this.keys[n]!;
    this.handlers[n] = undefined;
    this.args[n] = undefined;
    if (n === 0) return;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && this.keys[child + 1]! < this.keys[child]!) child++;
      if (key <= this.keys[child]!) break;
      this.handlers[i] = this.handlers[child];
      this.args[i] = this.args[child];
      this.keys[i] = this.keys[child]!;
      i = child;
    }
    this.handlers[i] = handler;
    this.args[i] = arg;
    this.keys[i] = key;
  }
}

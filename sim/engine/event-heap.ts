/**
 * A 4-ary min-heap of scheduled events on typed arrays, keyed by `(time, order)`.
 *
 * `order` packs the priority and the insertion sequence into one float64 (see `packOrder`), so a
 * comparison is two float compares and ties between same-time, same-priority events break by
 * insertion order. Ready-made heaps (flatqueue and alike) do not keep same-time events in
 * insertion order, and object-per-entry heaps allocate on every push; this one allocates only
 * when it grows. Four children a node halve the depth of a binary heap, and the four sit side
 * by side in memory, so a pop touches fewer cache lines when tens of thousands of events wait.
 */
export class EventHeap {
  private times: Float64Array;
  private orders: Float64Array;
  private slots: Int32Array;
  size = 0;

  constructor(initialCapacity = 1024) {
    this.times = new Float64Array(initialCapacity);
    this.orders = new Float64Array(initialCapacity);
    this.slots = new Int32Array(initialCapacity);
  }

  push(time: number, order: number, slot: number): void {
    if (this.size === this.times.length) this.grow();
    const times = this.times;
    const orders = this.orders;
    const slots = this.slots;
    let i = this.size++;
    // Sift up: move parents down until the new key fits.
    while (i > 0) {
      const parent = (i - 1) >> 2;
      const pt = times[parent]!;
      if (pt < time || (pt === time && orders[parent]! < order)) break;
      times[i] = pt;
      orders[i] = orders[parent]!;
      slots[i] = slots[parent]!;
      i = parent;
    }
    times[i] = time;
    orders[i] = order;
    slots[i] = slot;
  }

  /** Time of the smallest entry; only valid when size > 0. */
  topTime(): number {
    return this.times[0]!;
  }

  topOrder(): number {
    return this.orders[0]!;
  }

  topSlot(): number {
    return this.slots[0]!;
  }

  /** Removes the smallest entry (size must be > 0). */
  pop(): void {
    const n = --this.size;
    if (n === 0) return;
    const times = this.times;
    const orders = this.orders;
    const slots = this.slots;
    const time = times[n]!;
    const order = orders[n]!;
    const slot = slots[n]!;
    let i = 0;
    // Sift down the former last entry from the root, choosing the least of up to four children.
    for (;;) {
      const first = 4 * i + 1;
      if (first >= n) break;
      let child = first;
      let ct = times[first]!;
      let co = orders[first]!;
      const last = first + 4 < n ? first + 4 : n;
      for (let c = first + 1; c < last; c++) {
        const t = times[c]!;
        if (t < ct || (t === ct && orders[c]! < co)) {
          child = c;
          ct = t;
          co = orders[c]!;
        }
      }
      if (time < ct || (time === ct && order < co)) break;
      times[i] = ct;
      orders[i] = co;
      slots[i] = slots[child]!;
      i = child;
    }
    times[i] = time;
    orders[i] = order;
    slots[i] = slot;
  }

  clear(): void {
    this.size = 0;
  }

  private grow(): void {
    const capacity = this.times.length * 2;
    const times = new Float64Array(capacity);
    const orders = new Float64Array(capacity);
    const slots = new Int32Array(capacity);
    times.set(this.times);
    orders.set(this.orders);
    slots.set(this.slots);
    this.times = times;
    this.orders = orders;
    this.slots = slots;
  }
}

/** Priorities are integers in this range; lower runs first at the same time. */
export const MIN_PRIORITY = -1024;
export const MAX_PRIORITY = 1023;
const SEQ_SPAN = 2 ** 42;

/**
 * Packs `(priority, seq)` into one float64 that sorts like the pair: `(priority + 1024) · 2^42 +
 * seq`. With priority in [-1024, 1023] and seq < 2^42 (4.4 · 10^12 events) the result stays below
 * 2^53, where every integer is exact.
 */
export function packOrder(priority: number, seq: number): number {
  return (priority - MIN_PRIORITY) * SEQ_SPAN + seq;
}

export function orderPriority(order: number): number {
  return Math.floor(order / SEQ_SPAN) + MIN_PRIORITY;
}

export function orderSeq(order: number): number {
  return order % SEQ_SPAN;
}

/**
 * Non-negative integers keyed by a pair of non-negative int32s: open addressing with linear
 * probing, each slot's two keys and value side by side in one Int32Array. The route planner looks
 * up a route for every parcel; a Map per origin cost two cache misses a lookup (bucket, then
 * entry) among the simulation's data, a slot here one. Nothing iterates it, so no order to keep.
 */
export class PairIndex {
  /** Slot s: [a, b, value] at 3s; a = -1 marks an empty slot. */
  private slots: Int32Array;
  private mask: number;
  private size = 0;

  constructor(capacity = 1024) {
    let n = 16;
    while (n < capacity * 2) n *= 2;
    this.mask = n - 1;
    this.slots = new Int32Array(n * 3).fill(-1);
  }

  /** The value stored for (a, b), or -1. */
  get(a: number, b: number): number {
    const slots = this.slots;
    const mask = this.mask;
    for (let s = hash(a, b) & mask; ; s = (s + 1) & mask) {
      const at = s * 3;
      const k = slots[at]!;
      if (k === -1) return -1;
      if (k === a && slots[at + 1] === b) return slots[at + 2]!;
    }
  }

  /** Stores `value` for (a, b), which must not be stored yet. */
  set(a: number, b: number, value: number): void {
    // Kept at most half full, so probes stay short and an empty slot always ends one.
    if ((this.size + 1) * 2 > this.mask + 1) this.grow();
    this.place(a, b, value);
    this.size++;
  }

  private place(a: number, b: number, value: number): void {
    const slots = this.slots;
    const mask = this.mask;
    let s = hash(a, b) & mask;
    while (slots[s * 3] !== -1) s = (s + 1) & mask;
    slots[s * 3] = a;
    slots[s * 3 + 1] = b;
    slots[s * 3 + 2] = value;
  }

  private grow(): void {
    const old = this.slots;
    this.mask = this.mask * 2 + 1;
    this.slots = new Int32Array((this.mask + 1) * 3).fill(-1);
    for (let at = 0; at < old.length; at += 3) if (old[at] !== -1) this.place(old[at]!, old[at + 1]!, old[at + 2]!);
  }
}

/** A 32-bit mix of the two keys (murmur3's finaliser): nodes close in id must not share slots. */
function hash(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ b;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

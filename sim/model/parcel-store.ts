/** Parcel status codes in `ParcelStore.status`. */
export const IN_FLIGHT = 0;
export const DELIVERED = 1;
export const RETURNED = 2;
export const LOST = 3;
export const RETURNING = 4;

/** `ParcelStore.lossLeg` of a parcel that is never lost. */
export const NEVER_LOST = 255;

/** Last-mile operators, as codes in `ParcelStore.operator` and slice indices. */
export const OPERATORS = ['amazon', 'india-post', 'kirana'] as const;
export type LastMileOperator = (typeof OPERATORS)[number];
export const OP_AMAZON = 0;
export const OP_INDIA_POST = 1;
export const OP_KIRANA = 2;

/** Flag bits in `ParcelStore.flags`. */
export const FLAG_COD = 1;
export const FLAG_RURAL = 2;
export const FLAG_SAMPLED = 4;
export const FLAG_EXPORT = 8;

/**
 * Parcels as struct-of-arrays indexed by parcel id, grown by doubling: millions of parcels cost a
 * few typed arrays, not millions of objects, and the hot path allocates nothing per parcel.
 */
export class ParcelStore {
  count = 0;
  created = new Float64Array(1024);
  /** Position in `catchments.district` of the destination district. */
  district = new Int32Array(1024);
  lastMile = new Int32Array(1024);
  route = new Int32Array(1024);
  leg = new Uint8Array(1024);
  attempts = new Uint8Array(1024);
  status = new Uint8Array(1024);
  operator = new Uint8Array(1024);
  flags = new Uint8Array(1024);
  /** The leg on whose arrival the parcel is lost (drawn once at order, geometric); NEVER_LOST if none. */
  lossLeg = new Uint8Array(1024);

  /** A new parcel's id; its fields are zero until set. */
  add(): number {
    if (this.count === this.created.length) this.grow();
    return this.count++;
  }

  private grow(): void {
    const n = this.created.length * 2;
    const f64 = (a: Float64Array): Float64Array<ArrayBuffer> => {
      const b = new Float64Array(n);
      b.set(a);
      return b;
    };
    const i32 = (a: Int32Array): Int32Array<ArrayBuffer> => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    const u8 = (a: Uint8Array): Uint8Array<ArrayBuffer> => {
      const b = new Uint8Array(n);
      b.set(a);
      return b;
    };
    this.created = f64(this.created);
    this.district = i32(this.district);
    this.lastMile = i32(this.lastMile);
    this.route = i32(this.route);
    this.leg = u8(this.leg);
    this.attempts = u8(this.attempts);
    this.status = u8(this.status);
    this.operator = u8(this.operator);
    this.flags = u8(this.flags);
    this.lossLeg = u8(this.lossLeg);
  }
}

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
/** Booked by a seller at a post office (the B2B first mile): India Post's from booking to the door. */
export const FLAG_BOOKED = 16;

/**
 * Where a delivered parcel's lead time went, in the order a parcel meets them; they add up to its
 * lead time (DESIGN.md, what a run explains). `pickWait`: order to its pick wave (the FC's
 * cut-off); `pickPack`; `departureWait`: ready at a node until a departure takes it (timetables,
 * full vehicles), over every leg; `transit`: on the road, rail or in the air; `sortHandoff`:
 * sorting at arrival and hand-offs between operators; `dwell`: India Post's wait without tracking
 * to be matched to a beat; `lastMileWait`: at the last-mile node until a delivery wave takes it;
 * `firstAttempt`: out for delivery until the first attempt; `reattempts`: after a failed first
 * attempt, until delivered at the door or collected.
 */
export const STAGES = ['pickWait', 'pickPack', 'departureWait', 'transit', 'sortHandoff', 'dwell', 'lastMileWait', 'firstAttempt', 'reattempts'] as const;
export type Stage = (typeof STAGES)[number];
export const S_PICK_WAIT = 0;
export const S_PICK_PACK = 1;
export const S_DEPARTURE_WAIT = 2;
export const S_TRANSIT = 3;
export const S_SORT_HANDOFF = 4;
export const S_DWELL = 5;
export const S_LAST_MILE_WAIT = 6;
export const S_FIRST_ATTEMPT = 7;
export const S_REATTEMPTS = 8;
export const STAGE_COUNT = STAGES.length;
/**
 * A parcel's stage block: its minutes in each stage, then (at S_MARK) when its current wait began.
 * One block a parcel, so the hot handlers touch one place of memory for both, not two arrays.
 */
export const S_MARK = STAGE_COUNT;
export const STAGE_STRIDE = STAGE_COUNT + 1;
/** Ordered during the warm-up (`RunHooks.warmupDays`): flows through the network, counts in no per-parcel statistic. */
export const FLAG_WARMUP = 32;

/**
 * Parcels as struct-of-arrays indexed by parcel id, grown by doubling: millions of parcels cost a
 * few typed arrays, not millions of objects, and the hot path allocates nothing per parcel.
 */
export class ParcelStore {
  count = 0;
  created: Float64Array<ArrayBuffer>;
  /** Position in `catchments.district` of the destination district. */
  district: Int32Array<ArrayBuffer>;
  lastMile: Int32Array<ArrayBuffer>;
  route: Int32Array<ArrayBuffer>;
  leg: Uint8Array<ArrayBuffer>;
  attempts: Uint8Array<ArrayBuffer>;
  status: Uint8Array<ArrayBuffer>;
  operator: Uint8Array<ArrayBuffer>;
  flags: Uint8Array<ArrayBuffer>;
  /** The leg on whose arrival the parcel is lost (drawn once at order, geometric); NEVER_LOST if none. */
  lossLeg: Uint8Array<ArrayBuffer>;
  /**
   * Minutes in each stage so far, parcel id's stage s at `id * STAGE_STRIDE + s`, and at
   * `id * STAGE_STRIDE + S_MARK` when its current wait began (ready at a node, joined a queue, its
   * last attempt). Float32: ~0.002 min at three weeks, far below anything reported.
   */
  stage: Float32Array<ArrayBuffer>;

  /**
   * Room for `capacity` parcels before the first doubling: a model sizes it for the orders it
   * expects, so a replication does not copy its parcels seven times over while it fills them.
   */
  constructor(capacity = 1024) {
    const n = Math.max(16, Math.ceil(capacity));
    this.created = new Float64Array(n);
    this.district = new Int32Array(n);
    this.lastMile = new Int32Array(n);
    this.route = new Int32Array(n);
    this.leg = new Uint8Array(n);
    this.attempts = new Uint8Array(n);
    this.status = new Uint8Array(n);
    this.operator = new Uint8Array(n);
    this.flags = new Uint8Array(n);
    this.lossLeg = new Uint8Array(n);
    this.stage = new Float32Array(n * STAGE_STRIDE);
  }

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
    const stage = new Float32Array(n * STAGE_STRIDE);
    stage.set(this.stage);
    this.stage = stage;
  }
}

import { Quantiles } from '../engine/stats/index.ts';
import { STAGE_COUNT, STAGES } from './parcel-store.ts';

/** Cost components, in the order of the metric names. */
export const COST_COMPONENTS = ['linehaul', 'sorting', 'lastMile', 'partnerPayouts', 'failedAttempts', 'returns'] as const;

// Field offsets within a slice's row. Counts first, then the lead-time sum, then the costs.
export const F_CREATED = 0;
export const F_DELIVERED = 1;
export const F_COLLECTED = 2;
export const F_RETURNED = 3;
export const F_LOST = 4;
export const F_IN_FLIGHT = 5;
export const F_CREATED_COD = 6;
export const F_CREATED_PREPAID = 7;
export const F_RTO_COD = 8;
export const F_RTO_PREPAID = 9;
export const F_DELIVERED_COD = 10;
export const F_FIRST_ATTEMPTS = 11;
export const F_FIRST_SUCCESSES = 12;
/** Attempts made for parcels that were then delivered. */
export const F_ATTEMPTS_OF_DELIVERED = 13;
export const F_WITHIN_24 = 14;
export const F_WITHIN_48 = 15;
export const F_WITHIN_72 = 16;
export const F_LEAD_SUM = 17;
/** Cost component c sits at F_COST + c. */
export const F_COST = 18;
export const C_LINEHAUL = 0;
export const C_SORTING = 1;
export const C_LAST_MILE = 2;
export const C_PARTNER = 3;
export const C_FAILED = 4;
export const C_RETURNS = 5;
/** Hours delivered parcels spent in stage s (parcel-store.ts, STAGES) sit at F_STAGE + s. */
export const F_STAGE = F_COST + COST_COMPONENTS.length;
/** Fields a slice: the row length. */
export const FIELDS = F_STAGE + STAGE_COUNT;

/**
 * The counts, lead times and costs of every slice of parcels (all, an operator, an area, a state)
 * as one flat array, slice s's field f at `s * FIELDS + f`: a parcel's update is four additions at
 * indices computed from the parcel's slices, with no object or closure per update. Lead-time
 * quantiles keep one sketch a slice (DDSketch, bounded relative error).
 */
export class SliceTable {
  readonly values: Float64Array;
  readonly leadQ: Quantiles[];

  constructor(readonly slices: number) {
    this.values = new Float64Array(slices * FIELDS);
    this.leadQ = Array.from({ length: slices }, () => new Quantiles());
  }

  get(slice: number, field: number): number {
    return this.values[slice * FIELDS + field]!;
  }

  /** Slice `slice`'s metrics, names suffixed by `suffix` (e.g. `{operator=kirana}`). */
  write(slice: number, out: Record<string, number>, suffix: string): void {
    const v = (f: number): number => this.values[slice * FIELDS + f]!;
    const share = (a: number, b: number): number => (b > 0 ? a / b : 0);
    const q = this.leadQ[slice]!;
    const at = (p: number): number => (q.count > 0 ? q.quantile(p) : 0);
    const delivered = v(F_DELIVERED);
    const rto = v(F_RTO_COD) + v(F_RTO_PREPAID);
    out[`parcels.created${suffix}`] = v(F_CREATED);
    out[`parcels.delivered${suffix}`] = delivered;
    out[`parcels.returned${suffix}`] = v(F_RETURNED);
    out[`parcels.inFlight${suffix}`] = v(F_IN_FLIGHT);
    out[`parcels.lost${suffix}`] = v(F_LOST);
    out[`parcels.collected${suffix}`] = v(F_COLLECTED);
    out[`leadTime.hours.mean${suffix}`] = share(v(F_LEAD_SUM), delivered);
    out[`leadTime.hours.p50${suffix}`] = at(0.5);
    out[`leadTime.hours.p90${suffix}`] = at(0.9);
    out[`leadTime.hours.p95${suffix}`] = at(0.95);
    out[`leadTime.hours.p99${suffix}`] = at(0.99);
    out[`delivered.within24h.share${suffix}`] = share(v(F_WITHIN_24), delivered);
    out[`delivered.within48h.share${suffix}`] = share(v(F_WITHIN_48), delivered);
    out[`delivered.within72h.share${suffix}`] = share(v(F_WITHIN_72), delivered);
    out[`firstAttempt.success.share${suffix}`] = share(v(F_FIRST_SUCCESSES), v(F_FIRST_ATTEMPTS));
    out[`attempts.perDelivery${suffix}`] = share(v(F_ATTEMPTS_OF_DELIVERED), delivered);
    out[`rto.share${suffix}`] = share(rto, rto + delivered);
    // Of the parcels that finished (delivered or returned), by payment.
    out[`rto.cod.share${suffix}`] = share(v(F_RTO_COD), v(F_RTO_COD) + v(F_DELIVERED_COD));
    out[`rto.prepaid.share${suffix}`] = share(v(F_RTO_PREPAID), v(F_RTO_PREPAID) + delivered - v(F_DELIVERED_COD));
    let total = 0;
    for (let c = 0; c < COST_COMPONENTS.length; c++) total += v(F_COST + c);
    out[`cost.perDelivered.inr${suffix}`] = share(total, delivered);
    COST_COMPONENTS.forEach((name, c) => {
      out[`cost.${name}.perDelivered.inr${suffix}`] = share(v(F_COST + c), delivered);
    });
    STAGES.forEach((name, s) => {
      out[`leadTime.stage.hours.${name}${suffix}`] = share(v(F_STAGE + s), delivered);
    });
  }
}

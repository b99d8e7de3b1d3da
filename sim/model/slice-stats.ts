import { Quantiles, Tally } from '../engine/stats/index.ts';

/** Cost components, in the order of the metric names. */
export const COST_COMPONENTS = ['linehaul', 'sorting', 'lastMile', 'partnerPayouts', 'failedAttempts', 'returns'] as const;
export const C_LINEHAUL = 0;
export const C_SORTING = 1;
export const C_LAST_MILE = 2;
export const C_PARTNER = 3;
export const C_FAILED = 4;
export const C_RETURNS = 5;

/** The counts and lead times of one slice of parcels (all, an operator, an area, a state). */
export class SliceStats {
  created = 0;
  delivered = 0;
  collected = 0;
  returned = 0;
  lost = 0;
  inFlight = 0;
  createdCod = 0;
  createdPrepaid = 0;
  rtoCod = 0;
  rtoPrepaid = 0;
  deliveredCod = 0;
  firstAttempts = 0;
  firstAttemptSuccesses = 0;
  /** Attempts made for parcels that were then delivered. */
  attemptsOfDelivered = 0;
  within24 = 0;
  within48 = 0;
  within72 = 0;
  readonly lead = new Tally();
  readonly leadQ = new Quantiles();
  readonly cost = new Float64Array(COST_COMPONENTS.length);

  delivery(leadHours: number, attempts: number, cod: boolean): void {
    this.delivered++;
    if (cod) this.deliveredCod++;
    this.attemptsOfDelivered += attempts;
    this.lead.add(leadHours);
    this.leadQ.add(leadHours);
    if (leadHours <= 24) this.within24++;
    if (leadHours <= 48) this.within48++;
    if (leadHours <= 72) this.within72++;
  }

  /** The metrics of this slice, names suffixed by `suffix` (e.g. `{operator=kirana}`). */
  write(out: Record<string, number>, suffix: string): void {
    const share = (a: number, b: number): number => (b > 0 ? a / b : 0);
    const q = (p: number): number => (this.leadQ.count > 0 ? this.leadQ.quantile(p) : 0);
    out[`parcels.created${suffix}`] = this.created;
    out[`parcels.delivered${suffix}`] = this.delivered;
    out[`parcels.returned${suffix}`] = this.returned;
    out[`parcels.inFlight${suffix}`] = this.inFlight;
    out[`parcels.lost${suffix}`] = this.lost;
    out[`parcels.collected${suffix}`] = this.collected;
    out[`leadTime.hours.mean${suffix}`] = this.lead.count > 0 ? this.lead.mean : 0;
    out[`leadTime.hours.p50${suffix}`] = q(0.5);
    out[`leadTime.hours.p90${suffix}`] = q(0.9);
    out[`leadTime.hours.p95${suffix}`] = q(0.95);
    out[`leadTime.hours.p99${suffix}`] = q(0.99);
    out[`delivered.within24h.share${suffix}`] = share(this.within24, this.delivered);
    out[`delivered.within48h.share${suffix}`] = share(this.within48, this.delivered);
    out[`delivered.within72h.share${suffix}`] = share(this.within72, this.delivered);
    out[`firstAttempt.success.share${suffix}`] = share(this.firstAttemptSuccesses, this.firstAttempts);
    out[`attempts.perDelivery${suffix}`] = share(this.attemptsOfDelivered, this.delivered);
    out[`rto.share${suffix}`] = share(this.rtoCod + this.rtoPrepaid, this.rtoCod + this.rtoPrepaid + this.delivered);
    // Of the parcels that finished (delivered or returned), by payment.
    out[`rto.cod.share${suffix}`] = share(this.rtoCod, this.rtoCod + this.deliveredCod);
    out[`rto.prepaid.share${suffix}`] = share(this.rtoPrepaid, this.rtoPrepaid + this.delivered - this.deliveredCod);
    let total = 0;
    for (let i = 0; i < this.cost.length; i++) total += this.cost[i]!;
    out[`cost.perDelivered.inr${suffix}`] = share(total, this.delivered);
    COST_COMPONENTS.forEach((c, i) => {
      out[`cost.${c}.perDelivered.inr${suffix}`] = share(this.cost[i]!, this.delivered);
    });
  }
}

import type { Summary } from '../run/index.ts';

/**
 * The metrics a person reads first, in this order; summary.json holds the rest (slices by
 * operator, area and state, costs by component, node utilisation…). Those absent from a run are
 * skipped.
 */
export const HEADLINE_METRICS = [
  'parcels.created',
  'parcels.delivered',
  'parcels.returned',
  'parcels.inFlight',
  'leadTime.hours.mean',
  'leadTime.hours.p50',
  'leadTime.hours.p90',
  'leadTime.hours.p95',
  'delivered.within24h.share',
  'delivered.within48h.share',
  'delivered.within48h.share{area=rural}',
  'firstAttempt.success.share',
  'rto.share',
  'cost.perDelivered.inr',
  'co2.kg.perParcel',
  'parcels.delivered{operator=india-post}',
  'parcels.delivered{operator=kirana}',
  'kirana.earnings.perStorePerMonth.inr',
] as const;

/** The summary cut down to the headline metrics (same numbers, fewer rows). */
export function headline(summary: Summary, names: readonly string[] = HEADLINE_METRICS): Summary {
  const metrics: Summary['metrics'] = {};
  for (const name of names) {
    const m = summary.metrics[name];
    if (m !== undefined && !(name.includes('operator=') && m.mean === 0) && !(name.startsWith('kirana.') && m.mean === 0)) metrics[name] = m;
  }
  return { ...summary, metrics };
}

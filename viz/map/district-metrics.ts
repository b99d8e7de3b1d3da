import type { DistrictRow } from '../view-data.ts';

/**
 * The district metrics the map can colour by. `byDistrict` carries delivered, returned, created,
 * mean lead time and the 48 h share; P90 lead time and cost per district are not in the model's
 * per-district table yet (reported to the model's owner), so the map offers what exists.
 */
export interface DistrictMetric {
  id: string;
  label: string;
  /** Formats a value for hover and legend. */
  format: (v: number) => string;
  /** Higher is better (the difference map's colours follow it). */
  higherIsBetter: boolean;
  value: (row: DistrictRow) => number;
}

const pct = (v: number): string => (Number.isFinite(v) ? `${(v * 100).toFixed(1)} %` : '–');
const hours = (v: number): string => (Number.isFinite(v) ? `${v.toFixed(1)} h` : '–');

export const DISTRICT_METRICS: readonly DistrictMetric[] = [
  { id: 'within48h', label: 'On time (delivered within 48 h)', format: pct, higherIsBetter: true, value: (r) => (r.delivered > 0 ? r.within48hShare : Number.NaN) },
  { id: 'leadTime', label: 'Mean lead time', format: hours, higherIsBetter: false, value: (r) => (r.delivered > 0 ? r.leadTimeHoursMean : Number.NaN) },
  { id: 'rto', label: 'Returned to origin (RTO share)', format: pct, higherIsBetter: false, value: (r) => (r.created > 0 ? r.returned / r.created : Number.NaN) },
  { id: 'created', label: 'Parcels ordered (simulated)', format: (v) => (Number.isFinite(v) ? v.toFixed(0) : '–'), higherIsBetter: true, value: (r) => r.created },
];

export function districtMetric(id: string): DistrictMetric {
  const m = DISTRICT_METRICS.find((d) => d.id === id);
  if (m === undefined) throw new Error(`unknown district metric ${JSON.stringify(id)}: valid are ${DISTRICT_METRICS.map((d) => d.id).join(', ')}`);
  return m;
}

import type { DistrictRow } from '../view-data.ts';
import type { DistrictMetric } from './district-metrics.ts';

/**
 * B − A of a district metric, by Census code, for the districts where both results have a finite
 * value (a district with no parcels in either has no difference to show).
 */
export function differenceByDistrict(a: readonly DistrictRow[], b: readonly DistrictRow[], metric: DistrictMetric): Map<number, number> {
  const before = new Map(a.map((r) => [r.code, metric.value(r)]));
  const diff = new Map<number, number>();
  for (const r of b) {
    const va = before.get(r.code);
    const vb = metric.value(r);
    if (va !== undefined && Number.isFinite(va) && Number.isFinite(vb)) diff.set(r.code, vb - va);
  }
  return diff;
}

/**
 * The values a metric can take, by its name (slices share their base metric's range): shares in
 * [0, 1]; counts, times, money, distances, emissions, rates per parcel, utilisations and queue
 * lengths ≥ 0; anything else unbounded. Confidence intervals are clamped to it (`describe`).
 */
export function metricRange(metric: string): readonly [number, number] {
  const brace = metric.indexOf('{');
  const base = brace < 0 ? metric : metric.slice(0, brace);
  if (base.endsWith('.share') || base.endsWith('Share')) return SHARE;
  if (NON_NEGATIVE.some((p) => base.startsWith(p)) || base === 'scale' || base.endsWith('.utilisation')) return COUNT;
  return ANY;
}

const SHARE = [0, 1] as const;
const COUNT = [0, Number.POSITIVE_INFINITY] as const;
const ANY = [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY] as const;

// The built-in models' metric families that cannot be negative (sim/model's slice-table.ts and
// replication-result.ts; the example's in model-kinds.ts).
const NON_NEGATIVE = ['parcels.', 'leadTime.', 'cost.', 'km.', 'co2.', 'kirana.', 'attempts.', 'backlog.', 'node.', 'linehaul.', 'sorter.'];

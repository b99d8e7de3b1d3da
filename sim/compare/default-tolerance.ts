import { CompareInputError } from './compare-input-error.ts';
import { baseMetricName } from './metric-direction.ts';
import type { Tolerance } from './types.ts';

// The practical threshold below which a statistically significant change still counts as
// `same`. Relative to A's mean, with an absolute floor where the mean can sit near 0 (a share of
// 0.1 % moving to 0.2 % is +100 % but 0.001 absolute: noise in a national run).
// Shares and lead times: 1 %; money, distance, emissions, earnings: 2 % (these carry the extra
// spread of per-km and per-parcel rates); counts: 1 % with a floor of half a parcel.
const RULES: readonly (readonly [test: (base: string) => boolean, tolerance: Tolerance])[] = [
  [(b) => b.endsWith('.share') || b.endsWith('Share'), { relative: 0.01, absolute: 0.002 }],
  [(b) => b.startsWith('leadTime.'), { relative: 0.01, absolute: 0.01 }],
  [(b) => b.startsWith('parcels.'), { relative: 0.01, absolute: 0.5 }],
  [(b) => b === 'attempts.perDelivery', { relative: 0.01, absolute: 0.002 }],
  [(b) => b.startsWith('utilisation.'), { relative: 0.02, absolute: 0.002 }],
  [(b) => /^(cost|km|co2|kirana\.earnings)\./.test(b), { relative: 0.02, absolute: 0 }],
];
const FALLBACK: Tolerance = { relative: 0.01, absolute: 0 };

/** The default practical tolerance for a metric (slices use their base name's). */
export function defaultTolerance(metric: string): Tolerance {
  const base = baseMetricName(metric);
  for (const [test, tolerance] of RULES) if (test(base)) return tolerance;
  return FALLBACK;
}

/**
 * The tolerance for `metric` given user overrides (relative, by exact name, base name or `prefix*`;
 * the most specific match wins: exact, then base, then the longest prefix). An override replaces the
 * relative part and keeps the default floor, except 0, which means "any significant change".
 */
export function resolveTolerance(metric: string, overrides: Readonly<Record<string, number>> = {}): Tolerance {
  for (const [key, value] of Object.entries(overrides)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new CompareInputError(`tolerance for ${key}: must be a finite number ≥ 0 (relative, 0.01 = 1 %), given ${String(value)}`);
    }
  }
  const base = baseMetricName(metric);
  let relative = overrides[metric] ?? overrides[base];
  if (relative === undefined) {
    let best = -1;
    for (const [key, value] of Object.entries(overrides)) {
      if (key.endsWith('*') && metric.startsWith(key.slice(0, -1)) && key.length > best) {
        best = key.length;
        relative = value;
      }
    }
  }
  const fallback = defaultTolerance(metric);
  if (relative === undefined) return fallback;
  return { relative, absolute: relative === 0 ? 0 : fallback.absolute };
}

import type { Direction } from './types.ts';

/** `rto.share{operator=india-post}` → `rto.share`: a slice inherits its base metric's direction. */
export function baseMetricName(metric: string): string {
  const brace = metric.indexOf('{');
  return brace < 0 ? metric : metric.slice(0, brace);
}

// First match wins; a trailing `.` or `*` marks a prefix. Order: specific before general.
const RULES: readonly (readonly [pattern: string, direction: Direction])[] = [
  ['parcels.created', 'neutral'],
  ['parcels.delivered', 'higher'],
  ['parcels.returned', 'lower'],
  ['parcels.inFlight', 'lower'],
  ['parcels.lost', 'lower'],
  ['leadTime.', 'lower'],
  ['delivered.within24h.share', 'higher'],
  ['delivered.within48h.share', 'higher'],
  ['delivered.within72h.share', 'higher'],
  ['firstAttempt.success.share', 'higher'],
  ['attempts.perDelivery', 'lower'],
  ['rto.share', 'lower'],
  ['cost.', 'lower'],
  ['utilisation.', 'neutral'],
  ['kirana.earnings.', 'higher'],
  ['co2.', 'lower'],
  ['km.', 'lower'],
];

function matches(base: string, pattern: string): boolean {
  return pattern.endsWith('.') ? base.startsWith(pattern) || base === pattern.slice(0, -1) : base === pattern;
}

/**
 * Which way is better for a metric, by its base name (issue 7's table). Unknown metrics are
 * `neutral`: a change is reported as `changed`, never `worse`, so a new metric cannot fail CI
 * before someone says which way it should go.
 */
export function metricDirection(metric: string): Direction {
  const base = baseMetricName(metric);
  for (const [pattern, direction] of RULES) if (matches(base, pattern)) return direction;
  return 'neutral';
}

import type { NodeDetailRow } from '../view-data.ts';

/** A per-node measure the map can colour nodes by, in a few classes (a dot's colour is read against the legend, not to the decimal). */
export interface NodeMetric {
  id: 'utilisation' | 'queueMean' | 'waitHoursMean';
  label: string;
  /** The node's value; NaN when the measure does not apply (no capacity to use). */
  value(row: NodeDetailRow): number;
  /** Upper bounds of the classes above zero; the last class is open-ended. */
  thresholds: readonly [number, number, number, number];
  format(v: number): string;
}

const pct = (v: number): string => `${Math.round(v * 100)} %`;
const plain = (v: number): string => String(v);

export const NODE_METRICS: readonly NodeMetric[] = [
  { id: 'utilisation', label: 'Utilisation (parcels handled a day ÷ capacity)', value: (r) => (r.capacityPerDay > 0 ? r.utilisation : Number.NaN), thresholds: [0.5, 0.8, 1, 1.2], format: pct },
  { id: 'queueMean', label: 'Queue (parcels waiting there, time-weighted mean)', value: (r) => r.queueMean, thresholds: [1, 5, 20, 100], format: plain },
  { id: 'waitHoursMean', label: 'Mean wait of the parcels there (h)', value: (r) => r.waitHoursMean, thresholds: [2, 6, 12, 24], format: (v) => `${v} h` },
];

/**
 * Class colours: no value (white), zero (grey: idle nodes fade back), then five classes from
 * ColorBrewer's OrRd, light to dark, so the busiest nodes are the darkest and drawn last (on top).
 */
export const NODE_CLASS_COLORS = ['#ffffff', '#a8a8a8', '#fdd49e', '#fc8d59', '#ef6548', '#d7301f', '#7f0000'] as const;

/** A value's class: 0 no value, 1 zero, 2 above zero and under the first threshold, … 6 at or above the last. */
export function nodeClass(metric: NodeMetric, v: number): number {
  if (!Number.isFinite(v)) return 0;
  if (v <= 0) return 1;
  const i = metric.thresholds.findIndex((t) => v < t);
  return 2 + (i === -1 ? metric.thresholds.length : i);
}

/** The legend's words for each class. */
export function nodeClassLabels(metric: NodeMetric): string[] {
  const [a, b, c, d] = metric.thresholds.map(metric.format) as [string, string, string, string];
  return [metric.id === 'utilisation' ? 'no capacity' : 'no value', 'zero', `under ${a}`, `${a} to ${b}`, `${b} to ${c}`, `${c} to ${d}`, `${d} and over`];
}

export function nodeMetric(id: string): NodeMetric | undefined {
  return NODE_METRICS.find((m) => m.id === id);
}

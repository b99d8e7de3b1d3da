import * as d3 from 'd3';
import type { ResultSet } from '../../sim/compare/types.ts';
import { chartFrame, noData, type FrameOptions } from './chart-frame.ts';

/** The metrics a researcher checks first; each row gets its own scale (their units differ). */
export const SPREAD_METRICS = [
  'leadTime.hours.mean',
  'leadTime.hours.p90',
  'delivered.within48h.share',
  'firstAttempt.success.share',
  'rto.share',
  'cost.perDelivered.inr',
] as const;

/** Each replication as a dot, the mean as a bar and its 95 % CI as a line, per metric. */
export function replicationSpreadChart(container: Element, set: ResultSet, metrics: readonly string[] = SPREAD_METRICS, options: FrameOptions = {}): SVGSVGElement {
  const rows = metrics.filter((m) => set.summary.metrics[m] !== undefined);
  const f = chartFrame(container, `Replication spread (${set.summary.replications} replications, mean and 95 % CI)`, {
    height: 40 + 34 * Math.max(1, rows.length),
    margin: { top: 28, right: 110, bottom: 8, left: 170 },
    ...options,
  });
  if (rows.length === 0) {
    noData(f, 'replication metrics');
    return f.svg.node()!;
  }
  const band = d3.scaleBand().domain(rows).range([0, f.height]).padding(0.3);
  for (const metric of rows) {
    const s = set.summary.metrics[metric]!;
    const values = (set.replications.values[metric] ?? []).filter((v) => Number.isFinite(v));
    const ext = d3.extent([...values, s.ci95?.[0] ?? Number.NaN, s.ci95?.[1] ?? Number.NaN].filter((v) => Number.isFinite(v))) as [number, number];
    const pad = (ext[1] - ext[0]) * 0.1 || Math.abs(ext[0]) * 0.05 || 1;
    const x = d3.scaleLinear().domain([ext[0] - pad, ext[1] + pad]).range([0, f.width]);
    const cy = band(metric)! + band.bandwidth() / 2;
    const row = f.plot.append('g').attr('class', 'spread-row').attr('data-metric', metric);
    row.append('text').attr('x', -8).attr('y', cy + 4).attr('text-anchor', 'end').text(metric);
    row.append('line').attr('x1', 0).attr('x2', f.width).attr('y1', cy).attr('y2', cy).attr('stroke', '#ddd');
    if (s.ci95?.[0] != null && s.ci95[1] != null) {
      row.append('line').attr('x1', x(s.ci95[0])).attr('x2', x(s.ci95[1])).attr('y1', cy).attr('y2', cy).attr('stroke', '#111').attr('stroke-width', 3);
    }
    row.selectAll('circle').data(values).join('circle').attr('cx', (v) => x(v)).attr('cy', cy).attr('r', 3.5).attr('fill', '#E69F00').attr('fill-opacity', 0.8);
    if (s.mean !== null) {
      row.append('line').attr('x1', x(s.mean)).attr('x2', x(s.mean)).attr('y1', cy - 8).attr('y2', cy + 8).attr('stroke', '#0072B2').attr('stroke-width', 2);
      const half = s.ci95?.[0] != null && s.ci95[1] != null ? ` ± ${fmt((s.ci95[1] - s.ci95[0]) / 2)}` : '';
      row.append('text').attr('x', f.width + 6).attr('y', cy + 4).text(`${fmt(s.mean)}${half}`);
    }
  }
  return f.svg.node()!;
}

function fmt(v: number): string {
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toFixed(3);
}

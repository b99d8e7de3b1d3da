import * as d3 from 'd3';
import type { ResultSummary } from '../../sim/compare/types.ts';
import { chartFrame, noData, type FrameOptions } from './chart-frame.ts';

/** `cost.<component>.perDelivered.inr` in summary.json; the total is drawn as a label, not a bar. */
const COST = /^cost\.([A-Za-z]+)\.perDelivered\.inr$/;

/** Cost per delivered parcel by component (INR), mean over replications with its 95 % CI. */
export function costComponentsChart(container: Element, summary: ResultSummary, options: FrameOptions = {}): SVGSVGElement {
  const f = chartFrame(container, 'Cost per delivered parcel by component (INR)', { margin: { top: 28, right: 40, bottom: 30, left: 110 }, ...options });
  const rows = Object.entries(summary.metrics)
    .map(([name, m]) => ({ component: COST.exec(name)?.[1], m }))
    .filter((r): r is { component: string; m: (typeof r)['m'] } => r.component !== undefined && r.m.mean !== null);
  if (rows.length === 0) {
    noData(f, 'cost metrics');
    return f.svg.node()!;
  }
  const total = summary.metrics['cost.perDelivered.inr']?.mean;
  const hi = d3.max(rows, (r) => r.m.ci95?.[1] ?? r.m.mean ?? 0) ?? 1;
  const x = d3.scaleLinear().domain([0, hi]).nice().range([0, f.width]);
  const y = d3.scaleBand().domain(rows.map((r) => r.component)).range([0, f.height]).padding(0.25);
  f.plot.append('g').attr('transform', `translate(0,${f.height})`).call(d3.axisBottom(x).ticks(5));
  f.plot.append('g').call(d3.axisLeft(y));
  const g = f.plot.selectAll('g.bar').data(rows).join('g').attr('class', 'bar');
  g.append('rect').attr('x', 0).attr('y', (r) => y(r.component)!).attr('height', y.bandwidth()).attr('width', (r) => x(r.m.mean ?? 0)).attr('fill', '#35608d');
  g.append('line')
    .attr('x1', (r) => x(r.m.ci95?.[0] ?? r.m.mean ?? 0))
    .attr('x2', (r) => x(r.m.ci95?.[1] ?? r.m.mean ?? 0))
    .attr('y1', (r) => y(r.component)! + y.bandwidth() / 2)
    .attr('y2', (r) => y(r.component)! + y.bandwidth() / 2)
    .attr('stroke', '#111');
  g.append('text').attr('x', (r) => x(r.m.mean ?? 0) + 4).attr('y', (r) => y(r.component)! + y.bandwidth() / 2 + 4).text((r) => (r.m.mean ?? 0).toFixed(1));
  if (total !== undefined && total !== null) f.svg.append('text').attr('x', f.width + 100).attr('y', 16).attr('text-anchor', 'end').text(`total ₹${total.toFixed(1)}`);
  return f.svg.node()!;
}

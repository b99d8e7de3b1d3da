import * as d3 from 'd3';
import type { DailyRow } from '../view-data.ts';
import { axisLabel, chartFrame, noData, type FrameOptions } from './chart-frame.ts';

const SERIES = [
  { key: 'created', label: 'ordered', color: '#999999' },
  { key: 'delivered', label: 'delivered (throughput)', color: '#0072B2' },
  { key: 'backlog', label: 'backlog at end of day', color: '#D55E00' },
] as const;

/** Orders, deliveries (throughput) and the backlog by simulated day. */
export function dailyFlowChart(container: Element, daily: readonly DailyRow[], options: FrameOptions = {}): SVGSVGElement {
  const f = chartFrame(container, 'Backlog and throughput by day', options);
  if (daily.length === 0) {
    noData(f, 'daily series');
    return f.svg.node()!;
  }
  const x = d3.scaleLinear().domain(d3.extent(daily, (d) => d.day) as [number, number]).range([0, f.width]);
  const y = d3.scaleLinear().domain([0, d3.max(daily, (d) => Math.max(d.created, d.delivered, d.backlog)) ?? 1]).nice().range([f.height, 0]);
  f.plot.append('g').attr('transform', `translate(0,${f.height})`).call(d3.axisBottom(x).ticks(Math.min(daily.length, 10)));
  f.plot.append('g').call(d3.axisLeft(y).ticks(5));
  SERIES.forEach((s, i) => {
    f.plot
      .append('path')
      .datum(daily)
      .attr('fill', 'none')
      .attr('stroke', s.color)
      .attr('stroke-width', 2)
      .attr('stroke-dasharray', i === 0 ? '3 2' : null)
      .attr('d', d3.line<DailyRow>((d) => x(d.day), (d) => y(d[s.key])));
    const lx = f.width - 150;
    f.plot.append('line').attr('x1', lx).attr('x2', lx + 16).attr('y1', 4 + i * 14).attr('y2', 4 + i * 14).attr('stroke', s.color).attr('stroke-width', 2);
    f.plot.append('text').attr('x', lx + 20).attr('y', 8 + i * 14).text(s.label);
  });
  axisLabel(f, 'x', 'simulated day');
  axisLabel(f, 'y', 'parcels (simulated)');
  return f.svg.node()!;
}

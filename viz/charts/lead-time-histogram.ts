import * as d3 from 'd3';
import { axisLabel, chartFrame, HOUR_MARKS, noData, type FrameOptions } from './chart-frame.ts';

/** Lead time to delivery: parcels per 1-hour bin, with the 24/48/72 h marks. */
export function leadTimeHistogram(container: Element, bins: readonly { hour: number; count: number }[], options: FrameOptions = {}): SVGSVGElement {
  const f = chartFrame(container, 'Lead time to delivery (histogram)', options);
  const used = trimmed(bins);
  if (used.length === 0) {
    noData(f, 'lead times');
    return f.svg.node()!;
  }
  const maxHour = Math.max(96, (used[used.length - 1]?.hour ?? 0) + 1);
  const x = d3.scaleLinear().domain([0, maxHour]).range([0, f.width]);
  const y = d3.scaleLinear().domain([0, d3.max(used, (b) => b.count) ?? 1]).nice().range([f.height, 0]);
  f.plot.append('g').attr('transform', `translate(0,${f.height})`).call(d3.axisBottom(x).ticks(8));
  f.plot.append('g').call(d3.axisLeft(y).ticks(5));
  f.plot
    .append('g')
    .attr('fill', '#35608d')
    .selectAll('rect')
    .data(used)
    .join('rect')
    .attr('x', (b) => x(b.hour))
    .attr('width', Math.max(0.5, x(1) - x(0) - 0.5))
    .attr('y', (b) => y(b.count))
    .attr('height', (b) => f.height - y(b.count));
  for (const h of HOUR_MARKS) {
    f.plot.append('line').attr('x1', x(h)).attr('x2', x(h)).attr('y1', 0).attr('y2', f.height).attr('stroke', '#b35806').attr('stroke-dasharray', '4 3');
    f.plot.append('text').attr('x', x(h) + 3).attr('y', 10).attr('fill', '#b35806').text(`${h} h`);
  }
  axisLabel(f, 'x', 'hours from order to delivery');
  axisLabel(f, 'y', 'parcels');
  return f.svg.node()!;
}

/** Bins up to the last non-empty one. */
export function trimmed(bins: readonly { hour: number; count: number }[]): { hour: number; count: number }[] {
  let last = -1;
  bins.forEach((b, i) => {
    if (b.count > 0) last = i;
  });
  return bins.slice(0, last + 1);
}

import * as d3 from 'd3';
import { axisLabel, chartFrame, HOUR_MARKS, noData, type FrameOptions } from './chart-frame.ts';
import { trimmed } from './lead-time-histogram.ts';

/** Share of delivered parcels delivered within h hours, with the share at 24/48/72 h written on the marks. */
export function leadTimeCdf(container: Element, bins: readonly { hour: number; count: number }[], options: FrameOptions = {}): SVGSVGElement {
  const f = chartFrame(container, 'Lead time to delivery (cumulative share)', options);
  const used = trimmed(bins);
  const total = d3.sum(used, (b) => b.count);
  if (total === 0) {
    noData(f, 'lead times');
    return f.svg.node()!;
  }
  // Bin i covers [hour, hour + 1): the cumulative share is reached at its upper edge.
  let cum = 0;
  const points: [number, number][] = [[0, 0]];
  for (const b of used) {
    cum += b.count;
    points.push([b.hour + 1, cum / total]);
  }
  const maxHour = Math.max(96, points[points.length - 1]![0]);
  const x = d3.scaleLinear().domain([0, maxHour]).range([0, f.width]);
  const y = d3.scaleLinear().domain([0, 1]).range([f.height, 0]);
  f.plot.append('g').attr('transform', `translate(0,${f.height})`).call(d3.axisBottom(x).ticks(8));
  f.plot.append('g').call(d3.axisLeft(y).ticks(5, '%'));
  f.plot.append('path').datum(points).attr('fill', 'none').attr('stroke', '#35608d').attr('stroke-width', 2).attr('d', d3.line<[number, number]>((p) => x(p[0]), (p) => y(p[1])).curve(d3.curveStepAfter));
  for (const h of HOUR_MARKS) {
    const share = shareWithin(points, h);
    f.plot.append('line').attr('x1', x(h)).attr('x2', x(h)).attr('y1', 0).attr('y2', f.height).attr('stroke', '#b35806').attr('stroke-dasharray', '4 3');
    f.plot.append('text').attr('class', 'mark').attr('x', x(h) + 3).attr('y', y(share) + 12).attr('fill', '#b35806').text(`${h} h: ${(share * 100).toFixed(0)} %`);
  }
  axisLabel(f, 'x', 'hours from order to delivery');
  axisLabel(f, 'y', 'share delivered');
  return f.svg.node()!;
}

function shareWithin(points: readonly [number, number][], hour: number): number {
  let share = 0;
  for (const [h, s] of points) if (h <= hour) share = s;
  return share;
}

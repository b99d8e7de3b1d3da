import * as d3 from 'd3';
import type { NodeRow } from '../view-data.ts';
import { chartFrame, noData, type FrameOptions } from './chart-frame.ts';

/** Parcels handled a day over capacity, by node type (types with no capacity left out). */
export function nodeUtilisationChart(container: Element, nodes: readonly NodeRow[], options: FrameOptions = {}): SVGSVGElement {
  const f = chartFrame(container, 'Node utilisation by type', { margin: { top: 28, right: 48, bottom: 30, left: 140 }, ...options });
  const rows = nodes.filter((n) => n.capacityPerDay > 0 && n.nodes > 0);
  if (rows.length === 0) {
    noData(f, 'node table');
    return f.svg.node()!;
  }
  const x = d3.scaleLinear().domain([0, Math.max(1, d3.max(rows, (r) => r.utilisation) ?? 1)]).range([0, f.width]);
  const y = d3.scaleBand().domain(rows.map((r) => r.type)).range([0, f.height]).padding(0.2);
  f.plot.append('g').attr('transform', `translate(0,${f.height})`).call(d3.axisBottom(x).ticks(5, '%'));
  f.plot.append('g').call(d3.axisLeft(y));
  f.plot.append('line').attr('x1', x(1)).attr('x2', x(1)).attr('y1', 0).attr('y2', f.height).attr('stroke', '#b35806').attr('stroke-dasharray', '4 3');
  const g = f.plot.selectAll('g.bar').data(rows).join('g').attr('class', 'bar');
  g.append('rect').attr('y', (r) => y(r.type)!).attr('height', y.bandwidth()).attr('width', (r) => x(r.utilisation)).attr('fill', (r) => d3.interpolateCividis(Math.min(1, r.utilisation)));
  g.append('text').attr('x', (r) => x(r.utilisation) + 4).attr('y', (r) => y(r.type)! + y.bandwidth() / 2 + 4).text((r) => `${(r.utilisation * 100).toFixed(0)} % of ${r.nodes}`);
  return f.svg.node()!;
}

import * as d3 from 'd3';

export interface ChartFrame {
  svg: d3.Selection<SVGSVGElement, unknown, null, undefined>;
  plot: d3.Selection<SVGGElement, unknown, null, undefined>;
  /** Inner plot size. */
  width: number;
  height: number;
}

export interface FrameOptions {
  width?: number;
  height?: number;
  margin?: { top: number; right: number; bottom: number; left: number };
}

/**
 * An SVG with a title and a plot area, appended to `container`. Built from the container's own
 * document (never the global one), so the same chart renders in the page and, through linkedom,
 * in Node for the static report.
 */
export function chartFrame(container: Element, title: string, options: FrameOptions = {}): ChartFrame {
  const width = options.width ?? 460;
  const height = options.height ?? 260;
  const margin = options.margin ?? { top: 28, right: 16, bottom: 36, left: 52 };
  const svg = d3
    .select(container)
    .append('svg')
    .attr('xmlns', 'http://www.w3.org/2000/svg')
    .attr('width', width)
    .attr('height', height)
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('role', 'img')
    .attr('aria-label', title)
    .attr('font-family', 'system-ui, sans-serif')
    .attr('font-size', 11);
  svg.append('text').attr('x', 4).attr('y', 16).attr('font-size', 13).attr('font-weight', 600).text(title);
  const plot = svg.append('g').attr('transform', `translate(${margin.left},${margin.top})`);
  return { svg, plot, width: width - margin.left - margin.right, height: height - margin.top - margin.bottom };
}

/** Axis label under the x axis or beside the y axis. */
export function axisLabel(frame: ChartFrame, axis: 'x' | 'y', text: string): void {
  if (axis === 'x') frame.plot.append('text').attr('x', frame.width / 2).attr('y', frame.height + 32).attr('text-anchor', 'middle').text(text);
  else frame.plot.append('text').attr('transform', `translate(-40,${frame.height / 2}) rotate(-90)`).attr('text-anchor', 'middle').text(text);
}

/** An empty-state note, so a chart without data says so instead of drawing blank axes. */
export function noData(frame: ChartFrame, what: string): void {
  frame.plot.append('text').attr('class', 'no-data').attr('x', frame.width / 2).attr('y', frame.height / 2).attr('text-anchor', 'middle').attr('fill', '#666').text(`no ${what} in this result`);
}

/** The 24/48/72 h service marks (DOMAIN.md: Speed Post D+1..D+2 norms; the model's within-24/48/72 h metrics). */
export const HOUR_MARKS = [24, 48, 72] as const;

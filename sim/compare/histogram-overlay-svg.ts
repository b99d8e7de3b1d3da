import { curveStepAfter, line, scaleLinear } from 'd3';
import { COLOR_A, COLOR_B, px } from './chart-style.ts';
import { escapeHtml } from './escape-html.ts';
import type { HistogramBin } from './types.ts';

const WIDTH = 720;
const HEIGHT = 300;
const M = { top: 28, right: 20, bottom: 40, left: 56 };

/** Shares per bin (count / total), sorted by hour, with a closing point so the last step shows. */
function shares(bins: readonly HistogramBin[]): [number, number][] {
  const sorted = [...bins].sort((p, q) => p.hour - q.hour);
  const total = sorted.reduce((s, b) => s + b.count, 0);
  if (total === 0 || sorted.length === 0) return [];
  const points = sorted.map((b): [number, number] => [b.hour, b.count / total]);
  const last = sorted[sorted.length - 1]!;
  const width = sorted.length > 1 ? last.hour - sorted[sorted.length - 2]!.hour : 1;
  points.push([last.hour + width, last.count / total]);
  return points;
}

/**
 * A's and B's lead-time distributions overlaid as step lines, each as shares of its parcels (so
 * runs of different sizes compare), as SVG markup built with d3's scales and line generator.
 */
export function histogramOverlaySvg(a: readonly HistogramBin[], b: readonly HistogramBin[]): string {
  const sa = shares(a);
  const sb = shares(b);
  const all = [...sa, ...sb];
  if (all.length === 0) return '';
  const x = scaleLinear()
    .domain([Math.min(...all.map((p) => p[0])), Math.max(...all.map((p) => p[0]))])
    .nice()
    .range([M.left, WIDTH - M.right]);
  const y = scaleLinear()
    .domain([0, Math.max(...all.map((p) => p[1]))])
    .nice()
    .range([HEIGHT - M.bottom, M.top]);
  const path = line<[number, number]>()
    .x((p) => Math.round(x(p[0]) * 100) / 100)
    .y((p) => Math.round(y(p[1]) * 100) / 100)
    .curve(curveStepAfter);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="Lead-time distributions of A and B">`,
    `<text x="${M.left}" y="16" class="head">Lead time: share of parcels per bin, A <tspan fill="${COLOR_A}">━</tspan> and B <tspan fill="${COLOR_B}">━</tspan></text>`,
  ];
  for (const tick of x.ticks(10)) {
    parts.push(
      `<line x1="${px(x(tick))}" x2="${px(x(tick))}" y1="${M.top}" y2="${HEIGHT - M.bottom}" stroke="#eee"/>`,
      `<text x="${px(x(tick))}" y="${HEIGHT - M.bottom + 16}" class="tick" text-anchor="middle">${tick}</text>`,
    );
  }
  for (const tick of y.ticks(5)) {
    parts.push(
      `<line x1="${M.left}" x2="${WIDTH - M.right}" y1="${px(y(tick))}" y2="${px(y(tick))}" stroke="#eee"/>`,
      `<text x="${M.left - 6}" y="${px(y(tick) + 4)}" class="tick" text-anchor="end">${escapeHtml(`${Number((100 * tick).toFixed(2))} %`)}</text>`,
    );
  }
  parts.push(
    `<text x="${(M.left + WIDTH - M.right) / 2}" y="${HEIGHT - 6}" class="tick" text-anchor="middle">hours from order to delivery</text>`,
    `<path d="${path(sa) ?? ''}" fill="none" stroke="${COLOR_A}" stroke-width="2"/>`,
    `<path d="${path(sb) ?? ''}" fill="none" stroke="${COLOR_B}" stroke-width="2" stroke-dasharray="5 3"/>`,
    '</svg>',
  );
  return parts.join('\n');
}

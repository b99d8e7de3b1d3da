import { scaleLinear } from 'd3';
import { COLOR_A, COLOR_B, VERDICT_COLOR, px } from './chart-style.ts';
import { escapeHtml } from './escape-html.ts';
import { formatNumber, formatPercent } from './format-number.ts';
import type { CompareReport, CompareRow } from './types.ts';

const ROW = 30;
const TOP = 46;
const LABEL = 300;
const PANEL = 300;
const GAP = 50;
const DIFF = 260;
const VERDICT = 220;
const WIDTH = LABEL + PANEL + GAP + DIFF + VERDICT;

const finite = (...xs: number[]) => xs.filter((x) => Number.isFinite(x));

/** One metric: A's and B's 95 % CIs on the metric's own scale, with A's tolerance band shaded. */
function intervals(row: CompareRow, y: number): string {
  const lo = finite(row.a.ci95[0], row.b.ci95[0], row.a.mean - row.tolerance, row.a.mean, row.b.mean);
  const hi = finite(row.a.ci95[1], row.b.ci95[1], row.a.mean + row.tolerance, row.a.mean, row.b.mean);
  if (lo.length === 0) return '';
  let min = Math.min(...lo);
  let max = Math.max(...hi);
  if (min === max) {
    const pad = Math.abs(min) * 0.01 || 1;
    min -= pad;
    max += pad;
  }
  const x = scaleLinear().domain([min, max]).nice().range([LABEL + 8, LABEL + PANEL - 8]);
  const [d0, d1] = x.domain() as [number, number];
  const parts: string[] = [];
  if (Number.isFinite(row.a.mean) && row.tolerance > 0) {
    const x0 = x(row.a.mean - row.tolerance);
    parts.push(`<rect x="${px(x0)}" y="${px(y - 11)}" width="${px(x(row.a.mean + row.tolerance) - x0)}" height="22" fill="#eee"><title>tolerance ±${escapeHtml(formatNumber(row.tolerance))} around A's mean</title></rect>`);
  }
  const bar = (side: 'A' | 'B', s: CompareRow['a'], dy: number, color: string) => {
    if (!Number.isFinite(s.mean)) return '';
    const [l, h] = Number.isFinite(s.ci95[0]) ? s.ci95 : [s.mean, s.mean];
    const title = `${side}: ${formatNumber(s.mean)} [${formatNumber(l)}, ${formatNumber(h)}], n = ${s.n}`;
    return `<g><title>${escapeHtml(title)}</title><line x1="${px(x(l))}" x2="${px(x(h))}" y1="${px(y + dy)}" y2="${px(y + dy)}" stroke="${color}" stroke-width="2"/><circle cx="${px(x(s.mean))}" cy="${px(y + dy)}" r="3.5" fill="${color}"/></g>`;
  };
  parts.push(bar('A', row.a, -5, COLOR_A), bar('B', row.b, 5, COLOR_B));
  parts.push(
    `<text x="${LABEL + 8}" y="${px(y + 14)}" class="tick">${escapeHtml(formatNumber(d0))}</text>`,
    `<text x="${LABEL + PANEL - 8}" y="${px(y + 14)}" class="tick" text-anchor="end">${escapeHtml(formatNumber(d1))}</text>`,
  );
  return parts.join('');
}

/**
 * The forest plot of a comparison as SVG markup: one row per metric with A's and B's 95 %
 * intervals side by side on the metric's own scale (grey band: the tolerance around A's mean),
 * then B − A as a percentage of A's mean with its interval on one shared axis, then the verdict.
 * Drawn with d3's scales, which need no DOM, so the markup is built as text in Node or a browser.
 */
export function forestPlotSvg(report: CompareReport): string {
  const rows = report.rows;
  const height = TOP + rows.length * ROW + 30;
  const rel = (v: number, row: CompareRow) => (row.a.mean !== 0 && Number.isFinite(row.a.mean) ? v / Math.abs(row.a.mean) : Number.NaN);
  const extent = rows.flatMap((row) => finite(rel(row.diffCi[0], row), rel(row.diffCi[1], row), rel(row.tolerance, row), -rel(row.tolerance, row)));
  // Clip the shared axis at ±50 %: one wild metric should not squash every other interval to a dot.
  const reach = Math.min(0.5, Math.max(0.01, ...extent.map(Math.abs)));
  const dx = scaleLinear().domain([-reach, reach]).nice().range([LABEL + PANEL + GAP, LABEL + PANEL + GAP + DIFF]).clamp(true);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="Forest plot of A and B per metric">`,
    `<text x="${LABEL + 8}" y="16" class="head">A <tspan fill="${COLOR_A}">●</tspan> and B <tspan fill="${COLOR_B}">●</tspan>: 95 % CI (grey: ± tol.)</text>`,
    `<text x="${LABEL + PANEL + GAP}" y="16" class="head">B − A, % of A's mean (${Number((100 * (1 - report.alpha)).toFixed(2))} % CI)</text>`,
  ];
  const axisY = TOP + rows.length * ROW - 8;
  for (const tick of dx.ticks(5)) {
    parts.push(
      `<line x1="${px(dx(tick))}" x2="${px(dx(tick))}" y1="${TOP - 14}" y2="${axisY}" stroke="${tick === 0 ? '#888' : '#e4e4e4'}"/>`,
      `<text x="${px(dx(tick))}" y="${axisY + 14}" class="tick" text-anchor="middle">${escapeHtml(formatPercent(tick))}</text>`,
    );
  }
  rows.forEach((row, i) => {
    const y = TOP + i * ROW;
    const color = VERDICT_COLOR[row.verdict];
    parts.push(`<text x="${LABEL - 8}" y="${px(y + 4)}" text-anchor="end" class="metric">${escapeHtml(row.metric)}</text>`);
    parts.push(intervals(row, y));
    const t = rel(row.tolerance, row);
    if (Number.isFinite(t) && t > 0) {
      parts.push(`<rect x="${px(dx(-t))}" y="${px(y - 8)}" width="${px(dx(t) - dx(-t))}" height="16" fill="#000" fill-opacity="0.06"/>`);
    }
    const l = rel(row.diffCi[0], row);
    const h = rel(row.diffCi[1], row);
    const m = rel(row.diff, row);
    if (Number.isFinite(m)) {
      const title = `B − A = ${formatNumber(row.diff)} (${formatPercent(row.relDiff)}), CI [${formatNumber(row.diffCi[0])}, ${formatNumber(row.diffCi[1])}]`;
      parts.push(`<g><title>${escapeHtml(title)}</title>`);
      if (Number.isFinite(l) && Number.isFinite(h)) {
        parts.push(`<line x1="${px(dx(l))}" x2="${px(dx(h))}" y1="${px(y)}" y2="${px(y)}" stroke="${color}" stroke-width="2"/>`);
      }
      parts.push(`<rect x="${px(dx(m) - 4)}" y="${px(y - 4)}" width="8" height="8" fill="${color}"/></g>`);
    }
    parts.push(`<text x="${LABEL + PANEL + GAP + DIFF + 12}" y="${px(y + 4)}" fill="${color}" class="verdict">${escapeHtml(row.verdict)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}

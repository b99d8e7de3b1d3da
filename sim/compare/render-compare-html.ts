import { GENERATOR_META } from '../report/written-by.ts';
import { CORRECTION_LABEL, TEST_LABEL, VERDICT_LABEL, verdictSummary } from './describe-report.ts';
import { VERDICT_COLOR } from './chart-style.ts';
import { escapeHtml } from './escape-html.ts';
import { forestPlotSvg } from './forest-plot-svg.ts';
import { formatNumber, formatP, formatPercent } from './format-number.ts';
import { histogramOverlaySvg } from './histogram-overlay-svg.ts';
import type { CompareReport, ResultSet } from './types.ts';

const STYLE = `
body { font: 14px/1.4 system-ui, sans-serif; margin: 24px; color: #222; }
h1 { font-size: 20px; } h2 { font-size: 16px; margin-top: 28px; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
th, td { padding: 3px 8px; border-bottom: 1px solid #eee; text-align: right; white-space: nowrap; }
th:first-child, td:first-child, td.verdict { text-align: left; }
svg text { font: 12px system-ui, sans-serif; } svg .tick { fill: #666; font-size: 10px; }
svg .head { font-weight: 600; } svg .metric { fill: #222; }
.summary { font-weight: 600; } .muted { color: #666; }`;

/**
 * A self-contained HTML page of a comparison (`sim compare A B --html out.html`): what was
 * compared and how, the verdict line, a forest plot of every metric (A's and B's intervals side by
 * side, and B − A in % of A), the lead-time distributions overlaid when both folders hold
 * `leadtime-histogram.csv` (skipped silently otherwise), and the full table. No scripts and no
 * network: the SVG is drawn at render time with d3's DOM-free scales and path generators, so the
 * page opens anywhere and can be kept as a CI artefact. Pure.
 */
export function renderCompareHtml(report: CompareReport, a: ResultSet, b: ResultSet): string {
  const histogram =
    a.leadTimeHistogram !== undefined && b.leadTimeHistogram !== undefined
      ? histogramOverlaySvg(a.leadTimeHistogram, b.leadTimeHistogram)
      : '';
  const side = (label: string, s: CompareReport['a']) =>
    `<li>${label}: <code>${escapeHtml(s.dir)}</code>, scenario <b>${escapeHtml(s.scenarioName)}</b> ` +
    `(hash <code>${escapeHtml(s.scenarioHash.slice(0, 12))}</code>), seed ${escapeHtml(String(s.seed))}, ${s.replications} replications</li>`;
  const rows = report.rows
    .map((r) => {
      const cells = [
        formatNumber(r.a.mean),
        `[${formatNumber(r.a.ci95[0])}, ${formatNumber(r.a.ci95[1])}]`,
        formatNumber(r.b.mean),
        `[${formatNumber(r.b.ci95[0])}, ${formatNumber(r.b.ci95[1])}]`,
        formatNumber(r.diff),
        `[${formatNumber(r.diffCi[0])}, ${formatNumber(r.diffCi[1])}]`,
        formatPercent(r.relDiff),
        formatNumber(r.tolerance),
        formatP(r.p),
        formatP(r.pAdjusted),
      ];
      const title = r.note === undefined ? '' : ` title="${escapeHtml(r.note)}"`;
      return `<tr><td>${escapeHtml(r.metric)}</td>${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}<td class="verdict" style="color:${VERDICT_COLOR[r.verdict]}"${title}>${escapeHtml(VERDICT_LABEL[r.verdict])}</td></tr>`;
    })
    .join('\n');
  const only = [
    report.onlyInA.length > 0 ? `<p class="muted">Only in A (not compared): ${escapeHtml(report.onlyInA.join(', '))}</p>` : '',
    report.onlyInB.length > 0 ? `<p class="muted">Only in B (not compared): ${escapeHtml(report.onlyInB.join(', '))}</p>` : '',
  ].join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
${GENERATOR_META}
<title>Compare ${escapeHtml(report.a.scenarioName)}: ${escapeHtml(report.b.dir)} against ${escapeHtml(report.a.dir)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Comparison of two result sets</h1>
<ul>
${side('A (baseline)', report.a)}
${side('B (candidate)', report.b)}
</ul>
<p>Test: ${escapeHtml(TEST_LABEL[report.test])}.<br>
Correction for multiple testing: ${escapeHtml(CORRECTION_LABEL[report.correction])}, alpha = ${report.alpha}.</p>
<p class="summary">${escapeHtml(verdictSummary(report))}</p>
<h2>Intervals per metric</h2>
${forestPlotSvg(report)}
${histogram === '' ? '' : `<h2>Lead-time distributions</h2>\n${histogram}`}
<h2>Table</h2>
<table>
<thead><tr><th>metric</th><th>A mean</th><th>A 95 % CI</th><th>B mean</th><th>B 95 % CI</th><th>B − A</th><th>CI</th><th>rel</th><th>tol ±</th><th>p</th><th>p adj</th><th>verdict</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
${only}
</body>
</html>
`;
}

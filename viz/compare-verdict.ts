import { type CompareReport, type CompareRow, exitCodeFor } from '../sim/compare/index.ts';
import { escapeHtml, HEADLINE_METRICS } from './summary-table.ts';

const MOVED = ['worse', 'better', 'changed'] as const;

/**
 * The Compare tab's verdict, short enough to sit above the difference map: one sentence with the
 * counts and what `sim compare` would exit with, the headline metrics' verdicts in a line of
 * chips, and every metric that moved folded into a `<details>` (a national run moves hundreds of
 * slices, which as one paragraph pushed the map 2,000 px down).
 */
export function compareVerdictHtml(report: CompareReport, labelA: string, labelB: string): string {
  const c = report.counts;
  const code = exitCodeFor(report);
  const outcome = code === 0 ? 'No regression' : `Regression: ${c.worse} ${c.worse === 1 ? 'metric' : 'metrics'} worse beyond tolerance`;
  const test = report.test === 'paired' ? 'paired t-test (same seed and replications)' : "Welch's t-test (seeds or replications differ)";
  const line = `<p class="verdict-line"><strong>${escapeHtml(outcome)}</strong> (<code>sim compare</code> would exit ${code}). B <em>${escapeHtml(labelB)}</em> against A <em>${escapeHtml(labelA)}</em>, ${test}: ${c.worse} worse, ${c.better} better, ${c.changed} changed, ${c.same} same, ${c.inconclusive} inconclusive (need more replications) of ${report.rows.length} metrics.</p>`;
  const byMetric = new Map(report.rows.map((r) => [r.metric, r]));
  const chips = HEADLINE_METRICS.flatMap(([metric, label]) => {
    const r = byMetric.get(metric);
    return r === undefined ? [] : [`<li class="v-${r.verdict}" data-metric="${escapeHtml(metric)}">${escapeHtml(label)}: <b>${r.verdict}</b> ${percent(r.relDiff)}</li>`];
  });
  const moved = report.rows.filter((r) => (MOVED as readonly string[]).includes(r.verdict)).sort((x, y) => MOVED.indexOf(x.verdict as (typeof MOVED)[number]) - MOVED.indexOf(y.verdict as (typeof MOVED)[number]));
  const details =
    moved.length === 0
      ? ''
      : `<details class="verdict-details"><summary>Every metric that moved (${moved.length}: ${c.worse} worse, ${c.better} better, ${c.changed} changed)</summary><ul>${moved.map(item).join('')}</ul></details>`;
  return `${line}<ul class="verdict-headline">${chips.join('')}</ul>${details}`;
}

function item(r: CompareRow): string {
  return `<li class="v-${r.verdict}"><code>${escapeHtml(r.metric)}</code> ${r.verdict} ${percent(r.relDiff)}</li>`;
}

function percent(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return '';
  const pct = 100 * x;
  return `(${pct > 0 ? '+' : ''}${pct.toFixed(Math.abs(pct) >= 10 ? 1 : 2)} %)`;
}

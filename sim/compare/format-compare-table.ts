import { CORRECTION_LABEL, TEST_LABEL, VERDICT_LABEL, verdictSummary } from './describe-report.ts';
import { formatNumber, formatP, formatPercent } from './format-number.ts';
import type { CompareReport, CompareRow } from './types.ts';

const interval = (mean: number, ci: readonly [number, number]) =>
  `${formatNumber(mean)} [${formatNumber(ci[0])}, ${formatNumber(ci[1])}]`;

function cells(row: CompareRow): string[] {
  return [
    row.metric,
    interval(row.a.mean, row.a.ci95),
    interval(row.b.mean, row.b.ci95),
    interval(row.diff, row.diffCi),
    formatPercent(row.relDiff),
    formatNumber(row.tolerance),
    formatP(row.p),
    formatP(row.pAdjusted),
    VERDICT_LABEL[row.verdict],
  ];
}

/**
 * The comparison as an aligned text table for a terminal or a CI log: one row per metric with
 * A's and B's means and 95 % CIs, B − A with its interval, the relative difference, the tolerance,
 * raw and adjusted p-values and the verdict; above it, what was compared and how (test,
 * correction, alpha); below it, notes and the one-line verdict. Pure.
 */
export function formatCompareTable(report: CompareReport): string {
  const level = `${Number((100 * (1 - report.alpha)).toFixed(2))} %`;
  const header = ['metric', 'A mean [95 % CI]', 'B mean [95 % CI]', `B − A [${level} CI]`, 'rel', 'tol ±', 'p', 'p adj', 'verdict'];
  const body = report.rows.map(cells);
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((r) => (r[c] ?? '').length)));
  // Numbers read best right-aligned; names and verdicts left-aligned.
  const line = (r: string[]) =>
    r
      .map((cell, c) => (c === 0 || c === r.length - 1 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('  ')
      .trimEnd();
  const side = (label: string, s: CompareReport['a']) =>
    `${label}: ${s.dir}  (scenario ${s.scenarioName}, hash ${s.scenarioHash.slice(0, 12)}, seed ${s.seed}, ${s.replications} replications)`;
  const out = [
    side('A (baseline)', report.a),
    side('B (candidate)', report.b),
    `Test: ${TEST_LABEL[report.test]}`,
    `Correction for ${report.rows.filter((r) => r.p !== null).length} tests: ${CORRECTION_LABEL[report.correction]}, alpha = ${report.alpha}; ` +
      `B − A intervals are ${level}, unadjusted`,
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...body.map(line),
  ];
  const notes = report.rows.filter((r) => r.note !== undefined).map((r) => `  ${r.metric}: ${r.note}`);
  if (notes.length > 0) out.push('', 'Notes:', ...notes);
  if (report.onlyInA.length > 0) out.push('', `Only in A (not compared): ${report.onlyInA.join(', ')}`);
  if (report.onlyInB.length > 0) out.push('', `Only in B (not compared): ${report.onlyInB.join(', ')}`);
  out.push('', verdictSummary(report));
  return `${out.join('\n')}\n`;
}

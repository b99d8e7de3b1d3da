import type { Summary } from './summarize.ts';

/** Below this many replications the table says its intervals are rough (t(0.975, 3) = 3.18 against 1.96 for many). */
export const FEW_REPLICATIONS = 5;

/**
 * A text table for people: metric, mean and 95 % CI, four significant digits, one metric a line,
 * in the summary's order. "–" where a value is undefined (n = 0, or n < 2 for the interval).
 * With fewer than `FEW_REPLICATIONS` replications a last line says how far to trust it.
 */
export function formatSummaryTable(summary: Summary): string {
  const rows: [string, string, string][] = [['metric', 'mean', '95 % CI']];
  for (const [name, m] of Object.entries(summary.metrics)) {
    const ci = Number.isFinite(m.ci95[0]) ? `[${num(m.ci95[0])}, ${num(m.ci95[1])}]` : '–';
    rows.push([name, num(m.mean), ci]);
  }
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  const head = `${summary.scenario}: ${summary.replications} replication${summary.replications === 1 ? '' : 's'}, seed ${JSON.stringify(summary.seed)}`;
  const lines = [head, ...rows.map(([a, b, c]) => `  ${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}`)];
  const n = summary.replications;
  if (n === 1) lines.push('  note: 1 replication, so no confidence interval: run 5 or more (--replications 5, or --precision) to know how far to trust a mean');
  else if (n < FEW_REPLICATIONS) lines.push(`  note: only ${n} replications, so the intervals are wide and rough; 5 or more give usable ones (--replications, or --precision)`);
  return lines.join('\n');
}

function num(x: number): string {
  if (!Number.isFinite(x)) return '–';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  // Large counts print whole; everything else with four significant digits, no exponent for everyday sizes.
  if (abs >= 1e4) return Math.round(x).toLocaleString('en-US');
  if (abs < 1e-3) return x.toExponential(3);
  return String(Number(x.toPrecision(4)));
}

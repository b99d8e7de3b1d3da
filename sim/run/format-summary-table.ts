import type { Summary } from './summarize.ts';

/**
 * A text table for people: metric, mean and 95 % CI, four significant digits, one metric a line,
 * in the summary's order. "–" where a value is undefined (n = 0, or n < 2 for the interval).
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
  return [head, ...rows.map(([a, b, c]) => `  ${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}`)].join('\n');
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

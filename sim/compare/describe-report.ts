import { exitCodeFor } from './exit-codes.ts';
import { formatPercent } from './format-number.ts';
import type { CompareReport, Correction, TestKind, Verdict } from './types.ts';

/** How the verdict reads to a person. */
export const VERDICT_LABEL: Readonly<Record<Verdict, string>> = {
  same: 'same',
  better: 'better',
  worse: 'worse',
  changed: 'changed',
  inconclusive: 'inconclusive (need more replications)',
};

export const CORRECTION_LABEL: Readonly<Record<Correction, string>> = {
  holm: 'Holm (controls the family-wise error rate)',
  bh: 'Benjamini–Hochberg (controls the false discovery rate)',
};

export const TEST_LABEL: Readonly<Record<TestKind, string>> = {
  paired: 'paired t-test on per-replication differences (same seed and replications: common random numbers)',
  welch: "Welch's t-test (seeds or replications differ, so replications are not paired)",
};

/** The longest verdict line: it fits a terminal however many metrics were compared. */
export const VERDICT_WIDTH = 100;

/**
 * The one-line verdict, at most `VERDICT_WIDTH` characters: the outcome and exit code first, then
 * the counts of each verdict (those above zero), then the worst regression by name when it fits (the table names them all). Two
 * different scenarios compared on purpose read "differences", never "REGRESSION".
 */
export function verdictSummary(report: CompareReport): string {
  const c = report.counts;
  const code = exitCodeFor(report);
  const worse = report.rows.filter((r) => r.verdict === 'worse').sort((x, y) => Math.abs(y.relDiff ?? 0) - Math.abs(x.relDiff ?? 0));
  const worst = worse[0] === undefined ? '' : ` (${worse.length > 1 ? 'worst ' : ''}${worse[0].metric} ${formatPercent(worse[0].relDiff)})`;
  // Zero counts are left out (the line has a width to keep); the order is always the same.
  const line = (named: string): string => {
    const parts = (['worse', 'better', 'changed', 'same', 'inconclusive'] as const).filter((v) => c[v] > 0).map((v) => `${c[v]} ${v}${v === 'worse' ? named : ''}`);
    const counts = `${parts.join(', ')} of ${report.rows.length} metric${report.rows.length === 1 ? '' : 's'}`;
    if (!report.sameScenario) return `Differences between two scenarios (exit ${code}): ${counts}`;
    return code === 0 ? `Verdict: no regression (exit 0): ${counts}` : `Verdict: REGRESSION (exit ${code}): ${counts}`;
  };
  const full = line(worst);
  return full.length <= VERDICT_WIDTH ? full : line('');
}

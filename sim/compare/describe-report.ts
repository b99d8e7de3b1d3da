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

/** The one-line verdict: counts, the worse metrics by name, and the exit code. */
export function verdictSummary(report: CompareReport): string {
  const c = report.counts;
  const parts = [
    `${c.worse} worse`,
    `${c.better} better`,
    `${c.changed} changed`,
    `${c.same} same`,
    `${c.inconclusive} inconclusive (need more replications)`,
  ];
  const worse = report.rows.filter((r) => r.verdict === 'worse').map((r) => `${r.metric} ${formatPercent(r.relDiff)}`);
  const code = exitCodeFor(report);
  const outcome = code === 0 ? 'no regression (exit 0)' : `REGRESSION: ${worse.join(', ')} (exit ${code})`;
  return `Verdict: ${parts.join(', ')} of ${report.rows.length} metrics: ${outcome}`;
}

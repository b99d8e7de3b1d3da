import { CORRECTION_LABEL, TEST_LABEL, verdictSummary } from './describe-report.ts';
import { exitCodeFor } from './exit-codes.ts';
import type { CompareReport } from './types.ts';

/**
 * The report as JSON text for `sim compare --json`: the report's fields, plus the correction and
 * test in words, the one-line verdict and the exit code. NaN and ±∞ (a deterministic difference's
 * t) become null, as JSON has no such numbers.
 */
export function compareToJson(report: CompareReport): string {
  const document = {
    ...report,
    correctionMethod: CORRECTION_LABEL[report.correction],
    testMethod: TEST_LABEL[report.test],
    verdictSummary: verdictSummary(report),
    exitCode: exitCodeFor(report),
  };
  return `${JSON.stringify(document, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value), 2)}\n`;
}

import type { CompareReport, ExactResult } from './types.ts';

/**
 * Exit codes of `sim compare` (and of a CI regression step):
 *
 * - `0` (`EXIT_OK`): nothing got worse. `same`, `better`, `changed` (a neutral metric moved) and
 *   `inconclusive` rows all exit 0; the table says which were inconclusive. Exact mode: identical.
 * - `1`: reserved for an unexpected failure (a crash), as elsewhere in the CLI.
 * - `2` (`EXIT_BAD_INPUT`): bad input: a missing folder or file, an unreadable file, different
 *   scenario hashes without `allowDifferentScenarios`, no metric in common. Same as a usage error,
 *   because in both cases the comparison never ran.
 * - `3` (`EXIT_REGRESSION`): at least one metric is `worse` (significant after correction and
 *   beyond tolerance in the wrong direction) in a comparison of one scenario; two different
 *   scenarios compared on purpose (`--allow-different-scenarios`) report differences and exit 0.
 *   Exact mode: the files differ. A number of its own so CI can tell "the code got worse" from
 *   "the job is broken" (1, 2).
 */
export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 2;
export const EXIT_REGRESSION = 3;

export type CompareExitCode = typeof EXIT_OK | typeof EXIT_REGRESSION;

/**
 * 3 if any row is `worse` in a comparison of one scenario (a regression check), else 0. Two
 * different scenarios compared on purpose (`sameScenario` false) differ by design: 0.
 */
export function exitCodeFor(report: CompareReport): CompareExitCode {
  return report.sameScenario && report.rows.some((row) => row.verdict === 'worse') ? EXIT_REGRESSION : EXIT_OK;
}

/** 0 if identical, else 3. */
export function exitCodeForExact(result: ExactResult): CompareExitCode {
  return result.identical ? EXIT_OK : EXIT_REGRESSION;
}

import { baselineDirFor } from './baseline-dir-for.ts';
import { compare } from './compare.ts';
import { CompareInputError } from './compare-input-error.ts';
import { exitCodeFor, type CompareExitCode } from './exit-codes.ts';
import { loadResultSet } from './load-result-set.ts';
import type { CompareOptions, CompareReport, ResultSet } from './types.ts';

export interface BaselineCheck {
  readonly baselineDir: string;
  readonly baseline: ResultSet;
  readonly result: ResultSet;
  /** A = the baseline, B = the new result, so `worse` means the new code is worse. */
  readonly report: CompareReport;
  /** 0 or 3 (`EXIT_REGRESSION`). */
  readonly exitCode: CompareExitCode;
}

/**
 * The CI regression step: compares a fresh result folder with the committed baseline of its
 * scenario (`<baselineRoot>/<scenarioName>`). Throws CompareInputError (exit 2) when the result
 * or the baseline is missing or malformed, or the scenario changed (its hash differs: update the
 * baseline on purpose).
 */
export function checkAgainstBaseline(resultDir: string, baselineRoot: string, options: CompareOptions = {}): BaselineCheck {
  const result = loadResultSet(resultDir);
  const baselineDir = baselineDirFor(baselineRoot, result.manifest.scenarioName);
  let baseline: ResultSet;
  try {
    baseline = loadResultSet(baselineDir);
  } catch (error) {
    if (!(error instanceof CompareInputError)) throw error;
    throw new CompareInputError(
      `no usable baseline for scenario "${result.manifest.scenarioName}" in ${baselineRoot}: ${error.message}. ` +
        `Create one deliberately with updateBaseline (sim compare --update-baseline --reason "...")`,
    );
  }
  const report = compare(baseline, result, options);
  return { baselineDir, baseline, result, report, exitCode: exitCodeFor(report) };
}

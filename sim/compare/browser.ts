// The browser's view of sim/compare (for viz/): everything in index.ts except the Node-only
// file access (`loadResultSet`, `updateBaseline`, `checkAgainstBaseline`). A page fetches a result
// folder's files and hands their text to `parseResultSet`.
export type {
  CompareOptions,
  CompareReport,
  CompareRow,
  Correction,
  Direction,
  ExactResult,
  HistogramBin,
  RawResultFolder,
  ReplicationTable,
  ResultManifest,
  ResultSet,
  ResultSummary,
  SampleSummary,
  SummaryMetric,
  TestKind,
  Tolerance,
  Verdict,
} from './types.ts';

// Comparing
export { compare, isPaired } from './compare.ts';
export { compareExact } from './compare-exact.ts';
export { scenarioDifferences, formatDifference, type ScenarioDifference } from './scenario-differences.ts';
export { pairedTTest, welchTTest, summarizeSample, type TTestResult } from './t-test.ts';
export { adjustPValues } from './adjust-p-values.ts';
export { metricDirection, baseMetricName } from './metric-direction.ts';
export { defaultTolerance, resolveTolerance } from './default-tolerance.ts';

// Exit codes and errors
export { EXIT_OK, EXIT_BAD_INPUT, EXIT_REGRESSION, exitCodeFor, exitCodeForExact, type CompareExitCode } from './exit-codes.ts';
export { CompareInputError } from './compare-input-error.ts';
export { parseCsv } from './parse-csv.ts';

// Reading result folders
export { parseResultSet } from './parse-result-set.ts';
export { parseReplicationsCsv } from './parse-replications-csv.ts';

// Baselines
export { baselineDirFor, DEFAULT_BASELINE_ROOT } from './baseline-dir-for.ts';

// Output
export { formatCompareTable } from './format-compare-table.ts';
export { formatStageShift } from './stage-shift.ts';
export { compareToJson } from './compare-to-json.ts';
export { verdictSummary } from './describe-report.ts';
export { renderCompareHtml } from './render-compare-html.ts';

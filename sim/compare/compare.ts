import { metricRange } from '../run/browser.ts';
import { adjustPValues } from './adjust-p-values.ts';
import { CompareInputError } from './compare-input-error.ts';
import { resolveTolerance } from './default-tolerance.ts';
import { formatDifference, scenarioDifferences } from './scenario-differences.ts';
import { metricDirection } from './metric-direction.ts';
import { pairedTTest, summarizeSample, welchTTest, type TTestResult } from './t-test.ts';
import type { CompareOptions, CompareReport, CompareRow, Direction, ResultSet, SampleSummary, TestKind, Verdict } from './types.ts';

/**
 * True when B's replications are A's under common random numbers: same seed and the same
 * replication indices in the same order, so replication r of each drew the same demand and
 * customer behaviour wherever the scenarios do not differ (DESIGN.md, "Randomness").
 */
export function isPaired(a: ResultSet, b: ResultSet): boolean {
  const ra = a.replications.replications;
  const rb = b.replications.replications;
  return String(a.manifest.seed) === String(b.manifest.seed) && ra.length === rb.length && ra.every((r, i) => r === rb[i]);
}

function describe(set: ResultSet): CompareReport['a'] {
  const m = set.manifest;
  return { dir: set.dir, scenarioName: m.scenarioName, scenarioHash: m.scenarioHash, seed: m.seed, replications: m.replications };
}

/** Differences listed in the error for different scenarios; the rest are counted. */
const MAX_DIFFERENCES_SHOWN = 20;

/** Two or more values, all the same. */
function isConstant(s: SampleSummary): boolean {
  return s.n >= 2 && s.sd === 0;
}

function directional(direction: Direction, diff: number): Verdict {
  if (direction === 'neutral') return 'changed';
  return (diff > 0) === (direction === 'higher') ? 'better' : 'worse';
}

/**
 * The verdict from the corrected p-value, the difference's interval and the tolerance:
 * significant and beyond tolerance → better/worse/changed; significant but within → same;
 * not significant with the interval inside ±tolerance → same; otherwise → inconclusive.
 */
function verdictFor(direction: Direction, result: TTestResult, pAdjusted: number | null, tolerance: number, alpha: number): Verdict {
  if (pAdjusted === null) return 'inconclusive';
  if (pAdjusted < alpha) return Math.abs(result.diff) > tolerance ? directional(direction, result.diff) : 'same';
  return result.ci[0] >= -tolerance && result.ci[1] <= tolerance ? 'same' : 'inconclusive';
}

function noteFor(result: TTestResult): string | undefined {
  if (result.p === null) {
    return result.test === 'paired'
      ? `fewer than 2 replications with finite values on both sides (${result.n[0]}): no test`
      : `fewer than 2 finite values (A ${result.n[0]}, B ${result.n[1]}): no test`;
  }
  if (result.se === 0) return result.diff === 0 ? 'identical on every replication' : `every replication differs by the same ${result.diff}: tested by the signs of the differences (sign test), not t`;
  return undefined;
}

/**
 * Compares two result sets metric by metric (B − A, so A is the baseline). Tests each metric
 * present in both `replications.csv` files: paired t-test when the sets share seed and replication
 * indices (common random numbers), Welch's t-test otherwise; corrects the p-values for testing
 * many metrics at once (Holm by default, or Benjamini–Hochberg); then judges each metric against
 * its practical tolerance (see `verdictFor`). Pure: no I/O.
 *
 * Throws CompareInputError (exit 2) for different scenario hashes without
 * `allowDifferentScenarios`, or when the sets have no metric in common.
 */
export function compare(a: ResultSet, b: ResultSet, options: CompareOptions = {}): CompareReport {
  const alpha = options.alpha ?? 0.05;
  const correction = options.correction ?? 'holm';
  if (!(alpha > 0 && alpha < 1)) throw new CompareInputError(`alpha: must be in (0, 1), given ${alpha}`);
  if (correction !== 'holm' && correction !== 'bh') {
    throw new CompareInputError(`correction: must be "holm" or "bh", given ${JSON.stringify(correction)}`);
  }
  const sameScenario = a.manifest.scenarioHash === b.manifest.scenarioHash;
  const differences = sameScenario ? [] : scenarioDifferences(a.manifest.scenario, b.manifest.scenario);
  if (!sameScenario && options.allowDifferentScenarios !== true) {
    const shown = differences.slice(0, MAX_DIFFERENCES_SHOWN).map((d) => `  ${formatDifference(d)}`);
    if (differences.length > MAX_DIFFERENCES_SHOWN) shown.push(`  … and ${differences.length - MAX_DIFFERENCES_SHOWN} more`);
    const which = differences.length > 0 ? `they differ in ${differences.length} field${differences.length === 1 ? '' : 's'} (A → B):\n${shown.join('\n')}\n` : 'their manifests hold no resolved scenario to say which fields differ.\n';
    throw new CompareInputError(
      `${a.dir} and ${b.dir} are results of different scenarios, "${a.manifest.scenarioName}" (hash ${a.manifest.scenarioHash.slice(0, 12)}) ` +
        `and "${b.manifest.scenarioName}" (hash ${b.manifest.scenarioHash.slice(0, 12)}); ${which}` +
        `A regression check compares the same scenario; to compare two what-ifs, pass --allow-different-scenarios (allowDifferentScenarios).`,
    );
  }
  const inB = new Set(b.replications.metrics);
  const inA = new Set(a.replications.metrics);
  const common = a.replications.metrics.filter((m) => inB.has(m));
  if (common.length === 0) {
    throw new CompareInputError(
      `${a.dir} and ${b.dir} have no metric in common (A has ${a.replications.metrics.length}, B ${b.replications.metrics.length} in replications.csv)`,
    );
  }
  const test: TestKind = isPaired(a, b) ? 'paired' : 'welch';
  const samples = common.map((metric) => {
    const range = metricRange(metric);
    return [summarizeSample(a.replications.values[metric]!, range), summarizeSample(b.replications.values[metric]!, range)] as const;
  });
  // The same value on every replication of each run, different between the runs: nothing was
  // sampled, so there is nothing to test (a t-test gives p = 0 and calls any difference
  // significant). Such a metric is reported as a fixed difference, outside the corrections.
  const fixed = samples.map(([sa, sb]) => isConstant(sa) && isConstant(sb) && sa.mean !== sb.mean);
  const results = common.map((metric, i) => {
    const xa = a.replications.values[metric]!;
    const xb = b.replications.values[metric]!;
    return test === 'paired' ? pairedTTest(xa, xb, alpha) : welchTTest(xa, xb, alpha);
  });
  const adjusted = adjustPValues(results.map((r, i) => (fixed[i] ? null : r.p)), correction);

  const rows: CompareRow[] = common.map((metric, i) => {
    const result = results[i]!;
    const [sa, sb] = samples[i]!;
    const direction = metricDirection(metric);
    const tol = resolveTolerance(metric, options.tolerance);
    const tolerance = Number.isFinite(sa.mean) ? Math.max(tol.relative * Math.abs(sa.mean), tol.absolute) : tol.absolute;
    if (fixed[i]) {
      const diff = sb.mean - sa.mean;
      return {
        metric, direction, a: sa, b: sb, diff, diffCi: [diff, diff], relDiff: sa.mean === 0 ? null : diff / Math.abs(sa.mean),
        test, t: null, df: null, p: null, pAdjusted: null, tolerance, verdict: Math.abs(diff) <= tolerance ? 'same' : 'changed',
        note: `the same value on every replication of each run (A ${sa.mean}, B ${sb.mean}): a fixed difference, not a sampled one, so no test`,
      };
    }
    const pAdjusted = adjusted[i] ?? null;
    const relDiff = result.diff === 0 ? 0 : sa.mean === 0 || !Number.isFinite(sa.mean) ? null : result.diff / Math.abs(sa.mean);
    const note = noteFor(result);
    return {
      metric,
      direction,
      a: sa,
      b: sb,
      diff: result.diff,
      diffCi: result.ci,
      relDiff,
      test,
      t: result.t,
      df: result.df,
      p: result.p,
      pAdjusted,
      tolerance,
      verdict: verdictFor(direction, result, pAdjusted, tolerance, alpha),
      ...(note === undefined ? {} : { note }),
    };
  });
  const counts: Record<Verdict, number> = { same: 0, better: 0, worse: 0, changed: 0, inconclusive: 0 };
  for (const row of rows) counts[row.verdict] += 1;
  return {
    a: describe(a),
    b: describe(b),
    sameScenario,
    scenarioDifferences: differences,
    alpha,
    correction,
    test,
    rows,
    onlyInA: a.replications.metrics.filter((m) => !inB.has(m)),
    onlyInB: b.replications.metrics.filter((m) => !inA.has(m)),
    counts,
  };
}

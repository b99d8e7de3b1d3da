import type { PrecisionTarget, PreciseResult } from '../run/index.ts';
import { UsageError } from './exit-codes.ts';

/** What `sim run` takes for a run until precise (`--precision`, `--metric`, `--max-replications`). */
export interface PrecisionArgs {
  precision?: number;
  metric?: string;
  maxReplications?: number;
  replications?: number;
}

/** The metric `--precision` aims at when `--metric` is not given. */
export const DEFAULT_PRECISION_METRIC = 'leadTime.hours.mean';
/** The cap when `--max-replications` is not given. */
export const DEFAULT_MAX_REPLICATIONS = 100;

/**
 * The precision target of a `sim run`, or undefined for a fixed number of replications. Checks
 * the options together (exit 2 before anything runs): a relative half-width in (0, 1), a cap that
 * is an integer in [2, 1000] (the most replications a scenario may have), `--metric` and
 * `--max-replications` only with `--precision`, and not `--replications` with it (the precision
 * decides the count).
 */
export function precisionTarget(args: PrecisionArgs): PrecisionTarget | undefined {
  if (args.precision === undefined) {
    if (args.metric !== undefined || args.maxReplications !== undefined) {
      throw new UsageError(`${args.metric !== undefined ? '--metric' : '--max-replications'} goes with --precision (e.g. --precision 0.01 --metric ${DEFAULT_PRECISION_METRIC}); without it the scenario's replications are run`);
    }
    return undefined;
  }
  const problems: string[] = [];
  if (!(args.precision > 0 && args.precision < 1)) problems.push(`--precision must be a relative half-width in (0, 1), e.g. 0.01 for ±1 % of the mean, given ${args.precision}`);
  const max = args.maxReplications ?? DEFAULT_MAX_REPLICATIONS;
  if (!Number.isInteger(max) || max < 2 || max > 1000) problems.push(`--max-replications must be an integer in [2, 1000], given ${args.maxReplications}`);
  if (args.metric !== undefined && args.metric.trim() === '') problems.push('--metric must name a metric, e.g. leadTime.hours.mean');
  if (args.replications !== undefined) problems.push('--replications and --precision do not go together: the precision decides how many replications run (--max-replications caps them)');
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
  return { metric: args.metric ?? DEFAULT_PRECISION_METRIC, relativeHalfWidth: args.precision, min: Math.min(3, max), max };
}

/** What manifest.json says of a run until precise. */
export function precisionRecord(run: PreciseResult, target: PrecisionTarget): Record<string, unknown> {
  return {
    metric: run.precision.metric,
    target: run.precision.target,
    relativeHalfWidth: run.precision.relativeHalfWidth,
    replications: run.replications,
    maxReplications: target.max,
    reached: run.precision.reached,
    stoppedBy: run.precision.reached ? 'target' : 'max-replications',
  };
}

/** The line under the summary table: how precise, after how many, and whether the cap stopped it. */
export function precisionLine(run: PreciseResult): string {
  const p = run.precision;
  const pct = (x: number): string => `±${Number((100 * x).toPrecision(3))} %`;
  const reached = Number.isFinite(p.relativeHalfWidth) ? pct(p.relativeHalfWidth) : 'no interval';
  return p.reached
    ? `  precision: ${p.metric} within ${reached} of its mean after ${run.replications} replications (target ${pct(p.target)})`
    : `  precision: NOT reached: ${p.metric} within ${reached} after ${run.replications} replications, the cap (--max-replications); target ${pct(p.target)}`;
}

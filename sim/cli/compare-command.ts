import { writeFileSync } from 'node:fs';
import {
  CompareInputError,
  compare,
  compareExact,
  compareToJson,
  DEFAULT_BASELINE_ROOT,
  EXIT_BAD_INPUT,
  exitCodeFor,
  exitCodeForExact,
  formatCompareTable,
  loadResultSet,
  renderCompareHtml,
  updateBaseline,
} from '../compare/index.ts';
import { assertReplaceableHtml, OutputRefusedError } from '../report/index.ts';
import { UsageError } from './exit-codes.ts';
import { HEADLINE_METRICS } from './headline-metrics.ts';

export interface CompareArgs {
  a: string;
  b?: string;
  json: boolean;
  alpha: number;
  tolerance?: string[];
  correction: string;
  exact: boolean;
  /** Every metric, not only the headline ones and those whose verdict is not `same`. */
  all?: boolean;
  html?: string;
  allowDifferentScenarios: boolean;
  updateBaseline: boolean;
  reason?: string;
  baselines: string;
}

/** `sim compare A B`: prints the verdict table (or JSON) and returns the exit code (0, 2 or 3). */
export function compareCommand(args: CompareArgs): number {
  try {
    if (args.updateBaseline) return updateBaselineCommand(args);
    if (args.b === undefined) throw new UsageError('sim compare: give two result folders, A (the reference) and B');
    if (args.html !== undefined) assertReplaceableHtml(args.html, '--html');
    const a = loadResultSet(args.a);
    const b = loadResultSet(args.b);
    if (args.exact) {
      const result = compareExact(a, b);
      if (args.json) console.log(JSON.stringify(result, null, 2));
      else console.log(result.identical ? `identical: ${args.a} and ${args.b} are byte-identical` : `different: ${result.message}`);
      return exitCodeForExact(result);
    }
    if (args.correction !== 'holm' && args.correction !== 'bh') {
      throw new UsageError(`--correction must be holm or bh, given ${JSON.stringify(args.correction)}`);
    }
    const report = compare(a, b, {
      alpha: args.alpha,
      tolerance: parseTolerances(args.tolerance ?? []),
      correction: args.correction,
      allowDifferentScenarios: args.allowDifferentScenarios,
    });
    console.log(args.json ? compareToJson(report) : formatCompareTable(report, { all: args.all ?? false, headline: HEADLINE_METRICS }));
    if (args.html !== undefined) {
      writeFileSync(args.html, renderCompareHtml(report, a, b));
      console.error(`wrote ${args.html}`);
    }
    return exitCodeFor(report);
  } catch (error) {
    if (error instanceof CompareInputError) {
      console.error(error.message);
      return error.exitCode;
    }
    if (error instanceof UsageError || error instanceof OutputRefusedError) {
      console.error(error.message);
      return EXIT_BAD_INPUT;
    }
    throw error;
  }
}

function updateBaselineCommand(args: CompareArgs): number {
  if (args.reason === undefined || args.reason.trim() === '') {
    throw new UsageError('sim compare --update-baseline needs --reason "why the baseline moves" (it is recorded in the baseline manifest)');
  }
  const updated = updateBaseline(args.a, args.baselines ?? DEFAULT_BASELINE_ROOT, args.reason);
  console.log(`baseline for ${updated.scenarioName} updated: ${updated.dir}`);
  return 0;
}

/** `--tolerance leadTime.hours.mean=0.02 --tolerance 'cost.*=0.05'` → a record. */
export function parseTolerances(items: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  const problems: string[] = [];
  for (const item of items) {
    const eq = item.lastIndexOf('=');
    const value = Number(item.slice(eq + 1));
    if (eq <= 0 || !(value >= 0) || !Number.isFinite(value)) {
      problems.push(`--tolerance ${JSON.stringify(item)}: expected metric=relative (a number ≥ 0, e.g. leadTime.hours.mean=0.02)`);
      continue;
    }
    out[item.slice(0, eq)] = value;
  }
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
  return out;
}

import { CORRECTION_LABEL, TEST_LABEL, verdictSummary } from './describe-report.ts';
import { formatNumber, formatP, formatPercent } from './format-number.ts';
import { formatDifference } from './scenario-differences.ts';
import { formatStageShift } from './stage-shift.ts';
import type { CompareReport, CompareRow } from './types.ts';

export interface CompareTableOptions {
  /** Every row (true, the default), or only `headline` metrics and those whose verdict is not `same`. */
  all?: boolean;
  /** The metrics always shown when `all` is false, e.g. the CLI's headline metrics. */
  headline?: readonly string[];
}

const interval = (mean: number, ci: readonly [number, number]) => `${formatNumber(mean)} [${formatNumber(ci[0])}, ${formatNumber(ci[1])}]`;

/** `rto.share{operator=india-post}` → [`rto.share`, `operator=india-post`]; unsliced metrics → [name, '']. */
function splitSlice(metric: string): [string, string] {
  const brace = metric.indexOf('{');
  return brace < 0 || !metric.endsWith('}') ? [metric, ''] : [metric.slice(0, brace), metric.slice(brace + 1, -1)];
}

function cells(row: CompareRow, name: string): string[] {
  return [
    name,
    interval(row.a.mean, row.a.ci95),
    interval(row.b.mean, row.b.ci95),
    interval(row.diff, row.diffCi),
    formatPercent(row.relDiff),
    formatP(row.pAdjusted),
    row.verdict,
  ];
}

/** Scenario fields listed when two different scenarios are compared; the rest are counted. */
const MAX_DIFFERENCES = 20;

/**
 * The comparison as text for a terminal or a CI log. Above the table: what was compared and how
 * (test, correction, alpha) and, for two different scenarios, the fields that differ. The table:
 * one row per metric, grouped by slice (overall, then `operator=…`, `area=…`, `state=…`, in
 * the order the metrics come), with A's and B's means and 95 % CIs, B − A with its interval, the
 * relative difference, the adjusted p-value and the verdict. With `all: false` only the headline
 * metrics and those whose verdict is not `same` are listed (a national run has ~1,200 metrics).
 * Below: notes on the rows shown, and the one-line verdict (`verdictSummary`). Pure.
 */
export function formatCompareTable(report: CompareReport, options: CompareTableOptions = {}): string {
  const all = options.all ?? true;
  const headline = new Set(options.headline ?? []);
  const shown = all ? report.rows : report.rows.filter((r) => r.verdict !== 'same' || headline.has(r.metric));
  const level = `${Number((100 * (1 - report.alpha)).toFixed(2))} %`;
  const side = (label: string, s: CompareReport['a']) => `${label}: ${s.dir}  (${s.scenarioName}, seed ${s.seed}, ${s.replications} replications, hash ${s.scenarioHash.slice(0, 12)})`;
  const out = [
    side('A (reference)', report.a),
    side('B (candidate)', report.b),
    `Test: ${TEST_LABEL[report.test]}`,
    `Correction for ${report.rows.filter((r) => r.p !== null).length} tests: ${CORRECTION_LABEL[report.correction]}, alpha = ${report.alpha}; B − A intervals are ${level}, unadjusted`,
  ];
  if (!report.sameScenario) {
    const d = report.scenarioDifferences;
    out.push('', d.length === 0 ? 'The scenarios differ (their manifests hold no resolved scenario to say where).' : `The scenarios differ in ${d.length} field${d.length === 1 ? '' : 's'} (A → B):`);
    for (const x of d.slice(0, MAX_DIFFERENCES)) out.push(`  ${formatDifference(x)}`);
    if (d.length > MAX_DIFFERENCES) out.push(`  … and ${d.length - MAX_DIFFERENCES} more`);
  }
  out.push('');
  if (!all) {
    const others = shown.filter((r) => !headline.has(r.metric)).length;
    const heads = shown.length - others;
    out.push(`Shown: ${heads} headline metric${heads === 1 ? '' : 's'} and ${others} other${others === 1 ? '' : 's'} whose verdict is not "same", of ${report.rows.length} (--all shows every one).`, '');
  }
  if (shown.length > 0) out.push(...table(shown, level));
  else out.push('(no metric to show)');
  const notes = shown.filter((r) => r.note !== undefined).map((r) => `  ${r.metric}: ${r.note}`);
  if (shown.some((r) => r.verdict === 'inconclusive')) notes.push('  inconclusive: not significant, but the interval of B − A reaches past the tolerance; more replications would tell');
  if (notes.length > 0) out.push('', 'Notes:', ...notes);
  const stages = formatStageShift(report);
  if (stages.length > 0) out.push('', ...stages);
  if (report.onlyInA.length > 0) out.push('', `Only in A (not compared): ${list(report.onlyInA)}`);
  if (report.onlyInB.length > 0) out.push('', `Only in B (not compared): ${list(report.onlyInB)}`);
  out.push('', verdictSummary(report));
  return `${out.join('\n')}\n`;
}

/** The rows grouped by slice under one header, columns aligned across groups. */
function table(rows: readonly CompareRow[], level: string): string[] {
  const groups = new Map<string, CompareRow[]>();
  for (const r of rows) {
    const slice = splitSlice(r.metric)[1];
    const g = groups.get(slice);
    if (g) g.push(r);
    else groups.set(slice, [r]);
  }
  const header = ['metric', 'A mean [95 % CI]', 'B mean [95 % CI]', `B − A [${level} CI]`, 'rel', 'p adj', 'verdict'];
  const body = [...groups.values()].flatMap((g) => g.map((r) => cells(r, `  ${splitSlice(r.metric)[0]}`)));
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((r) => r[c]!.length)));
  // Numbers read best right-aligned; names and verdicts left-aligned.
  const line = (r: readonly string[]) => r.map((cell, c) => (c === 0 || c === r.length - 1 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd();
  const out = [line(header), line(widths.map((w) => '-'.repeat(w)))];
  for (const [slice, g] of groups) {
    out.push(slice === '' ? 'overall' : slice);
    for (const r of g) out.push(line(cells(r, `  ${splitSlice(r.metric)[0]}`)));
  }
  return out;
}

function list(names: readonly string[]): string {
  return names.length <= 10 ? names.join(', ') : `${names.slice(0, 10).join(', ')} and ${names.length - 10} more`;
}

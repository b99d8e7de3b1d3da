import type { ScenarioIssue } from './scenario.ts';

/**
 * `scenarios/x.yaml:12:5  model.policy  must be one of …, given "amazn"`: position, path, message,
 * two spaces apart, as compilers print them (editors jump to the position). Command-line
 * arguments have no line: `--set model.policy=amazn  model.policy  …`.
 */
export function formatIssue(issue: ScenarioIssue): string {
  const where = issue.at === undefined ? '(resolved scenario)' : issue.at.line === 0 ? issue.at.source : `${issue.at.source}:${issue.at.line}:${issue.at.col}`;
  return issue.path === '' ? `${where}  ${issue.message}` : `${where}  ${issue.path}  ${issue.message}`;
}

/**
 * The issues one a line, the first `max` of them and then how many more: a file with a
 * hundred thousand wrong values gets a screenful, not a hundred thousand lines.
 */
export function formatIssues(issues: readonly ScenarioIssue[], max = 50): string {
  const lines = issues.slice(0, max).map(formatIssue);
  if (issues.length > max) lines.push(`… and ${(issues.length - max).toLocaleString('en-US')} more (sim validate --json lists them all)`);
  return lines.join('\n');
}

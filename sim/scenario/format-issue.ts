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

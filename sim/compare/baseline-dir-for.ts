import { CompareInputError } from './compare-input-error.ts';

/** `results/baselines` by convention (DESIGN.md, layout); callers pass it in. */
export const DEFAULT_BASELINE_ROOT = 'results/baselines';

/**
 * The baseline folder of a scenario: `<root>/<scenarioName>`. The name must be a plain folder
 * name (letters, digits, `.`, `_`, `-`), so a scenario name can never write outside the root.
 */
export function baselineDirFor(root: string, scenarioName: string): string {
  if (!/^[A-Za-z0-9._-]+$/.test(scenarioName) || scenarioName === '.' || scenarioName === '..') {
    throw new CompareInputError(
      `scenario name ${JSON.stringify(scenarioName)}: cannot name a baseline folder (use letters, digits, ".", "_" and "-")`,
    );
  }
  return `${root.replace(/\/+$/, '')}/${scenarioName}`;
}

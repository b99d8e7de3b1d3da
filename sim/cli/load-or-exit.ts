import { loadIndiaData, loadIndiaShapes } from '../data/index.ts';
import { formatIssues, loadScenario, parseSet, type Scenario, type SetOverride } from '../scenario/index.ts';
import { UsageError } from './exit-codes.ts';
import { quickMode, quickOverrides } from './quick-mode.ts';

/** Options every scenario command shares, as yargs gives them. */
export interface ScenarioArgs {
  set?: string[];
  days?: number;
  scale?: number;
  seed?: string;
  replications?: number;
  warmupDays?: number;
}

/**
 * The `--set` overrides a command line asks for: `--days`, `--scale`, `--seed` and
 * `--replications` are shorthands for `--set days=…` and so on, applied before the `--set`s.
 */
export function overridesFrom(args: ScenarioArgs): SetOverride[] {
  const sets: SetOverride[] = [];
  const flag = (name: string, value: unknown): void => {
    if (value !== undefined) sets.push(parseSet(`${name}=${String(value)}`, `--${name}`));
  };
  try {
    flag('seed', args.seed);
    flag('replications', args.replications);
    flag('days', args.days);
    flag('scale', args.scale);
    flag('warmupDays', args.warmupDays);
    for (const s of args.set ?? []) sets.push(parseSet(s));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return sets;
}

/** Loads and checks a scenario; any problem ends the command with exit 2 and every problem listed. */
export async function loadOrExit(ref: string, args: ScenarioArgs, extra: readonly SetOverride[] = []): Promise<Scenario> {
  const sets = [...overridesFrom(args), ...extra];
  let { scenario, issues } = await loadScenario(ref, { sets, data: loadIndiaData, shapes: loadIndiaShapes });
  if (issues.length === 0 && quickMode()) {
    const caps = quickOverrides(scenario, await loadIndiaData());
    if (caps.length > 0) ({ scenario, issues } = await loadScenario(ref, { sets: [...sets, ...caps], data: loadIndiaData, shapes: loadIndiaShapes }));
  }
  if (issues.length > 0) {
    throw new UsageError(`${formatIssues(issues)}\n\n${issues.length.toLocaleString('en-US')} problem${issues.length === 1 ? '' : 's'} in scenario ${JSON.stringify(ref)}; nothing was run.`);
  }
  return scenario;
}

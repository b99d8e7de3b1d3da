import { type FieldPath, formatPath, parsePath } from './field-path.ts';
import { mergePatch } from './merge-patch.ts';
import { objectAt } from './field-path.ts';
import type { Scenario } from './scenario.ts';

/** One point of a sweep grid: its values and the scenario with them applied. */
export interface SweepPointScenario {
  /** `network.kiranaCount=28000` (several parameters joined by ", "). */
  name: string;
  values: Record<string, unknown>;
  scenario: Scenario;
}

/**
 * The grid of a sweep: every combination of the parameters' values, the first parameter varying
 * slowest, in the order written. Each point is the scenario with `path: value` set (lists and
 * values replace, objects merge).
 */
export function sweepPoints(s: Scenario, sweep: Record<string, readonly unknown[]> = s.sweep): SweepPointScenario[] {
  const params = Object.entries(sweep).map(([text, values]) => ({ text, path: parsePath(text) as FieldPath, values }));
  let grid: { values: Record<string, unknown>; patches: unknown[] }[] = [{ values: {}, patches: [] }];
  for (const p of params) {
    grid = grid.flatMap((g) => p.values.map((v) => ({ values: { ...g.values, [p.text]: v }, patches: [...g.patches, objectAt(p.path, v)] })));
  }
  return grid.map((g) => {
    let scenario = structuredClone(s);
    for (const patch of g.patches) scenario = mergePatch(scenario, patch) as Scenario;
    scenario.sweep = {};
    const name = Object.entries(g.values).map(([k, v]) => `${formatPath(parsePath(k))}=${typeof v === 'string' ? v : JSON.stringify(v)}`).join(', ');
    return { name: name === '' ? 'base' : name, values: g.values, scenario };
  });
}

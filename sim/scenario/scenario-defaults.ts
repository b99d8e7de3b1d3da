import { DEFAULT_MODEL_CONFIG, DISRUPTION_DEFAULTS } from '../model/index.ts';
import { NETWORK_DEFAULTS } from '../network/index.ts';
import type { Scenario } from './scenario.ts';

/**
 * The bottom layer of every scenario: the model's and the network's own defaults (one place for
 * each figure, where its source is cited), plus the run settings. `scale` 0.1 (DESIGN.md, scale):
 * the smallest sampling whose national answers match full scale within their confidence intervals
 * (at 0.01 the mean lead time comes out ~1.2 h longer than at 0.1 and 1.0, five times its interval's
 * half-width: README, scale); 4 replications keep a national run under half a minute on two cores;
 * `days` is the model's 14.
 */
export function scenarioDefaults(): Omit<Scenario, 'name' | 'question'> {
  const { scale: _scale, states: _states, districts: _districts, import: _import, points: _points, ...network } = structuredClone(NETWORK_DEFAULTS);
  const { days, scale: _modelScale, demand: { import: _orders, ...demand }, ...model } = structuredClone(DEFAULT_MODEL_CONFIG);
  return { seed: 1, replications: 4, days, warmupDays: 0, scale: 0.1, region: { states: [], districts: [] }, network, model: { ...model, demand }, sweep: {} };
}

/** Defaults of a disruption's optional figures, by its type (the model's). */
export function disruptionDefaults(type: unknown): Record<string, number> {
  if (type === 'festive') return { ...DISRUPTION_DEFAULTS.festive };
  if (type === 'monsoon') return { ...DISRUPTION_DEFAULTS.monsoon };
  return {};
}

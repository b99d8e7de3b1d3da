import type { ModelConfig } from '../model/index.ts';
import type { NetworkOptions } from '../network/index.ts';
import { networkOptions } from './check-resolved.ts';
import type { Scenario } from './scenario.ts';

/**
 * What a scenario simulates, as the model takes it: network options (with the region and the
 * scale) and a full model config (with the days). Name, question, seed, replications and sweep are
 * not in it, so two files that simulate the same thing have the same hash.
 */
export function simulationInput(s: Scenario): { network: NetworkOptions; model: ModelConfig } {
  return { network: networkOptions(s), model: { ...structuredClone(s.model), days: s.days } };
}

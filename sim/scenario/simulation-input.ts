import type { ModelConfig } from '../model/index.ts';
import type { NetworkOptions } from '../network/index.ts';
import { networkOptions } from './check-resolved.ts';
import type { Scenario } from './scenario.ts';
import { importedOrders } from './scenario-imports.ts';

/**
 * What a scenario simulates, as the model takes it: network options (with the region, the scale
 * and the texts of imported files) and a full model config (with the days). Name, question, seed,
 * replications and sweep are not in it, so two files that simulate the same thing have the same
 * hash; carrier rules only when there are some, so a scenario without them hashes as before they
 * existed.
 */
export function simulationInput(s: Scenario): { network: NetworkOptions; model: ModelConfig } {
  const { rules, demand: { import: _file, ...demand }, ...model } = structuredClone(s.model);
  const orders = importedOrders(s);
  return {
    network: networkOptions(s),
    model: {
      ...model,
      demand: orders === undefined ? demand : { ...demand, import: { sha256: orders.sha256, content: orders.orders } },
      ...(Array.isArray(rules) && rules.length > 0 && { rules }),
      days: s.days,
    } as ModelConfig,
  };
}

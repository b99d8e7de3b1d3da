import { loadIndiaData } from '../data/index.ts';
import { modelConfig, type ModelConfigPatch, runModel } from '../model/index.ts';
import { buildNetwork, type Network, type NetworkOptions } from '../network/index.ts';
import { canonicalJson } from './canonical-json.ts';
import type { KindResult } from './model-kinds.ts';
import type { IndiaInput } from './protocol.ts';

// The network depends only on its options and the seed, and a worker usually runs many
// replications of one scenario: building it once per worker saves seconds a replication. One
// entry, so a sweep over network options does not hold every network in memory. A cache, not
// state: the result is the same with or without it.
let cached: { key: string; network: Network } | undefined;

/** One replication of the India model from a resolved scenario (network options + model config). */
export async function runIndiaReplication(
  input: IndiaInput,
  seed: number | string,
  replication: number,
  progress: (simMinutes: number, parcelsDone: number) => void,
): Promise<KindResult> {
  const key = canonicalJson([input.network, seed]);
  if (cached?.key !== key) {
    const data = await loadIndiaData();
    cached = { key, network: buildNetwork(data, input.network as NetworkOptions, seed) };
  }
  const config = modelConfig(input.model as ModelConfigPatch);
  const result = runModel(config, cached.network, seed, replication, { progress });
  const { metrics, events, parcels: _parcels, ...tables } = result;
  return { metrics, tables, events };
}

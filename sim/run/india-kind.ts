import { loadIndiaData } from '../data/index.ts';
import { modelConfig, type ModelConfigPatch, runModel } from '../model/index.ts';
import { buildNetwork, type Network, type NetworkColumns, type NetworkOptions, networkFromColumns, networkToColumns } from '../network/index.ts';
import { eventLogPlaces } from './event-log-places.ts';
import { indiaNetworkKey, type KindResult } from './model-kinds.ts';
import type { IndiaInput } from './protocol.ts';

// The network depends only on its options and the seed, and a worker usually runs many
// replications of one scenario: building it once per worker saves seconds a replication. One
// entry, so a sweep over network options does not hold every network in memory. A cache, not
// state: the result is the same with or without it.
let cached: { key: string; network: Network } | undefined;

/** The network of a scenario as columns: built once on the main thread and handed to every worker. */
export async function indiaNetworkColumns(input: IndiaInput, seed: number | string): Promise<NetworkColumns> {
  return networkToColumns(buildNetwork(await loadIndiaData(), input.network as NetworkOptions, seed));
}

/**
 * One replication of the India model from a resolved scenario (network options + model config).
 * `shared`: the network's columns from `indiaNetworkColumns` for the same options and seed, when
 * the runner built them once for all workers; without them the worker builds the network itself.
 */
export async function runIndiaReplication(
  input: IndiaInput,
  seed: number | string,
  replication: number,
  warmupDays: number | undefined,
  progress: (simMinutes: number, parcelsDone: number) => void,
  shared?: unknown,
): Promise<KindResult> {
  const key = indiaNetworkKey(input, seed);
  if (cached?.key !== key) {
    cached = undefined; // let the old network go before the new one is made
    const network = shared !== undefined
      ? networkFromColumns(shared as NetworkColumns)
      : buildNetwork(await loadIndiaData(), input.network as NetworkOptions, seed);
    cached = { key, network };
  }
  const config = modelConfig(input.model as ModelConfigPatch);
  const result = runModel(config, cached.network, seed, replication, { progress, ...(warmupDays !== undefined && { warmupDays }) });
  const { metrics, events, parcels: _parcels, ...tables } = result;
  // The event log names no node: the places it mentions travel with it, named (the report writes them).
  if (result.eventLog !== undefined) Object.assign(tables, { eventLogPlaces: eventLogPlaces(result.eventLog, cached.network) });
  return { metrics, tables, events };
}

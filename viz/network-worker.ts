import { expose, transfer } from 'comlink';
import { loadIndiaData } from '../sim/data/index.ts';
import { buildNetwork, type NetworkOptions, networkToColumns } from '../sim/network/index.ts';
import { type NodeDescriptions, nodeDescriptions } from '../sim/report/index.ts';
import { type NetworkLayers, networkLayers } from './network-layers.ts';

/**
 * Builds networks for the map off the main thread: the national build takes seconds, and the
 * page must stay responsive while it runs. Separate from sim/run's worker entry on purpose: it
 * serves drawing, not replications.
 */
const api = {
  async layers(options: NetworkOptions, seed: number | string): Promise<NetworkLayers> {
    const layers = networkLayers(buildNetwork(await loadIndiaData(), options, seed));
    return transfer(layers, [layers.lon.buffer, layers.lat.buffer, layers.type.buffer, layers.laneFrom.buffer, layers.laneTo.buffer, layers.laneVolume.buffer]);
  },
  /** A run's network node by node, as `sim run` describes it in nodes.csv (the same build: options and seed). */
  async nodes(options: NetworkOptions, seed: number | string): Promise<NodeDescriptions> {
    return nodeDescriptions(networkToColumns(buildNetwork(await loadIndiaData(), options, seed)));
  },
};

export type NetworkWorkerApi = typeof api;
expose(api);

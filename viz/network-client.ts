import { wrap } from 'comlink';
import type { NetworkOptions } from '../sim/network/index.ts';
import type { NodeDescriptions } from '../sim/report/index.ts';
import type { NetworkLayers } from './network-layers.ts';
import type { NetworkWorkerApi } from './network-worker.ts';

let api: ReturnType<typeof wrap<NetworkWorkerApi>> | undefined;

function worker(): ReturnType<typeof wrap<NetworkWorkerApi>> {
  api ??= wrap<NetworkWorkerApi>(new Worker(new URL('./network-worker.ts', import.meta.url), { type: 'module', name: 'viz-network' }));
  return api;
}

/** Network layers built in a Web Worker (one worker for the page's lifetime). */
export function fetchNetworkLayers(options: NetworkOptions, seed: number | string): Promise<NetworkLayers> {
  return worker().layers(options, seed);
}

/** A run's network described node by node (names, types, districts, places), built in the same worker. */
export function fetchNodeDescriptions(options: NetworkOptions, seed: number | string): Promise<NodeDescriptions> {
  return worker().nodes(options, seed);
}

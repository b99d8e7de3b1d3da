import { wrap } from 'comlink';
import type { NetworkOptions } from '../sim/network/index.ts';
import type { NetworkLayers } from './network-layers.ts';
import type { NetworkWorkerApi } from './network-worker.ts';

let api: ReturnType<typeof wrap<NetworkWorkerApi>> | undefined;

/** Network layers built in a Web Worker (one worker for the page's lifetime). */
export function fetchNetworkLayers(options: NetworkOptions, seed: number | string): Promise<NetworkLayers> {
  api ??= wrap<NetworkWorkerApi>(new Worker(new URL('./network-worker.ts', import.meta.url), { type: 'module', name: 'viz-network' }));
  return api.layers(options, seed);
}

import type { SetupCache } from './setup-cache.ts';
import type { SpawnWorker } from './worker-handle.ts';

/**
 * The worker factory and default worker count of the platform this runs on, chosen at run time:
 * Node's worker_threads (count: `os.availableParallelism()`) or Web Workers (count:
 * `navigator.hardwareConcurrency`). The imports are dynamic so a browser bundle never executes
 * the Node module, and Node never touches `Worker` globals.
 */
export async function defaultPlatform(): Promise<{ spawn: SpawnWorker; workers: number }> {
  if (onNode()) {
    const { spawnNodeWorker, nodeParallelism } = await import('./node-worker.ts');
    return { spawn: () => spawnNodeWorker(), workers: nodeParallelism() };
  }
  const { spawnBrowserWorker, browserParallelism } = await import('./browser-worker.ts');
  return { spawn: spawnBrowserWorker, workers: browserParallelism() };
}

/** Whether this runs on Node (the CLI, tests) rather than in a browser page. */
export function onNode(): boolean {
  return typeof process !== 'undefined' && typeof process.versions?.node === 'string';
}

/** Where shared setups outlive a run: on Node the project's disk cache (setup-cache.ts); none in a browser. */
export async function defaultSetupCache(): Promise<SetupCache | undefined> {
  if (!onNode()) return undefined;
  const { projectSetupCache } = await import('./setup-cache.ts');
  return projectSetupCache();
}

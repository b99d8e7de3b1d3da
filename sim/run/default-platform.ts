import type { SpawnWorker } from './worker-handle.ts';

/**
 * The worker factory and default worker count of the platform this runs on, chosen at run time:
 * Node's worker_threads (count: `os.availableParallelism()`) or Web Workers (count:
 * `navigator.hardwareConcurrency`). The imports are dynamic so a browser bundle never executes
 * the Node module, and Node never touches `Worker` globals.
 */
export async function defaultPlatform(): Promise<{ spawn: SpawnWorker; workers: number }> {
  if (typeof process !== 'undefined' && typeof process.versions?.node === 'string') {
    const { spawnNodeWorker, nodeParallelism } = await import('./node-worker.ts');
    return { spawn: () => spawnNodeWorker(), workers: nodeParallelism() };
  }
  const { spawnBrowserWorker, browserParallelism } = await import('./browser-worker.ts');
  return { spawn: spawnBrowserWorker, workers: browserParallelism() };
}

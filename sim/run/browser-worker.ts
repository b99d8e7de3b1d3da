import { wrap } from 'comlink';
import type { WorkerApi } from './protocol.ts';
import type { WorkerHandle } from './worker-handle.ts';

/**
 * A module Web Worker running the shared worker entry (Vite bundles it from this `new URL`
 * pattern). Browsers report an uncaught error or a failed load as an 'error' event; a worker
 * the browser kills for memory may fire nothing, which is why each run also has the caller's
 * own abort (close the pool) as a last resort.
 */
export function spawnBrowserWorker(): WorkerHandle {
  const worker = new Worker(new URL('./worker-entry.ts', import.meta.url), { type: 'module', name: 'sim-replications' });
  let terminating = false;
  const died = new Promise<string>((resolve) => {
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      if (!terminating) resolve(`web worker failed: ${event.message || 'an error without a message (often a failed module load)'}`);
    });
    worker.addEventListener('messageerror', () => {
      if (!terminating) resolve('web worker received a message it could not deserialise');
    });
  });
  return {
    api: wrap<WorkerApi>(worker),
    died,
    async terminate() {
      terminating = true;
      worker.terminate();
    },
  };
}

export function browserParallelism(): number {
  return typeof navigator !== 'undefined' && navigator.hardwareConcurrency > 0 ? navigator.hardwareConcurrency : 2;
}

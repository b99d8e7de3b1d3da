import type { Remote } from 'comlink';
import type { WorkerApi } from './protocol.ts';

/**
 * A started worker as the pool sees it, on either platform: the comlink proxy to its API, a
 * promise that settles when the worker dies by itself (never for a healthy one, nor after
 * `terminate`), and a way to end it.
 */
export interface WorkerHandle {
  api: Remote<WorkerApi>;
  /** Resolves with a sentence saying why the worker died (exit code, uncaught error, out of memory). */
  died: Promise<string>;
  terminate(): Promise<void>;
}

export type SpawnWorker = () => WorkerHandle;

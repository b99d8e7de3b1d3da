// The Node worker thread's first module. Plain JavaScript because nothing can load TypeScript yet:
// it registers tsx's loader in this thread (loader hooks registered on the main thread, as
// `bin/sim.js`, the tsx CLI and vitest do, do not reach workers; `spawnNodeWorker` strips tsx's
// flags so this is the only registration), then loads the shared worker entry and serves it over
// comlink's adapter for worker_threads.
import { parentPort } from 'node:worker_threads';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { register } from 'tsx/esm/api';

register();
const { serveJobs } = await import('./worker-entry.ts');
serveJobs(nodeEndpoint(parentPort));

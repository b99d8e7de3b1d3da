// The Node worker's entry when it runs as one bundled module (see worker-bundle.ts): no TypeScript
// loader needed, so it serves the shared worker entry over comlink's worker_threads adapter at once.
import { parentPort } from 'node:worker_threads';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { serveJobs } from './worker-entry.ts';

if (parentPort === null) throw new Error('worker-node.ts runs as a worker thread, not as a main script');
serveJobs(nodeEndpoint(parentPort));

// The first module of a worker that runs the bundled worker (worker-bundle.ts). Source maps are
// turned on before the bundle is compiled (Node reads a module's map only if they are on by then),
// so the stack of a failing replication names the .ts files and lines, as under tsx.
import { workerData } from 'node:worker_threads';

process.setSourceMapsEnabled(true);
await import(workerData.bundle);

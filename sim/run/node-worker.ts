import { availableParallelism } from 'node:os';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { WorkerApi } from './protocol.ts';
import { workerBundle } from './worker-bundle.ts';
import type { WorkerHandle } from './worker-handle.ts';

export interface NodeWorkerOptions {
  /**
   * The worker's first module; default: the bundled worker (worker-bundle.ts), or
   * `worker-bootstrap.mjs`, which loads the TypeScript through tsx, when no bundle can be made.
   * Tests swap in one that misbehaves.
   */
  entry?: URL;
  /** Heap limit of each worker (V8 old generation), MB; a worker past it dies with ERR_WORKER_OUT_OF_MEMORY. */
  maxOldGenerationSizeMb?: number;
}

/**
 * The parent's Node flags minus tsx's own. Under the tsx CLI the parent runs with `--require
 * …/tsx/dist/preflight.cjs --import …/tsx/dist/loader.mjs`; a worker inherits them, yet on Node 20
 * the inherited loader does not make the worker load `.ts` (measured: ERR_UNKNOWN_FILE_EXTENSION),
 * and registering on top of it could transform twice on Nodes where it does. So every worker gets
 * the same start whatever launched the parent (tsx CLI, `node bin/sim.js`, vitest): no tsx flags,
 * and `worker-bootstrap.mjs` registers tsx itself.
 */
export function workerExecArgv(execArgv: readonly string[]): string[] {
  const isTsx = (value: string): boolean => /(^|[\\/=])tsx([\\/]|$)/.test(value);
  const out: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i]!;
    if (['--require', '-r', '--import', '--loader', '--experimental-loader'].includes(arg) && isTsx(execArgv[i + 1] ?? '')) {
      i++;
      continue;
    }
    if (/^--(require|import|loader|experimental-loader)=/.test(arg) && isTsx(arg)) continue;
    out.push(arg);
  }
  return out;
}

// The parent's flags a worker accepts, found on the first spawn (see newWorker).
let acceptedExecArgv: string[] | undefined;

/**
 * A Worker with the parent's flags (minus tsx's). V8 options such as `--max-old-space-size` or
 * `--single-threaded-gc` apply to the whole process, workers included, yet a worker's `execArgv`
 * refuses them (ERR_WORKER_INVALID_EXEC_ARGV), so `node --max-old-space-size=8000 bin/sim.js run …`
 * could not start a worker. Node names the flags it refuses; they are left out.
 */
function newWorker(entry: URL, options: WorkerOptions): Worker {
  acceptedExecArgv ??= workerExecArgv(process.execArgv);
  try {
    return new Worker(entry, { ...options, execArgv: acceptedExecArgv });
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw error;
    // "Initiated Worker with invalid execArgv flags: --a, --b"
    const refused = new Set(String((error as Error).message).replace(/^[^:]*:\s*/, '').split(/,\s*/));
    acceptedExecArgv = acceptedExecArgv.filter((arg) => !refused.has(arg));
    return new Worker(entry, { ...options, execArgv: acceptedExecArgv });
  }
}

/**
 * A worker thread serving the shared worker entry over comlink's Node adapter: from the bundled
 * worker when there is one, else through `worker-bootstrap.mjs`, which makes the thread able to
 * load TypeScript first.
 */
export function spawnNodeWorker(options: NodeWorkerOptions = {}): WorkerHandle {
  const bundle = options.entry === undefined ? workerBundle() : null;
  const entry = options.entry ?? (bundle !== null ? new URL('./worker-bundle-boot.mjs', import.meta.url) : new URL('./worker-bootstrap.mjs', import.meta.url));
  const worker = newWorker(entry, {
    ...(bundle !== null && { workerData: { bundle: bundle.href } }),
    ...(options.maxOldGenerationSizeMb !== undefined && { resourceLimits: { maxOldGenerationSizeMb: options.maxOldGenerationSizeMb } }),
  });
  const threadId = worker.threadId;
  let terminating = false;
  let lastError: Error | undefined;
  const died = new Promise<string>((resolve) => {
    // 'error' (an uncaught exception, out of memory) is followed by 'exit'; wait for 'exit' so the
    // reason carries both, and so a replacement never runs beside a thread still tearing down.
    worker.on('error', (error: Error) => {
      lastError = error;
    });
    worker.on('exit', (code) => {
      if (terminating) return;
      const cause = lastError === undefined ? 'no error was reported' : `${lastError.name}: ${lastError.message}${'code' in lastError ? ` (${String(lastError.code)})` : ''}`;
      resolve(`worker thread ${threadId} exited with code ${code} (${cause})`);
    });
  });
  return {
    api: wrap<WorkerApi>(nodeEndpoint(worker)),
    died,
    async terminate() {
      terminating = true;
      await worker.terminate();
    },
  };
}

/** The default worker count on Node: what the OS says this process may use. */
export function nodeParallelism(): number {
  return availableParallelism();
}

import { type Endpoint, expose } from 'comlink';
import type { Job, JobOutcome, JobProgress, SharedSetup, WorkerApi } from './protocol.ts';
import { modelKind } from './model-kinds.ts';
import { ReplicationError } from './replication-error.ts';
import { jobScenarioHash, replicationFailure, runReplication } from './run-replication.ts';

/** Progress is sent at most this often (wall time): often enough for a bar, rare enough to cost nothing. */
const PROGRESS_EVERY_MS = 250;

/**
 * The one worker entry for both platforms. It exposes `WorkerApi` on an endpoint: in a browser
 * Web Worker it serves `self` by itself as soon as it loads (Vite: `new Worker(new URL(
 * './worker-entry.ts', import.meta.url), { type: 'module' })`); on Node, `worker-bootstrap.mjs`
 * registers tsx, then calls `serveJobs` with comlink's Node adapter around `parentPort`. The job
 * code below uses no platform API beyond `performance.now` (both have it) for throttling.
 */
export function serveJobs(endpoint: Endpoint): void {
  let report: ((progress: JobProgress) => void) | undefined;
  let shared: SharedSetup | undefined;
  const api: WorkerApi = {
    setProgress(callback) {
      report = callback;
    },
    provide(setup) {
      shared = setup;
    },
    async run(job: Job): Promise<JobOutcome> {
      const started = performance.now();
      let last = -Infinity;
      let horizon = Infinity;
      let parcels = 0;
      try {
        horizon = modelKind(job.kind).horizonMinutes(job.input);
      } catch {
        // An unknown kind fails inside runReplication, with the job's identity.
      }
      const send = (simMinutes: number, parcelsDone: number, force: boolean): void => {
        const now = performance.now();
        if (report === undefined || (!force && now - last < PROGRESS_EVERY_MS)) return;
        last = now;
        const fraction = Math.min(1, Math.max(0, simMinutes / horizon));
        // Fire and forget: the main thread never answers progress, and awaiting would slow the model.
        void Promise.resolve(report({ replication: job.replication, simMinutes, parcelsDone, fraction })).catch(() => {});
      };
      try {
        const output = await runReplication(job, {
          shared,
          progress: (t, n) => {
            parcels = n;
            send(t, n, false);
          },
        });
        send(horizon, parcels, true);
        return { state: 'done', output, wallMs: performance.now() - started };
      } catch (error) {
        const failure = error instanceof ReplicationError ? error.failure : replicationFailure(job, jobScenarioHash(job), error);
        return { state: 'failed', failure };
      }
    },
  };
  expose(api, endpoint);
}

// In a browser worker (and only there) `WorkerGlobalScope` exists: serve `self` directly.
declare const WorkerGlobalScope: (abstract new () => unknown) | undefined;
if (typeof WorkerGlobalScope !== 'undefined' && typeof self !== 'undefined' && self instanceof WorkerGlobalScope) {
  serveJobs(self as unknown as Endpoint);
}

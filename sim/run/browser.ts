// The browser's view of sim/run (for viz/): everything in index.ts that runs in a page. Runs
// default to Web Workers (`spawnBrowserWorker`, count `navigator.hardwareConcurrency`).
export type {
  Job,
  JobKey,
  JobOutcome,
  JobProgress,
  ModelKind,
  ExampleInput,
  IndiaInput,
  ReplicationFailure,
  ReplicationOutput,
  WorkerApi,
} from './protocol.ts';
export { runReplication, jobScenario, jobScenarioHash } from './run-replication.ts';
export { ReplicationError, WorkerDiedError } from './replication-error.ts';
export { canonicalJson } from './canonical-json.ts';
export { scenarioHash } from './scenario-hash.ts';
export { WorkerPool } from './worker-pool.ts';
export type { WorkerHandle, SpawnWorker } from './worker-handle.ts';
export { spawnBrowserWorker, browserParallelism } from './browser-worker.ts';
export { runJobs, type RunOptions, type ProgressCallback } from './run-jobs.ts';
export { jobFor, type RunSpec } from './run-spec.ts';
export { runReplications, type RunResult } from './run-replications.ts';
export { runUntilPrecise } from './run-until-precise.ts';
export { runSweep, type SweepPoint } from './run-sweep.ts';
export { pairedDifference, welchDifference } from './difference.ts';
export { mergeShards } from './merge-shards.ts';
export { shardReplications, type Shard } from './shard.ts';
export { summarize, summaryJson, replicationsCsv, type Summary, type MetricSummary } from './summarize.ts';
export { formatSummaryTable } from './format-summary-table.ts';
export { metricRange } from './metric-range.ts';
export { sha256 } from './sha256.ts';

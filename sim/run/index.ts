// Replications on workers: the pure replication, the worker protocol and pool, statistics over
// replications, precision-driven runs, sweeps with common random numbers, and shards.
// `browser.ts` is the same minus the Node-only parts (progress bar on stderr, Node worker spawn).
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
export { runReplication, jobScenario, jobScenarioHash, type ReplicationHooks } from './run-replication.ts';
export { MODEL_KINDS, modelKind, type ModelKindRunner, type KindResult } from './model-kinds.ts';
export { ReplicationError, WorkerDiedError } from './replication-error.ts';
export { canonicalJson } from './canonical-json.ts';
export { scenarioHash } from './scenario-hash.ts';
export { sha256 } from './sha256.ts';
export { WorkerPool, type WorkerPoolOptions, type JobDone } from './worker-pool.ts';
export type { WorkerHandle, SpawnWorker } from './worker-handle.ts';
export { spawnNodeWorker, nodeParallelism, workerExecArgv, type NodeWorkerOptions } from './node-worker.ts';
export { defaultPlatform } from './default-platform.ts';
export { runJobs, setupOf, type RunOptions, type ProgressCallback } from './run-jobs.ts';
export { jobFor, type RunSpec, type OpenSpec } from './run-spec.ts';
export { runReplications, type RunResult, type RunReplicationsOptions } from './run-replications.ts';
export { runUntilPrecise, type PrecisionTarget, type PreciseResult } from './run-until-precise.ts';
export { runSweep, sweepJobs, sweepSpecs, type SweepPoint, type SweepResult } from './run-sweep.ts';
export { pairedDifference, welchDifference, type Difference } from './difference.ts';
export { mergeShards } from './merge-shards.ts';
export { encodeOutput, decodeOutput, exactJson, parseExactJson } from './output-codec.ts';
export { codeVersion } from './code-version.ts';
export type { JobExecutor } from './job-executor.ts';
export { shardFromEnv, shardPositions, shardReplications, validateShard, type Shard, type ShardSetting } from './shard.ts';
export {
  summarize,
  describe,
  metricNames,
  relativeHalfWidth,
  summaryJson,
  replicationsCsv,
  type Summary,
  type SummaryMeta,
  type MetricSummary,
} from './summarize.ts';
export { formatSummaryTable } from './format-summary-table.ts';
export { metricRange } from './metric-range.ts';
export { createProgressBar, formatSeconds, type ProgressBar, type ProgressOutput } from './progress-bar.ts';

import { join } from 'node:path';
import { loadIndiaData } from '../data/index.ts';
import { carrierRules } from '../model/index.ts';
import { parseCsv } from '../compare/index.ts';
import { assertReplaceableFolder, bottlenecks, formatBottlenecks, formatShiftingBottleneck, formatSpeedPostTable, formatStageTable, nodeDescriptions, resultFolderFiles, writeResultFolder } from '../report/index.ts';
import type { NetworkColumns } from '../network/index.ts';
import {
  codeVersion, formatSummaryTable, type IndiaInput, type JobExecutor, jobFor, jobScenarioHash, type PreciseResult, type RunResult, type RunSpec, runReplications,
  runUntilPrecise, setupOf, summarize, summaryJson,
} from '../run/index.ts';
import { type Scenario, simulationInput } from '../scenario/index.ts';
import { gitCommit, packageVersion } from './build-info.ts';
import { UsageError } from './exit-codes.ts';
import { headline } from './headline-metrics.ts';
import { loadOrExit, type ScenarioArgs } from './load-or-exit.ts';
import { type PrecisionArgs, precisionLine, precisionRecord, precisionTarget } from './precision-target.ts';
import { queueExecutor } from './queue-option.ts';
import { runOnPool } from './run-on-pool.ts';
import { resolveShard, shardDir } from './shard-option.ts';
import { runShard } from './shard-run.ts';

export interface RunArgs extends ScenarioArgs, PrecisionArgs {
  scenario: string;
  workers?: number;
  out?: string;
  json?: boolean;
  all?: boolean;
  /** `i/N`, `none`, or undefined (then the environment may name a shard). */
  shard?: string;
  /** `redis://host:port`: run the jobs on `sim worker`s through a BullMQ queue. */
  queue?: string;
  queuePrefix?: string;
}

/** A run whose scenario is already resolved and whose jobs are answered elsewhere (`sim merge`: the shards' outputs). */
export interface RunSource {
  scenario: Scenario;
  executor: JobExecutor;
  /** Added to manifest.json (where the outputs came from). */
  manifest: Record<string, unknown>;
}

/** The experiment a scenario describes, as sim/run takes it. */
export function runSpecFor(s: Scenario): RunSpec {
  const spec: RunSpec = { kind: 'india', input: simulationInput(s) as unknown as IndiaInput, scenario: s.name, seed: s.seed, replications: s.replications };
  // Only a real warm-up is part of the job: without one, hashes and results stay as they were.
  if (s.warmupDays > 0) spec.warmupDays = s.warmupDays;
  return spec;
}

/**
 * The scenario as manifest.json records it: as resolved, but `warmupDays` only when there is a
 * warm-up, as in the job (manifests from before warm-up existed compare equal to today's).
 */
export function manifestScenario(s: Scenario): Partial<Scenario> {
  const { warmupDays, ...rest } = s;
  return warmupDays > 0 ? s : rest;
}

/** `results/<name>-<seed>-<first 8 hex of the hash>`. */
export function defaultResultDir(s: Scenario, hash: string, suffix = ''): string {
  return join('results', `${s.name}${suffix}-${String(s.seed).replace(/[^\w.-]+/g, '_')}-${hash.slice(0, 8)}`);
}

/** `sim run`: replications on workers, a summary table on stdout, the result folder written atomically. */
export async function runCommand(args: RunArgs, source?: RunSource): Promise<void> {
  if (args.workers !== undefined && (!Number.isInteger(args.workers) || args.workers < 1)) throw new UsageError(`--workers must be an integer ≥ 1, given ${args.workers}`);
  const target = precisionTarget(args);
  if (target !== undefined && args.shard !== undefined) throw new UsageError('--precision cannot be split with --shard: how many replications it runs is decided as it runs; run it whole (--queue spreads it over machines)');
  const s = source?.scenario ?? (await loadOrExit(args.scenario, args));
  const spec = runSpecFor(s);
  const hash = jobScenarioHash(jobFor(spec, 0));
  const shard = source === undefined ? resolveShard(args.shard, process.env, s.replications, 'replications') : undefined;
  const dir = args.out ?? (shard === undefined ? defaultResultDir(s, hash) : shardDir(defaultResultDir(s, hash), shard));
  assertReplaceableFolder(dir);
  const startedAt = new Date().toISOString();
  if (shard !== undefined) {
    const jobs = Array.from({ length: s.replications }, (_, r) => jobFor(spec, r));
    const manifest = { command: 'run' as const, scenario: s, scenarioName: s.name, scenarioHash: hash, seed: s.seed, replications: s.replications, shard };
    return runShard({ label: s.name, jobs, dir, workers: args.workers, manifest, ...(args.queue !== undefined && { queue: args.queue }) });
  }
  const data = await loadIndiaData();
  const queued = source === undefined ? await queueExecutor(args, target?.max ?? s.replications) : undefined;
  const count = target ? `${target.min} to ${target.max} replications` : `${s.replications} replication${s.replications === 1 ? '' : 's'}`;
  const until = target ? `, until ${target.metric} is known to ±${target.relativeHalfWidth * 100} %` : '';
  process.stderr.write(`${s.name}: ${count} of ${s.days} day${s.days === 1 ? '' : 's'} at scale ${s.scale}, seed ${JSON.stringify(s.seed)}${until}\n`);
  await runOnPool(
    s.name,
    target?.max ?? s.replications,
    args.workers,
    (pool, onProgress) => (target ? runUntilPrecise(spec, target, { pool, onProgress }).catch(unknownMetric) : runReplications(spec, { pool, onProgress })),
    async (run: RunResult | PreciseResult) => {
      const network = (await setupOf(jobFor(spec, 0))) as NetworkColumns | undefined;
      const summary = summarize(run.outputs, { scenario: s.name, scenarioHash: run.scenarioHash, seed: s.seed });
      // A run until precise is the fixed run of as many replications as it took: its scenario says that many.
      const replications = run.outputs.length;
      const manifest = {
        scenario: { ...manifestScenario(s), replications },
        // Who carries which leg, as the model runs it: the scenario's rules, then its policy's preset.
        carriers: carrierRules(s.model),
        scenarioName: s.name,
        scenarioHash: run.scenarioHash,
        seed: s.seed,
        replications,
        ...(target && 'precision' in run && { precision: precisionRecord(run, target) }),
        version: packageVersion(),
        gitCommit: gitCommit(),
        codeVersion: codeVersion(),
        ...queued?.manifest,
        ...source?.manifest,
        timings: { wallMs: Math.round(run.timing.wallMs), replicationWallMs: run.timing.replicationWallMs.map(Math.round), startedAt },
      };
      const files = resultFolderFiles(run.outputs, summary, manifest, {
        startDate: s.model.startDate,
        district: (i) => {
          const d = data.districts[i];
          return d && { code: d.code, name: d.name };
        },
        nodes: network && nodeDescriptions(network),
      });
      writeResultFolder(dir, files);
      if (args.json) {
        process.stdout.write(summaryJson(summary));
        process.stderr.write(`results: ${dir}\n`);
        return;
      }
      const shown = args.all ? summary : headline(summary);
      const more = Object.keys(summary.metrics).length - Object.keys(shown.metrics).length;
      process.stdout.write(`${formatSummaryTable(shown)}\n`);
      if ('precision' in run) process.stdout.write(`${precisionLine(run)}\n`);
      if (more > 0) process.stdout.write(`  (${more} more metrics in summary.json: by operator, area, state, cost component, node type; --all prints them)\n`);
      process.stdout.write(`  counts are simulated parcels (one in ${Math.round(1 / s.scale)}); ${(run.timing.wallMs / 1000).toFixed(1)} s\n`);
      process.stdout.write(`\n${formatStageTable(summary.metrics)}\n`);
      const speedPost = formatSpeedPostTable(summary.metrics);
      if (speedPost !== undefined) process.stdout.write(`\n${speedPost}\n`);
      if (files['nodes.csv'] !== undefined && files['lanes.csv'] !== undefined) {
        process.stdout.write(`\n${formatBottlenecks(bottlenecks(csvRows(files['nodes.csv']), csvRows(files['lanes.csv'])))}\n`);
      }
      const shifting = formatShiftingBottleneck(summary.metrics);
      if (shifting !== undefined) process.stdout.write(`  ${shifting}\n`);
      process.stdout.write(`\nresults: ${dir}\n`);
    },
    source?.executor ?? queued?.executor,
  );
}

/** A CSV text's rows as records by column name. */
function csvRows(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

/** A `--metric` the model does not produce is the user's mistake: exit 2 (nothing is written). */
function unknownMetric(error: unknown): never {
  if (error instanceof RangeError && /^runUntilPrecise: metric /.test(error.message)) throw new UsageError(error.message.replace(/^runUntilPrecise: metric/, '--metric'));
  throw error;
}

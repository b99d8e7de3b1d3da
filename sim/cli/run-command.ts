import { join } from 'node:path';
import { loadIndiaData } from '../data/index.ts';
import { carrierRules } from '../model/index.ts';
import { parseCsv } from '../compare/index.ts';
import { assertReplaceableFolder, bottlenecks, formatBottlenecks, formatStageTable, nodeDescriptions, resultFolderFiles, writeResultFolder } from '../report/index.ts';
import type { NetworkColumns } from '../network/index.ts';
import { formatSummaryTable, type IndiaInput, jobFor, jobScenarioHash, type RunResult, type RunSpec, runReplications, setupOf, summarize, summaryJson } from '../run/index.ts';
import { type Scenario, simulationInput } from '../scenario/index.ts';
import { gitCommit, packageVersion } from './build-info.ts';
import { UsageError } from './exit-codes.ts';
import { headline } from './headline-metrics.ts';
import { loadOrExit, type ScenarioArgs } from './load-or-exit.ts';
import { runOnPool } from './run-on-pool.ts';

export interface RunArgs extends ScenarioArgs {
  scenario: string;
  workers?: number;
  out?: string;
  json?: boolean;
  all?: boolean;
}

/** The experiment a scenario describes, as sim/run takes it. */
export function runSpecFor(s: Scenario): RunSpec {
  return { kind: 'india', input: simulationInput(s) as unknown as IndiaInput, scenario: s.name, seed: s.seed, replications: s.replications };
}

/** `results/<name>-<seed>-<first 8 hex of the hash>`. */
export function defaultResultDir(s: Scenario, hash: string, suffix = ''): string {
  return join('results', `${s.name}${suffix}-${String(s.seed).replace(/[^\w.-]+/g, '_')}-${hash.slice(0, 8)}`);
}

/** `sim run`: replications on workers, a summary table on stdout, the result folder written atomically. */
export async function runCommand(args: RunArgs): Promise<void> {
  if (args.workers !== undefined && (!Number.isInteger(args.workers) || args.workers < 1)) throw new UsageError(`--workers must be an integer ≥ 1, given ${args.workers}`);
  const s = await loadOrExit(args.scenario, args);
  const spec = runSpecFor(s);
  const hash = jobScenarioHash(jobFor(spec, 0));
  const dir = args.out ?? defaultResultDir(s, hash);
  assertReplaceableFolder(dir);
  const startedAt = new Date().toISOString();
  const data = await loadIndiaData();
  process.stderr.write(`${s.name}: ${s.replications} replication${s.replications === 1 ? '' : 's'} of ${s.days} day${s.days === 1 ? '' : 's'} at scale ${s.scale}, seed ${JSON.stringify(s.seed)}\n`);
  await runOnPool(
    s.name,
    s.replications,
    args.workers,
    (pool, onProgress) => runReplications(spec, { pool, onProgress }),
    async (run: RunResult) => {
      const network = (await setupOf(jobFor(spec, 0))) as NetworkColumns | undefined;
      const summary = summarize(run.outputs, { scenario: s.name, scenarioHash: run.scenarioHash, seed: s.seed });
      const manifest = {
        scenario: s,
        // Who carries which leg, as the model runs it: the scenario's rules, then its policy's preset.
        carriers: carrierRules(s.model),
        scenarioName: s.name,
        scenarioHash: run.scenarioHash,
        seed: s.seed,
        replications: s.replications,
        version: packageVersion(),
        gitCommit: gitCommit(),
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
      if (more > 0) process.stdout.write(`  (${more} more metrics in summary.json: by operator, area, state, cost component, node type; --all prints them)\n`);
      process.stdout.write(`  counts are simulated parcels (one in ${Math.round(1 / s.scale)}); ${(run.timing.wallMs / 1000).toFixed(1)} s\n`);
      process.stdout.write(`\n${formatStageTable(summary.metrics)}\n`);
      if (files['nodes.csv'] !== undefined && files['lanes.csv'] !== undefined) {
        process.stdout.write(`\n${formatBottlenecks(bottlenecks(csvRows(files['nodes.csv']), csvRows(files['lanes.csv'])))}\n`);
      }
      process.stdout.write(`\nresults: ${dir}\n`);
    },
  );
}

/** A CSV text's rows as records by column name. */
function csvRows(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

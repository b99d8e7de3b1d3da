import { loadIndiaData } from '../data/index.ts';
import type { NetworkColumns } from '../network/index.ts';
import { assertReplaceableFolder, nodeDescriptions, resultFolderFiles, textTable, writeResultFolder } from '../report/index.ts';
import { codeVersion, jobFor, type MetricSummary, runSweep, scenarioHash, setupOf, sweepJobs, sweepSpecs, type SweepResult, summarize } from '../run/index.ts';
import { parsePath, parseSet, type SetOverride, simulationInput, sweepPoints } from '../scenario/index.ts';
import { gitCommit, packageVersion } from './build-info.ts';
import { UsageError } from './exit-codes.ts';
import { loadOrExit, type ScenarioArgs } from './load-or-exit.ts';
import { queueExecutor } from './queue-option.ts';
import { defaultResultDir, manifestScenario, type RunSource, runSpecFor } from './run-command.ts';
import { runOnPool } from './run-on-pool.ts';
import { resolveShard, shardDir } from './shard-option.ts';
import { runShard } from './shard-run.ts';

export interface SweepArgs extends ScenarioArgs {
  scenario: string;
  param?: string[];
  workers?: number;
  out?: string;
  json?: boolean;
  shard?: string;
  queue?: string;
  queuePrefix?: string;
}

/** Metrics in the sweep table, one column each (summary.json of each point holds the rest). */
const SWEEP_COLUMNS: [string, string][] = [
  ['leadTime.hours.mean', 'lead time h'],
  ['delivered.within24h.share', '≤ 24 h'],
  ['delivered.within48h.share', '≤ 48 h'],
  ['firstAttempt.success.share', '1st attempt'],
  ['rto.share', 'RTO'],
  ['cost.perDelivered.inr', '₹/delivered'],
  ['kirana.earnings.perStorePerMonth.inr', 'kirana ₹/month'],
];

/** `--param network.kiranaCount=20000,28000` → a `--set` that replaces the file's sweep with the command line's. */
export function paramOverrides(params: readonly string[]): SetOverride[] {
  if (params.length === 0) return [];
  const sets: SetOverride[] = [{ source: '--param', path: ['sweep'], value: null }];
  for (const text of params) {
    const eq = text.indexOf('=');
    if (eq <= 0) throw new UsageError(`--param ${JSON.stringify(text)}: must be path=v1,v2,…, e.g. --param network.kiranaCount=20000,28000,50000`);
    const name = text.slice(0, eq).trim();
    try {
      parsePath(name);
    } catch (error) {
      throw new UsageError(`--param ${text}: ${(error as Error).message}`);
    }
    const values = text
      .slice(eq + 1)
      .split(',')
      .map((v) => parseSet(`x=${v}`).value);
    sets.push({ source: `--param ${text}`, path: ['sweep', name], value: values });
  }
  return sets;
}

/** `sim sweep`: every point of the grid with common random numbers, one table row per point. */
export async function sweepCommand(args: SweepArgs, source?: RunSource): Promise<void> {
  const s = source?.scenario ?? (await loadOrExit(args.scenario, args, paramOverrides(args.param ?? [])));
  const points = sweepPoints(s);
  if (Object.keys(s.sweep).length === 0) {
    throw new UsageError(`scenario ${JSON.stringify(s.name)} has no sweep: add --param path=v1,v2,… (e.g. --param network.kiranaCount=20000,28000,50000) or a sweep: section to the file`);
  }
  const base = runSpecFor(s);
  // The sweep's folder is keyed by the base input and the grid; each point keeps its own job hash.
  const hash = scenarioHash({ kind: base.kind, input: base.input, sweep: s.sweep });
  const patches = points.map((p) => ({ name: p.name, patch: simulationInput(p.scenario) as unknown as Record<string, unknown> }));
  const shard = source === undefined ? resolveShard(args.shard, process.env, points.length * s.replications, 'jobs (points × replications)') : undefined;
  const dir = args.out ?? (shard === undefined ? defaultResultDir(s, hash, '-sweep') : shardDir(defaultResultDir(s, hash, '-sweep'), shard));
  assertReplaceableFolder(dir);
  const startedAt = new Date().toISOString();
  if (shard !== undefined) {
    const manifest = { command: 'sweep' as const, scenario: s, scenarioName: s.name, scenarioHash: hash, seed: s.seed, replications: s.replications, points: points.map((p) => p.name), shard };
    const pointOf = (j: number): string => points[Math.floor(j / s.replications)]!.name;
    return runShard({ label: `${s.name} sweep`, jobs: sweepJobs(sweepSpecs(base, patches)), pointOf, dir, workers: args.workers, manifest, ...(args.queue !== undefined && { queue: args.queue }) });
  }
  const data = await loadIndiaData();
  const queued = source === undefined ? await queueExecutor(args, points.length * s.replications) : undefined;
  process.stderr.write(`${s.name}: sweep of ${points.length} points × ${s.replications} replications (common random numbers, seed ${JSON.stringify(s.seed)})\n`);
  await runOnPool(
    `${s.name} sweep`,
    points.length * s.replications,
    args.workers,
    (pool, onProgress) => runSweep(base, patches, { pool, onProgress }),
    async (result: SweepResult) => {
      const files: Record<string, string> = {};
      const rows: { name: string; metrics: Record<string, MetricSummary> }[] = [];
      // Each point's network (points may differ in network options), for its nodes.csv and lanes.csv.
      const specs = sweepSpecs(base, patches);
      const networks = await Promise.all(specs.map(async (spec) => (await setupOf(jobFor(spec, 0))) as NetworkColumns | undefined));
      result.points.forEach((p, i) => {
        const point = points[i]!;
        const summary = summarize(p.run.outputs, { scenario: `${s.name}/${p.name}`, scenarioHash: p.run.scenarioHash, seed: s.seed });
        rows.push({ name: p.name, metrics: summary.metrics });
        const manifest = {
          scenario: manifestScenario(point.scenario),
          scenarioName: `${s.name}/${p.name}`,
          scenarioHash: p.run.scenarioHash,
          seed: s.seed,
          replications: s.replications,
          sweepPoint: point.values,
          version: packageVersion(),
          gitCommit: gitCommit(),
          timings: { wallMs: Math.round(p.run.timing.wallMs), replicationWallMs: p.run.timing.replicationWallMs.map(Math.round), startedAt },
        };
        const pointFiles = resultFolderFiles(p.run.outputs, summary, manifest, {
          startDate: point.scenario.model.startDate,
          district: (k) => {
            const d = data.districts[k];
            return d && { code: d.code, name: d.name };
          },
          nodes: networks[i] && nodeDescriptions(networks[i]),
        });
        const folder = `points/${String(i + 1).padStart(2, '0')}-${p.name.replace(/[^\w.=-]+/g, '_')}`;
        for (const [name, text] of Object.entries(pointFiles)) files[`${folder}/${name}`] = text;
      });
      files['sweep.csv'] = sweepCsv(rows);
      files['manifest.json'] = `${JSON.stringify({ scenario: s, scenarioName: s.name, scenarioHash: hash, seed: s.seed, replications: s.replications, sweep: s.sweep, points: points.map((p) => p.name), version: packageVersion(), gitCommit: gitCommit(), codeVersion: codeVersion(), ...queued?.manifest, ...source?.manifest, timings: { startedAt } }, null, 2)}\n`;
      writeResultFolder(dir, files);
      if (args.json) {
        process.stdout.write(`${JSON.stringify({ scenario: s.name, seed: s.seed, replications: s.replications, points: rows }, null, 2)}\n`);
        process.stderr.write(`results: ${dir}\n`);
        return;
      }
      process.stdout.write(`${formatSweepTable(s.name, s.replications, rows)}\n\nresults: ${dir}\n`);
    },
    source?.executor ?? queued?.executor,
  );
}

function sweepCsv(rows: { name: string; metrics: Record<string, MetricSummary> }[]): string {
  const names = Object.keys(rows[0]?.metrics ?? {});
  const header = ['point', ...names.flatMap((n) => [`${n}.mean`, `${n}.ci95lo`, `${n}.ci95hi`])];
  const q = (t: string): string => (/[",\n]/.test(t) ? `"${t.replaceAll('"', '""')}"` : t);
  const v = (x: number | undefined): string => (x === undefined || !Number.isFinite(x) ? '' : String(x));
  const lines = [header.map(q).join(',')];
  for (const r of rows) lines.push([q(r.name), ...names.flatMap((n) => [v(r.metrics[n]?.mean), v(r.metrics[n]?.ci95[0]), v(r.metrics[n]?.ci95[1])])].join(','));
  return `${lines.join('\n')}\n`;
}

/** One row per point: mean ± half the 95 % CI of the sweep columns. */
function formatSweepTable(name: string, replications: number, rows: { name: string; metrics: Record<string, MetricSummary> }[]): string {
  const cols = SWEEP_COLUMNS.filter(([m]) => rows.some((r) => (r.metrics[m]?.mean ?? 0) !== 0));
  const cell = (m: MetricSummary | undefined, metric: string): string => {
    if (m === undefined || !Number.isFinite(m.mean)) return '–';
    const share = metric.endsWith('.share');
    const f = (x: number): string => (share ? `${(100 * x).toFixed(1)} %` : x >= 100 ? x.toFixed(0) : x.toFixed(1));
    const half = (m.ci95[1] - m.ci95[0]) / 2;
    return Number.isFinite(half) ? `${f(m.mean)} ± ${share ? (100 * half).toFixed(1) : half >= 100 ? half.toFixed(0) : half.toFixed(1)}` : f(m.mean);
  };
  const table = [['point', ...cols.map(([, h]) => h)], ...rows.map((r) => [r.name, ...cols.map(([m]) => cell(r.metrics[m], m))])];
  return [`${name}: sweep, ${replications} replications a point, mean ± 95 % CI half-width (common random numbers)`, ...textTable(table)].join('\n');
}

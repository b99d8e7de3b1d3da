/**
 * Replications on worker threads: 8 replications on 1 worker and on 2, the ratio of wall times
 * (target ≤ 0.6 on 2 free cores), and what starting a worker costs. Not a test: timings depend on
 * the machine and on what else runs on it.
 *
 *   npx tsx scripts/bench-workers.ts                       the engine example scaled to ~1 s a replication
 *                                                          (5,000 parcels a day for 28 days: the sorters cap a
 *                                                          day's throughput, so length comes from days)
 *   npx tsx scripts/bench-workers.ts --days 56             heavier example replications
 *   npx tsx scripts/bench-workers.ts --india               the built-in `baseline` scenario as `sim run baseline`
 *                                                          runs it (its own scale, 0.1; issue #6's benchmark)
 *   … --india --scale 0.01                                 the same at another scale
 *   … --replications 8 --json
 *   … --rounds 5                                           alternate 1-worker and 2-worker runs five times and
 *                                                          report every ratio and their median: this machine's
 *                                                          speed drifts by tens of percent within minutes, so one
 *                                                          pair of runs says little
 *
 * Start-up overhead: wall time from spawning a worker to the answer of a zero-day job (tsx
 * registration, module loading, comlink handshake), alone and with two workers starting at once.
 */
import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { runSpecFor } from '../sim/cli/run-command.ts';
import { type RunSpec, runReplications, spawnNodeWorker, summarize, summaryJson, WorkerPool } from '../sim/run/index.ts';
import { loadScenario, parseSet } from '../sim/scenario/index.ts';

const arg = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const replications = arg('replications', 8);
const india = process.argv.includes('--india');
async function baselineSpec(): Promise<RunSpec> {
  const sets = process.argv.includes('--scale') ? [parseSet(`scale=${arg('scale', 0.1)}`)] : [];
  const { scenario, issues } = await loadScenario('baseline', { sets });
  if (issues.length > 0) throw new Error(`baseline: ${issues.map((i) => i.message).join('; ')}`);
  return { ...runSpecFor(scenario), replications };
}
const spec: RunSpec = india
  ? await baselineSpec()
  : { kind: 'example', input: { days: arg('days', 28), parcelsPerDay: arg('parcels', 5000) }, scenario: 'example-scaled', seed: 1, replications };

async function startupMs(workers: number): Promise<number> {
  const pool = new WorkerPool({ size: workers, spawn: () => spawnNodeWorker() });
  const t0 = performance.now();
  await Promise.all(Array.from({ length: workers }, (_, r) => pool.exec({ kind: 'example', input: { days: 0 }, scenario: 'empty', seed: 1, replication: r })));
  const ms = performance.now() - t0;
  await pool.close();
  return ms;
}

/** Cold: the run starts and ends its own workers. Warm: on a pool whose workers already started. */
async function timed(workers: number, warm: boolean): Promise<{ ms: number; warmMs: number; perReplicationMs: number; medianReplicationMs: number; firstReplicationMs: number; outsideMs: number; coresUsed: number; summary: string }> {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const run = await runReplications(spec, { workers });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  // CPU time of every thread of the process (workers, V8's GC and compiler threads) over wall time.
  const coresUsed = (cpu.user + cpu.system) / 1000 / ms;
  const walls = run.timing.replicationWallMs;
  const per = walls.reduce((a, b) => a + b, 0) / run.outputs.length;
  // The median skips each worker's first replication, which also loads the data and builds the network.
  const median = [...walls].sort((a, b) => a - b)[Math.floor(walls.length / 2)]!;
  // Each worker's first job (jobs go out in replication order): it also compiles the model (V8
  // optimises it anew in every worker) and fills the per-network tables.
  const first = walls.slice(0, workers).reduce((a, b) => a + b, 0) / Math.min(workers, walls.length);
  // Wall time not spent inside replications, per worker: spawning, module loading, the hand-offs.
  const outsideMs = ms - walls.reduce((a, b) => a + b, 0) / workers;
  let warmMs = Number.NaN;
  if (warm) {
    const pool = new WorkerPool({ size: workers, spawn: () => spawnNodeWorker() });
    await Promise.all(Array.from({ length: workers }, (_, r) => pool.exec({ kind: 'example', input: { days: 0 }, scenario: 'empty', seed: 1, replication: r })));
    const t1 = performance.now();
    await runReplications(spec, { pool });
    warmMs = performance.now() - t1;
    await pool.close();
  }
  return { ms, warmMs, perReplicationMs: per, medianReplicationMs: median, firstReplicationMs: first, outsideMs, coresUsed, summary: summaryJson(summarize(run.outputs, run)) };
}

/**
 * The machine's own ratio: the same CPU-bound loop twice on one thread vs on two threads at once
 * (plain JavaScript, no pool, no tsx). On a shared machine this is what 2 workers can hope for;
 * a pool ratio near it means the pool adds little.
 */
async function controlRatio(): Promise<number> {
  const loop = 'let x = 0; for (let i = 0; i < 2e8; i++) x = (x + i) % 1000003; if (x < 0) console.log(x);';
  const threads = async (n: number): Promise<number> => {
    const t = performance.now();
    await Promise.all(Array.from({ length: n }, () => new Promise((resolve) => new Worker(loop, { eval: true }).on('exit', resolve))));
    return performance.now() - t;
  };
  const one = (await threads(1)) + (await threads(1));
  return (await threads(2)) / one;
}

const control = await controlRatio();
const start1 = await startupMs(1);
const start2 = await startupMs(2);
const rounds = arg('rounds', 1);
// A run first, untimed: it leaves what any second run finds (the worker bundle, the cached network).
await runReplications({ ...spec, replications: 1 }, { workers: 1 });
const ratios: number[] = [];
let one!: Awaited<ReturnType<typeof timed>>;
let two!: Awaited<ReturnType<typeof timed>>;
let warm = { one: Number.NaN, two: Number.NaN };
for (let round = 0; round < rounds; round++) {
  one = await timed(1, round === 0);
  two = await timed(2, round === 0);
  if (one.summary !== two.summary) throw new Error('bench-workers: 1 and 2 workers gave different summaries (a determinism bug)');
  ratios.push(two.ms / one.ms);
  if (round === 0) warm = { one: one.warmMs, two: two.warmMs };
  if (rounds > 1) console.error(`round ${round + 1}/${rounds}: 1 worker ${Math.round(one.ms)} ms, 2 workers ${Math.round(two.ms)} ms, ratio ${(two.ms / one.ms).toFixed(3)}`);
}
const sortedRatios = [...ratios].sort((a, b) => a - b);
const mid = Math.floor(sortedRatios.length / 2);
// The median: the middle ratio, or the mean of the middle two for an even number of rounds.
const medianRatio = sortedRatios.length % 2 === 1 ? sortedRatios[mid]! : (sortedRatios[mid - 1]! + sortedRatios[mid]!) / 2;
const result = {
  model: spec.kind === 'india' ? `baseline scale ${(spec.input.network as { scale: number }).scale}` : `example ${spec.input.parcelsPerDay}/day × ${spec.input.days} days`,
  replications,
  replicationMs: Math.round(one.perReplicationMs),
  oneWorkerMs: Math.round(one.ms),
  twoWorkersMs: Math.round(two.ms),
  ratio: Math.round((two.ms / one.ms) * 1000) / 1000,
  /** With --rounds: every round's ratio and their median (the figure to quote). */
  ratios: ratios.map((r) => Math.round(r * 1000) / 1000),
  medianRatio: Math.round(medianRatio * 1000) / 1000,
  oneWorkerWarmMs: Math.round(warm.one),
  twoWorkersWarmMs: Math.round(warm.two),
  warmRatio: Math.round((warm.two / warm.one) * 1000) / 1000,
  controlRatio: Math.round(control * 1000) / 1000,
  startupOneWorkerMs: Math.round(start1),
  startupTwoWorkersMs: Math.round(start2),
  medianReplicationOneWorkerMs: Math.round(one.medianReplicationMs),
  medianReplicationTwoWorkersMs: Math.round(two.medianReplicationMs),
  /** A worker's first replication (compiling, per-network tables) against the median one. */
  firstReplicationOneWorkerMs: Math.round(one.firstReplicationMs),
  firstReplicationTwoWorkersMs: Math.round(two.firstReplicationMs),
  /** How much slower a replication runs when two run at once (memory, caches, GC helper threads). */
  contention: Math.round((two.medianReplicationMs / one.medianReplicationMs) * 1000) / 1000,
  outsideReplicationsOneWorkerMs: Math.round(one.outsideMs),
  outsideReplicationsTwoWorkersMs: Math.round(two.outsideMs),
  /** CPU over wall time: one worker already keeps more than one core busy (GC and compiler threads). */
  coresUsedOneWorker: Math.round(one.coresUsed * 100) / 100,
  coresUsedTwoWorkers: Math.round(two.coresUsed * 100) / 100,
};
if (process.argv.includes('--json')) {
  console.log(JSON.stringify(result));
} else {
  console.log(`${result.model}, ${replications} replications (~${result.replicationMs} ms each on a worker)`);
  console.log(`  1 worker   ${result.oneWorkerMs} ms (workers started by the run, as the CLI does)`);
  console.log(`  2 workers  ${result.twoWorkersMs} ms   ratio ${result.ratio} (target ≤ 0.6)`);
  if (rounds > 1) console.log(`  ratio over ${rounds} rounds: median ${result.medianRatio} (${result.ratios.join(', ')})`);
  console.log(`  workers already started: 1 → ${result.oneWorkerWarmMs} ms, 2 → ${result.twoWorkersWarmMs} ms, ratio ${result.warmRatio}`);
  console.log(`  control    two plain CPU-bound threads vs one: ratio ${result.controlRatio} (what this machine allows now)`);
  console.log(`  start-up   ${result.startupOneWorkerMs} ms for one worker, ${result.startupTwoWorkersMs} ms for two at once`);
  console.log(`  a replication (median) ${result.medianReplicationOneWorkerMs} ms alone, ${result.medianReplicationTwoWorkersMs} ms with two at once: contention ×${result.contention}`);
  console.log(`  a worker's first replication ${result.firstReplicationOneWorkerMs} ms alone, ${result.firstReplicationTwoWorkersMs} ms with two at once (per-worker overhead: ${result.firstReplicationOneWorkerMs - result.medianReplicationOneWorkerMs} ms alone, ${result.firstReplicationTwoWorkersMs - result.medianReplicationTwoWorkersMs} ms with two)`);
  console.log(`  outside replications   ${result.outsideReplicationsOneWorkerMs} ms (1 worker), ${result.outsideReplicationsTwoWorkersMs} ms (2 workers)`);
  console.log(`  cores busy (CPU / wall) ${result.coresUsedOneWorker} with 1 worker, ${result.coresUsedTwoWorkers} with 2: with 1 worker the best 2 cores allow is ${(result.coresUsedOneWorker / 2).toFixed(2)}`);
  console.log(`  (machine load when done: ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${availableParallelism()} cores)`);
  console.log('  summaries identical for 1 and 2 workers');
}

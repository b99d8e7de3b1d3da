/**
 * Times one sweep run locally and through the job queue with 1, 2 and 4 `sim worker` processes
 * (one thread each) on a throwaway redis-server on loopback (not a test: timing depends on the
 * machine and on what else runs on it). Every configuration gets a queue prefix of its own, so
 * nothing is reused between them; each result is checked byte for byte against the local one.
 * Prints a Markdown table: the command's wall time (process start to exit) and the sweep's own
 * wall time (from its manifest: jobs only, without the CLI's start), medians over the rounds.
 *
 * Run: `npx tsx scripts/bench-queue.ts [rounds]` (the figures in docs/scale-out.md).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startRedis } from '../sim/queue/redis-test-server.ts';

const SIM = fileURLToPath(new URL('../bin/sim.js', import.meta.url));
const SWEEP = ['sweep', 'monsoon-kerala', '--param', 'model.policy=amazon,kirana', '--replications', '8', '--scale', '0.5'];
const rounds = Number(process.argv[2] ?? 3);
const tmp = mkdtempSync(join(tmpdir(), 'bench-queue-'));

function run(args: string[]): Promise<{ code: number | null; stderr: string; ms: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [SIM, ...args], { cwd: tmp, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr, ms: performance.now() - started })));
}

function startWorker(url: string, prefix: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [SIM, 'worker', '--queue', url, '--queue-prefix', prefix, '--workers', '1'], { cwd: tmp, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (d: Buffer) => {
      log += d.toString();
      if (/ thread on queue /.test(log)) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`worker exited with ${code}: ${log}`)));
  });
}

/** Every points/… summary and table, for the byte check. */
function results(dir: string): string {
  const out: string[] = [];
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile() && e.name !== 'manifest.json') out.push(`${e.name}\n${readFileSync(join(e.parentPath, e.name), 'utf8')}`);
  }
  return out.sort().join('\n');
}

/** The sweep's own wall time: every point's run timing is the whole sweep's. */
function sweepWallMs(dir: string): number {
  const first = readdirSync(join(dir, 'points')).sort()[0]!;
  return JSON.parse(readFileSync(join(dir, 'points', first, 'manifest.json'), 'utf8')).timings.wallMs;
}

const redis = await startRedis();
const configs = ['local --workers 1', 'local --workers 2', 'queue, 1 worker process', 'queue, 2 worker processes', 'queue, 4 worker processes'];
const times = new Map<string, { command: number[]; sweep: number[] }>(configs.map((c) => [c, { command: [], sweep: [] }]));
let reference: string | undefined;
let identical = true;
try {
  for (let round = 0; round < rounds; round++) {
    for (const config of round % 2 === 0 ? configs : [...configs].reverse()) {
      const out = join(tmp, `${config.replace(/\W+/g, '-')}-${round}`);
      const workers: ChildProcess[] = [];
      let args: string[];
      if (config.startsWith('local')) {
        args = [...SWEEP, '--workers', config.endsWith('2') ? '2' : '1', '--out', out];
      } else {
        const n = Number(/(\d) worker/.exec(config)![1]);
        const prefix = `bench-${n}-${round}-${process.pid}`;
        for (let i = 0; i < n; i++) workers.push(await startWorker(redis.url, prefix));
        args = [...SWEEP, '--queue', redis.url, '--queue-prefix', prefix, '--out', out];
      }
      const r = await run(args);
      for (const w of workers) w.kill('SIGTERM');
      await Promise.all(workers.map((w) => new Promise((resolve) => (w.exitCode !== null ? resolve(null) : w.on('exit', resolve)))));
      if (r.code !== 0) throw new Error(`${config}: exit ${r.code}\n${r.stderr}`);
      const text = results(out);
      reference ??= text;
      if (text !== reference) identical = false;
      times.get(config)!.command.push(r.ms);
      times.get(config)!.sweep.push(sweepWallMs(out));
      console.error(`round ${round + 1}/${rounds} ${config}: ${(r.ms / 1000).toFixed(1)} s (sweep ${(sweepWallMs(out) / 1000).toFixed(1)} s)`);
    }
  }
} finally {
  await redis.stop();
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const base = median(times.get('local --workers 1')!.sweep);
console.log(`sim ${SWEEP.join(' ')}: 16 jobs; ${cpus().length} cores; median of ${rounds} rounds; results byte-identical to local: ${identical ? 'yes' : 'NO'}\n`);
console.log('| how | command, s | sweep, s | speed-up (sweep) |');
console.log('| --- | ---: | ---: | ---: |');
for (const config of configs) {
  const t = times.get(config)!;
  console.log(`| ${config} | ${(median(t.command) / 1000).toFixed(1)} | ${(median(t.sweep) / 1000).toFixed(1)} | ${(base / median(t.sweep)).toFixed(2)} |`);
}

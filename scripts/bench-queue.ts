/**
 * Times one sweep run locally and through the job queue with 1, 2 and 4 `sim worker` processes
 * (one thread each) on a throwaway redis-server on loopback (not a test: timing depends on the
 * machine and on what else runs on it). Every configuration gets a queue prefix of its own, so
 * nothing is reused between them; each result is checked byte for byte against the local one.
 * Prints a Markdown table: the command's wall time (process start to exit), the sweep's own wall
 * time (from its manifest: jobs only, without the CLI's start) and the CPU time of every process
 * involved (the command, by GNU time, and the workers while it ran: steadier than wall time on a
 * shared machine), medians over the rounds.
 *
 * Run: `npx tsx scripts/bench-queue.ts [rounds]` (the figures in docs/scale-out.md).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startRedis } from '../sim/queue/redis-test-server.ts';

const SIM = fileURLToPath(new URL('../bin/sim.js', import.meta.url));
const SWEEP = ['sweep', 'monsoon-kerala', '--param', 'model.policy=amazon,kirana', '--replications', '8', '--scale', '0.5'];
const rounds = Number(process.argv[2] ?? 3);
const tmp = mkdtempSync(join(tmpdir(), 'bench-queue-'));

/** `sim …` under GNU time, which prints the process's CPU seconds (all threads) as it exits. */
function simProcess(args: string[]): { child: ChildProcess; stderr: () => string; cpu: Promise<number> } {
  const child = spawn('/usr/bin/time', ['-f', 'CPU %U %S', process.execPath, SIM, ...args], { cwd: tmp, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const cpu = new Promise<number>((resolve) =>
    child.on('exit', () => {
      const m = /CPU ([\d.]+) ([\d.]+)\s*$/.exec(stderr);
      resolve(m === null ? Number.NaN : Number(m[1]) + Number(m[2]));
    }),
  );
  return { child, stderr: () => stderr, cpu };
}

async function run(args: string[]): Promise<{ code: number | null; stderr: string; ms: number; cpu: number }> {
  const started = performance.now();
  const p = simProcess(args);
  const code = await new Promise<number | null>((resolve) => p.child.on('exit', (c) => resolve(c)));
  return { code, stderr: p.stderr(), ms: performance.now() - started, cpu: await p.cpu };
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

/** CPU seconds a running process has used so far, all its threads (Linux: /proc/<pid>/stat, utime + stime). */
function cpuSoFar(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // fields 14 and 15 of stat; USER_HZ is 100 on Linux
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
const times = new Map<string, { command: number[]; sweep: number[]; cpu: number[] }>(configs.map((c) => [c, { command: [], sweep: [], cpu: [] }]));
let reference: string | undefined;
let identical = true;
/** The 1-minute load average after each measurement: how much else ran on the machine meanwhile. */
const loads: number[] = [];
try {
  for (let round = 0; round < rounds; round++) {
    for (const config of round % 2 === 0 ? configs : [...configs].reverse()) {
      const out = join(tmp, `${config.replace(/\W+/g, '-')}-${round}`);
      const workers: ChildProcess[] = [];
      let workersIdleCpu = 0; // what the workers used to start, before the command
      let args: string[];
      if (config.startsWith('local')) {
        args = [...SWEEP, '--workers', config.endsWith('2') ? '2' : '1', '--out', out];
      } else {
        const n = Number(/(\d) worker/.exec(config)![1]);
        const prefix = `bench-${n}-${round}-${process.pid}`;
        for (let i = 0; i < n; i++) workers.push(await startWorker(redis.url, prefix));
        workersIdleCpu = workers.reduce((sum, w) => sum + cpuSoFar(w.pid!), 0);
        args = [...SWEEP, '--queue', redis.url, '--queue-prefix', prefix, '--out', out];
      }
      const r = await run(args);
      const workerCpu = workers.reduce((sum, w) => sum + cpuSoFar(w.pid!), 0) - workersIdleCpu;
      for (const w of workers) w.kill('SIGTERM');
      await Promise.all(workers.map((w) => new Promise((resolve) => (w.exitCode !== null ? resolve(null) : w.on('exit', resolve)))));
      if (r.code !== 0) throw new Error(`${config}: exit ${r.code}\n${r.stderr}`);
      const text = results(out);
      reference ??= text;
      if (text !== reference) identical = false;
      times.get(config)!.command.push(r.ms);
      times.get(config)!.sweep.push(sweepWallMs(out));
      times.get(config)!.cpu.push(r.cpu + workerCpu);
      loads.push(loadavg()[0]!);
      console.error(`round ${round + 1}/${rounds} ${config}: ${(r.ms / 1000).toFixed(1)} s (sweep ${(sweepWallMs(out) / 1000).toFixed(1)} s, CPU ${(r.cpu + workerCpu).toFixed(1)} s), load average ${loadavg()[0]!.toFixed(1)}`);
    }
  }
} finally {
  await redis.stop();
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const base = median(times.get('local --workers 1')!.sweep);
console.log(`sim ${SWEEP.join(' ')}: 16 jobs; ${cpus().length} cores; median of ${rounds} rounds; 1-minute load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} during the runs; results byte-identical to local: ${identical ? 'yes' : 'NO'}\n`);
console.log('| how | command, s | sweep, s | speed-up (sweep) | CPU, s (all processes) |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const config of configs) {
  const t = times.get(config)!;
  console.log(`| ${config} | ${(median(t.command) / 1000).toFixed(1)} | ${(median(t.sweep) / 1000).toFixed(1)} | ${(base / median(t.sweep)).toFixed(2)} | ${median(t.cpu).toFixed(1)} |`);
}

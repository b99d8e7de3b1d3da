import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Job as BullJob, Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadIndiaData } from '../data/index.ts';
import { codeVersion, type IndiaInput, jobFor, jobScenarioHash } from '../run/index.ts';
import { loadScenario, parseSet } from '../scenario/index.ts';
import { runSpecFor } from '../cli/run-command.ts';
import { jobId, queueName, shortId } from './index.ts';
import { freePort, startRedis, type TestRedis } from './redis-test-server.ts';

const SIM = fileURLToPath(new URL('../../bin/sim.js', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'sim-queue-'));
const QUEUE = queueName(codeVersion());
const children: ChildProcess[] = [];

interface Proc {
  child: ChildProcess;
  stderr: () => string;
  stdout: () => string;
  /** Resolves when stderr matches. */
  waitFor: (pattern: RegExp, ms?: number) => Promise<void>;
  exit: Promise<number | null>;
}

/** `node bin/sim.js …` started in the background, as a user would in another terminal. */
function start(...args: string[]): Proc {
  const child = spawn(process.execPath, [SIM, ...args], { cwd: tmp, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  const waiters: (() => void)[] = [];
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => {
    err += d.toString();
    for (const w of waiters.splice(0)) w();
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = (pattern: RegExp, ms = 60_000): Promise<void> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern} in:\n${err}`)), ms);
      const check = (): void => {
        if (pattern.test(err)) {
          clearTimeout(timer);
          resolve();
        } else if (child.exitCode !== null) {
          clearTimeout(timer);
          reject(new Error(`exited with ${child.exitCode} before ${pattern}:\n${err}`));
        } else waiters.push(check);
      };
      check();
    });
  return { child, stdout: () => out, stderr: () => err, waitFor, exit };
}

/** A `sim worker` of one thread, ready (its start line logged); a short lock so a killed worker's job moves on in seconds. */
async function worker(redis: TestRedis, prefix: string): Promise<Proc> {
  const w = start('worker', '--queue', redis.url, '--queue-prefix', prefix, '--workers', '1', '--lock-seconds', '2');
  await w.waitFor(/worker \S+: 1 thread on queue/);
  return w;
}

function sim(...args: string[]) {
  return spawnSync(process.execPath, [SIM, ...args], { cwd: tmp, encoding: 'utf8' });
}

/** Every file of a result folder but the manifests (timings, provenance). */
function results(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile() && e.name !== 'manifest.json') out[join(e.parentPath, e.name).slice(dir.length + 1)] = readFileSync(join(e.parentPath, e.name), 'utf8');
  }
  return out;
}

const doneLines = (w: Proc): string[] => w.stderr().split('\n').filter((l) => / done {4}/.test(l));

describe('sim run|sweep --queue and sim worker, on a real redis-server', () => {
  let redis: TestRedis;
  let client: Redis;
  beforeAll(async () => {
    redis = await startRedis();
    client = new Redis({ port: redis.port, host: '127.0.0.1', maxRetriesPerRequest: 1 });
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    client?.disconnect();
    await redis?.stop();
  });

  it('a run and a sweep queued on two worker processes write the local results byte for byte, and a repeated command reuses every result', async () => {
    const run = ['run', 'tiny', '--days', '1', '--replications', '4'];
    const sweep = ['sweep', 'tiny', '--days', '1', '--replications', '1', '--param', 'model.policy=amazon,kirana'];
    expect(sim(...run, '--out', 'local').status).toBe(0);
    expect(sim(...sweep, '--out', 'local-sweep').status).toBe(0);
    const [w1, w2] = await Promise.all([worker(redis, 'p1'), worker(redis, 'p1')]);

    const queued = start(...run, '--queue', redis.url, '--queue-prefix', 'p1', '--out', 'queued');
    expect(await queued.exit, queued.stderr()).toBe(0);
    expect(results(join(tmp, 'queued'))).toEqual(results(join(tmp, 'local')));
    expect(queued.stderr()).toContain(`queue ${QUEUE} on ${redis.url}: 4 queued`);
    expect(queued.stderr()).toMatch(/tiny: 4\/4 +100 %/); // one progress bar over both workers
    // Both processes did some of the four jobs.
    expect(doneLines(w1).length + doneLines(w2).length).toBe(4);
    expect(doneLines(w1).length).toBeGreaterThan(0);
    expect(doneLines(w2).length).toBeGreaterThan(0);
    const manifest = JSON.parse(readFileSync(join(tmp, 'queued', 'manifest.json'), 'utf8'));
    expect(manifest.queue).toEqual({ redis: redis.url, prefix: 'p1', name: QUEUE });

    // The same command again: nothing runs, every output comes from Redis.
    const again = start(...run, '--queue', redis.url, '--queue-prefix', 'p1', '--out', 'again');
    expect(await again.exit, again.stderr()).toBe(0);
    expect(again.stderr()).toContain('0 queued, 4 reused from earlier runs');
    expect(doneLines(w1).length + doneLines(w2).length).toBe(4);
    expect(results(join(tmp, 'again'))).toEqual(results(join(tmp, 'local')));

    const queuedSweep = start(...sweep, '--queue', redis.url, '--queue-prefix', 'p1', '--out', 'queued-sweep');
    expect(await queuedSweep.exit, queuedSweep.stderr()).toBe(0);
    expect(results(join(tmp, 'queued-sweep'))).toEqual(results(join(tmp, 'local-sweep')));
    // tiny's own policy is amazon: that point's job is replication 0 of the run above, same key, same job.
    expect(queuedSweep.stderr()).toContain('1 queued, 1 reused from earlier runs');
    // One output per distinct job, each expiring.
    const outputs = await client.keys(`p1:${QUEUE}:output:*`);
    expect(outputs).toHaveLength(5);
    for (const key of outputs) expect(await client.ttl(key)).toBeGreaterThan(6 * 24 * 3600);
    w1.child.kill('SIGTERM');
    w2.child.kill('SIGTERM');
    expect(await w1.exit).toBe(0);
    expect(await w2.exit).toBe(0);
    expect(w1.stderr()).toContain('stopped');
  });

  it('a worker killed with kill -9 mid-job loses nothing: another worker takes the job over and the result is still the local run, byte for byte', async () => {
    // Long enough replications (a few seconds each) to kill one in the middle.
    const run = ['run', 'tiny', '--days', '3', '--scale', '1', '--replications', '2'];
    expect(sim(...run, '--out', 'local-kill').status).toBe(0);
    const a = await worker(redis, 'p2');
    const queued = start(...run, '--queue', redis.url, '--queue-prefix', 'p2', '--out', 'queued-kill');
    const active = `p2:${QUEUE}:active`;
    const deadline = Date.now() + 60_000;
    while ((await client.llen(active)) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const [taken] = await client.lrange(active, 0, 0);
    a.child.kill('SIGKILL');
    await a.exit;
    // Killed mid-job: the job is still active, held by a lock nobody renews.
    expect(await client.lrange(active, 0, -1)).toContain(taken);
    expect(doneLines(a)).toEqual([]);
    const b = await worker(redis, 'p2');
    expect(await queued.exit, queued.stderr()).toBe(0);
    expect(results(join(tmp, 'queued-kill'))).toEqual(results(join(tmp, 'local-kill')));
    expect(doneLines(b)).toHaveLength(2);
    expect(doneLines(b).some((l) => l.includes(shortId(taken!)))).toBe(true);
    expect(queued.stderr()).toContain(`job ${shortId(taken!)} ("tiny" seed 1 replication ${taken!.slice(-1)}) stalled`);
    b.child.kill('SIGTERM');
    await b.exit;
  });

  it('sim worker stopped twice (SIGTERM, SIGTERM) hands its running job back at once and exits 0; another worker finishes it', async () => {
    const run = ['run', 'tiny', '--days', '3', '--scale', '1', '--replications', '2'];
    const a = await worker(redis, 'p5');
    const queued = start(...run, '--queue', redis.url, '--queue-prefix', 'p5', '--out', 'queued-handback');
    const active = `p5:${QUEUE}:active`;
    const deadline = Date.now() + 60_000;
    while ((await client.llen(active)) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const [taken] = await client.lrange(active, 0, 0);
    a.child.kill('SIGTERM');
    await a.waitFor(/stopping: finishing the jobs running now/);
    a.child.kill('SIGTERM');
    expect(await a.exit, a.stderr()).toBe(0);
    expect(a.stderr()).toContain(`handed back "tiny" seed 1 replication ${taken!.slice(-1)} (job ${shortId(taken!)})`);
    expect(doneLines(a)).toEqual([]);
    expect(await client.lrange(`p5:${QUEUE}:wait`, 0, -1)).toContain(taken);
    const b = await worker(redis, 'p5');
    expect(await queued.exit, queued.stderr()).toBe(0);
    expect(results(join(tmp, 'queued-handback'))).toEqual(results(join(tmp, 'local-kill')));
    expect(doneLines(b)).toHaveLength(2);
    b.child.kill('SIGTERM');
    await b.exit;
  });

  it('a replication that throws on a worker fails the run with exit 1 naming scenario, seed and replication, and is not retried; a job of another code version is refused', async () => {
    // A job whose model input is broken, queued under the id the command below will ask for.
    const loaded = (await loadScenario('tiny', { sets: [parseSet('days=1'), parseSet('seed=77')], data: loadIndiaData })).scenario;
    const job = jobFor(runSpecFor(loaded), 0);
    const id = jobId({ scenarioHash: jobScenarioHash(job), seed: 77, replication: 0 });
    const input = job.input as IndiaInput;
    const broken = { ...job, input: { ...input, model: { ...input.model, scale: 'x' } } };
    const queue = new Queue(QUEUE, { connection: { port: redis.port }, prefix: 'p3' });
    await queue.add('replication', { job: broken, codeVersion: codeVersion() }, { jobId: id, attempts: 2 });

    const run = start('run', 'tiny', '--days', '1', '--replications', '1', '--seed', '77', '--queue', redis.url, '--queue-prefix', 'p3', '--out', 'never');
    await run.waitFor(/1 already queued by another command/);
    await run.waitFor(/no worker of this code version \([0-9a-f]{12}\) is connected yet; start one from this checkout: sim worker --queue/);
    const w = await worker(redis, 'p3');
    expect(await run.exit, run.stderr()).toBe(1);
    expect(run.stderr()).toContain('sim: replication 0 of scenario "tiny" (seed 77, india model');
    expect(run.stderr()).toContain('ModelConfigError');
    expect(run.stderr()).not.toMatch(/\n\s+at /);
    expect(existsSync(join(tmp, 'never'))).toBe(false);
    const failed = await BullJob.fromId(queue, id);
    expect(await failed!.getState()).toBe('failed');
    expect(failed!.attemptsMade).toBe(1); // attempts: 2, yet a model exception is not retried

    const foreign = await queue.add('replication', { job, codeVersion: 'f'.repeat(64) }, { jobId: 'foreign-version-job' });
    const until = Date.now() + 30_000;
    while ((await foreign.getState()) !== 'failed' && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    const refused = await BullJob.fromId(queue, 'foreign-version-job');
    expect(refused!.failedReason).toContain(`was queued by code version ffffffffffff; worker`);
    expect(refused!.failedReason).toContain(`runs version ${codeVersion().slice(0, 12)} and cannot reproduce it`);
    expect(w.stderr()).toContain('refused "tiny" seed 77 replication 0');
    await queue.close();
    w.child.kill('SIGTERM');
    await w.exit;
  });

  it('Redis down, or going away, ends a run and a worker with exit 1 and a message, never a hang', async () => {
    const nobody = `redis://127.0.0.1:${await freePort()}`;
    const down = start('run', 'tiny', '--days', '1', '--replications', '1', '--queue', nobody, '--out', 'never');
    const noWorker = start('worker', '--queue', nobody);

    const gone = await startRedis();
    const w = await worker(gone, 'p4');
    const waiting = start('run', 'tiny', '--days', '1', '--replications', '1', '--queue', gone.url, '--queue-prefix', 'nobody-serves-this', '--out', 'never');
    await waiting.waitFor(/no worker of this code version/);
    const stopped = Date.now();
    await gone.stop(true);
    expect(await waiting.exit, waiting.stderr()).toBe(1);
    expect(await w.exit, w.stderr()).toBe(1);
    expect(Date.now() - stopped).toBeLessThan(30_000); // the 10 s grace, plus a loaded machine
    expect(waiting.stderr()).toContain(`sim: lost Redis at ${gone.url}: no answer for 10 s`);
    expect(w.stderr()).toContain(`lost Redis at ${gone.url}`);

    expect(await down.exit, down.stderr()).toBe(1);
    expect(down.stderr()).toContain(`sim: cannot reach Redis at ${nobody}: connect ECONNREFUSED`);
    expect(await noWorker.exit, noWorker.stderr()).toBe(1);
    expect(noWorker.stderr()).toContain(`cannot reach Redis at ${nobody}`);
    expect(existsSync(join(tmp, 'never'))).toBe(false);
  });
});

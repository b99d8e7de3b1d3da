import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SIM = fileURLToPath(new URL('../../bin/sim.js', import.meta.url));
const sim = (...args: string[]) => spawnSync(process.execPath, [SIM, ...args], { encoding: 'utf8' });
const REQUIRED = [
  'parcels.created', 'parcels.delivered', 'parcels.returned', 'parcels.inFlight', 'leadTime.hours.mean', 'leadTime.hours.p50', 'leadTime.hours.p90',
  'leadTime.hours.p95', 'delivered.within24h.share', 'delivered.within48h.share', 'firstAttempt.success.share', 'rto.share', 'cost.perDelivered.inr',
];

describe('sim, end to end as a process', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'sim-cli-'));

  it('sim run tiny writes a complete result folder, prints the summary and where it went, and exits 0', () => {
    const out = join(tmp, 'a');
    const r = sim('run', 'tiny', '--days', '2', '--out', out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^tiny: 2 replications, seed 1\n {2}metric/);
    expect(r.stdout).toContain(`results: ${out}`);
    expect(readdirSync(out).sort()).toEqual([
      'bottlenecks-daily.csv', 'daily.csv', 'districts.csv', 'lanes.csv', 'leadtime-histogram.csv', 'manifest.json', 'node-types.csv', 'nodes.csv', 'replications.csv', 'summary.json',
    ]);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({ scenario: 'tiny', seed: 1, replications: 2 });
    expect(summary.scenarioHash).toMatch(/^[0-9a-f]{64}$/);
    for (const k of REQUIRED) expect(summary.metrics[k], k).toMatchObject({ n: 2 });
    expect(Object.keys(summary.metrics).some((k) => k.endsWith('{operator=india-post}'))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ scenarioName: 'tiny', scenarioHash: summary.scenarioHash, seed: 1, replications: 2, version: '0.1.0' });
    expect(manifest.scenario.days).toBe(2);
    expect(manifest.gitCommit === null || /^[0-9a-f]{40}$/.test(manifest.gitCommit)).toBe(true);
    expect(manifest.timings.wallMs).toBeGreaterThan(0);
    expect(readFileSync(join(out, 'replications.csv'), 'utf8').split('\n')[0]).toMatch(/^replication,parcels\.created,/);
    expect(readFileSync(join(out, 'leadtime-histogram.csv'), 'utf8').split('\n')[0]).toBe('hour,count');
    expect(readFileSync(join(out, 'districts.csv'), 'utf8')).toContain('598,Alappuzha,Kerala,');
  });

  it('the same scenario and seed give a byte-identical summary.json, on one worker or two', () => {
    const a = sim('run', 'tiny', '--days', '2', '--workers', '1', '--json', '--out', join(tmp, 'b'));
    expect(a.status, a.stderr).toBe(0);
    const first = readFileSync(join(tmp, 'a', 'summary.json'), 'utf8');
    expect(readFileSync(join(tmp, 'b', 'summary.json'), 'utf8')).toBe(first);
    expect(a.stdout).toBe(first); // --json prints summary.json itself
    expect(a.stderr).toContain(`results: ${join(tmp, 'b')}`);
  });

  it('a different seed goes to a different default folder name and gives different numbers', () => {
    const r = sim('run', 'tiny', '--days', '2', '--seed', '7', '--replications', '1', '--json', '--out', join(tmp, 'c'));
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).seed).toBe(7);
    expect(r.stdout).not.toBe(readFileSync(join(tmp, 'a', 'summary.json'), 'utf8'));
  });

  it('sim sweep runs one row per point with common random numbers', () => {
    const out = join(tmp, 'sweep');
    const r = sim('sweep', 'tiny', '--param', 'model.policy=amazon,kirana', '--replications', '1', '--days', '2', '--out', out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/model\.policy=amazon .*\n.*model\.policy=kirana /);
    expect(readFileSync(join(out, 'sweep.csv'), 'utf8').split('\n').length).toBe(4); // header, 2 points, final newline
    expect(readdirSync(join(out, 'points'))).toEqual(['01-model.policy=amazon', '02-model.policy=kirana']);
    // Common random numbers: the same orders at every point.
    const created = ['01-model.policy=amazon', '02-model.policy=kirana'].map((p) => JSON.parse(readFileSync(join(out, 'points', p, 'summary.json'), 'utf8')).metrics['parcels.created'].mean);
    expect(created[0]).toBe(created[1]);
  });

  it('sim network, list and schema print what they promise', () => {
    const n = sim('network', 'tiny', '--json');
    expect(n.status, n.stderr).toBe(0);
    const counts = JSON.parse(n.stdout);
    expect(counts.districts).toBe(1);
    expect(Object.keys(counts.nodes)).toContain('post-office');
    expect(Object.keys(counts.lanes)).toEqual(['road', 'rail', 'air']);
    expect(Object.keys(counts.byState)).toContain('Kerala');
    const l = sim('list');
    expect(l.status).toBe(0);
    expect(l.stdout.split('\n').filter((x) => /^ {2}\S/.test(x))).toHaveLength(12);
    const s = sim('schema');
    expect(JSON.parse(s.stdout).$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  it('usage errors exit 2 with help; --help works on every command', () => {
    expect(sim('run', 'tiny', '--no-such-flag').status).toBe(2);
    expect(sim('run', 'no-such-scenario').stderr).toContain('no scenario file or built-in scenario named "no-such-scenario"');
    for (const cmd of ['run', 'sweep', 'validate', 'list', 'network', 'schema']) {
      const h = sim(cmd, '--help');
      expect(h.status, cmd).toBe(0);
      expect(h.stdout, cmd).toContain('Exit codes: 0 ok');
    }
  });

  it('Ctrl-C stops the run with exit 130 and leaves no result folder', async () => {
    const out = join(tmp, 'interrupted');
    const child: ChildProcess = spawn(process.execPath, [SIM, 'run', 'tiny', '--days', '5', '--replications', '4', '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    // Interrupt once the workers are running (the first progress line is printed).
    await new Promise<void>((resolve) => child.stderr!.on('data', () => (stderr.includes('0/4') ? resolve() : undefined)));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code, stderr).toBe(130);
    expect(stderr).toContain('interrupted');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(tmp).filter((f) => f.includes('interrupted'))).toEqual([]);
  });
});

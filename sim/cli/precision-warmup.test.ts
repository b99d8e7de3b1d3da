import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SIM = fileURLToPath(new URL('../../bin/sim.js', import.meta.url));
const sim = (...args: string[]) => spawnSync(process.execPath, [SIM, ...args], { encoding: 'utf8' });
const tmp = mkdtempSync(join(tmpdir(), 'sim-precision-'));
const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
const json = (dir: string, file: string) => JSON.parse(read(dir, file));

/** replications.csv as rows of numbers by column name. */
function replications(dir: string): Record<string, number>[] {
  const [head, ...rows] = read(dir, 'replications.csv').trimEnd().split('\n');
  const names = head!.split(',');
  return rows.map((r) => Object.fromEntries(r.split(',').map((v, i) => [names[i]!, Number(v)])));
}

describe('sim run --precision', () => {
  it('runs until the mean lead time is known to ±3 %, says so, and equals a fixed run of as many replications', () => {
    const out = join(tmp, 'precise');
    const r = sim('run', 'tiny', '--precision', '0.03', '--max-replications', '30', '--out', out);
    expect(r.status, r.stderr).toBe(0);
    const m = json(out, 'manifest.json');
    const n = m.replications as number;
    expect(m.precision).toMatchObject({ metric: 'leadTime.hours.mean', target: 0.03, reached: true, stoppedBy: 'target', replications: n, maxReplications: 30 });
    expect(m.precision.relativeHalfWidth).toBeLessThanOrEqual(0.03);
    expect(n).toBeGreaterThan(3); // not met at once: the stopping rule was exercised
    expect(m.scenario.replications).toBe(n);
    expect(r.stdout).toContain(`precision: leadTime.hours.mean within ±${Number((100 * m.precision.relativeHalfWidth).toPrecision(3))} % of its mean after ${n} replications (target ±3 %)`);
    // The summary's own interval agrees: half its width over the mean is the precision reached.
    const lead = json(out, 'summary.json').metrics['leadTime.hours.mean'];
    expect((lead.ci95[1] - lead.ci95[0]) / 2 / lead.mean).toBeCloseTo(m.precision.relativeHalfWidth, 12);
    const fixed = join(tmp, 'fixed');
    expect(sim('run', 'tiny', '--replications', String(n), '--out', fixed).status).toBe(0);
    expect(read(out, 'summary.json')).toBe(read(fixed, 'summary.json'));
    expect(read(out, 'replications.csv')).toBe(read(fixed, 'replications.csv'));
  }, 120_000);

  it('stops at the cap and says the target was not reached', () => {
    const out = join(tmp, 'capped');
    const r = sim('run', 'tiny', '--precision', '0.001', '--max-replications', '4', '--out', out);
    expect(r.status, r.stderr).toBe(0);
    expect(json(out, 'manifest.json').precision).toMatchObject({ reached: false, stoppedBy: 'max-replications', replications: 4 });
    expect(json(out, 'summary.json').replications).toBe(4);
    expect(r.stdout).toMatch(/precision: NOT reached: leadTime\.hours\.mean within ±[\d.]+ % after 4 replications, the cap \(--max-replications\); target ±0\.1 %/);
  }, 60_000);

  it('refuses a metric the model does not produce, options that do not go together, and writes nothing', () => {
    const out = join(tmp, 'nope');
    const bad = sim('run', 'tiny', '--precision', '0.05', '--metric', 'leadTime.days', '--out', out);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--metric "leadTime.days" is not produced by the india model; it produces parcels.created,');
    expect(existsSync(out)).toBe(false);
    const both = sim('run', 'tiny', '--precision', '0.05', '--replications', '3', '--max-replications', '1');
    expect(both.status).toBe(2);
    expect(both.stderr).toContain('--max-replications must be an integer in [2, 1000], given 1');
    expect(both.stderr).toContain('--replications and --precision do not go together');
    expect(sim('run', 'tiny', '--metric', 'rto.share').stderr).toContain('--metric goes with --precision');
  }, 60_000);
});

describe('sim run --warmup-days', () => {
  const base = join(tmp, 'no-warmup');
  const warm = join(tmp, 'warmup');

  it('leaves the first day’s orders out of every per-parcel metric while they still flow through the network', () => {
    expect(sim('run', 'tiny', '--out', base).status).toBe(0);
    const r = sim('run', 'tiny', '--warmup-days', '1', '--out', warm);
    expect(r.status, r.stderr).toBe(0);
    // The same simulation: every parcel moved as before (daily.csv counts them all, day by day).
    expect(read(warm, 'daily.csv')).toBe(read(base, 'daily.csv'));
    // Parcels measured: all those ordered, less day 1's (common random numbers: the same orders).
    const day1 = Number(read(base, 'daily.csv').split('\n')[1]!.split(',')[2]);
    const created = (dir: string) => json(dir, 'summary.json').metrics['parcels.created'].mean as number;
    expect(created(warm)).toBeCloseTo(created(base) - day1, 9);
    // Conservation holds for the measured parcels, replication by replication.
    for (const row of replications(warm)) {
      expect(row['parcels.created']).toBe(row['parcels.delivered']! + row['parcels.returned']! + row['parcels.inFlight']! + row['parcels.lost']!);
    }
    // Measured parcels are a different cohort, so their lead time differs.
    const lead = (dir: string) => json(dir, 'summary.json').metrics['leadTime.hours.mean'].mean as number;
    expect(lead(warm)).not.toBe(lead(base));
    const m = json(warm, 'manifest.json');
    expect(m.scenario.warmupDays).toBe(1);
    expect(m.scenarioHash).not.toBe(json(base, 'manifest.json').scenarioHash);
  }, 60_000);

  it('refuses a warm-up that leaves no day to measure', () => {
    const r = sim('run', 'tiny', '--warmup-days', '3');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('warmupDays  must be less than days (3)');
  });
});

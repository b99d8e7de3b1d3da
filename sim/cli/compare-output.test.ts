import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SIM = join(ROOT, 'bin/sim.js');
const sim = (...args: string[]) => spawnSync(process.execPath, [SIM, ...args], { encoding: 'utf8', cwd: ROOT });
const tmp = mkdtempSync(join(tmpdir(), 'sim-compare-out-'));
const [a, b, kirana] = ['a', 'b', 'kirana'].map((n) => join(tmp, n)) as [string, string, string];
const metricCount = () => Object.keys((JSON.parse(readFileSync(join(a, 'summary.json'), 'utf8')) as { metrics: object }).metrics).length;

describe('sim compare prints what fits a terminal', () => {
  beforeAll(() => {
    for (const [out, extra] of [[a, []], [b, []], [kirana, ['--set', 'model.policy=kirana']]] as const) {
      const r = sim('run', 'tiny', '--days', '2', ...extra, '--out', out);
      expect(r.status, r.stderr).toBe(0);
    }
  }, 120_000);

  it('two identical runs: the headline metrics only, a short verdict line, exit 0 (it printed 2,258 lines)', () => {
    const r = sim('compare', a, b);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.length).toBeLessThan(60);
    expect(r.stdout).toMatch(/Shown: \d+ headline metrics and 0 others whose verdict is not "same", of \d+ \(--all shows every one\)\./);
    const verdict = lines.at(-1)!;
    expect(verdict).toBe(`Verdict: no regression (exit 0): ${metricCount()} same of ${metricCount()} metrics`);
    expect(verdict.length).toBeLessThanOrEqual(100);
  });

  it('--all lists every metric, grouped by slice', () => {
    const r = sim('compare', a, b, '--all');
    expect(r.status).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => /^ {2}\S+ +[-\d–]/.test(l));
    expect(rows).toHaveLength(metricCount());
    expect(r.stdout).toMatch(/\noverall\n {2}parcels\.created /);
    expect(r.stdout).toMatch(/\noperator=india-post\n {2}parcels\.created /);
    expect(r.stdout).toMatch(/\nstate=Kerala\n/);
  });

  it('different scenarios without the flag: exit 2, naming the fields that differ', () => {
    const r = sim('compare', a, kirana);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('are results of different scenarios');
    expect(r.stderr).toContain('they differ in 1 field (A → B):\n  model.policy: "amazon" → "kirana"\n');
    expect(r.stderr).toContain('--allow-different-scenarios');
  });

  it('a fresh run against a committed baseline of another scale says the scale is what differs', () => {
    const r = sim('compare', join(ROOT, 'results/baselines/tiny'), a);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('they differ in 1 field (A → B):\n  days: 3 → 2\n');
  });

  it('a what-if compared on purpose reports differences, never REGRESSION, and exits 0', () => {
    const r = sim('compare', a, kirana, '--allow-different-scenarios');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('The scenarios differ in 1 field (A → B):\n  model.policy: "amazon" → "kirana"\n');
    expect(r.stdout).not.toContain('REGRESSION');
    const verdict = r.stdout.trimEnd().split('\n').at(-1)!;
    expect(verdict).toMatch(/^Differences between two scenarios \(exit 0\): /);
    expect(verdict.length).toBeLessThanOrEqual(100);
    // Only rows whose verdict is not "same", apart from the headline ones.
    expect(r.stdout).toMatch(/\noperator=kirana\n {2}parcels\.created /);
  });

  it('a what-if says which stages it moved: each stage for A and B, the total the two mean lead times, the largest moves by operator', () => {
    const r = sim('compare', a, kirana, '--allow-different-scenarios');
    expect(r.status, r.stderr).toBe(0);
    const block = r.stdout.split('\n\n').find((p) => p.startsWith('Where the time moved'));
    expect(block, r.stdout).toBeDefined();
    const rows = new Map(block!.split('\n').slice(2).filter((l) => /^ {2}\w+ +[\d.]+ +[\d.]+ /.test(l)).map((l) => {
      const [stage, ...rest] = l.trim().split(/ +/);
      return [stage!, rest.slice(0, 2).map(Number)] as const;
    }));
    const metrics = (dir: string) => (JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as { metrics: Record<string, { mean: number }> }).metrics;
    const [ma, mk] = [metrics(a), metrics(kirana)];
    expect(rows.get('total')).toEqual([Number(ma['leadTime.hours.mean']!.mean.toFixed(1)), Number(mk['leadTime.hours.mean']!.mean.toFixed(1))]);
    expect(rows.get('lastMileWait')).toEqual([Number(ma['leadTime.stage.hours.lastMileWait']!.mean.toFixed(1)), Number(mk['leadTime.stage.hours.lastMileWait']!.mean.toFixed(1))]);
    // The stages shown add up to the total, to the rounding of each row.
    const stages = [...rows].filter(([s]) => s !== 'total');
    expect(Math.abs(stages.reduce((t, [, [x]]) => t + x!, 0) - rows.get('total')![0]!)).toBeLessThanOrEqual(0.05 * stages.length + 0.05);
    expect(block).toMatch(/\n {2}kirana: \w+ [+−]\d/);
  });
});

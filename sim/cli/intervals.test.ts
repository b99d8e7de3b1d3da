import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const SIM = fileURLToPath(new URL('../../bin/sim.js', import.meta.url));
const sim = (...args: string[]) => spawnSync(process.execPath, [SIM, ...args], { encoding: 'utf8' });
const tmp = mkdtempSync(join(tmpdir(), 'sim-intervals-'));
const two = join(tmp, 'two');
let table = '';

type Summary = { metrics: Record<string, { mean: number | null; ci95: [number | null, number | null] }> };
const isShare = (name: string) => /(\.share|Share)(\{|$)/.test(name);
const isCount = (name: string) => name.startsWith('parcels.');

describe('intervals stay within what a quantity can be, everywhere a user reads them', () => {
  beforeAll(() => {
    // Two replications of tiny (seed 1): the case, within 72 h 93.3 % – 101.7 % and returned [−5.97, 82.97].
    const r = sim('run', 'tiny', '--out', two, '--all');
    expect(r.status, r.stderr).toBe(0);
    table = r.stdout;
  }, 60_000);

  it('summary.json: every share in [0, 1], every count ≥ 0, and the tiny run does need the clamp', () => {
    const s = JSON.parse(readFileSync(join(two, 'summary.json'), 'utf8')) as Summary;
    let clamped = 0;
    for (const [name, m] of Object.entries(s.metrics)) {
      const [lo, hi] = m.ci95;
      if (lo === null || hi === null) continue;
      if (isShare(name)) {
        expect(lo, name).toBeGreaterThanOrEqual(0);
        expect(hi, name).toBeLessThanOrEqual(1);
        if ((hi === 1 && m.mean! < 1) || (lo === 0 && m.mean! > 0)) clamped++;
      }
      if (isCount(name)) {
        expect(lo, name).toBeGreaterThanOrEqual(0);
        if (lo === 0 && m.mean! > 0) clamped++;
      }
    }
    expect(s.metrics['delivered.within72h.share']!.ci95[1]).toBe(1);
    expect(s.metrics['parcels.returned']!.ci95[0]).toBe(0);
    expect(clamped).toBeGreaterThan(5);
  });

  it('the CLI table shows no negative bound on a share or count, and warns that two replications are few', () => {
    const rows = table.split('\n').filter((l) => /^ {2}(parcels\.|\S+\.share)/.test(l));
    expect(rows.length).toBeGreaterThan(20);
    for (const row of rows) expect(row, row).not.toMatch(/\[-|, -/);
    for (const row of rows.filter((l) => l.includes('.share'))) {
      const bounds = /\[([\d.e-]+), ([\d.e-]+)\]/.exec(row);
      if (bounds) expect(Number(bounds[2]), row).toBeLessThanOrEqual(1);
    }
    expect(table).toContain('note: only 2 replications, so the intervals are wide and rough');
  });

  it('the report shows the same clamped intervals (percentages within 0–100 %)', () => {
    expect(sim('report', two).status).toBe(0);
    const html = readFileSync(join(two, 'report.html'), 'utf8');
    const cells = [...html.matchAll(/<tr data-metric="([^"]+)"><th[^>]*>[^<]*<\/th><td[^>]*>[^<]*<\/td><td>([^<]*)<\/td>/g)];
    expect(cells.length).toBeGreaterThan(5);
    for (const [, metric, ci] of cells) {
      const [lo, hi] = ci!.split(' – ').map((x) => Number.parseFloat(x));
      expect(lo, `${metric}: ${ci}`).toBeGreaterThanOrEqual(0);
      if (ci!.includes('%')) expect(hi, `${metric}: ${ci}`).toBeLessThanOrEqual(100);
    }
    expect(html).toContain('93.3 % – 100.0 %');
  });

  it('one replication: the table says there is no interval', () => {
    const r = sim('run', 'tiny', '--replications', '1', '--days', '1', '--out', join(tmp, 'one'));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/parcels\.created +[\d,.]+ +–\n/);
    expect(r.stdout).toContain('note: 1 replication, so no confidence interval');
  });

  it('sim compare: a metric constant in both runs but different is a fixed difference, never "better" on p = 0', () => {
    // The `scale` metric is 0.1 on every replication of A and 0.05 on every one of B.
    const b = join(tmp, 'half-scale');
    expect(sim('run', 'tiny', '--scale', '0.05', '--out', b).status).toBe(0);
    const r = sim('compare', two, b, '--allow-different-scenarios', '--json');
    expect(r.status, r.stderr).toBe(0);
    const rows = (JSON.parse(r.stdout) as { rows: { metric: string; verdict: string; p: number | null; note?: string }[] }).rows;
    const scale = rows.find((x) => x.metric === 'scale')!;
    expect(scale).toMatchObject({ verdict: 'changed', p: null });
    expect(scale.note).toContain('(A 0.1, B 0.05): a fixed difference, not a sampled one, so no test');
    // And nothing constant in both runs is called better or worse.
    const constant = rows.filter((x) => x.note?.includes('fixed difference'));
    expect(constant.every((x) => x.verdict === 'changed' || x.verdict === 'same')).toBe(true);
  }, 60_000);
});

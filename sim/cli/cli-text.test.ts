import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SIM = fileURLToPath(new URL('../../bin/sim.js', import.meta.url));
const sim = (...args: string[]) => spawnSync(process.execPath, [SIM, ...args], { encoding: 'utf8' });

describe('what the CLI says about itself is true', () => {
  it('sim --help states the exit codes once', () => {
    const h = sim('--help');
    expect(h.status).toBe(0);
    expect(h.stdout.match(/Exit codes:/g)).toHaveLength(1);
  });

  it('every command’s --help states the exit codes once', () => {
    for (const cmd of ['run', 'sweep', 'validate', 'list', 'network', 'schema', 'demo', 'compare', 'report', 'viz', 'bench']) {
      const h = sim(cmd, '--help');
      expect(h.status, cmd).toBe(0);
      expect(h.stdout.match(/Exit codes:/g), cmd).toHaveLength(1);
    }
  });

  it('sim run --help calls a smaller --scale coarser, never finer (the default is 0.1)', () => {
    const h = sim('run', '--help').stdout.replace(/\s+/g, ' ');
    expect(h).not.toContain('finer');
    expect(h).toContain('--scale 0.02');
    expect(h).toContain('coarser sampling');
    expect(h).toContain('(one parcel in 50)');
  });

  it('sim network groups thousands as sim run does (1,234,567), not in lakhs (12,34,567)', () => {
    const r = sim('network', 'baseline');
    expect(r.status, r.stderr).toBe(0);
    const counts = JSON.parse(sim('network', 'baseline', '--json').stdout) as { nodes: Record<string, number> };
    expect(counts.nodes['branch-office']).toBeGreaterThan(99_999); // so the two groupings differ
    expect(r.stdout).toMatch(new RegExp(`branch-office +${counts.nodes['branch-office']!.toLocaleString('en-US')}\\n`));
    expect(r.stdout).not.toMatch(/\d,\d\d,\d{3}/);
  });
});

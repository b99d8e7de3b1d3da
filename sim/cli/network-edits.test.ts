import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SIM = fileURLToPath(new URL('../../bin/sim.js', import.meta.url));
const sim = (...args: string[]) => spawnSync(process.execPath, [SIM, ...args], { encoding: 'utf8' });
const rows = (text: string): Record<string, string>[] => {
  const [head, ...lines] = text.trim().split('\n');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [head!.split(',')[i]!, v])));
};

describe('network edits by name, as a user runs them', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'sim-edit-'));
  // India Post carries Alappuzha's rural parcels, handed over from Cochin's sort centre; drained long enough that every parcel ends.
  const common = ['--replications', '1', '--json', '--set', 'model.policy=india-post-rural', '--set', 'model.drainDays=20'];

  it('a national sorting hub removed for good: its traffic goes through the next hub, and every parcel ends delivered, returned or lost', () => {
    const a = sim('run', 'tiny', ...common, '--out', join(tmp, 'with'));
    const b = sim('run', 'tiny', ...common, '--set', 'network.nodes["Cochin NSH"]=null', '--out', join(tmp, 'without'));
    expect(a.status, a.stderr).toBe(0);
    expect(b.status, b.stderr).toBe(0);
    const m = JSON.parse(b.stdout).metrics as Record<string, { mean: number }>;
    const v = (k: string) => m[k]!.mean;
    expect(v('parcels.created')).toBeGreaterThan(500);
    expect(v('parcels.delivered') + v('parcels.returned') + v('parcels.lost')).toBe(v('parcels.created'));
    expect(v('parcels.inFlight')).toBe(0);
    expect(v('parcels.created')).toBe(JSON.parse(a.stdout).metrics['parcels.created'].mean); // the same orders
    const nodes = rows(readFileSync(join(tmp, 'without', 'nodes.csv'), 'utf8'));
    expect(nodes.some((n) => n.name === 'Cochin NSH')).toBe(false);
    // What Cochin's sort centre handed to Cochin NSH now goes to Thiruvananthapuram NSH, parcel for parcel.
    const lane = (dir: string, to: string) => rows(readFileSync(join(tmp, dir, 'lanes.csv'), 'utf8')).find((l) => l.fromName === 'Cochin SC' && l.toName === to);
    const before = Number(lane('with', 'Cochin NSH')!.parcels);
    expect(before).toBeGreaterThan(50);
    expect(Number(lane('without', 'Thiruvananthapuram NSH')!.parcels)).toBe(before);
  });

  it('sim validate points at each edit that cannot apply, in the file that wrote it', () => {
    const file = join(tmp, 'bad.yaml');
    writeFileSync(file, [
      'extends: tiny',
      'question: Edits that cannot apply?',
      'network:',
      '  nodes:',
      '    Cochin NHS: null',
      '    Kochi FC: { district: 595 }',
      '  lanes:',
      '    Cochin SC>Nowhere SC: { mode: air }',
      '',
    ].join('\n'));
    const r = sim('validate', file);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${file}:5:5  network.nodes["Cochin NHS"]  removes a node, but there is no node named "Cochin NHS"`);
    expect(r.stderr).toContain(`${file}:6:5  network.nodes["Kochi FC"]  adds a node (no node is named "Kochi FC"), so it needs a type`);
    expect(r.stderr).toContain(`${file}:8:5  network.lanes["Cochin SC>Nowhere SC"]  no node named "Nowhere SC"`);
    expect(r.stderr).toContain('3 problems in 1 of 1 file');
  });
});

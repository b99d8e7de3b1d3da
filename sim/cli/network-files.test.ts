import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SIM = fileURLToPath(new URL('../../bin/sim.js', import.meta.url));
const sim = (...args: string[]) => spawnSync(process.execPath, [SIM, ...args], { encoding: 'utf8' });

describe('sim network --export and network.import, as a user runs them', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'sim-net-'));
  const dir = join(tmp, 'net');

  it('exports a network that, imported, gives the same metrics and tables byte for byte', () => {
    const e = sim('network', 'tiny', '--export', dir);
    expect(e.status, e.stderr).toBe(0);
    expect(e.stdout).toMatch(/^tiny: \d+ nodes and \d+ lanes written to .*\(nodes\.csv, lanes\.csv, nodes\.geojson; capacities at full scale\)/);
    writeFileSync(join(dir, 'imported.yaml'), 'extends: tiny\nname: tiny\nquestion: The same network, from files?\nnetwork:\n  import:\n    nodes: ./nodes.csv\n    lanes: ./lanes.csv\n');
    const a = sim('run', 'tiny', '--replications', '1', '--days', '2', '--json', '--out', join(tmp, 'built'));
    const b = sim('run', join(dir, 'imported.yaml'), '--replications', '1', '--days', '2', '--json', '--out', join(tmp, 'imported'));
    expect(a.status, a.stderr).toBe(0);
    expect(b.status, b.stderr).toBe(0);
    const metrics = (s: string) => JSON.parse(s).metrics;
    expect(metrics(b.stdout)).toEqual(metrics(a.stdout));
    expect(JSON.stringify(metrics(b.stdout))).toBe(JSON.stringify(metrics(a.stdout)));
    for (const f of ['nodes.csv', 'lanes.csv', 'districts.csv', 'daily.csv', 'replications.csv']) {
      expect(readFileSync(join(tmp, 'imported', f), 'utf8'), f).toBe(readFileSync(join(tmp, 'built', f), 'utf8'));
    }
    // The files are in the run's hash by content, and in its manifest by name and SHA-256.
    const manifest = JSON.parse(readFileSync(join(tmp, 'imported', 'manifest.json'), 'utf8'));
    expect(manifest.scenario.imports['network.import.nodes']).toEqual({ file: join(dir, 'nodes.csv'), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(JSON.parse(b.stdout).scenarioHash).not.toBe(JSON.parse(a.stdout).scenarioHash);
  });

  it('a changed file changes the run: another hash, another answer', () => {
    const nodes = readFileSync(join(dir, 'nodes.csv'), 'utf8');
    const edited = join(tmp, 'edited');
    sim('network', 'tiny', '--export', edited);
    // One rider at every station instead of 50.
    writeFileSync(join(edited, 'nodes.csv'), nodes.replace(/,1500,50,true,/g, ',30,1,true,'));
    writeFileSync(join(edited, 'imported.yaml'), 'extends: tiny\nquestion: One rider a station?\nnetwork:\n  import: { nodes: ./nodes.csv, lanes: ./lanes.csv }\nmodel:\n  operations: { stationHeadroom: 0 }\n');
    const base = join(tmp, 'base.yaml');
    writeFileSync(base, `extends: tiny\nquestion: The exported network, as is?\nnetwork:\n  import: { nodes: ${join(dir, 'nodes.csv')}, lanes: ${join(dir, 'lanes.csv')} }\nmodel:\n  operations: { stationHeadroom: 0 }\n`);
    const a = sim('run', base, '--replications', '1', '--days', '2', '--json', '--out', join(tmp, 'r-base'));
    const b = sim('run', join(edited, 'imported.yaml'), '--replications', '1', '--days', '2', '--json', '--out', join(tmp, 'r-edited'));
    expect(a.status, a.stderr).toBe(0);
    expect(b.status, b.stderr).toBe(0);
    expect(JSON.parse(b.stdout).scenarioHash).not.toBe(JSON.parse(a.stdout).scenarioHash);
    expect(JSON.parse(b.stdout).metrics['leadTime.hours.mean'].mean).toBeGreaterThan(JSON.parse(a.stdout).metrics['leadTime.hours.mean'].mean);
  });

  it('refuses to export over files a user edited, and leaves them as they were', () => {
    const edited = join(tmp, 'edited');
    const before = readFileSync(join(edited, 'nodes.csv'), 'utf8');
    const r = sim('network', 'tiny', '--export', edited);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`--export ${edited}: nodes.csv changed since this command wrote it; exporting again would overwrite those edits, so nothing was written`);
    expect(readFileSync(join(edited, 'nodes.csv'), 'utf8')).toBe(before);
  });

  it('sim validate lists every problem in the imported files, with file, line and column, before anything runs', () => {
    const bad = join(tmp, 'bad');
    sim('network', 'tiny', '--export', bad);
    const nodes = readFileSync(join(bad, 'nodes.csv'), 'utf8').split('\n');
    nodes[2] = nodes[1]!; // a duplicate name
    nodes[3] = nodes[3]!.replace(/,9\.\d+,76\.\d+,/, ',51.5,-0.12,'); // London
    writeFileSync(join(bad, 'nodes.csv'), nodes.join('\n'));
    writeFileSync(join(bad, 'lanes.csv'), `${readFileSync(join(bad, 'lanes.csv'), 'utf8')}Nowhere SC,Cochin SC,road,,,,,,\n`);
    writeFileSync(join(bad, 'bad.yaml'), 'extends: tiny\nquestion: Broken files?\nnetwork:\n  import: { nodes: ./nodes.csv, lanes: ./lanes.csv }\n');
    const r = sim('validate', join(bad, 'bad.yaml'));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`${join(bad, 'nodes.csv')}:3:1  network\\.import\\.nodes  row at line 3, column "name": must be a name no other row has: row at line 2 has it too`));
    expect(r.stderr).toMatch(/nodes\.csv:4:\d+ {2}network\.import\.nodes {2}row at line 4, column "lat": must be a point in India \(lat 51\.5, lon -0\.12 lies outside every district of India\)/);
    expect(r.stderr).toMatch(/lanes\.csv:\d+:1 {2}network\.import\.lanes {2}row at line \d+, column "from": must be the name of a node in nodes\.csv, given "Nowhere SC"/);
    expect(r.stderr).toMatch(/\d+ problems in 1 of 1 file/);
  });
});

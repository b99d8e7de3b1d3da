import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SIM = fileURLToPath(new URL('../../bin/sim.js', import.meta.url));
const sim = (...args: string[]) => spawnSync(process.execPath, [SIM, ...args], { encoding: 'utf8' });

describe("a user's own orders (model.demand.import), as a user runs them", () => {
  const tmp = mkdtempSync(join(tmpdir(), 'sim-orders-'));

  it('replaces the Census demand: as many parcels as the file says, at the scenario\'s scale and weekly profile', () => {
    writeFileSync(join(tmp, 'orders.csv'), 'pin,district,lat,lon,parcelsPerDay\n688001,,,,2000\n,598,,,3000\n,,9.5,76.34,2000\n');
    const file = join(tmp, 'own.yaml');
    writeFileSync(file, 'extends: tiny\nquestion: Our orders?\nreplications: 1\nmodel:\n  demand:\n    import: ./orders.csv\n');
    const r = sim('run', file, '--json', '--out', join(tmp, 'out'));
    expect(r.status, r.stderr).toBe(0);
    // 7,000 a day × scale 0.1 × the weekly profile over 1–3 Oct 2024 (Tue 1, Wed 0.95, Thu 0.95 of a mean 1) = 2,030; Poisson sd 45.
    const created = JSON.parse(r.stdout).metrics['parcels.created'].mean as number;
    expect(Math.abs(created - 2030)).toBeLessThan(4 * 45);
    const manifest = JSON.parse(readFileSync(join(tmp, 'out', 'manifest.json'), 'utf8'));
    expect(manifest.scenario.model.demand.import).toBe('./orders.csv');
    expect(manifest.scenario.imports['model.demand.import']).toEqual({ file: join(tmp, 'orders.csv'), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('sim validate lists every bad row of an orders file, at its line and column, and nothing runs', () => {
    writeFileSync(join(tmp, 'bad.csv'), 'pin,parcelsPerDay\n688001,lots\n110001,5\n');
    const file = join(tmp, 'bad.yaml');
    writeFileSync(file, 'extends: tiny\nquestion: Bad orders?\nmodel:\n  demand:\n    import: ./bad.csv\n');
    const r = sim('validate', file);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${join(tmp, 'bad.csv')}:2:8  model.demand.import  row at line 2, column "parcelsPerDay": must be parcels a day at full scale`);
    expect(r.stderr).toContain(`${join(tmp, 'bad.csv')}:3:1  model.demand.import  row at line 3, column "pin": must be a PIN in the scenario's region (110001 is in Central, Delhi)`);
    const missing = join(tmp, 'missing.yaml');
    writeFileSync(missing, 'extends: tiny\nquestion: No file?\nmodel:\n  demand:\n    import: ./nowhere.csv\n');
    const m = sim('run', missing, '--out', join(tmp, 'never'));
    expect(m.status).toBe(2);
    expect(m.stderr).toContain(`${missing}:5:13  model.demand.import  cannot read "./nowhere.csv" (${join(tmp, 'nowhere.csv')}): no such file; paths are relative to the scenario file that names them`);
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SIM = fileURLToPath(new URL('../../bin/sim.js', import.meta.url));
const sim = (...args: string[]) => spawnSync(process.execPath, [SIM, ...args], { encoding: 'utf8' });

describe('carrier rules in a scenario file, as a user runs them', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'sim-rules-'));

  it("a scenario's own rule runs before its policy's, and the manifest shows the table resolved", () => {
    const file = join(tmp, 'post-urban.yaml');
    writeFileSync(file, 'extends: tiny\nquestion: What if India Post carried every urban parcel?\nmodel:\n  rules:\n    - when: { area: urban }\n      lastMile: india-post\n');
    const a = sim('run', 'tiny', '--replications', '1', '--days', '2', '--json', '--out', join(tmp, 'a'));
    const b = sim('run', file, '--replications', '1', '--days', '2', '--json', '--out', join(tmp, 'b'));
    expect(a.status, a.stderr).toBe(0);
    expect(b.status, b.stderr).toBe(0);
    const m = (s: string) => JSON.parse(s).metrics as Record<string, { mean: number }>;
    const created = (s: string, op: string) => m(s)[`parcels.created{operator=${op}}`]?.mean ?? 0;
    // Alappuzha: Amazon reaches every point directly, so without the rule it carries all; with it, only rural parcels.
    expect(created(a.stdout, 'india-post')).toBe(0);
    expect(created(b.stdout, 'india-post')).toBe(m(b.stdout)['parcels.created{area=urban}']!.mean);
    expect(created(b.stdout, 'amazon')).toBe(m(b.stdout)['parcels.created{area=rural}']!.mean);
    expect(m(b.stdout)['parcels.created']!.mean).toBe(m(a.stdout)['parcels.created']!.mean);
    const manifest = JSON.parse(readFileSync(join(tmp, 'b', 'manifest.json'), 'utf8'));
    expect(manifest.carriers).toEqual([{ when: { area: 'urban' }, lastMile: 'india-post' }, { when: { direct: true }, lastMile: 'amazon' }, { lastMile: 'india-post' }]);
  });

  it('sim validate names each bad rule field, with did-you-mean for a state', () => {
    const file = join(tmp, 'bad.yaml');
    writeFileSync(file, [
      'extends: tiny',
      'question: Rules that cannot work?',
      'network:',
      '  nodes:',
      '    Alappuzha HO: null',
      'model:',
      '  rules:',
      '    - when: { states: [Kerela] }',
      '      firstMile: seller',
      '      lastMile: kirana',
      '    - lastMile: amazon',
      '      share: 0.5',
      '',
    ].join('\n'));
    const r = sim('validate', file);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${file}:8:24  model.rules[0].when.states[0]  unknown state "Kerela" (did you mean "Kerala"?)`);
    expect(r.stderr).toContain(`${file}:10:17  model.rules[0].lastMile  must be india-post: a parcel from a seller travels with India Post to its last mile, given "kirana"`);
  });

  it('sim validate reports demand that no carrier can reach, by district and area, before anything runs', () => {
    // An FC, a sort centre and one station with a 3 km reach in Alappuzha, and no post office.
    writeFileSync(join(tmp, 'nodes.csv'), 'name,type,lat,lon,radiusKm,parent\nKochi FC,fulfilment-centre,10.0,76.3,,Kochi SC\nKochi SC,sort-centre,9.98,76.28,,\nAlappuzha DS,delivery-station,9.49,76.33,3,Kochi SC\n');
    writeFileSync(join(tmp, 'lanes.csv'), 'from,to\n');
    const file = join(tmp, 'small.yaml');
    writeFileSync(file, 'extends: tiny\nquestion: One small station?\nnetwork:\n  import: { nodes: ./nodes.csv, lanes: ./lanes.csv }\n');
    const r = sim('validate', file);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/network\.import {2}urban orders of district 598 \(\d+ of \d+ points, e\.g\. .*\) reach no carrier/);
    expect(r.stderr).toMatch(/network\.import {2}rural orders of district 598 \(\d+ of \d+ points, e\.g\. PIN \d{6}/);
    const run = sim('run', file, '--replications', '1', '--out', join(tmp, 'never'));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('nothing was run');
  });
});

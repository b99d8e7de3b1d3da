import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadIndiaData, loadIndiaShapes } from '../data/index.ts';
import { jobFor, jobScenarioHash, sha256 } from '../run/index.ts';
import { BUILTIN_DIR, builtinNames, loadPickedScenario, loadScenario, parseSet, simulationInput } from './index.ts';

const data = await loadIndiaData();
const shapes = await loadIndiaShapes();
const text = (path: string) => readFileSync(join(BUILTIN_DIR, path), 'utf8');
const builtins = new Map(builtinNames().map((n) => [n, text(`${n}.yaml`)]));
const hashOf = (s: Parameters<typeof simulationInput>[0]) => jobScenarioHash(jobFor({ kind: 'india', input: simulationInput(s) as never, scenario: s.name, seed: s.seed, replications: 1 }, 0));

describe('loadPickedScenario (a page running files a person picked)', () => {
  it('loads own-network from its file and CSVs as loadScenario loads it from disk: the same input, the same hash', async () => {
    const disk = await loadScenario('own-network', { data: async () => data });
    expect(disk.issues).toEqual([]);
    const files = new Map([
      ['my-company.yaml', text('own-network.yaml').replace('name: own-network', 'name: own-network')],
      ['nodes.csv', text('own-network/nodes.csv')],
      ['lanes.csv', text('own-network/lanes.csv')],
      ['orders.csv', text('own-network/orders.csv')],
    ]);
    const picked = loadPickedScenario('my-company.yaml', files, builtins, data, shapes, sha256);
    expect(picked.issues).toEqual([]);
    expect(picked.scenario.imports?.['network.import.nodes']?.sha256).toBe(disk.scenario.imports?.['network.import.nodes']?.sha256);
    expect(hashOf(picked.scenario)).toBe(hashOf(disk.scenario));
  });

  it('names a file the scenario imports that was not picked, and applies --set overrides', () => {
    const files = new Map([['mine.yaml', 'extends: tiny\nquestion: Mine?\nnetwork:\n  import: { nodes: ./nodes.csv, lanes: ./lanes.csv }\n']]);
    const { issues } = loadPickedScenario('mine.yaml', files, builtins, data, shapes, sha256, [parseSet('days=2')]);
    expect(issues.map((i) => `${i.at?.source}:${i.at?.line} ${i.path} ${i.message}`)).toEqual([
      'mine.yaml:4 network.import.nodes "./nodes.csv" is not among the picked files (mine.yaml); pick it with the scenario',
      'mine.yaml:4 network.import.lanes "./lanes.csv" is not among the picked files (mine.yaml); pick it with the scenario',
    ]);
    const ok = loadPickedScenario('mine.yaml', new Map([['mine.yaml', 'extends: tiny\nquestion: Mine?\n']]), builtins, data, shapes, sha256, [parseSet('days=2')]);
    expect(ok.issues).toEqual([]);
    expect(ok.scenario.days).toBe(2);
  });
});

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleModule, workerBundle } from './worker-bundle.ts';

const project = mkdtempSync(join(tmpdir(), 'worker-bundle-'));
const cache = join(project, 'cache');
afterAll(() => rmSync(project, { recursive: true, force: true }));

const load = async (path: string): Promise<{ answer: number }> => import(`${pathToFileURL(path).href}?t=${Math.random()}`);

describe('the worker bundle cache', () => {
  writeFileSync(join(project, 'entry.ts'), "import { base } from './base.ts';\nexport const answer: number = base * 2;\n");
  writeFileSync(join(project, 'base.ts'), 'export const base = 20;\n');
  writeFileSync(join(project, 'package-lock.json'), '{"lockfileVersion": 3}\n');

  it('bundles an entry with its imports, then reuses the bundle while no input changed', async () => {
    const first = bundleModule(join(project, 'entry.ts'), cache, project);
    expect(first.built).toBe(true);
    expect((await load(first.path)).answer).toBe(40);
    const again = bundleModule(join(project, 'entry.ts'), cache, project);
    expect(again).toEqual({ path: first.path, built: false });
  });

  it('rebuilds when an imported file changes, so a worker never runs stale code', async () => {
    writeFileSync(join(project, 'base.ts'), 'export const base = 21;\n');
    const next = bundleModule(join(project, 'entry.ts'), cache, project);
    expect(next.built).toBe(true);
    expect((await load(next.path)).answer).toBe(42);
  });

  it('rebuilds when the lockfile changes (a dependency may resolve elsewhere)', () => {
    expect(bundleModule(join(project, 'entry.ts'), cache, project).built).toBe(false);
    writeFileSync(join(project, 'package-lock.json'), '{"lockfileVersion": 3, "packages": {}}\n');
    expect(bundleModule(join(project, 'entry.ts'), cache, project).built).toBe(true);
  });

  it('rebuilds when the bundle file itself has gone', () => {
    const manifest = JSON.parse(readFileSync(join(cache, 'entry.ts.bundle.json'), 'utf8')) as { bundle: string };
    rmSync(join(cache, manifest.bundle));
    expect(bundleModule(join(project, 'entry.ts'), cache, project).built).toBe(true);
  });

  it('makes the real worker bundle, whose manifest covers the model, the engine and the data', () => {
    const url = workerBundle();
    expect(url).not.toBeNull();
    const dir = join(url!.pathname, '..');
    const manifest = JSON.parse(readFileSync(join(dir, 'worker-node.ts.bundle.json'), 'utf8')) as { inputs: Record<string, string> };
    for (const input of ['sim/run/worker-entry.ts', 'sim/model/parcel-model.ts', 'sim/engine/simulation.ts', 'sim/data/offices.json']) {
      expect(Object.keys(manifest.inputs)).toContain(input);
    }
  });
});

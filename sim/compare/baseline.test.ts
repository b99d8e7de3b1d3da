import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT_OK, EXIT_REGRESSION, checkAgainstBaseline, compareExact, loadResultSet, updateBaseline } from './index.ts';
import { tempRoot, writeSyntheticFolder } from './test-helpers.ts';

const root = tempRoot();
afterAll(() => rmSync(root, { recursive: true, force: true }));
const baselines = join(root, 'baselines');

const good = { 'parcels.delivered': [980, 990, 1000, 1010, 1020], 'cost.perParcel': [40.1, 40.3, 39.9, 40.0, 40.2] };

describe('baselines', () => {
  it('copies a result folder into <root>/<scenario> with the reason and source in the manifest', () => {
    const run = writeSyntheticFolder(root, 'run-2024-06-01', { metrics: good, histogram: [{ hour: 10, count: 4 }] });
    const updated = updateBaseline(run, baselines, 'new kirana model, reviewed in #41');
    expect(updated.dir).toBe(`${baselines}/regression-small`);
    expect(readdirSync(updated.dir).sort()).toEqual(['leadtime-histogram.csv', 'manifest.json', 'replications.csv', 'summary.json']);
    const manifest = JSON.parse(readFileSync(join(updated.dir, 'manifest.json'), 'utf8'));
    expect(manifest.baseline).toEqual({ reason: 'new kirana model, reviewed in #41', from: 'run-2024-06-01' });
    expect(manifest.scenarioHash).toBe('abc123def4567890');
    // Summary and replications are byte-identical, so exact mode holds against the source run.
    expect(compareExact(loadResultSet(run), loadResultSet(updated.dir))).toEqual({ identical: true });
  });

  it('gives the same files when updated twice from the same run (no wall-clock date)', () => {
    const run = writeSyntheticFolder(root, 'run-a', { metrics: good });
    const dir = updateBaseline(run, baselines, 'same').dir;
    const first = readFileSync(join(dir, 'manifest.json'), 'utf8');
    updateBaseline(run, baselines, 'same');
    expect(readFileSync(join(dir, 'manifest.json'), 'utf8')).toBe(first);
    expect(readdirSync(baselines)).toEqual(['regression-small']); // no temp folders left behind
  });

  it('requires a reason', () => {
    const run = writeSyntheticFolder(root, 'run-b', { metrics: good });
    expect(() => updateBaseline(run, baselines, '  ')).toThrow(/reason: updating a baseline needs a reason/);
  });

  it('passes a run that matches the baseline and fails one that got worse', () => {
    const run = writeSyntheticFolder(root, 'run-c', { metrics: good });
    updateBaseline(run, baselines, 'initial');
    const same = checkAgainstBaseline(run, baselines);
    expect(same.exitCode).toBe(EXIT_OK);
    expect(same.report.test).toBe('paired');
    const worse = writeSyntheticFolder(root, 'run-d', {
      metrics: { ...good, 'cost.perParcel': good['cost.perParcel'].map((x) => x * 1.1) },
    });
    const check = checkAgainstBaseline(worse, baselines);
    expect(check.exitCode).toBe(EXIT_REGRESSION);
    expect(check.report.rows.find((r) => r.metric === 'cost.perParcel')!.verdict).toBe('worse');
  });

  it('names the scenario and says how to create a missing baseline', () => {
    const run = writeSyntheticFolder(root, 'run-e', { scenarioName: 'festive-sale', metrics: good });
    expect(() => checkAgainstBaseline(run, baselines)).toThrow(/no usable baseline for scenario "festive-sale".*--update-baseline/);
    expect(existsSync(join(baselines, 'festive-sale'))).toBe(false);
  });

  it('refuses a scenario name that is not a plain folder name', () => {
    const run = writeSyntheticFolder(root, 'run-f', { scenarioName: '../escape', metrics: good });
    expect(() => updateBaseline(run, baselines, 'x')).toThrow(/scenario name "..\/escape": cannot name a baseline folder/);
  });
});

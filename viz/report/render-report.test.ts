import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadIndiaData, loadIndiaShapes } from '../../sim/data/index.ts';
import { runReplication, jobFor, type RunResult, type RunSpec } from '../../sim/run/index.ts';
import { loadScenario, simulationInput } from '../../sim/scenario/index.ts';
import { viewDataFromRun } from '../view-data-from-run.ts';
import { renderReport } from './index.ts';

describe('renderReport', () => {
  it('writes a self-contained report.html with the headline table, two captioned maps and six charts as SVG', async () => {
    const { scenario, issues } = await loadScenario('tiny');
    expect(issues).toEqual([]);
    const input = simulationInput(scenario) as unknown as { network: Record<string, unknown>; model: Record<string, unknown> };
    const spec: RunSpec = { kind: 'india', scenario: 'tiny', seed: 1, replications: 1, input };
    const output = await runReplication(jobFor(spec, 0));
    const run: RunResult = { kind: 'india', scenario: 'tiny', scenarioHash: output.key.scenarioHash, seed: 1, replications: 1, shard: null, outputs: [output], timing: { wallMs: 0, replicationWallMs: [0] } };
    const data = await loadIndiaData();
    const html = renderReport(viewDataFromRun(run, 'tiny', (i) => data.districts[i], input.network), { shapes: await loadIndiaShapes(), codes: data.districts.map((d) => d.code) });
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|src="http/);
    expect(html.match(/<svg/g)?.length).toBe(8);
    expect(html.match(/>boundaries schematic</g)?.length).toBe(2);
    expect(html).toContain('data-metric="leadTime.hours.mean"');
    const dir = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${dir}viz-report.html`, html);
  });
});

import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadIndiaData, loadIndiaShapes } from '../../sim/data/index.ts';
import { runReplication, jobFor, type RunResult, type RunSpec } from '../../sim/run/index.ts';
import { loadScenario, simulationInput } from '../../sim/scenario/index.ts';
import { deliveredSlices, readCsv, runSim, SLICE_SUFFIX, simRunFolder, summaryMeans, topRows } from '../result-folder-for-tests.ts';
import { viewDataFromRun } from '../view-data-from-run.ts';
import { renderReport } from './index.ts';

describe('renderReport', () => {
  it('writes a self-contained report.html with the headline table, where the time goes, two captioned maps and six charts as SVG', async () => {
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
    expect(html.match(/<svg/g)?.length).toBe(9);
    expect(html.match(/>boundaries schematic</g)?.length).toBe(2);
    expect(html).toContain('data-metric="leadTime.hours.mean"');
    const dir = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${dir}viz-report.html`, html);
  });
});

/** report.html of `dir` as `sim report` writes it, parsed. */
async function report(dir: string): Promise<Document> {
  const r = await runSim(['report', dir]);
  expect(r.status, r.stderr).toBe(0);
  return parseHTML(readFileSync(join(dir, 'report.html'), 'utf8')).document as unknown as Document;
}

describe('`sim report` on a folder written by `sim run tiny`: where the time goes and the bottlenecks, against the folder\'s own files', () => {
  let dir: string;
  let page: Document;
  beforeAll(async () => {
    dir = await simRunFolder(join(mkdtempSync(join(tmpdir(), 'viz-report-')), 'tiny'), ['tiny']);
    page = await report(dir);
  }, 120_000);

  it('draws a stacked bar per slice that delivered parcels, each segment a stage\'s mean hours from summary.json, adding up to the slice\'s mean lead time', () => {
    const means = summaryMeans(dir);
    const bars = [...page.querySelectorAll('svg.stage-bars g.stage-bar')];
    expect(bars.map((b) => b.getAttribute('data-slice'))).toEqual(deliveredSlices(means));
    expect(bars.length).toBeGreaterThanOrEqual(3);
    for (const bar of bars) {
      const suffix = SLICE_SUFFIX[bar.getAttribute('data-slice')!]!;
      const total = means[`leadTime.hours.mean${suffix}`]!;
      const segments = [...bar.querySelectorAll('g.stage')];
      expect(segments.length).toBeGreaterThanOrEqual(5);
      let sum = 0;
      for (const seg of segments) {
        const stage = seg.getAttribute('data-stage')!;
        const hours = Number(seg.getAttribute('data-hours'));
        expect(hours, `${stage}${suffix}`).toBe(means[`leadTime.stage.hours.${stage}${suffix}`]);
        expect(seg.querySelector('title')?.textContent).toContain(`: ${hours.toFixed(1)} h of ${total.toFixed(1)} h`);
        sum += hours;
      }
      // The stages add up to the lead time to floating-point rounding (the model sums them per
      // parcel in minutes; ~1e-9 relative seen), far below the 0.1 h shown; the label is the summary's own mean.
      expect(Math.abs(sum - total), suffix).toBeLessThan(1e-6 * Math.max(1, total));
      expect(bar.querySelector('text.total')?.textContent).toBe(`${total.toFixed(1)} h`);
      expect(Number(bar.querySelector('text.total')?.getAttribute('data-total'))).toBe(total);
    }
    // The legend names every stage some parcel spent time in, and no other.
    const used = Object.keys(means).filter((k) => /^leadTime\.stage\.hours\.\w+(\{(operator|area)=|$)/.test(k) && means[k]! > 0).map((k) => k.replace(/^leadTime\.stage\.hours\.(\w+).*$/, '$1'));
    expect(new Set([...page.querySelectorAll('.stage-legend g')].map((g) => g.getAttribute('data-stage')))).toEqual(new Set(used));
  });

  it('lists the five nodes and five lanes where parcels waited longest, as nodes.csv and lanes.csv rank them by waitParcelHours', () => {
    const nodes = topRows(readCsv(join(dir, 'nodes.csv')), 'waitParcelHours');
    expect(nodes).toHaveLength(5);
    const rows = [...page.querySelectorAll('.bottleneck-nodes tbody tr')];
    expect(rows.map((r) => r.getAttribute('data-node-id'))).toEqual(nodes.map((n) => n.id));
    rows.forEach((tr, i) => {
      const n = nodes[i]!;
      const cells = [...tr.querySelectorAll('td')];
      expect(tr.querySelector('th')?.textContent).toBe(n.name);
      expect(cells.map((c) => c.textContent)).toEqual([String(i + 1), n.type, `${n.district}, ${n.state}`, ...cells.slice(3).map((c) => c.textContent)]);
      expect(cells.slice(3).map((c) => Number(c.getAttribute('data-value')))).toEqual([n.waitParcelHours, n.waitHoursMean, n.utilisation, n.queueMax].map(Number));
    });
    const lanes = topRows(readCsv(join(dir, 'lanes.csv')), 'waitParcelHours');
    expect(lanes.length).toBeGreaterThan(0);
    const laneRows = [...page.querySelectorAll('.bottleneck-lanes tbody tr')];
    expect(laneRows.map((tr) => tr.querySelector('th')?.textContent)).toEqual(lanes.map((l) => `${l.fromName} → ${l.toName}`));
    laneRows.forEach((tr, i) => {
      const l = lanes[i]!;
      expect([tr.getAttribute('data-from'), tr.getAttribute('data-to'), tr.getAttribute('data-mode')]).toEqual([l.from, l.to, l.mode]);
      expect([...tr.querySelectorAll('td[data-value]')].map((c) => Number(c.getAttribute('data-value')))).toEqual([l.waitParcelHours, l.waitHoursMean, l.meanFill, l.leftBehind].map(Number));
    });
  });

  it('says so, and still writes the rest, for a folder written before nodes.csv had a row per node and before lead time had stages', async () => {
    const old = mkdtempSync(join(tmpdir(), 'viz-report-old-'));
    for (const name of readdirSync(dir)) if (!['nodes.csv', 'node-types.csv', 'lanes.csv', 'summary.json', 'report.html'].includes(name)) copyFileSync(join(dir, name), join(old, name));
    // What such a folder held: the by-type table under the name nodes.csv, no lanes.csv, no stage metrics.
    copyFileSync(join(dir, 'node-types.csv'), join(old, 'nodes.csv'));
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as { metrics: Record<string, unknown> };
    summary.metrics = Object.fromEntries(Object.entries(summary.metrics).filter(([k]) => !k.startsWith('leadTime.stage.')));
    writeFileSync(join(old, 'summary.json'), JSON.stringify(summary));
    const oldPage = await report(old);
    expect(oldPage.querySelector('svg.stage-bars .no-data')?.textContent).toBe('no stage breakdown in this result (written before sim run split lead time into stages)');
    expect(oldPage.querySelector('.no-node-table')?.textContent).toBe(
      'This result has no per-node table: its nodes.csv is the by-type table of folders written before sim run wrote one row per node. Run the scenario again with this version of sim run to see which nodes held parcels up.',
    );
    expect(oldPage.querySelector('.no-lane-table')?.textContent).toBe('This result has no lanes.csv: it was written before sim run wrote one.');
    expect(oldPage.querySelectorAll('.bottleneck-nodes, .bottleneck-lanes')).toHaveLength(0);
    // The node-utilisation chart still reads the by-type table.
    expect(oldPage.querySelectorAll('svg').length).toBe(9);
  });
});

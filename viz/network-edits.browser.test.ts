import type { Server } from 'node:http';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadIndiaData, loadIndiaShapes } from '../sim/data/index.ts';
import { type IndiaInput, jobFor, jobScenarioHash, type RunSpec, runReplication, summarize, summaryJson } from '../sim/run/index.ts';
import { loadScenario, parseSet, simulationInput } from '../sim/scenario/index.ts';
import { buildViz, ensureChromium, launchChromium, openApp, serveStatic } from './browser-test-setup.ts';

const artifacts = fileURLToPath(new URL('../test-artifacts/', import.meta.url));
let context: BrowserContext;
let page: Page;
let server: Server;
const consoleErrors: string[] = [];
type Viz = { viz: { results: unknown[]; lastSummaryJson: string; ready: Promise<void>; networkReady: Promise<void>; mapNodeCount(t: string): number; mapEditCounts(): Record<string, number> } };

/** What `sim run <file>` summarises for the same files: the CLI's loader, sim/run's replications in Node. */
async function cliSummary(file: string, sets: string[] = []): Promise<string> {
  const { scenario, issues } = await loadScenario(file, { data: loadIndiaData, shapes: loadIndiaShapes, sets: sets.map((s) => parseSet(s)) });
  expect(issues).toEqual([]);
  const spec: RunSpec = { kind: 'india', scenario: scenario.name, seed: scenario.seed, replications: scenario.replications, input: simulationInput(scenario) as unknown as IndiaInput };
  const outputs = [];
  for (let r = 0; r < spec.replications; r++) outputs.push(await runReplication(jobFor(spec, r)));
  return summaryJson(summarize(outputs, { scenario: scenario.name, scenarioHash: jobScenarioHash(jobFor(spec, 0)), seed: scenario.seed }));
}

async function waitForResult(before: number): Promise<string> {
  await page.waitForFunction((n) => (globalThis as unknown as Viz).viz.results.length > n, before, { timeout: 240_000 });
  return page.evaluate(() => (globalThis as unknown as Viz).viz.lastSummaryJson);
}

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  ensureChromium();
  const served = await serveStatic(await buildViz());
  server = served.server;
  context = await launchChromium();
  page = await openApp(context, served.url, consoleErrors, true);
}, 300_000);

afterAll(async () => {
  await context?.close();
  server?.close();
});

describe('the browser app with networks and orders of a scenario\'s own', () => {
  it('runs a scenario file a person picks, with the CSV it names, as `sim run` runs it, and marks its edits on the map', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'viz-picked-'));
    const yaml = join(dir, 'mine.yaml');
    writeFileSync(yaml, [
      'extends: tiny',
      'question: Without the Cochin hub, with a warehouse of our own and our orders?',
      'replications: 1',
      'days: 2',
      'network:',
      '  nodes:',
      '    Cochin NSH: null',
      '    Alappuzha FC: { type: fulfilment-centre, district: 598, capacityPerDay: 5000 }',
      'model:',
      '  demand:',
      '    import: ./orders.csv',
      '',
    ].join('\n'));
    writeFileSync(join(dir, 'orders.csv'), 'pin,district,parcelsPerDay\n688001,,800\n,598,1200\n');
    const before = await page.evaluate(() => (globalThis as unknown as Viz).viz.results.length);
    await page.getByLabel('Scenario file and the CSVs it names').setInputFiles([yaml, join(dir, 'orders.csv')]);
    expect(await page.locator('.picked-files').textContent()).toBe('mine.yaml with orders.csv');
    await page.getByRole('button', { name: 'Run the picked scenario' }).click();
    const summary = await waitForResult(before);
    expect(summary).toBe(await cliSummary(yaml));
    // The map draws that network: one FC added, one hub removed, the FC's lanes to its sort centre added.
    await page.waitForFunction(() => ((globalThis as unknown as Viz).viz.mapEditCounts().addedNodes ?? 0) > 0, undefined, { timeout: 120_000 });
    expect(await page.evaluate(() => (globalThis as unknown as Viz).viz.mapEditCounts())).toEqual({ addedNodes: 1, changedNodes: 0, removedNodes: 1, addedLanes: 2, changedLanes: 0, closedLanes: 0 });
    await page.getByRole('tab', { name: 'Map' }).click();
    await page.screenshot({ path: join(artifacts, 'viz-picked-edits.png'), fullPage: true });
  });

  it('runs the own-network built-in with its bundled CSVs, as `sim run own-network` does', async () => {
    await page.locator('select[name=scenario]').selectOption('own-network');
    await page.locator('input[name=replications]').fill('1');
    const before = await page.evaluate(() => (globalThis as unknown as Viz).viz.results.length);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const summary = await waitForResult(before);
    expect(summary).toBe(await cliSummary(join(fileURLToPath(new URL('../scenarios/', import.meta.url)), 'own-network.yaml'), ['replications=1']));
    await page.waitForFunction(() => (globalThis as unknown as Viz).viz.mapNodeCount('delivery-station') === 9, undefined, { timeout: 120_000 });
    expect(consoleErrors).toEqual([]);
  });
});

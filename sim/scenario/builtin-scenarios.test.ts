import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadIndiaData } from '../data/index.ts';
import { type IndiaInput, runReplication } from '../run/index.ts';
import { builtinNames, formatIssue, listBuiltins, loadScenario, parseSet, scenarioJsonSchema, scenarioSchemaMarkdown, simulationInput, sweepPoints } from './index.ts';

const BUILTINS = ['b2b-sme', 'baseline', 'fc-odisha', 'festive-peak', 'india-post-24h', 'india-post-rural', 'kirana-i-have-space', 'monsoon-kerala', 'nsh-closed', 'own-network', 'shared-warehouses', 'tiny'];
const KEY = ['parcels.created', 'parcels.delivered', 'parcels.returned', 'parcels.inFlight', 'leadTime.hours.mean', 'leadTime.hours.p50', 'leadTime.hours.p90', 'leadTime.hours.p95', 'delivered.within24h.share', 'delivered.within48h.share', 'firstAttempt.success.share', 'rto.share', 'cost.perDelivered.inr'];

describe('built-in scenarios', () => {
  it('are the twelve the strategists asked for, each with its question and the schema comment', () => {
    expect(builtinNames()).toEqual(BUILTINS);
    for (const { name, question, file } of listBuiltins()) {
      expect(question, name).toMatch(/\?$/);
      expect(readFileSync(file, 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=./scenario.schema.json');
    }
  });

  it.each(BUILTINS)('%s validates', async (name) => {
    const { issues, scenario } = await loadScenario(name, { data: loadIndiaData });
    expect(issues.map(formatIssue)).toEqual([]);
    expect(scenario.name).toBe(name);
  });

  // Small enough to be quick, long enough that every disruption falls inside the simulated days.
  const small = ['scale=0.001', 'replications=1', 'days=2', 'model.drainDays=20'].map((s) => parseSet(s));

  it.each(BUILTINS)('%s runs one small replication and conserves parcels', async (name) => {
    const { issues, scenario } = await loadScenario(name, { sets: name === 'tiny' ? small.slice(1) : small, data: loadIndiaData });
    expect(issues.map(formatIssue)).toEqual([]);
    const output = await runReplication({ kind: 'india', input: simulationInput(scenario) as unknown as IndiaInput, scenario: name, seed: scenario.seed, replication: 0 });
    const m = output.metrics;
    for (const k of KEY) expect(Number.isFinite(m[k]), `${name}: ${k}`).toBe(true);
    expect(m['parcels.created']).toBeGreaterThan(0);
    expect(m['parcels.created']).toBe(m['parcels.delivered']! + m['parcels.returned']! + m['parcels.inFlight']! + m['parcels.lost']!);
  });
});

describe('resolving a scenario', () => {
  it('an extends chain applies each layer over the one below', async () => {
    const { scenario } = await loadScenario('india-post-24h');
    expect(scenario.model.policy).toBe('india-post-rural'); // from india-post-rural
    expect(scenario.model.policies.indiaPost.tracking).toBe(true); // its own
    expect(scenario.scale).toBe(0.1); // from baseline
    expect(scenario.model.policies.indiaPost.feePerParcel).toBe(40); // the default
  });

  it('--set null deletes a disruption (a map entry) and resets a field to its default', async () => {
    const { scenario, issues } = await loadScenario('monsoon-kerala', { sets: [parseSet('model.disruptions.cochin-hub-flooded=null'), parseSet('model.drainDays=null')] });
    expect(issues).toEqual([]);
    expect(Object.keys(scenario.model.disruptions)).toEqual(['kerala-floods']);
    expect(scenario.model.drainDays).toBe(10); // the model's default, not the file's 14
  });

  it('fills a disruption\'s optional figures with the model\'s defaults', async () => {
    const { scenario } = await loadScenario('tiny', { sets: [parseSet('model.disruptions.sale={type: festive, from: "2024-10-01", to: "2024-10-02", saleDays: ["2024-10-01"]}')] });
    expect(scenario.model.disruptions.sale).toMatchObject({ saleMultiplier: 4, windowMultiplier: 1.75, capacityMultiplier: 1.75 });
  });

  it('a sweep is every combination, first parameter slowest', async () => {
    const { scenario } = await loadScenario('tiny', { sets: [parseSet('sweep={"network.kiranaCount": [10, 20], model.policy: [amazon, kirana]}')] });
    const points = sweepPoints(scenario);
    expect(points.map((p) => p.name)).toEqual([
      'network.kiranaCount=10, model.policy=amazon',
      'network.kiranaCount=10, model.policy=kirana',
      'network.kiranaCount=20, model.policy=amazon',
      'network.kiranaCount=20, model.policy=kirana',
    ]);
    expect(points[3]!.scenario.network.kiranaCount).toBe(20);
    expect(points[3]!.scenario.model.policy).toBe('kirana');
  });

  it('the committed scenario.schema.json and SCHEMA.md are what the schema generates', () => {
    const dir = new URL('../../scenarios/', import.meta.url);
    expect(JSON.parse(readFileSync(new URL('scenario.schema.json', dir), 'utf8'))).toEqual(scenarioJsonSchema());
    expect(readFileSync(new URL('SCHEMA.md', dir), 'utf8')).toBe(scenarioSchemaMarkdown());
  });
});

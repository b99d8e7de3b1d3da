import { describe, expect, it } from 'vitest';
import { builtinNames, loadScenario, parseSet } from '../sim/scenario/index.ts';
import { BUILTIN_TEXTS, builtinEntries, cliCommand, loadBuiltin, panelSets, paramsOf } from './builtin-scenarios.ts';

// The page resolves the bundled YAML itself; these hold it to the CLI's loadScenario.
describe("the page's built-in scenarios", () => {
  it('bundles every file in scenarios/', () => {
    expect([...BUILTIN_TEXTS.keys()]).toEqual(builtinNames());
  });

  it('resolves every built-in exactly as loadScenario does, with and without --set overrides', async () => {
    for (const name of builtinNames()) {
      const cli = await loadScenario(name);
      expect(cli.issues).toEqual([]);
      const page = loadBuiltin(name);
      expect(page.issues).toEqual([]);
      // The files a built-in imports (own-network's CSVs) the page reads when it runs it
      // (run-panel, network-edits.browser.test.ts); resolving alone does not read them.
      const resolved = ({ imports: _files, ...s }: typeof cli.scenario) => s;
      expect(page.scenario).toEqual(resolved(cli.scenario));
      const sets = [parseSet('model.policy=kirana'), parseSet('seed=7'), parseSet('network.kiranaCount=28000')];
      expect(loadBuiltin(name, sets).scenario).toEqual(resolved((await loadScenario(name, { sets })).scenario));
    }
  });

  it('lists tiny as regional and baseline as national, with their questions', () => {
    const entries = builtinEntries();
    expect(entries.map((e) => e.name)).toEqual(builtinNames());
    expect(entries.find((e) => e.name === 'tiny')).toMatchObject({ national: false, question: expect.stringMatching(/\?$/) });
    expect(entries.find((e) => e.name === 'baseline')?.national).toBe(true);
  });

  it('turns an untouched panel into no overrides and each changed control into one --set', () => {
    const { scenario } = loadBuiltin('tiny');
    expect(panelSets(scenario, paramsOf(scenario), ['Kerala'])).toEqual([]);
    const sets = panelSets(scenario, { ...paramsOf(scenario), kiranaCount: 50_000, policy: 'kirana', kiranaShare: 0.5, demandMultiplier: 2, monsoon: true, replications: 3, seed: 9 }, ['Kerala']);
    const { scenario: changed, issues } = loadBuiltin('tiny', sets);
    expect(issues).toEqual([]);
    expect(changed.network.kiranaCount).toBe(50_000);
    expect(changed.model.policy).toBe('kirana');
    expect(changed.model.policies.kirana.share).toBe(0.5);
    expect(changed.model.demand.parcelsPerDay).toBe(scenario.model.demand.parcelsPerDay * 2);
    expect(changed.model.disruptions['page-monsoon']).toMatchObject({ type: 'monsoon', states: ['Kerala'], from: scenario.model.startDate });
    expect([changed.replications, changed.seed]).toEqual([3, 9]);
    expect(cliCommand('tiny', sets.slice(0, 1))).toBe(`sim run tiny --set 'seed=9'`);
  });
});

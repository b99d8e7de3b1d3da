import { describe, expect, it } from 'vitest';
import { loadIndiaData } from '../data/index.ts';
import { jobFor, runReplication } from '../run/index.ts';
import { expectedParcels, loadScenario, parseSet, simulationInput } from './index.ts';

/** A built-in with overrides, resolved and checked. */
async function scenario(name: string, ...sets: string[]) {
  const { scenario: s, issues } = await loadScenario(name, { sets: sets.map((t) => parseSet(t)), data: loadIndiaData });
  expect(issues).toEqual([]);
  return s;
}

describe('expectedParcels', () => {
  it.each([
    ['tiny', []],
    ['festive-peak', ['scale=0.002']], // national, with sale days at 4× and a 1.75× window
    ['monsoon-kerala', ['scale=0.01', 'days=9']], // a state, starting on a Thursday
  ] as const)('%s: the parcels a replication creates are a Poisson draw with the estimate as its mean', async (name, sets) => {
    const s = await scenario(name, ...sets, 'replications=1');
    const expected = expectedParcels(s, await loadIndiaData());
    const out = await runReplication(jobFor({ kind: 'india', input: simulationInput(s) as never, scenario: s.name, seed: s.seed, replications: 1 }, 0));
    const created = out.metrics['parcels.created']!;
    // Within four standard deviations of a Poisson count (the model draws orders by an NHPP).
    expect(Math.abs(created - expected)).toBeLessThan(4 * Math.sqrt(expected));
    expect(expected).toBeGreaterThan(300);
  }, 60_000);

  it('counts sale days at their multiplier: the festive window adds what its days say', async () => {
    const plain = await scenario('festive-peak', 'model.disruptions=null');
    const festive = await scenario('festive-peak');
    const data = await loadIndiaData();
    // Days 3–5 (Oct 3–5) at 4×, Oct 6–14 at 1.75×: 3 × 3 + 9 × 0.75 = 15.75 extra plain days, on the
    // weekly profile; so the festive run has more than 2× the plain run's 14 days of parcels.
    const ratio = expectedParcels(festive, data) / expectedParcels(plain, data);
    expect(ratio).toBeGreaterThan((14 + 15.75 * 0.9) / 14);
    expect(ratio).toBeLessThan((14 + 15.75 * 1.1) / 14);
  });
});

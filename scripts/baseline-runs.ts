/**
 * The committed baselines: the built-in scenarios at a scale small enough for `npm test`
 * (national ones at scale 0.002 over 3 order days; `tiny` and the regional ones as they are).
 * A change that moves any of their metrics fails the regression test until the baselines are
 * regenerated on purpose (scripts/update-baselines.ts).
 */
export interface BaselineRun {
  scenario: string;
  args: string[];
}

const SMALL = ['--scale', '0.002', '--days', '3', '--replications', '2'];

export const BASELINE_RUNS: readonly BaselineRun[] = [
  { scenario: 'tiny', args: [] },
  { scenario: 'baseline', args: SMALL },
  { scenario: 'india-post-rural', args: SMALL },
  { scenario: 'india-post-24h', args: SMALL },
  { scenario: 'shared-warehouses', args: SMALL },
  { scenario: 'kirana-i-have-space', args: SMALL },
  { scenario: 'b2b-sme', args: SMALL },
  { scenario: 'monsoon-kerala', args: ['--replications', '2'] },
];

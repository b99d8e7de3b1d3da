import { describe, expect, it } from 'vitest';
import {
  CompareInputError,
  EXIT_BAD_INPUT,
  EXIT_OK,
  EXIT_REGRESSION,
  compare,
  defaultTolerance,
  exitCodeFor,
  formatCompareTable,
  metricDirection,
  resolveTolerance,
  type CompareRow,
} from './index.ts';
import { draws, normalSource, syntheticResultSet } from './test-helpers.ts';

const row = (report: ReturnType<typeof compare>, metric: string): CompareRow => {
  const found = report.rows.find((r) => r.metric === metric);
  if (found === undefined) throw new Error(`no row ${metric}`);
  return found;
};

describe('metricDirection', () => {
  it('knows which way each metric family should move', () => {
    expect(metricDirection('parcels.delivered')).toBe('higher');
    expect(metricDirection('parcels.created')).toBe('neutral');
    expect(metricDirection('parcels.lost')).toBe('lower');
    expect(metricDirection('leadTime.hours.p90')).toBe('lower');
    expect(metricDirection('delivered.within48h.share')).toBe('higher');
    expect(metricDirection('firstAttempt.success.share')).toBe('higher');
    expect(metricDirection('attempts.perDelivery')).toBe('lower');
    expect(metricDirection('cost.perParcel')).toBe('lower');
    expect(metricDirection('utilisation.sorter')).toBe('neutral');
    expect(metricDirection('kirana.earnings.perStore')).toBe('higher');
    expect(metricDirection('co2.kg')).toBe('lower');
    expect(metricDirection('km.linehaul')).toBe('lower');
  });

  it('gives a slice its base metric\'s direction', () => {
    expect(metricDirection('rto.share{operator=india-post}')).toBe('lower');
    expect(metricDirection('delivered.within24h.share{region=rural,operator=amazon}')).toBe('higher');
  });

  it('calls unknown metrics neutral', () => {
    expect(metricDirection('something.new')).toBe('neutral');
    expect(metricDirection('costly')).toBe('neutral');
  });
});

describe('tolerances', () => {
  it('default to 1 % with a floor for shares and 2 % for costs', () => {
    expect(defaultTolerance('rto.share{operator=amazon}')).toEqual({ relative: 0.01, absolute: 0.002 });
    expect(defaultTolerance('cost.total')).toEqual({ relative: 0.02, absolute: 0 });
  });

  it('take overrides by exact name, base name or prefix, most specific first', () => {
    const o = { 'cost.*': 0.05, 'rto.share': 0.03, 'rto.share{operator=amazon}': 0.04 };
    expect(resolveTolerance('cost.total', o).relative).toBe(0.05);
    expect(resolveTolerance('rto.share{operator=india-post}', o)).toEqual({ relative: 0.03, absolute: 0.002 });
    expect(resolveTolerance('rto.share{operator=amazon}', o).relative).toBe(0.04);
    expect(resolveTolerance('rto.share', { 'rto.share': 0 })).toEqual({ relative: 0, absolute: 0 });
  });

  it('reject a negative tolerance, naming the metric', () => {
    expect(() => resolveTolerance('cost.total', { 'cost.total': -1 })).toThrow(/tolerance for cost.total: must be a finite number ≥ 0/);
  });
});

describe('compare', () => {
  const z = normalSource(7);
  const base = draws(z, 20, 100, 1);

  it('flags a large significant increase in a cost as worse and exits 3', () => {
    const a = syntheticResultSet({ metrics: { 'cost.total': base } });
    const b = syntheticResultSet({ metrics: { 'cost.total': base.map((x) => x * 1.05 + 0.1 * z()) } });
    const report = compare(a, b);
    expect(report.test).toBe('paired');
    expect(row(report, 'cost.total').verdict).toBe('worse');
    expect(exitCodeFor(report)).toBe(EXIT_REGRESSION);
  });

  it('calls the same increase in a higher-is-better metric better and exits 0', () => {
    const a = syntheticResultSet({ metrics: { 'parcels.delivered': base } });
    const b = syntheticResultSet({ metrics: { 'parcels.delivered': base.map((x) => x * 1.05 + 0.1 * z()) } });
    const report = compare(a, b);
    expect(row(report, 'parcels.delivered').verdict).toBe('better');
    expect(exitCodeFor(report)).toBe(EXIT_OK);
  });

  it('calls a significant change of a neutral or unknown metric changed, never worse', () => {
    const a = syntheticResultSet({ metrics: { 'utilisation.sorter': base, 'brand.new': base } });
    const b = syntheticResultSet({ metrics: { 'utilisation.sorter': base.map((x) => x * 1.1), 'brand.new': base.map((x) => x * 0.8) } });
    const report = compare(a, b);
    expect(report.rows.map((r) => r.verdict)).toEqual(['changed', 'changed']);
    expect(exitCodeFor(report)).toBe(EXIT_OK);
  });

  it('calls a significant change within tolerance the same', () => {
    // +0.5 % on every replication, tiny noise: highly significant, inside the 2 % cost tolerance.
    const a = syntheticResultSet({ metrics: { 'cost.total': base } });
    const b = syntheticResultSet({ metrics: { 'cost.total': base.map((x) => x * 1.005 + 0.001 * z()) } });
    const r = row(compare(a, b), 'cost.total');
    expect(r.pAdjusted).toBeLessThan(1e-6);
    expect(r.verdict).toBe('same');
  });

  it('calls a non-significant change whose interval reaches past the tolerance inconclusive', () => {
    // Welch on 3 noisy replications a side: the interval is wide, nothing is significant.
    const a = syntheticResultSet({ seed: 1, metrics: { 'cost.total': [90, 110, 100] } });
    const b = syntheticResultSet({ seed: 2, metrics: { 'cost.total': [95, 115, 101] } });
    const r = row(compare(a, b), 'cost.total');
    expect(r.test).toBe('welch');
    expect(r.pAdjusted).toBeGreaterThan(0.05);
    expect(r.verdict).toBe('inconclusive');
  });

  it('calls a non-significant change whose interval lies inside the tolerance the same', () => {
    const zz = normalSource(11);
    const a = syntheticResultSet({ seed: 1, metrics: { 'cost.total': draws(zz, 30, 1000, 1) } });
    const b = syntheticResultSet({ seed: 2, metrics: { 'cost.total': draws(zz, 30, 1000, 1) } });
    const r = row(compare(a, b), 'cost.total');
    expect(r.pAdjusted).toBeGreaterThan(0.05);
    expect(Math.max(Math.abs(r.diffCi[0]), Math.abs(r.diffCi[1]))).toBeLessThan(r.tolerance);
    expect(r.verdict).toBe('same');
  });

  it('calls identical deterministic metrics the same with p = 1 and no NaN', () => {
    const a = syntheticResultSet({ metrics: { 'parcels.created': Array(10).fill(5000) } });
    const b = syntheticResultSet({ metrics: { 'parcels.created': Array(10).fill(5000) } });
    const r = row(compare(a, b), 'parcels.created');
    expect(r).toMatchObject({ verdict: 'same', p: 1, diff: 0, diffCi: [0, 0], relDiff: 0 });
    expect(r.a.ci95).toEqual([5000, 5000]);
  });

  it('reports a metric constant in both runs but different as a fixed difference, not "worse" on p = 0', () => {
    // Nothing was sampled: a t-test's p = 0 here is an artefact of zero variance, not evidence.
    const a = syntheticResultSet({ metrics: { 'parcels.lost': Array(10).fill(0) } });
    const b = syntheticResultSet({ metrics: { 'parcels.lost': Array(10).fill(2) } });
    const report = compare(a, b);
    expect(row(report, 'parcels.lost')).toMatchObject({ verdict: 'changed', p: null, pAdjusted: null, diff: 2, relDiff: null });
    expect(row(report, 'parcels.lost').note).toContain('the same value on every replication of each run (A 0, B 2): a fixed difference');
    expect(exitCodeFor(report)).toBe(0);
  });

  it('calls a metric with the same constant in both runs the same, with p = 1', () => {
    const a = syntheticResultSet({ metrics: { 'parcels.lost': Array(10).fill(3) } });
    const b = syntheticResultSet({ seed: 2, metrics: { 'parcels.lost': Array(10).fill(3) } });
    expect(row(compare(a, b), 'parcels.lost')).toMatchObject({ verdict: 'same', p: 1, diff: 0 });
  });

  it('tests a constant difference under varying replications (paired, same seed) by its signs', () => {
    // Each of 10 replications differs by exactly +2: the sign test's p = 2 · 0.5¹⁰, strong evidence.
    const xs = [3, 5, 4, 6, 2, 7, 5, 4, 3, 6];
    const report = compare(syntheticResultSet({ metrics: { 'parcels.lost': xs } }), syntheticResultSet({ metrics: { 'parcels.lost': xs.map((x) => x + 2) } }));
    expect(row(report, 'parcels.lost')).toMatchObject({ verdict: 'worse', p: 2 / 1024, test: 'paired' });
  });

  it('clamps each run’s interval to what the metric can be: shares in [0, 1], counts ≥ 0', () => {
    const a = syntheticResultSet({ metrics: { 'delivered.within72h.share': [0.99, 1], 'parcels.returned': [1, 60] } });
    const report = compare(a, a);
    expect(row(report, 'delivered.within72h.share').a.ci95[1]).toBe(1);
    expect(row(report, 'parcels.returned').a.ci95[0]).toBe(0);
    expect(row(report, 'parcels.returned').a.ci95[1]).toBeCloseTo(30.5 + 12.7062047 * 29.5, 3); // the t-interval's own upper bound: only the impossible side moves
  });

  it('calls a deterministic change within the absolute floor the same', () => {
    const a = syntheticResultSet({ seed: 1, metrics: { 'rto.share': Array(5).fill(0.0) } });
    const b = syntheticResultSet({ seed: 2, metrics: { 'rto.share': Array(5).fill(0.001) } });
    expect(row(compare(a, b), 'rto.share').verdict).toBe('same');
  });

  it('pairs replications only when seed and replication indices match', () => {
    const a = syntheticResultSet({ seed: 42, metrics: { m: base } });
    expect(compare(a, syntheticResultSet({ seed: 42, metrics: { m: base } })).test).toBe('paired');
    expect(compare(a, syntheticResultSet({ seed: '42', metrics: { m: base } })).test).toBe('paired');
    expect(compare(a, syntheticResultSet({ seed: 43, metrics: { m: base } })).test).toBe('welch');
    expect(compare(a, syntheticResultSet({ seed: 42, metrics: { m: base.slice(0, 10) } })).test).toBe('welch');
  });

  it('states the correction and adjusts over every tested metric', () => {
    const metrics = { 'cost.a': base, 'cost.b': base, 'cost.c': base };
    const shifted = { 'cost.a': base.map((x) => x + 0.3 * z()), 'cost.b': base.map((x) => x + 0.3 * z()), 'cost.c': base.map((x) => x + 0.3 * z()) };
    const a = syntheticResultSet({ metrics });
    const b = syntheticResultSet({ metrics: shifted });
    const holm = compare(a, b);
    const bh = compare(a, b, { correction: 'bh' });
    expect(holm.correction).toBe('holm');
    expect(bh.correction).toBe('bh');
    const raw = holm.rows.map((r) => r.p!);
    const smallest = Math.min(...raw);
    expect(holm.rows.find((r) => r.p === smallest)!.pAdjusted).toBeCloseTo(Math.min(1, 3 * smallest), 12);
  });

  it('compares only metrics present in both and lists the rest', () => {
    const a = syntheticResultSet({ metrics: { 'cost.total': base, 'old.metric': base } });
    const b = syntheticResultSet({ metrics: { 'new.metric': base, 'cost.total': base } });
    const report = compare(a, b);
    expect(report.rows.map((r) => r.metric)).toEqual(['cost.total']);
    expect(report.onlyInA).toEqual(['old.metric']);
    expect(report.onlyInB).toEqual(['new.metric']);
  });

  it('calls a metric with fewer than two values inconclusive and says why', () => {
    const a = syntheticResultSet({ metrics: { 'cost.total': [1, Number.NaN, Number.NaN] } });
    const b = syntheticResultSet({ metrics: { 'cost.total': [2, 3, 4] } });
    const r = row(compare(a, b), 'cost.total');
    expect(r.verdict).toBe('inconclusive');
    expect(r.note).toBe('fewer than 2 replications with finite values on both sides (1): no test');
    const welch = compare(a, syntheticResultSet({ seed: 9, metrics: { 'cost.total': [2, 3, 4] } })).rows[0]!;
    expect(welch.note).toBe('fewer than 2 finite values (A 1, B 3): no test');
  });

  it('refuses result sets of different scenarios unless allowed, as bad input', () => {
    const a = syntheticResultSet({ dir: 'results/x', scenarioHash: 'aaaa', metrics: { m: base } });
    const b = syntheticResultSet({ dir: 'results/y', scenarioHash: 'bbbb', metrics: { m: base } });
    expect(() => compare(a, b)).toThrow(CompareInputError);
    expect(() => compare(a, b)).toThrow(/results\/x and results\/y are results of different scenarios.*aaaa.*bbbb.*allowDifferentScenarios/s);
    try {
      compare(a, b);
    } catch (error) {
      expect((error as CompareInputError).exitCode).toBe(EXIT_BAD_INPUT);
    }
    expect(compare(a, b, { allowDifferentScenarios: true }).rows).toHaveLength(1);
  });

  it('names the fields in which the resolved scenarios differ, when it refuses and when allowed', () => {
    const scenario = { name: 'tiny', question: 'q', days: 3, scale: 0.1, model: { policy: 'amazon', holidays: ['2024-10-02'], nodeOverrides: {} } };
    const other = { name: 'tiny', question: 'another', days: 3, scale: 0.01, model: { policy: 'kirana', holidays: ['2024-10-02'], nodeOverrides: { 'Cochin NSH': { capacityMultiplier: 2 } } } };
    const a = syntheticResultSet({ dir: 'results/baselines/tiny', scenarioHash: 'aaaa', scenario, metrics: { m: base } });
    const b = syntheticResultSet({ dir: 'results/tiny-1', scenarioHash: 'bbbb', scenario: other, metrics: { m: base } });
    expect(() => compare(a, b)).toThrow(
      'they differ in 3 fields (A → B):\n  scale: 0.1 → 0.01\n  model.policy: "amazon" → "kirana"\n  model.nodeOverrides["Cochin NSH"]: (absent) → {"capacityMultiplier":2}\n',
    );
    const report = compare(a, b, { allowDifferentScenarios: true });
    expect(report.sameScenario).toBe(false);
    expect(report.scenarioDifferences.map((d) => d.path)).toEqual(['scale', 'model.policy', 'model.nodeOverrides["Cochin NSH"]']);
  });

  it('calls nothing a regression between two scenarios compared on purpose: exit 0, "differences"', () => {
    const a = syntheticResultSet({ scenarioHash: 'aaaa', metrics: { 'parcels.lost': [0, 1, 0, 1, 0] } });
    const b = syntheticResultSet({ scenarioHash: 'bbbb', metrics: { 'parcels.lost': [9, 10, 11, 9, 10] } });
    const report = compare(a, b, { allowDifferentScenarios: true });
    expect(row(report, 'parcels.lost').verdict).toBe('worse');
    expect(exitCodeFor(report)).toBe(0);
    expect(formatCompareTable(report)).not.toContain('REGRESSION');
    expect(formatCompareTable(report)).toContain('Differences between two scenarios (exit 0): 1 worse (parcels.lost +2350.0 %) of 1 metric\n');
  });

  it('refuses result sets with no metric in common, as bad input', () => {
    const a = syntheticResultSet({ metrics: { x: base } });
    const b = syntheticResultSet({ metrics: { y: base } });
    expect(() => compare(a, b)).toThrow(/no metric in common/);
  });

  it('refuses an unknown correction or an alpha outside (0, 1)', () => {
    const a = syntheticResultSet({ metrics: { x: base } });
    expect(() => compare(a, a, { alpha: 0 })).toThrow(/alpha: must be in \(0, 1\), given 0/);
    expect(() => compare(a, a, { correction: 'bonferroni' as 'holm' })).toThrow(/correction: must be "holm" or "bh"/);
  });
});

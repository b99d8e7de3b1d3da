import { describe, expect, it } from 'vitest';
import { DistributionSpecError, createStream, fromSpec, lognormalFromMean, validateDistributionSpec } from './index.ts';
import type { DistributionSpec } from './index.ts';

describe('fromSpec(spec) and validateDistributionSpec(spec, path)', () => {
  it('builds every family from its JSON form', () => {
    const specs: [DistributionSpec, string, number][] = [
      [12, 'constant', 12],
      [{ type: 'constant', value: 3 }, 'constant', 3],
      [{ type: 'deterministic', value: 4 }, 'constant', 4],
      [{ type: 'uniform', min: 2, max: 4 }, 'uniform', 3],
      [{ type: 'exponential', rate: 0.5 }, 'exponential', 2],
      [{ type: 'normal', mean: 5, sd: 1 }, 'normal', 5],
      [{ type: 'lognormal', mean: 30, sd: 10 }, 'lognormal', 30],
      [{ type: 'lognormal', mu: 0, sigma: 0 }, 'lognormal', 1],
      [{ type: 'triangular', min: 0, mode: 3, max: 6 }, 'triangular', 3],
      [{ type: 'gamma', shape: 2, scale: 3 }, 'gamma', 6],
      [{ type: 'erlang', k: 3, rate: 1 }, 'erlang', 3],
      [{ type: 'weibull', shape: 1, scale: 2 }, 'weibull', 2],
      [{ type: 'poisson', mean: 4 }, 'poisson', 4],
      [{ type: 'bernoulli', p: 0.25 }, 'bernoulli', 0.25],
      [{ type: 'discrete', values: [1, 3], weights: [1, 1] }, 'discrete', 2],
      [{ type: 'empirical', values: [2, 4, 6] }, 'empirical', 4],
    ];
    for (const [spec, name, mean] of specs) {
      expect(validateDistributionSpec(spec, 'x')).toEqual([]);
      const d = fromSpec(spec);
      expect(d.name).toBe(name);
      expect(d.mean).toBeCloseTo(mean, 12);
    }
  });

  it('a { mean, sd } lognormal spec draws exactly as lognormalFromMean does', () => {
    const a = fromSpec({ type: 'lognormal', mean: 30, sd: 10 });
    const b = lognormalFromMean(30, 10);
    const ua = createStream(1, 0, 'spec');
    const ub = createStream(1, 0, 'spec');
    for (let i = 0; i < 100; i++) expect(a.sample(ua)).toBe(b.sample(ub));
  });

  it('collects every problem, each at its path', () => {
    expect(validateDistributionSpec({ type: 'triangular', min: 0, mode: 'x', max: -1, sd: 2 }, 'lanes[3].transit')).toEqual([
      { path: 'lanes[3].transit.sd', message: 'sd is not a parameter here: triangular takes { min, mode, max }' },
      { path: 'lanes[3].transit.mode', message: 'mode must be a finite number, given "x"' },
    ]);
    expect(validateDistributionSpec({ type: 'exponential', rate: -1 }, 'service')).toEqual([
      { path: 'service.rate', message: 'rate must be a finite number > 0, given -1' },
    ]);
    expect(validateDistributionSpec({ type: 'discrete', values: [1, 2], weights: [1, -2] }, 'd')).toEqual([
      { path: 'd.weights[1]', message: 'weights[1] must be a finite number >= 0, given -2' },
    ]);
  });

  it('reports a missing parameter as missing, not as "given undefined"', () => {
    expect(validateDistributionSpec({ type: 'gamma', shape: 0 }, 'g')).toEqual([
      { path: 'g.scale', message: 'gamma needs scale: its parameters are { shape, scale }' },
      { path: 'g.shape', message: 'shape must be a finite number > 0, given 0' },
    ]);
    expect(validateDistributionSpec({ type: 'lognormal', mean: 30 }, '')).toEqual([
      { path: 'sd', message: 'lognormal needs sd: its parameters are { mu, sigma } or { mean, sd }' },
    ]);
  });

  it('rejects an unknown type, a missing type and values that are not distributions', () => {
    expect(validateDistributionSpec({ type: 'gaussian', mean: 1 }, 'a')).toEqual([
      {
        path: 'a.type',
        message:
          'type must be one of constant, deterministic, uniform, exponential, normal, lognormal, triangular, gamma, erlang, weibull, poisson, bernoulli, discrete, empirical; given "gaussian"',
      },
    ]);
    expect(validateDistributionSpec({ rate: 1 }, 'a')[0]?.path).toBe('a.type');
    expect(validateDistributionSpec('30', 'a')).toEqual([
      { path: 'a', message: 'a distribution must be a number or an object with a "type", given "30"' },
    ]);
    expect(validateDistributionSpec(Number.NaN, 'a')).toEqual([
      { path: 'a', message: 'a constant must be a finite number, given NaN' },
    ]);
    expect(validateDistributionSpec(null, '')).toHaveLength(1);
    expect(validateDistributionSpec([1, 2], '')).toHaveLength(1);
  });

  it('fromSpec throws a DistributionSpecError carrying every issue', () => {
    try {
      fromSpec({ type: 'uniform', min: 'a', max: null, extra: 1 }, 'demand.size');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DistributionSpecError);
      const issues = (error as DistributionSpecError).issues;
      expect(issues.map((i) => i.path)).toEqual(['demand.size.extra', 'demand.size.min', 'demand.size.max']);
      expect((error as Error).message).toContain('demand.size.min: min must be a finite number, given "a"');
    }
  });
});

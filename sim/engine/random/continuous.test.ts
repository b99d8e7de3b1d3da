import { describe, expect, it } from 'vitest';
import {
  createStream,
  erlang,
  exponential,
  gamma,
  lognormal,
  lognormalFromMean,
  normal,
  triangular,
  uniform,
  weibull,
} from './index.ts';
import type { Distribution } from './index.ts';
import {
  draw,
  gammaP,
  ksCritical999,
  ksStatistic,
  lnGammaRef,
  momentRatios,
  normalCdf,
} from './test-helpers.ts';

const N = 200_000;

interface Case {
  label: string;
  make: () => Distribution;
  /** Moments worked out here, independently of the factory. */
  mean: number;
  variance: number;
  cdf: (x: number) => number;
}

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

function triangularCdf(a: number, c: number, b: number): (x: number) => number {
  return (x) => {
    if (x <= a) return 0;
    if (x >= b) return 1;
    if (x <= c) return ((x - a) * (x - a)) / ((b - a) * (c - a));
    return 1 - ((b - x) * (b - x)) / ((b - a) * (b - c));
  };
}

/** Erlang CDF in closed form: 1 - Σ_{n<k} e^{-λx} (λx)^n / n!. */
function erlangCdf(k: number, rate: number): (x: number) => number {
  return (x) => {
    if (x <= 0) return 0;
    const lx = rate * x;
    let term = Math.exp(-lx);
    let tail = term;
    for (let n = 1; n < k; n++) {
      term *= lx / n;
      tail += term;
    }
    return 1 - tail;
  };
}

const weibullMoments = (k: number, scale: number): { mean: number; variance: number } => {
  const g1 = Math.exp(lnGammaRef(1 + 1 / k));
  const g2 = Math.exp(lnGammaRef(1 + 2 / k));
  return { mean: scale * g1, variance: scale * scale * (g2 - g1 * g1) };
};

const s2 = Math.log(1 + (10 / 30) ** 2);

const cases: Case[] = [
  { label: 'uniform(2, 5)', make: () => uniform(2, 5), mean: 3.5, variance: 0.75, cdf: (x) => clamp01((x - 2) / 3) },
  {
    label: 'exponential(0.5)',
    make: () => exponential(0.5),
    mean: 2,
    variance: 4,
    cdf: (x) => (x <= 0 ? 0 : 1 - Math.exp(-0.5 * x)),
  },
  { label: 'normal(10, 3)', make: () => normal(10, 3), mean: 10, variance: 9, cdf: (x) => normalCdf((x - 10) / 3) },
  {
    label: 'lognormal(1, 0.5)',
    make: () => lognormal(1, 0.5),
    mean: Math.exp(1.125),
    variance: (Math.exp(0.25) - 1) * Math.exp(2.25),
    cdf: (x) => (x <= 0 ? 0 : normalCdf((Math.log(x) - 1) / 0.5)),
  },
  {
    label: 'lognormalFromMean(30, 10)',
    make: () => lognormalFromMean(30, 10),
    mean: 30,
    variance: 100,
    cdf: (x) => (x <= 0 ? 0 : normalCdf((Math.log(x) - (Math.log(30) - s2 / 2)) / Math.sqrt(s2))),
  },
  {
    label: 'triangular(1, 2, 6)',
    make: () => triangular(1, 2, 6),
    mean: 3,
    variance: (1 + 4 + 36 - 2 - 6 - 12) / 18,
    cdf: triangularCdf(1, 2, 6),
  },
  {
    label: 'triangular(0, 0, 1)',
    make: () => triangular(0, 0, 1),
    mean: 1 / 3,
    variance: 1 / 18,
    cdf: (x) => clamp01(1 - (1 - x) * (1 - x)),
  },
  { label: 'gamma(2.5, 2)', make: () => gamma(2.5, 2), mean: 5, variance: 10, cdf: (x) => gammaP(2.5, x / 2) },
  { label: 'gamma(0.4, 3)', make: () => gamma(0.4, 3), mean: 1.2, variance: 3.6, cdf: (x) => gammaP(0.4, x / 3) },
  { label: 'gamma(1, 1)', make: () => gamma(1, 1), mean: 1, variance: 1, cdf: (x) => (x <= 0 ? 0 : 1 - Math.exp(-x)) },
  { label: 'erlang(3, 0.25)', make: () => erlang(3, 0.25), mean: 12, variance: 48, cdf: erlangCdf(3, 0.25) },
  { label: 'erlang(16, 1)', make: () => erlang(16, 1), mean: 16, variance: 16, cdf: erlangCdf(16, 1) },
  { label: 'erlang(40, 2)', make: () => erlang(40, 2), mean: 20, variance: 10, cdf: erlangCdf(40, 2) },
  {
    label: 'weibull(1.7, 4)',
    make: () => weibull(1.7, 4),
    ...weibullMoments(1.7, 4),
    cdf: (x) => (x <= 0 ? 0 : 1 - Math.exp(-((x / 4) ** 1.7))),
  },
  {
    label: 'weibull(0.6, 2)',
    make: () => weibull(0.6, 2),
    ...weibullMoments(0.6, 2),
    cdf: (x) => (x <= 0 ? 0 : 1 - Math.exp(-((x / 2) ** 0.6))),
  },
];

describe('continuous distributions', () => {
  for (const c of cases) {
    describe(c.label, () => {
      const d = c.make();
      let sample: Float64Array | undefined;
      const xs = (): Float64Array => (sample ??= draw(d, createStream(20240601, 0, c.label), N));

      it('reports the analytic mean and variance', () => {
        expect(d.mean).toBeCloseTo(c.mean, 10);
        expect(d.variance).toBeCloseTo(c.variance, 10);
      });

      it('draws a sample whose mean and variance are within 4 standard errors of them', () => {
        const r = momentRatios(d, xs());
        expect(r.mean).toBeLessThan(1);
        expect(r.variance).toBeLessThan(1);
      });

      it('draws a sample that fits the CDF (Kolmogorov–Smirnov at the 99.9 % level)', () => {
        expect(ksStatistic(xs(), c.cdf)).toBeLessThan(ksCritical999(N));
      });
    });
  }

  it('exponential(rate) has mean 1/rate and variance 1/rate²', () => {
    const d = exponential(4);
    expect(d.mean).toBe(0.25);
    expect(d.variance).toBe(0.0625);
  });

  it('normal and lognormal with zero spread give the centre, drawing as many uniforms as usual', () => {
    let calls = 0;
    const base = createStream(1, 0, 'count');
    const u = (): number => {
      calls++;
      return base();
    };
    expect(normal(7, 0).sample(u)).toBe(7);
    const used = calls;
    expect(used).toBeGreaterThanOrEqual(2);
    expect(lognormalFromMean(30, 0).sample(u)).toBeCloseTo(30, 12);
  });

  it('uniform(min, max) never draws max, and uniform(x, x) always draws x', () => {
    expect(uniform(3, 4).sample(() => 0.9999999997671694)).toBeLessThan(4);
    expect(uniform(3, 3).sample(createStream(1, 0, 'u'))).toBe(3);
  });

  it('samplers stay finite and non-negative at the extreme uniforms 0 and 1 - 2^-32', () => {
    const extremes = [0, 1 - 2 ** -32];
    const positive = [
      exponential(1),
      lognormal(0, 1),
      gamma(0.3, 1),
      gamma(3, 1),
      erlang(2, 1),
      erlang(20, 1),
      weibull(0.5, 1),
      weibull(1, 1),
    ];
    for (const d of positive) {
      for (const e of extremes) {
        // The extreme comes first, then ordinary draws, so rejection samplers can finish.
        const rest = createStream(1, 0, 'extremes');
        let first = true;
        const u = (): number => (first ? ((first = false), e) : rest());
        const x = d.sample(u);
        expect(Number.isFinite(x), `${d.name} at ${e}`).toBe(true);
        expect(Object.is(x, -0) || x < 0, `${d.name} at ${e} gave ${x}`).toBe(false);
      }
    }
  });
});

import { describe, expect, it } from 'vitest';
import { bernoulli, constant, createStream, deterministic, discrete, empirical, poisson } from './index.ts';
import type { Distribution } from './index.ts';
import { chiSquare, chiSquareCritical999, draw, momentRatios, poissonPmf } from './test-helpers.ts';

const N = 200_000;

/** χ² of a sample of integers 0..K against a pmf, the tail beyond K pooled into the last cell. */
function fitsPmf(xs: Float64Array, pmf: (k: number) => number): { stat: number; critical: number } {
  let max = 0;
  for (const x of xs) max = Math.max(max, x);
  const counts = new Float64Array(max + 1);
  for (const x of xs) counts[x]!++;
  const probabilities = Array.from({ length: max + 1 }, (_, k) => pmf(k));
  probabilities[max]! += Math.max(0, 1 - probabilities.reduce((a, b) => a + b, 0));
  const { stat, df } = chiSquare(counts, probabilities, xs.length);
  return { stat, critical: chiSquareCritical999(df) };
}

describe('poisson(mean)', () => {
  // 9.99 and 10 sit either side of the switch from inversion to PTRS.
  for (const mean of [0.3, 3.5, 9.99, 10, 47.3, 5000]) {
    describe(`poisson(${mean})`, () => {
      const d = poisson(mean);
      let sample: Float64Array | undefined;
      const xs = (): Float64Array => (sample ??= draw(d, createStream(7, 0, `poisson ${mean}`), N));

      it('has mean and variance equal to the mean, and its sample agrees within 4 standard errors', () => {
        expect(d.mean).toBe(mean);
        expect(d.variance).toBe(mean);
        const r = momentRatios(d, xs());
        expect(r.mean).toBeLessThan(1);
        expect(r.variance).toBeLessThan(1);
      });

      it('draws non-negative integers that fit the Poisson pmf (χ² at the 99.9 % level)', () => {
        expect(xs().every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
        const { stat, critical } = fitsPmf(xs(), (k) => poissonPmf(mean, k));
        expect(stat).toBeLessThan(critical);
      });
    });
  }

  it('poisson(0) always draws 0', () => {
    const u = createStream(1, 0, 'p0');
    for (let i = 0; i < 1000; i++) expect(poisson(0).sample(u)).toBe(0);
  });
});

describe('bernoulli(p)', () => {
  it('draws 1 with probability p and 0 otherwise (χ² at the 99.9 % level), with mean p and variance p(1 - p)', () => {
    const d = bernoulli(0.3);
    expect(d.mean).toBe(0.3);
    expect(d.variance).toBeCloseTo(0.21, 15);
    const xs = draw(d, createStream(7, 0, 'bernoulli'), N);
    expect(xs.every((x) => x === 0 || x === 1)).toBe(true);
    const { stat, critical } = fitsPmf(xs, (k) => (k === 1 ? 0.3 : 0.7));
    expect(stat).toBeLessThan(critical);
    const r = momentRatios(d, xs);
    expect(r.mean).toBeLessThan(1);
    expect(r.variance).toBeLessThan(1);
  });

  it('bernoulli(0) never draws 1 and bernoulli(1) always does', () => {
    const u = createStream(7, 0, 'edges');
    const extremes = [0, 1 - 2 ** -32];
    for (const e of extremes) {
      expect(bernoulli(0).sample(() => e)).toBe(0);
      expect(bernoulli(1).sample(() => e)).toBe(1);
    }
    for (let i = 0; i < 1000; i++) {
      expect(bernoulli(0).sample(u)).toBe(0);
      expect(bernoulli(1).sample(u)).toBe(1);
    }
  });
});

describe('discrete(values, weights)', () => {
  const values = [10, 20, 30, 40, 50];
  const weights = [1, 0, 3, 0.5, 5.5];
  const total = 10;

  it('draws each value in proportion to its weight (χ² at the 99.9 % level), never one of weight 0', () => {
    const d = discrete(values, weights);
    const xs = draw(d, createStream(7, 0, 'discrete'), N);
    const counts = values.map((v) => xs.filter((x) => x === v).length);
    expect(counts[1]).toBe(0);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(N);
    const nonZero = [0, 2, 3, 4];
    const { stat, df } = chiSquare(
      nonZero.map((i) => counts[i]!),
      nonZero.map((i) => weights[i]! / total),
      N,
    );
    expect(df).toBe(3);
    expect(stat).toBeLessThan(chiSquareCritical999(df));
  });

  it('reports the weighted mean and variance, and its sample agrees within 4 standard errors', () => {
    const d = discrete(values, weights);
    const mean = (10 * 1 + 30 * 3 + 40 * 0.5 + 50 * 5.5) / total;
    const variance = [1, 0, 3, 0.5, 5.5].reduce((s, w, i) => s + (w / total) * (values[i]! - mean) ** 2, 0);
    expect(d.mean).toBeCloseTo(mean, 12);
    expect(d.variance).toBeCloseTo(variance, 12);
    const r = momentRatios(d, draw(d, createStream(8, 0, 'discrete'), N));
    expect(r.mean).toBeLessThan(1);
    expect(r.variance).toBeLessThan(1);
  });

  it('is monotone in u (inversion), so the smallest and largest uniforms give the first and last value', () => {
    const d = discrete(values, weights);
    expect(d.sample(() => 0)).toBe(10);
    expect(d.sample(() => 1 - 2 ** -32)).toBe(50);
    let previous = -Infinity;
    for (let i = 0; i < 1000; i++) {
      const x = d.sample(() => i / 1000);
      expect(x).toBeGreaterThanOrEqual(previous);
      previous = x;
    }
  });

  it('never draws a leading or trailing value of weight 0, even at the extreme uniforms', () => {
    const d = discrete([1, 2, 3, 4], [0, 0, 1, 0]);
    for (const u of [0, 0.5, 1 - 2 ** -32]) expect(d.sample(() => u)).toBe(3);
  });

  it('is deterministic: the same stream gives the same draws', () => {
    const a = draw(discrete(values, weights), createStream(9, 0, 'd'), 1000);
    const b = draw(discrete(values, weights), createStream(9, 0, 'd'), 1000);
    expect(Array.from(a)).toEqual(Array.from(b));
  });
});

describe('empirical(values)', () => {
  it('resamples the observations equally, so a value seen twice is drawn twice as often', () => {
    const d: Distribution = empirical([3, 1, 3, 7]);
    expect(d.mean).toBe(3.5);
    expect(d.variance).toBeCloseTo((0.25 * 2 + 6.25 + 12.25) / 4, 12);
    const xs = draw(d, createStream(7, 0, 'empirical'), N);
    const counts = [1, 3, 7].map((v) => xs.filter((x) => x === v).length);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(N);
    const { stat, df } = chiSquare(counts, [0.25, 0.5, 0.25], N);
    expect(stat).toBeLessThan(chiSquareCritical999(df));
  });
});

describe('constant(value)', () => {
  it('always gives the value, with variance 0, and draws no uniform', () => {
    const d = constant(4.5);
    const u = (): number => {
      throw new Error('constant drew a uniform');
    };
    expect(d.sample(u)).toBe(4.5);
    expect(d.mean).toBe(4.5);
    expect(d.variance).toBe(0);
    expect(deterministic(2).sample(u)).toBe(2);
  });
});

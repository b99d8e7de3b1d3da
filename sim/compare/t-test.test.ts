import { describe, expect, it } from 'vitest';
import { pairedTTest, summarizeSample, welchTTest } from './index.ts';

// Student's sleep data (Cushny & Peebles 1905, as analysed by "Student" 1908): extra hours of
// sleep for 10 patients on two drugs. R's `sleep` dataset; the published outputs below are those
// printed by the examples in R's ?t.test (stats package):
//   t.test(extra ~ group, data = sleep, paired = TRUE)
//     t = -4.0621, df = 9, p-value = 0.002833, 95 % CI -2.4598858 -0.7001142, mean diff -1.58
//   t.test(extra ~ group, data = sleep)   (Welch)
//     t = -1.8608, df = 17.776, p-value = 0.07939, 95 % CI -3.3654832 0.2054832
// R reports group 1 − group 2; ours is B − A, so A = group 2 and B = group 1.
const group1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const group2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

describe('pairedTTest', () => {
  it('gives the published t, df, p and interval for Student\'s sleep data', () => {
    const r = pairedTTest(group2, group1);
    expect(r.test).toBe('paired');
    expect(r.diff).toBeCloseTo(-1.58, 12);
    expect(r.t).toBeCloseTo(-4.0621, 4);
    expect(r.df).toBe(9);
    expect(r.p).toBeCloseTo(0.002833, 6);
    expect(r.ci[0]).toBeCloseTo(-2.4598858, 7);
    expect(r.ci[1]).toBeCloseTo(-0.7001142, 7);
  });

  it('drops pairs with an empty (NaN) cell on either side', () => {
    const a = [...group2, Number.NaN, 1];
    const b = [...group1, 5, Number.NaN];
    expect(pairedTTest(a, b).p).toBeCloseTo(0.002833, 6);
  });

  it('gives p = 1 and a [0, 0] interval, not NaN, when both sides are identical', () => {
    const r = pairedTTest([3, 3, 3, 3], [3, 3, 3, 3]);
    expect(r).toMatchObject({ diff: 0, p: 1, ci: [0, 0], t: 0 });
  });

  it('gives a deterministic nonzero difference the sign test’s p, not the t-test’s 0', () => {
    // Three pairs all differing by +0.5: under no effect each sign is a coin toss, 2 · 0.5³ = 0.25.
    const r = pairedTTest([1, 2, 3], [1.5, 2.5, 3.5]);
    expect(r).toMatchObject({ diff: 0.5, p: 0.25, ci: [0.5, 0.5], t: Infinity });
    expect(pairedTTest([1, 2], [4, 5]).p).toBe(0.5); // two replications that happen to agree prove nothing
    expect(pairedTTest(Array(12).fill(1), Array(12).fill(2)).p).toBe(2 / 4096);
  });

  it('does not test fewer than two pairs', () => {
    expect(pairedTTest([1], [2]).p).toBeNull();
  });
});

describe('welchTTest', () => {
  it('gives the published t, df, p and interval for Student\'s sleep data', () => {
    const r = welchTTest(group2, group1);
    expect(r.test).toBe('welch');
    expect(r.diff).toBeCloseTo(-1.58, 12);
    expect(r.t).toBeCloseTo(-1.8608, 4);
    expect(r.df).toBeCloseTo(17.776, 3);
    expect(r.p).toBeCloseTo(0.07939, 5);
    expect(r.ci[0]).toBeCloseTo(-3.3654832, 7);
    expect(r.ci[1]).toBeCloseTo(0.2054832, 7);
  });

  it('handles zero variance on both sides without NaN', () => {
    expect(welchTTest([7, 7, 7], [7, 7])).toMatchObject({ diff: 0, p: 1, ci: [0, 0] });
    expect(welchTTest([7, 7, 7], [9, 9])).toMatchObject({ diff: 2, p: 0, ci: [2, 2] });
  });

  it('uses the other side\'s n − 1 degrees of freedom when one side is constant', () => {
    const r = welchTTest([5, 5, 5, 5], [4, 6, 5, 7, 3]);
    expect(r.df).toBeCloseTo(4, 12);
  });

  it('rejects an alpha outside (0, 1), naming it', () => {
    expect(() => welchTTest([1, 2], [3, 4], 1.5)).toThrow(/alpha: must be in \(0, 1\), given 1.5/);
  });
});

describe('summarizeSample', () => {
  it('gives the t-based 95 % interval of the mean', () => {
    // mean(group1) = 0.75, sd = 1.78901, t(0.975, 9) = 2.262157: half-width 1.279780.
    const s = summarizeSample(group1);
    expect(s.mean).toBeCloseTo(0.75, 12);
    expect(s.sd).toBeCloseTo(1.789010, 6);
    expect(s.ci95[0]).toBeCloseTo(0.75 - 1.27978, 5);
    expect(s.ci95[1]).toBeCloseTo(0.75 + 1.27978, 5);
  });

  it('gives a constant sample its exact value and a zero-width interval', () => {
    expect(summarizeSample([0.1, 0.1, 0.1])).toEqual({ n: 3, mean: 0.1, sd: 0, ci95: [0.1, 0.1] });
  });
});

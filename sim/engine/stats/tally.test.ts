import { describe, expect, it } from 'vitest';
import { Tally } from './index.ts';

/** mulberry32: a small seeded PRNG, so the test data are the same on every run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function twoPass(xs: readonly number[]): { mean: number; variance: number } {
  let sum = 0;
  for (const x of xs) sum += x;
  const mean = sum / xs.length;
  let ss = 0;
  for (const x of xs) ss += (x - mean) * (x - mean);
  return { mean, variance: ss / (xs.length - 1) };
}

function relErr(a: number, b: number): number {
  return Math.abs(a - b) / Math.abs(b);
}

describe('Tally', () => {
  const rand = mulberry32(42);
  // Skewed data with some spread: exponential with mean 90 minutes.
  const xs = Array.from({ length: 100_000 }, () => -90 * Math.log(1 - rand()));

  it('agrees with a two-pass mean and variance on 100,000 values', () => {
    const t = new Tally();
    for (const x of xs) t.add(x);
    const ref = twoPass(xs);
    expect(t.count).toBe(100_000);
    expect(relErr(t.mean, ref.mean)).toBeLessThan(1e-9);
    expect(relErr(t.variance, ref.variance)).toBeLessThan(1e-9);
    expect(relErr(t.sd, Math.sqrt(ref.variance))).toBeLessThan(1e-9);
    expect(t.min).toBe(Math.min(...xs));
    expect(t.max).toBe(Math.max(...xs));
    expect(relErr(t.sum, ref.mean * xs.length)).toBeLessThan(1e-9);
  });

  it('merging two halves gives the tally of the whole', () => {
    const whole = new Tally();
    const a = new Tally();
    const b = new Tally();
    xs.forEach((x, i) => {
      whole.add(x);
      (i < 30_000 ? a : b).add(x);
    });
    a.merge(b);
    expect(a.count).toBe(whole.count);
    expect(relErr(a.mean, whole.mean)).toBeLessThan(1e-12);
    expect(relErr(a.variance, whole.variance)).toBeLessThan(1e-12);
    expect(a.min).toBe(whole.min);
    expect(a.max).toBe(whole.max);
    expect(b.count).toBe(70_000); // the argument is unchanged
  });

  it('merging with an empty tally, either way round, changes nothing', () => {
    const t = new Tally();
    for (const x of [3, 5, 10]) t.add(x);
    const before = JSON.stringify(t);
    t.merge(new Tally());
    expect(JSON.stringify(t)).toBe(before);
    expect(JSON.stringify(new Tally().merge(t))).toBe(before);
  });

  it('merging in a fixed order is byte-identical from run to run', () => {
    const run = () => {
      const shards = [0, 1, 2, 3].map(() => new Tally());
      xs.forEach((x, i) => shards[i % 4]!.add(x));
      const total = new Tally();
      for (const s of shards) total.merge(s);
      return JSON.stringify(total);
    };
    expect(run()).toBe(run());
  });

  it('keeps the variance of values near 1e9 (where Σx² − n·x̄² loses every digit)', () => {
    const r = mulberry32(7);
    // 1e9 + u is rounded to a multiple of 2^-23; the offset is then removed exactly for the reference.
    const big = Array.from({ length: 100_000 }, () => 1e9 + r());
    const t = new Tally();
    let sum = 0;
    let sumSq = 0;
    for (const x of big) {
      t.add(x);
      sum += x;
      sumSq += x * x;
    }
    const ref = twoPass(big.map((x) => x - 1e9));
    expect(Math.abs(t.mean - 1e9 - ref.mean)).toBeLessThan(1e-6);
    expect(relErr(t.variance, ref.variance)).toBeLessThan(1e-6);
    // The textbook formula on the same data is far off: this is what the test guards against.
    const naive = (sumSq - (sum * sum) / big.length) / (big.length - 1);
    expect(relErr(naive, ref.variance)).toBeGreaterThan(1);
  });

  it('reports NaN for statistics that need more observations, and null in JSON', () => {
    const t = new Tally();
    expect(t.mean).toBeNaN();
    expect(t.min).toBeNaN();
    expect(t.variance).toBeNaN();
    t.add(4);
    expect(t.mean).toBe(4);
    expect(t.variance).toBeNaN();
    expect(t.toJSON()).toEqual({ count: 1, sum: 4, mean: 4, variance: null, sd: null, min: 4, max: 4, m2: 0 });
    t.add(6);
    expect(t.variance).toBe(2);
  });

  it('round-trips through JSON exactly and keeps merging afterwards', () => {
    const t = new Tally();
    for (const x of xs.slice(0, 1000)) t.add(x);
    const copy = Tally.fromJSON(JSON.parse(JSON.stringify(t)));
    expect(JSON.stringify(copy)).toBe(JSON.stringify(t));
    const empty = Tally.fromJSON(JSON.parse(JSON.stringify(new Tally())));
    expect(empty.count).toBe(0);
    expect(JSON.stringify(empty.merge(copy))).toBe(JSON.stringify(t));
  });

  it('reset forgets every observation', () => {
    const t = new Tally();
    t.add(1);
    t.add(100);
    t.reset();
    expect(JSON.stringify(t)).toBe(JSON.stringify(new Tally()));
  });

  it('rejects non-finite observations, naming the value', () => {
    const t = new Tally();
    expect(() => t.add(NaN)).toThrow('Tally.add: x must be a finite number, given NaN');
    expect(() => t.add(Infinity)).toThrow('given Infinity');
    expect(t.count).toBe(0);
  });

  it('fromJSON lists every problem with a malformed tally', () => {
    const bad = { count: 2, sum: 1, mean: null, variance: null, sd: null, min: 1, max: null, m2: NaN };
    expect(() => Tally.fromJSON(bad)).toThrow(
      'Tally.fromJSON: invalid tally:\n  m2: must be a finite number, given NaN\n  mean: must be a finite number, given null\n  max: must be a finite number, given null',
    );
  });
});

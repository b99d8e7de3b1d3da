import { describe, expect, it } from 'vitest';
import { Quantiles, type QuantilesJSON } from './index.ts';

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

const N = 100_000;

function normal(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

/** Test data, generated once with the real Math functions. */
const distributions: Record<string, number[]> = (() => {
  const r = mulberry32(2024);
  const gen = (f: () => number) => Array.from({ length: N }, f);
  return {
    'exponential (mean 90 min)': gen(() => -90 * Math.log(1 - r())),
    'lognormal, heavy tail (σ = 2.5)': gen(() => Math.exp(3 + 2.5 * normal(r))),
    'uniform on [0, 1440)': gen(() => 1440 * r()),
    'many duplicates and 30 % zeros': gen(() => (r() < 0.3 ? 0 : Math.floor(r() * 20) * 15)),
    'fourteen decades, 1e-6 to 1e8': gen(() => 10 ** (-6 + 14 * r())),
    // Powers of two and their neighbours one ulp away sit on bucket-mapping seams.
    'powers of two and their float neighbours': gen(() => {
      const x = 2 ** Math.floor(-20 + 50 * r());
      const k = Math.floor(3 * r());
      return k === 0 ? x : k === 1 ? x * (1 + Number.EPSILON) : x * (1 - Number.EPSILON / 2);
    }),
  };
})();

const NAMED_PS = [0, 0.01, 0.25, 0.5, 0.9, 0.95, 0.99, 0.999, 1];

/** The documented rank convention: the value at 0-based rank ⌊p·(n − 1)⌋ of the sorted data. */
function exact(sorted: Float64Array, p: number): number {
  return sorted[Math.floor(p * (sorted.length - 1))]!;
}

function sketch(xs: readonly number[], relativeAccuracy?: number): Quantiles {
  const q = relativeAccuracy === undefined ? new Quantiles() : new Quantiles({ relativeAccuracy });
  for (const x of xs) q.add(x);
  return q;
}

/** The ps where the estimate misses the exact order statistic by more than α·q. */
function violations(q: Quantiles, sorted: Float64Array, ps: readonly number[]): string[] {
  const alpha = q.relativeAccuracy;
  const bad: string[] = [];
  for (const p of ps) {
    const truth = exact(sorted, p);
    const est = q.quantile(p);
    if (!(Math.abs(est - truth) <= alpha * truth)) bad.push(`p=${p}: estimate ${est}, exact ${truth}`);
  }
  return bad;
}

const MANY_PS = [...NAMED_PS, ...Array.from({ length: 1001 }, (_, i) => i / 1000)];

function shuffled(xs: readonly number[], seed: number): number[] {
  const r = mulberry32(seed);
  const out = xs.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('Quantiles', () => {
  for (const [name, xs] of Object.entries(distributions)) {
    it(`every quantile is within 0.5 % of the exact order statistic: ${name}`, () => {
      const q = sketch(xs);
      const sorted = Float64Array.from(xs).sort();
      expect(violations(q, sorted, MANY_PS)).toEqual([]);
      expect(q.count).toBe(N);
      expect(q.quantile(0)).toBe(sorted[0]);
      expect(q.quantile(1)).toBe(sorted[N - 1]);
    });
  }

  it('keeps the bound at other accuracies (1 %, 0.01 %)', () => {
    const xs = distributions['lognormal, heavy tail (σ = 2.5)']!;
    const sorted = Float64Array.from(xs).sort();
    for (const alpha of [0.01, 0.0001]) {
      expect(violations(sketch(xs, alpha), sorted, MANY_PS)).toEqual([]);
    }
  });

  it('is not exact by accident: a single bucket really spans about 2α', () => {
    // If the sketch stored values exactly, the bound tests above would prove nothing about buckets.
    const q = new Quantiles();
    q.add(100);
    q.add(100.5);
    q.add(100.9);
    expect(q.quantile(0.5)).not.toBe(100.5);
    expect(Math.abs(q.quantile(0.5) - 100.5)).toBeLessThanOrEqual(0.005 * 100.5);
  });

  it('merging shards gives the same JSON as one sketch fed every value', () => {
    for (const xs of Object.values(distributions)) {
      const whole = JSON.stringify(sketch(xs));
      const shards = Array.from({ length: 7 }, () => new Quantiles());
      xs.forEach((x, i) => shards[(i * 7919) % 7]!.add(x));
      const forward = new Quantiles();
      for (const s of shards) forward.merge(s);
      const backward = new Quantiles();
      for (const s of shards.slice().reverse()) backward.merge(s);
      expect(JSON.stringify(forward)).toBe(whole);
      expect(JSON.stringify(backward)).toBe(whole);
    }
  });

  it('gives identical JSON whatever the insertion order', () => {
    for (const xs of Object.values(distributions)) {
      const reference = JSON.stringify(sketch(xs));
      const ascending = Float64Array.from(xs).sort();
      expect(JSON.stringify(sketch(Array.from(ascending)))).toBe(reference);
      expect(JSON.stringify(sketch(Array.from(ascending).reverse()))).toBe(reference);
      expect(JSON.stringify(sketch(shuffled(xs, 99)))).toBe(reference);
    }
  });

  it('never calls Math.log, log2, exp or pow: perturbing them in the last bit changes nothing', () => {
    const xs = Object.values(distributions).flat();
    const reference = sketch(xs);
    const names = ['log', 'log2', 'log10', 'log1p', 'exp', 'expm1', 'pow', 'cbrt'] as const;
    const m = Math as unknown as Record<string, (...args: number[]) => number>;
    const originals = names.map((name) => m[name]!);
    let calls = 0;
    let json = '';
    let estimates: number[] = [];
    let harnessWorks = false;
    try {
      names.forEach((name, i) => {
        const original = originals[i]!;
        m[name] = (...args: number[]) => {
          calls += 1;
          return original(...args) * (1 + Number.EPSILON); // one ulp up
        };
      });
      harnessWorks = Math.log(10) !== originals[0]!(10) && calls === 1;
      calls = 0;
      const q = sketch(xs);
      estimates = q.quantiles(MANY_PS);
      q.buckets();
      json = JSON.stringify(q);
    } finally {
      names.forEach((name, i) => {
        m[name] = originals[i]!;
      });
    }
    expect(harnessWorks).toBe(true);
    expect(calls).toBe(0);
    expect(json).toBe(JSON.stringify(reference));
    expect(estimates).toEqual(reference.quantiles(MANY_PS));
  });

  it('round-trips through JSON and keeps merging afterwards', () => {
    const xs = distributions['many duplicates and 30 % zeros']!;
    const q = sketch(xs.slice(0, 50_000));
    const copy = Quantiles.fromJSON(JSON.parse(JSON.stringify(q)) as QuantilesJSON);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(q));
    expect(copy.quantiles(NAMED_PS)).toEqual(q.quantiles(NAMED_PS));
    copy.merge(sketch(xs.slice(50_000)));
    expect(JSON.stringify(copy)).toBe(JSON.stringify(sketch(xs)));
  });

  it('quantiles() answers in the order asked', () => {
    const q = sketch(distributions['uniform on [0, 1440)']!);
    expect(q.quantiles([0.99, 0.5, 0])).toEqual([q.quantile(0.99), q.quantile(0.5), q.quantile(0)]);
  });

  it('buckets() partitions the observations into bars that contain them', () => {
    const r = mulberry32(5);
    for (let i = 0; i < 2000; i++) {
      const x = 10 ** (-3 + 9 * r());
      const q = new Quantiles();
      q.add(x);
      const [bar] = q.buckets();
      expect(bar!.count).toBe(1);
      expect(bar!.lower < x && x <= bar!.upper, `${x} in (${bar!.lower}, ${bar!.upper}]`).toBe(true);
      expect(bar!.upper / bar!.lower).toBeLessThan(Math.exp(2 * 0.005));
    }
    const q = sketch(distributions['many duplicates and 30 % zeros']!);
    const bars = q.buckets();
    expect(bars[0]).toEqual({ lower: 0, upper: 0, count: q.toJSON().zeroCount });
    expect(bars.reduce((s, b) => s + b.count, 0)).toBe(N);
    for (let i = 1; i < bars.length; i++) expect(bars[i]!.lower).toBeGreaterThanOrEqual(bars[i - 1]!.upper);
  });

  it('handles extreme magnitudes: largest double, smallest normal, subnormals as zeros', () => {
    const q = new Quantiles();
    for (const x of [Number.MAX_VALUE, 2.2250738585072014e-308, 5e-324, 1]) q.add(x);
    expect(q.quantiles([0, 1 / 3, 2 / 3, 1])).toEqual([5e-324, expect.any(Number), expect.any(Number), Number.MAX_VALUE]);
    expect(q.toJSON().zeroCount).toBe(1);
    expect(Math.abs(q.quantile(1 / 3) - 2.2250738585072014e-308)).toBeLessThanOrEqual(0.005 * 2.2250738585072014e-308);
    expect(Math.abs(q.quantile(2 / 3) - 1)).toBeLessThanOrEqual(0.005);
    const top = new Quantiles();
    top.add(Number.MAX_VALUE);
    top.add(Number.MAX_VALUE / 1.003);
    expect(Math.abs(top.quantile(0) - Number.MAX_VALUE / 1.003)).toBe(0); // min is exact
    expect(top.buckets().every((b) => b.lower <= b.upper)).toBe(true);
  });

  it('is empty until the first add and after reset', () => {
    const q = new Quantiles();
    expect(q.quantile(0.5)).toBeNaN();
    expect(q.min).toBeNaN();
    expect(q.max).toBeNaN();
    expect(q.buckets()).toEqual([]);
    expect(q.toJSON()).toEqual({ relativeAccuracy: 0.005, count: 0, zeroCount: 0, min: null, max: null, offset: 0, counts: [] });
    q.add(3);
    q.add(0);
    expect([q.min, q.max]).toEqual([0, 3]);
    q.reset();
    expect(JSON.stringify(q)).toBe(JSON.stringify(new Quantiles()));
  });

  it('stores a negative zero as zero', () => {
    const q = new Quantiles();
    q.add(-0);
    expect(Object.is(q.min, 0)).toBe(true);
    expect(Object.is(q.quantile(0.5), 0)).toBe(true);
  });

  it('rejects what it cannot bound, naming the value and what is valid', () => {
    const q = new Quantiles();
    expect(() => q.add(-1)).toThrow('Quantiles.add: x must be a finite number ≥ 0, given -1');
    expect(() => q.add(NaN)).toThrow('given NaN');
    expect(() => q.add(Infinity)).toThrow('given Infinity');
    expect(q.count).toBe(0);
    expect(() => q.quantile(1.5)).toThrow('Quantiles.quantile: p must be a number in [0, 1], given 1.5');
    expect(() => q.quantile(NaN)).toThrow('given NaN');
    expect(() => q.quantiles([0.5, -0.1])).toThrow('given -0.1');
    expect(() => new Quantiles({ relativeAccuracy: 0 })).toThrow(
      'Quantiles: relativeAccuracy must be a number in [0.0001, 0.5], given 0',
    );
    expect(() => new Quantiles({ relativeAccuracy: 0.6 })).toThrow('given 0.6');
    expect(() => q.merge(new Quantiles({ relativeAccuracy: 0.01 }))).toThrow(
      'Quantiles.merge: relative accuracies differ (0.005 and 0.01); only sketches with the same α can merge',
    );
  });

  it('fromJSON lists every problem with a malformed sketch', () => {
    const bad = { relativeAccuracy: 2, count: 5, zeroCount: 1, min: null, max: 4, offset: 0.5, counts: [1, -1] };
    expect(() => Quantiles.fromJSON(bad)).toThrow(
      [
        'Quantiles.fromJSON: invalid sketch:',
        'relativeAccuracy: must be a number in [0.0001, 0.5], given 2',
        'offset: must be an integer, given 0.5',
        'counts[1]: must be an integer ≥ 0, given -1',
        'count: must equal zeroCount plus the bucket counts (2), given 5',
        'min: must be a finite number ≥ 0, given null',
      ].join('\n  '),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { KeyedRandom, createStream, exponential, keyedStreamKey, keyedUniform } from './index.ts';
import { chiSquare, chiSquareCritical999, correlation } from './test-helpers.ts';

// An independent BigInt reference of the construction documented on keyedUniform.
const MASK = (1n << 64n) - 1n;
const GAMMA = 0x9e3779b97f4a7c15n;
function mix64(z: bigint): bigint {
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK;
  return z ^ (z >> 31n);
}
function reference(key: number, entity: number, k: number): number {
  const seed = mix64(BigInt(key) ^ BigInt(entity));
  const z = mix64((seed + BigInt(k + 1) * GAMMA) & MASK);
  return Number(z >> 11n) / 2 ** 53;
}

describe('keyedUniform(key, entity, k) and KeyedRandom', () => {
  const key = keyedStreamKey(42, 0, 'parcel.destination');

  it('the derivation of keyed draws is stable: (42, 0, "parcel.destination") gives the committed key and draws', () => {
    // Hard-coded on purpose: a change here changes every common-random-number draw.
    expect(key).toBe(8476185662845247);
    expect(keyedUniform(key, 0, 0)).toBe(0.7130239211378259);
    expect(keyedUniform(key, 1234567, 2)).toBe(0.8745440922501888);
  });

  it('matches a BigInt reference of the documented SplitMix64 construction, including 53-bit keys and entities', () => {
    const u = createStream(3, 0, 'keyed-reference');
    const big = (): number => Math.floor(u() * 2 ** 21) * 2 ** 32 + Math.floor(u() * 2 ** 32);
    const cases: [number, number, number][] = [
      [0, 0, 0],
      [2 ** 53 - 1, 2 ** 53 - 1, 2 ** 53 - 3],
      [2 ** 32 - 1, 2 ** 32, 2 ** 32 - 1],
      [key, 1, 1],
    ];
    for (let i = 0; i < 2000; i++) cases.push([big(), big(), i % 3 === 0 ? big() : Math.floor(u() * 50)]);
    for (const [kk, e, k] of cases) expect(keyedUniform(kk, e, k), `${kk}, ${e}, ${k}`).toBe(reference(kk, e, k));
  });

  it('draw k of entity e is the same whichever other entities exist and in whatever order they are drawn', () => {
    const a = new KeyedRandom(42, 0, 'parcel.destination');
    const forward = Array.from({ length: 100 }, (_, e) => a.uniform(e, 3));
    const b = new KeyedRandom(42, 0, 'parcel.destination');
    const backward: number[] = [];
    for (let e = 99; e >= 0; e--) {
      b.uniform(e + 1000, 0);
      backward[e] = b.uniform(e, 3);
    }
    expect(backward).toEqual(forward);
    expect(a.uniform(17, 3)).toBe(keyedUniform(key, 17, 3));
  });

  it('different seeds, replications and names give different keys and draws', () => {
    const keys = [
      keyedStreamKey(42, 0, 'parcel.destination'),
      keyedStreamKey(43, 0, 'parcel.destination'),
      keyedStreamKey(42, 1, 'parcel.destination'),
      keyedStreamKey(42, 0, 'parcel.cod'),
    ];
    expect(new Set(keys).size).toBe(4);
    for (const k of keys) expect(Number.isSafeInteger(k) && k >= 0).toBe(true);
    expect(new Set(keys.map((k) => keyedUniform(k, 5, 0))).size).toBe(4);
  });

  it('is uniform on [0, 1) (χ² on 100,000 draws in 20 bins at the 99.9 % level)', () => {
    const n = 100_000;
    const counts = new Array<number>(20).fill(0);
    let outside = 0;
    for (let e = 0; e < n; e++) {
      const x = keyedUniform(key, e, e % 7);
      if (!(x >= 0 && x < 1)) outside++;
      else counts[Math.floor(x * 20)]!++;
    }
    expect(outside).toBe(0);
    const { stat, df } = chiSquare(counts, new Array<number>(20).fill(1 / 20), n);
    expect(stat).toBeLessThan(chiSquareCritical999(df));
  });

  it('pairs (draw 0, draw 1) of an entity fill the unit square evenly (χ² on a 10 × 10 grid)', () => {
    const n = 100_000;
    const counts = new Array<number>(100).fill(0);
    for (let e = 0; e < n; e++) {
      counts[Math.floor(keyedUniform(key, e, 0) * 10) * 10 + Math.floor(keyedUniform(key, e, 1) * 10)]!++;
    }
    const { stat, df } = chiSquare(counts, new Array<number>(100).fill(1 / 100), n);
    expect(stat).toBeLessThan(chiSquareCritical999(df));
  });

  it('draws are uncorrelated across k and across neighbouring entities (|r| < 4/√n)', () => {
    const n = 100_000;
    const bound = 4 / Math.sqrt(n);
    const at = (e: number, k: number): number => keyedUniform(key, e, k);
    const es = Array.from({ length: n }, (_, i) => i);
    expect(Math.abs(correlation(es.map((e) => at(e, 0)), es.map((e) => at(e, 1))))).toBeLessThan(bound);
    expect(Math.abs(correlation(es.map((e) => at(7, e)), es.map((e) => at(7, e + 1))))).toBeLessThan(bound);
    expect(Math.abs(correlation(es.map((e) => at(e, 0)), es.map((e) => at(e + 1, 0))))).toBeLessThan(bound);
    const other = keyedStreamKey(42, 0, 'parcel.cod');
    expect(Math.abs(correlation(es.map((e) => at(e, 0)), es.map((e) => keyedUniform(other, e, 0))))).toBeLessThan(bound);
  });

  it('a cursor yields draws k, k + 1, ... of the entity it is seeked to, for samplers that need several', () => {
    const keyed = new KeyedRandom(42, 0, 'parcel.destination');
    const cursor = keyed.cursor();
    cursor.seek(1234567, 2);
    expect([cursor.next(), cursor.next(), cursor.next()]).toEqual([2, 3, 4].map((k) => keyed.uniform(1234567, k)));
    cursor.seek(9);
    const viaCursor = exponential(0.5).sample(cursor.next);
    expect(viaCursor).toBe(exponential(0.5).sample(() => keyed.uniform(9, 0)));
  });

  it('a cursor fills an array with the draws next() would give, and next() goes on after them', () => {
    const keyed = new KeyedRandom(42, 0, 'parcel.order');
    const cursor = keyed.cursor();
    const out = new Float64Array(10);
    cursor.seek(77, 1).fill(out, 4);
    expect(Array.from(out.subarray(0, 4))).toEqual([1, 2, 3, 4].map((k) => keyed.uniform(77, k)));
    expect(out[4]).toBe(0); // left alone past count
    expect(cursor.next()).toBe(keyed.uniform(77, 5));
    expect(() => cursor.fill(out, 11)).toThrow(/count must be an integer in \[0, 10\] \(the length of out\), given 11/);
  });

  it('rejects a bad key, entity or k, naming each with its value', () => {
    expect(() => keyedUniform(-1, 0, 0)).toThrow(/key must be an integer in \[0, 2\^53\), given -1/);
    expect(() => keyedUniform(key, 1.5, 0)).toThrow(/entity must be an integer in \[0, 2\^53\), given 1.5/);
    expect(() => keyedUniform(key, 0, Number.NaN)).toThrow(/k must be an integer in \[0, 2\^53 - 1\), given NaN/);
    expect(() => new KeyedRandom(1, 0, 'x').cursor().seek(-2)).toThrow(/entity must be .*given -2/);
    expect(() => new KeyedRandom(1, -1, 'x')).toThrow(/replication must be an integer >= 0, given -1/);
  });
});

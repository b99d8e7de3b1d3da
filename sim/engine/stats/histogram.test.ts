import { describe, expect, it } from 'vitest';
import { Histogram } from './index.ts';

describe('Histogram', () => {
  it('counts values in half-open bins [lo, hi), with underflow and overflow', () => {
    const h = new Histogram([0, 60, 120, 240]);
    for (const x of [-1, 0, 59.999, 60, 119, 120, 239.9, 240, 1e9, Infinity, -Infinity]) h.add(x);
    expect(h.counts).toEqual([2, 2, 2]);
    expect(h.underflow).toBe(2);
    expect(h.overflow).toBe(3);
    expect(h.count).toBe(11);
    expect(h.edges).toEqual([0, 60, 120, 240]);
  });

  it('linear() makes equal-width bins, such as 1-hour lead-time bins over two weeks', () => {
    const h = Histogram.linear(0, 60, 24 * 14);
    expect(h.edges.length).toBe(24 * 14 + 1);
    expect(h.edges[24]).toBe(1440);
    for (let t = 0; t < 24 * 14 * 60; t += 7) h.add(t);
    const counts = h.counts;
    expect(counts.reduce((a, b) => a + b, 0)).toBe(Math.ceil((24 * 14 * 60) / 7));
    // Check every bin against a direct count.
    const direct = new Array<number>(24 * 14).fill(0);
    for (let t = 0; t < 24 * 14 * 60; t += 7) direct[Math.floor(t / 60)]! += 1;
    expect(counts).toEqual(direct);
  });

  it('puts values on and just below every edge in the right bin, equal widths or not', () => {
    const below = (x: number) => x - Math.abs(x) * Number.EPSILON;
    for (const h of [Histogram.linear(-1, 0.1, 200), new Histogram([0, 0.1, 0.3, 0.35, 1, 7, 7.5])]) {
      const edges = h.edges;
      const xs = edges.flatMap((e) => [e, below(e), (e + (edges[1]! - edges[0]!) / 3)]);
      for (const x of xs) h.add(x);
      // Reference: the last edge ≤ x, found by a linear scan.
      const expected = new Array<number>(edges.length - 1).fill(0);
      let under = 0;
      let over = 0;
      for (const x of xs) {
        if (x < edges[0]!) under += 1;
        else if (x >= edges[edges.length - 1]!) over += 1;
        else expected[edges.filter((e) => e <= x).length - 1]! += 1;
      }
      expect([h.counts, h.underflow, h.overflow]).toEqual([expected, under, over]);
    }
  });

  it('merges histograms with identical edges and round-trips as JSON', () => {
    const a = Histogram.linear(0, 1, 3);
    const b = Histogram.linear(0, 1, 3);
    a.add(0.5);
    b.add(2.5);
    b.add(7);
    expect(a.merge(b).toJSON()).toEqual({ edges: [0, 1, 2, 3], counts: [1, 0, 1], underflow: 0, overflow: 1 });
    a.reset();
    expect(a.count).toBe(0);
    expect(() => a.merge(Histogram.linear(0, 2, 3))).toThrow(
      'Histogram.merge: edges differ (4 edges from 0 to 3 vs 4 from 0 to 6); only histograms with identical edges can merge',
    );
  });

  it('rejects bad edges, listing every problem, and NaN observations', () => {
    expect(() => new Histogram([0, 5, 5, NaN])).toThrow(
      'Histogram: invalid edges:\n  edges[2] must be greater than edges[1] (5), given 5\n  edges[3] must be a finite number, given NaN',
    );
    expect(() => new Histogram([1])).toThrow('must have at least 2 edges, given 1');
    expect(() => Histogram.linear(0, 0, 3)).toThrow('Histogram.linear: width must be a finite number > 0, given 0');
    expect(() => Histogram.linear(0, 1, 2.5)).toThrow('Histogram.linear: bins must be an integer ≥ 1, given 2.5');
    const h = new Histogram([0, 1]);
    expect(() => h.add(NaN)).toThrow('Histogram.add: x must be a number, given NaN');
    expect(h.count).toBe(0);
  });
});

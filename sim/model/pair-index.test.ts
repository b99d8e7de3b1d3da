import { describe, expect, it } from 'vitest';
import { PairIndex } from './pair-index.ts';

describe('the pair index', () => {
  it('finds every pair stored, through growth, and -1 for pairs not stored', () => {
    const index = new PairIndex(4);
    for (let a = 0; a < 60; a++) for (let b = 0; b < 500; b += 7) index.set(a, b * 1000, a * 1000 + b);
    for (let a = 0; a < 60; a++) {
      for (let b = 0; b < 500; b++) expect(index.get(a, b * 1000)).toBe(b % 7 === 0 ? a * 1000 + b : -1);
    }
    expect(index.get(60, 0)).toBe(-1);
  });
});

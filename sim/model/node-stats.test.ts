import { describe, expect, it } from 'vitest';
import { NodeStats } from './node-stats.ts';

describe('NodeStats', () => {
  it('integrates a node’s queue over time and keeps its maximum (a hand count)', () => {
    const s = new NodeStats(3);
    s.queue(1, 2, 60); // 2 parcels from minute 60
    s.queue(1, 3, 120); // 5 from 120
    s.queue(1, -5, 180); // none from 180
    // Area: 2 × 60 + 5 × 60 = 420 parcel-minutes over 240 minutes.
    expect(s.meanQueue(1, 240)).toBeCloseTo(420 / 240, 12);
    expect(s.max(1)).toBe(5);
    expect(s.meanQueue(0, 240)).toBe(0);
    // A queue still standing at the horizon counts to the horizon.
    s.queue(2, 4, 200);
    expect(s.meanQueue(2, 240)).toBeCloseTo((4 * 40) / 240, 12);
  });

  it('counts waits and reads a quantile off their histogram, linear within a bin', () => {
    const s = new NodeStats(1);
    for (let i = 0; i < 8; i++) s.waited(0, 30); // 0.5 h: the second bin [0.5, 1) h
    s.waited(0, 5 * 60); // 5 h: bin [4, 6)
    s.waited(0, 5 * 60);
    expect(s.waits(0)).toBe(10);
    expect(s.waitMinutes(0)).toBe(8 * 30 + 600);
    // The 90th percentile is the 9th of 10 waits: the first of two in [4, 6) h, halfway in.
    expect(s.waitQuantileHours(0, 0.9)).toBeCloseTo(5, 12);
    expect(s.waitQuantileHours(0, 0.5)).toBeCloseTo(0.5 + 0.5 * (5 / 8), 12);
  });
});

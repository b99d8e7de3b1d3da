import { describe, expect, it } from 'vitest';
import { ShiftingBottleneck } from './shifting-bottleneck.ts';

describe('ShiftingBottleneck (Roser’s active periods)', () => {
  it('gives each moment to the resource whose active period began first (a hand count)', () => {
    // A (kind 0) holds work from 0 to 100, B (kind 1) from 50 to 300: A is the bottleneck until it
    // catches up, then B; nothing is active from 300 to the end at 400.
    const b = new ShiftingBottleneck(2, 1, (r) => r);
    b.report(0, true, 0);
    b.report(1, true, 50);
    b.report(1, true, 80); // still active: no change
    b.report(0, false, 100);
    b.report(1, false, 300);
    b.close(400);
    expect(Array.from(b.minutes)).toEqual([100, 200]);
    expect(Array.from(b.idle)).toEqual([100]);
  });

  it('splits a period at midnight and keeps the longest period through a newer one', () => {
    const b = new ShiftingBottleneck(2, 2, (r) => (r === 7 ? 0 : 1));
    b.report(7, true, 1000); // day 0, 16:40
    b.report(3, true, 1200); // starts later: never the bottleneck while 7 is active
    b.report(7, false, 2000); // day 1
    b.close(2880);
    // Kind 0 (resource 7): 440 min on day 0, 560 on day 1; kind 1 (resource 3) the rest of day 1.
    expect(Array.from(b.minutes)).toEqual([440, 0, 560, 880]);
    expect(Array.from(b.idle)).toEqual([1000, 0]);
  });

  it('breaks a tie between periods that began at the same minute by the lower resource number', () => {
    const b = new ShiftingBottleneck(3, 1, (r) => r);
    b.report(2, true, 10);
    b.report(1, true, 10);
    b.close(20);
    expect(Array.from(b.minutes)).toEqual([0, 10, 0]);
  });
});

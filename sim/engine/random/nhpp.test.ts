import { describe, expect, it } from 'vitest';
import { createStream, nhpp } from './index.ts';
import type { ArrivalProcess, Uniform } from './index.ts';
import { chiSquareCritical999, ksCritical999, ksStatistic } from './test-helpers.ts';

// Orders per hour through a day: none overnight, a morning ramp, an evening peak.
const PER_HOUR = [0, 0, 0, 0, 0, 0, 5, 20, 60, 90, 100, 80, 70, 60, 60, 70, 80, 90, 60, 40, 20, 10, 0, 0];
const DAY = 1440;

function arrivals(process: ArrivalProcess, u: Uniform, until: number): number[] {
  const times: number[] = [];
  for (let t = process.next(u, 0); t < until; t = process.next(u, t)) times.push(t);
  return times;
}

describe('nhpp({ perHour, dayMultiplier })', () => {
  it('counts per hour of day over 200 days match perHour (χ² at the 99.9 % level), with none in zero-rate hours', () => {
    const days = 200;
    const times = arrivals(nhpp({ perHour: PER_HOUR }), createStream(11, 0, 'nhpp'), days * DAY);
    const counts = new Array<number>(24).fill(0);
    for (const t of times) counts[Math.floor((t % DAY) / 60)]!++;
    let stat = 0;
    let df = 0;
    PER_HOUR.forEach((rate, h) => {
      if (rate === 0) {
        expect(counts[h], `hour ${h}`).toBe(0);
        return;
      }
      // Counts in disjoint hours are independent Poisson(rate x days).
      const expected = rate * days;
      stat += (counts[h]! - expected) ** 2 / expected;
      df++;
    });
    expect(stat).toBeLessThan(chiSquareCritical999(df));
  });

  it('the day multiplier scales each day’s count: ×3 days get three times the arrivals (within 4 standard errors)', () => {
    const days = 60;
    const dayMultiplier = (d: number): number => (d % 3 === 2 ? 3 : 1);
    const times = arrivals(nhpp({ perHour: PER_HOUR, dayMultiplier }), createStream(12, 0, 'nhpp'), days * DAY);
    const perDay = PER_HOUR.reduce((a, b) => a + b, 0);
    let busy = 0;
    let plain = 0;
    for (const t of times) {
      if (dayMultiplier(Math.floor(t / DAY)) === 3) busy++;
      else plain++;
    }
    const expectedBusy = 20 * 3 * perDay;
    const expectedPlain = 40 * perDay;
    expect(Math.abs(busy - expectedBusy)).toBeLessThan(4 * Math.sqrt(expectedBusy));
    expect(Math.abs(plain - expectedPlain)).toBeLessThan(4 * Math.sqrt(expectedPlain));
  });

  it('an array of day multipliers skips days of 0 and ends the process after its last day', () => {
    const process = nhpp({ perHour: PER_HOUR, dayMultiplier: [1, 0, 2] });
    expect(process.horizon).toBe(3 * DAY);
    const u = createStream(13, 0, 'nhpp');
    const times = arrivals(process, u, Infinity);
    expect(times.length).toBeGreaterThan(0);
    expect(times.some((t) => t >= DAY && t < 2 * DAY)).toBe(false);
    expect(times.every((t) => t < 3 * DAY)).toBe(true);
    expect(process.next(u, 3 * DAY - 1)).toBe(Infinity);
  });

  it('with a constant rate, gaps are exponential with that rate (Kolmogorov–Smirnov at the 99.9 % level)', () => {
    const perMinute = 0.75;
    const times = arrivals(nhpp({ perHour: new Array<number>(24).fill(perMinute * 60) }), createStream(14, 0, 'nhpp'), 100_000 / perMinute);
    const gaps = new Float64Array(times.length - 1);
    for (let i = 1; i < times.length; i++) gaps[i - 1] = times[i]! - times[i - 1]!;
    expect(ksStatistic(gaps, (x) => 1 - Math.exp(-perMinute * x))).toBeLessThan(ksCritical999(gaps.length));
  });

  it('next(u, now) is strictly after now and draws exactly one uniform per arrival', () => {
    const process = nhpp({ perHour: PER_HOUR, dayMultiplier: () => 1.5 });
    const base = createStream(15, 0, 'nhpp');
    let calls = 0;
    const u = (): number => {
      calls++;
      return base();
    };
    let t = 0;
    for (let i = 0; i < 1000; i++) {
      const next = process.next(u, t);
      expect(next).toBeGreaterThan(t);
      t = next;
    }
    expect(calls).toBe(1000);
    // A uniform of 0 is an Exponential(1) of 0; time must still move on.
    expect(process.next(() => 0, 600)).toBeGreaterThan(600);
  });

  it('returns Infinity when no rate remains before the horizon', () => {
    const u = createStream(16, 0, 'nhpp');
    expect(nhpp({ perHour: new Array<number>(24).fill(0) }).next(u, 0)).toBe(Infinity);
    expect(nhpp({ perHour: PER_HOUR, dayMultiplier: () => 0, horizon: 30 * DAY }).next(u, 0)).toBe(Infinity);
    const short = nhpp({ perHour: PER_HOUR, horizon: 7 * 60 });
    expect(short.next(u, 7 * 60)).toBe(Infinity);
    const early = arrivals(short, u, Infinity);
    expect(early.every((t) => t >= 6 * 60 && t < 7 * 60)).toBe(true);
  });

  it('reports the rate per minute and the expected count, the integral of the rate', () => {
    const process = nhpp({ perHour: PER_HOUR, dayMultiplier: [1, 2] });
    expect(process.ratePerMinute(10 * 60 + 5)).toBeCloseTo(100 / 60, 12);
    expect(process.ratePerMinute(DAY + 10 * 60 + 5)).toBeCloseTo(200 / 60, 12);
    expect(process.ratePerMinute(3 * DAY)).toBe(0);
    const perDay = PER_HOUR.reduce((a, b) => a + b, 0);
    expect(process.expectedCount(0, 2 * DAY)).toBeCloseTo(3 * perDay, 9);
    expect(process.expectedCount(6 * 60 + 30, 7 * 60)).toBeCloseTo(2.5, 12);
  });

  it('rejects bad options, naming each with its value and what is valid', () => {
    expect(() => nhpp({ perHour: [1, 2, 3] })).toThrow(/perHour must be an array of 24 rates \(arrivals per hour\), given \[1,2,3\]/);
    const bad = [...PER_HOUR];
    bad[5] = -1;
    expect(() => nhpp({ perHour: bad })).toThrow(/perHour\[5\] must be a finite number >= 0 \(arrivals per hour\), given -1/);
    expect(() => nhpp({ perHour: PER_HOUR, dayMultiplier: [1, Number.NaN] })).toThrow(/dayMultiplier\[1\] must be a finite number >= 0, given NaN/);
    expect(() => nhpp({ perHour: PER_HOUR, horizon: Infinity })).toThrow(/horizon must be a finite number >= 0 \(minutes\), given Infinity/);
    const negative = nhpp({ perHour: PER_HOUR, dayMultiplier: (d) => (d === 0 ? -2 : 1) });
    expect(() => negative.next(createStream(1, 0, 'x'), 0)).toThrow(/dayMultiplier\(0\) must be a finite number >= 0, given -2/);
    expect(() => nhpp({ perHour: PER_HOUR }).next(createStream(1, 0, 'x'), -5)).toThrow(/now must be a number >= 0 \(minutes\), given -5/);
  });
});

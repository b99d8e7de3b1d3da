import { describe, expect, it } from 'vitest';
import { formatSpeedPostTable } from './speed-post-table.ts';

const m = (mean: number) => ({ mean });

describe('the Speed Post table', () => {
  it('shows each distance class with its norm, parcels, share within it and working days, from the metrics', () => {
    const text = formatSpeedPostTable({
      'speedPost.parcels{class=local}': m(10),
      'speedPost.withinNorm.share{class=local}': m(0.7),
      'speedPost.workingDays.mean{class=local}': m(2.25),
      'speedPost.parcels{class=restOfIndia}': m(1234.4),
      'speedPost.withinNorm.share{class=restOfIndia}': m(0.981),
      'speedPost.workingDays.mean{class=restOfIndia}': m(4),
    })!;
    const rows = text.split('\n').slice(2).map((l) => l.trim().split(/ {2,}/));
    expect(rows).toEqual([
      ['local (city, metro to metro)', 'D+2', '10', '70.0 %', '2.25'],
      ['within the state', 'D+4', '0', '0.0 %', '0.00'],
      ['neighbouring state', 'D+4', '0', '0.0 %', '0.00'],
      ['rest of India', 'D+6', '1,234', '98.1 %', '4.00'],
    ]);
  });

  it('is left out when India Post carried no parcel from a booking', () => {
    expect(formatSpeedPostTable({ 'leadTime.hours.mean': m(50) })).toBeUndefined();
  });
});

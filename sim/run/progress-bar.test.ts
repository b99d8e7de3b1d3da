import { describe, expect, it } from 'vitest';
import { createProgressBar, formatSeconds } from './index.ts';

function sink(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, output: { isTTY, columns: 80, write: (s: string) => writes.push(s) } };
}

describe('createProgressBar', () => {
  it('redraws one line in place on a terminal, with a bar and the ETA, and ends it with a newline', () => {
    const { writes, output } = sink(true);
    let now = 0;
    const bar = createProgressBar('baseline', output, () => now);
    bar.update(0, 8, 0, Number.NaN);
    now = 50;
    bar.update(1, 8, 0.2, 40); // within 100 ms of the last draw: skipped
    now = 200;
    bar.update(3, 8, 0.41, 12.4);
    bar.done();
    expect(writes).toHaveLength(4);
    expect(writes[0]).toMatch(/^\rbaseline \[░+\] 0\/8 {4}0 % {2}ETA --\x1b\[K$/);
    expect(writes[1]).toMatch(/^\rbaseline \[█+░+\] 3\/8 {3}41 % {2}ETA 12 s\x1b\[K$/);
    expect(writes.at(-1)).toBe('\n');
  });

  it('writes plain lines at each tenth and each finished replication when not on a terminal', () => {
    const { writes, output } = sink(false);
    const bar = createProgressBar('baseline', output);
    bar.update(0, 2, 0, Number.NaN);
    bar.update(0, 2, 0.05, 100);
    bar.update(0, 2, 0.12, 80);
    bar.update(1, 2, 0.5, 5);
    bar.update(2, 2, 1, 0);
    bar.done();
    expect(writes).toEqual([
      'baseline: 0/2    0 %  ETA --\n',
      'baseline: 0/2   12 %  ETA 1 min 20 s\n',
      'baseline: 1/2   50 %  ETA 5 s\n',
      'baseline: 2/2  100 %  ETA 0 s\n',
    ]);
  });
});

describe('formatSeconds', () => {
  it('reads as people say durations', () => {
    expect([formatSeconds(Number.NaN), formatSeconds(9.6), formatSeconds(75), formatSeconds(7300)]).toEqual(['--', '10 s', '1 min 15 s', '2 h 01 min']);
  });
});

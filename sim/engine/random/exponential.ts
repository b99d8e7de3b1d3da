import { ParamCheck } from './check.ts';
import type { Distribution } from './distribution.ts';
import { ln } from './math.ts';

/**
 * Exponential with the given rate, mean 1 / rate. Time in the simulator is in minutes, so
 * `rate` is events per minute: `exponential(0.5)` has a mean of 2 minutes.
 *
 * By inversion, one uniform a draw, which keeps common-random-number pairs aligned. It uses
 * 1 - u, which lies in (0, 1], so the log is never of 0; `0 - ln(...)` keeps a draw of 0 at +0.
 */
export function exponential(rate: number): Distribution {
  const check = new ParamCheck('exponential');
  check.positive('rate', rate);
  check.done();
  return {
    name: 'exponential',
    mean: 1 / rate,
    variance: 1 / (rate * rate),
    sample: (u) => (0 - ln(1 - u())) / rate,
  };
}

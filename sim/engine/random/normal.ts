import { ParamCheck } from './check.ts';
import type { Distribution } from './distribution.ts';
import { standardNormal } from './standard-normal.ts';

/**
 * Normal with the given mean and standard deviation (Marsaglia's polar method; about 2.5
 * uniforms a draw). sd = 0 is allowed, gives the mean, and still consumes the same draws, so a
 * sweep down to no variability keeps other draws in step.
 */
export function normal(mean: number, sd: number): Distribution {
  const check = new ParamCheck('normal');
  check.finite('mean', mean);
  check.nonNegative('sd', sd);
  check.done();
  return {
    name: 'normal',
    mean,
    variance: sd * sd,
    sample: (u) => mean + sd * standardNormal(u),
  };
}

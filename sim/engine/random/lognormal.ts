import { ParamCheck } from './check.ts';
import type { Distribution } from './distribution.ts';
import { exp } from './math.ts';
import { standardNormal } from './standard-normal.ts';

/**
 * Lognormal: exp(mu + sigma * Z) with Z standard normal, so mu and sigma are the mean and sd of
 * the log. For the mean and sd of the value itself ("mean 30 min, sd 10") use
 * `lognormalFromMean`. sigma = 0 is allowed and gives exp(mu).
 */
export function lognormal(mu: number, sigma: number): Distribution {
  const check = new ParamCheck('lognormal');
  check.finite('mu', mu);
  check.nonNegative('sigma', sigma);
  check.done();
  const s2 = sigma * sigma;
  return {
    name: 'lognormal',
    mean: exp(mu + s2 / 2),
    variance: (exp(s2) - 1) * exp(2 * mu + s2),
    sample: (u) => exp(mu + sigma * standardNormal(u)),
  };
}

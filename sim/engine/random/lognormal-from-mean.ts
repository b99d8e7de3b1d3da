import { ParamCheck } from './check.ts';
import type { Distribution } from './distribution.ts';
import { lognormal } from './lognormal.ts';
import { ln } from './math.ts';

/**
 * Lognormal with the given mean and sd of the value itself, as durations are usually quoted
 * ("mean 30 min, sd 10"): sigma^2 = ln(1 + (sd / mean)^2), mu = ln(mean) - sigma^2 / 2.
 * Reports the given mean and sd^2 as its moments, free of the round trip's rounding.
 */
export function lognormalFromMean(mean: number, sd: number): Distribution {
  const check = new ParamCheck('lognormalFromMean');
  check.positive('mean', mean);
  check.nonNegative('sd', sd);
  check.done();
  const cv = sd / mean;
  const s2 = ln(1 + cv * cv);
  const { sample } = lognormal(ln(mean) - s2 / 2, Math.sqrt(s2));
  return { name: 'lognormal', mean, variance: sd * sd, sample };
}

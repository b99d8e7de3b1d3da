import { ParamCheck } from './check.ts';
import type { Distribution } from './distribution.ts';

/** 1 with probability p, else 0; one uniform a draw (1 exactly when u < p). */
export function bernoulli(p: number): Distribution {
  const check = new ParamCheck('bernoulli');
  check.probability('p', p);
  check.done();
  return {
    name: 'bernoulli',
    mean: p,
    variance: p * (1 - p),
    sample: (u) => (u() < p ? 1 : 0),
  };
}

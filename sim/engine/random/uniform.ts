import { ParamCheck } from './check.ts';
import type { Distribution } from './distribution.ts';

/** Continuous uniform on [min, max). min === max is allowed and always gives min. */
export function uniform(min: number, max: number): Distribution {
  const check = new ParamCheck('uniform');
  const numbers = [check.finite('min', min), check.finite('max', max)];
  if (numbers.every(Boolean)) {
    if (!(max >= min)) check.problem('max', `max must be >= min, given min ${min} and max ${max}`);
    else if (!Number.isFinite(max - min)) {
      check.problem('max', `max - min must be finite, given min ${min} and max ${max}`);
    }
  }
  check.done();
  const width = max - min;
  return {
    name: 'uniform',
    mean: min + width / 2,
    variance: (width * width) / 12,
    sample: (u) => min + width * u(),
  };
}

import { ParamCheck } from './check.ts';
import type { Distribution } from './distribution.ts';

/**
 * Triangular on [min, max] peaking at mode: the usual "least, most likely, most" estimate.
 * By inversion, one uniform a draw.
 */
export function triangular(min: number, mode: number, max: number): Distribution {
  const check = new ParamCheck('triangular');
  const numbers = [check.finite('min', min), check.finite('mode', mode), check.finite('max', max)];
  if (numbers.every(Boolean)) {
    if (!(min < max)) check.problem('max', `max must be > min, given min ${min} and max ${max}`);
    else if (!(min <= mode && mode <= max)) {
      check.problem('mode', `mode must lie in [min, max] = [${min}, ${max}], given ${mode}`);
    } else if (!Number.isFinite((max - min) * (max - min))) {
      check.problem('max', `(max - min)^2 must be finite, given min ${min} and max ${max}`);
    }
  }
  check.done();
  const width = max - min;
  const left = width * (mode - min);
  const right = width * (max - mode);
  const split = (mode - min) / width;
  return {
    name: 'triangular',
    mean: (min + mode + max) / 3,
    variance: (min * min + mode * mode + max * max - min * mode - min * max - mode * max) / 18,
    sample: (u) => {
      const v = u();
      return v < split ? min + Math.sqrt(v * left) : max - Math.sqrt((1 - v) * right);
    },
  };
}

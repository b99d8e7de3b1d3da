import { ParamCheck } from './check.ts';
import type { Distribution } from './distribution.ts';

/** Always `value`. Draws no uniform, so it leaves its stream where it was. */
export function constant(value: number): Distribution {
  const check = new ParamCheck('constant');
  check.finite('value', value);
  check.done();
  return { name: 'constant', mean: value, variance: 0, sample: () => value };
}

/** Another name for `constant`, as simulation texts call it. */
export const deterministic = constant;

import { ParamCheck } from './check.ts';
import type { Distribution } from './distribution.ts';
import { logGamma } from './log-gamma.ts';
import { exp, ln, pow } from './math.ts';

/**
 * Weibull with the given shape k and scale λ: CDF 1 - exp(-(x/λ)^k); mean λ Γ(1 + 1/k).
 * By inversion, one uniform a draw: λ (-ln(1 - u))^(1/k).
 */
export function weibull(shape: number, scale: number): Distribution {
  const check = new ParamCheck('weibull');
  check.positive('shape', shape);
  check.positive('scale', scale);
  check.done();
  const inverseShape = 1 / shape;
  const g1 = exp(logGamma(1 + inverseShape));
  const g2 = exp(logGamma(1 + 2 * inverseShape));
  return {
    name: 'weibull',
    mean: scale * g1,
    variance: scale * scale * (g2 - g1 * g1),
    sample: (u) => scale * pow(0 - ln(1 - u()), inverseShape),
  };
}

import { ParamCheck } from './check.ts';
import type { Distribution, Uniform } from './distribution.ts';
import { ln, pow } from './math.ts';
import { standardNormal } from './standard-normal.ts';

/**
 * Gamma with the given shape and scale (mean shape * scale), by Marsaglia and Tsang (2000),
 * "A simple method for generating gamma variables". For shape < 1 it draws Gamma(shape + 1) and
 * multiplies by U^(1 / shape) (their section 6), since the squeeze needs shape >= 1.
 */
export function gamma(shape: number, scale: number): Distribution {
  const check = new ParamCheck('gamma');
  check.positive('shape', shape);
  check.positive('scale', scale);
  check.done();
  const boosted = shape < 1;
  const d = (boosted ? shape + 1 : shape) - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  const inverseShape = 1 / shape;
  return {
    name: 'gamma',
    mean: shape * scale,
    variance: shape * scale * scale,
    sample: (u) => {
      const g = marsagliaTsang(u, d, c);
      return (boosted ? g * pow(1 - u(), inverseShape) : g) * scale;
    },
  };
}

/** Gamma(d + 1/3) with unit scale; c = 1 / sqrt(9d). */
export function marsagliaTsang(u: Uniform, d: number, c: number): number {
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(u);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const w = u();
    const x2 = x * x;
    if (w < 1 - 0.0331 * x2 * x2) return d * v;
    if (ln(w) < 0.5 * x2 + d * (1 - v + ln(v))) return d * v;
  }
}

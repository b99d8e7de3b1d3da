import type { Uniform } from './distribution.ts';
import { ln } from './math.ts';

/**
 * A standard normal by Marsaglia's polar method, which needs only ln and sqrt (Box–Muller's
 * sin and cos are not bit-exact across engines). The method yields a pair; the second is
 * dropped rather than cached, because a cache inside a shared distribution would hand one
 * stream's draw to another and break reproducibility.
 */
export function standardNormal(u: Uniform): number {
  let x: number;
  let s: number;
  do {
    x = 2 * u() - 1;
    const y = 2 * u() - 1;
    s = x * x + y * y;
  } while (s >= 1 || s === 0);
  return x * Math.sqrt((-2 * ln(s)) / s);
}

import { ParamCheck } from './check.ts';
import type { Distribution } from './distribution.ts';
import { marsagliaTsang } from './gamma.ts';
import { ln } from './math.ts';

// Up to this many phases, multiplying uniforms (one ln per draw) is cheaper than a gamma draw.
const MAX_PRODUCT_PHASES = 16;

/**
 * Erlang: the sum of k exponential phases of the given rate (per minute in the simulator), mean
 * k / rate. For k <= 16 it is -ln(prod (1 - u_i)) / rate, exactly; above that, the same law
 * drawn as Gamma(k, 1 / rate) by Marsaglia–Tsang, so a draw never needs k uniforms.
 */
export function erlang(k: number, rate: number): Distribution {
  const check = new ParamCheck('erlang');
  check.integer('k', k, 1);
  check.positive('rate', rate);
  check.done();
  const base = {
    name: 'erlang',
    mean: k / rate,
    variance: k / (rate * rate),
  };
  if (k <= MAX_PRODUCT_PHASES) {
    return {
      ...base,
      sample: (u) => {
        // Each factor is at least 2^-32, so 16 of them cannot underflow.
        let product = 1 - u();
        for (let i = 1; i < k; i++) product *= 1 - u();
        return (0 - ln(product)) / rate;
      },
    };
  }
  const d = k - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  return { ...base, sample: (u) => marsagliaTsang(u, d, c) / rate };
}

import { describe, expect, it } from 'vitest';
import { exp, ln, logGamma, pow } from './index.ts';
import { lnGammaRef } from './test-helpers.ts';

describe('bit-exact math', () => {
  it('ln, exp and pow agree with Math to within an ulp or two', () => {
    for (const x of [1e-300, 0.001, 0.5, 1, 1.5, Math.E, 10, 12345.678, 1e300]) {
      expect(ln(x)).toBeCloseTo(Math.log(x), 13);
    }
    for (const x of [-700, -1, 0, 0.5, 1, 10, 700]) expect(exp(x) / Math.exp(x)).toBeCloseTo(1, 14);
    expect(pow(2, 0.5)).toBe(Math.SQRT2);
    expect(pow(10, 3)).toBe(1000);
    expect(ln(0)).toBe(-Infinity);
  });

  it('logGamma(x) is ln Γ(x): exact at factorials and half-integers, and close to Lanczos elsewhere', () => {
    expect(logGamma(1)).toBe(0);
    expect(logGamma(2)).toBe(0);
    let factorial = 1;
    for (let n = 2; n <= 20; n++) {
      factorial *= n;
      expect(logGamma(n + 1) / Math.log(factorial)).toBeCloseTo(1, 13);
    }
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 13);
    expect(logGamma(1.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI) / 2), 13);
    for (const x of [0.01, 0.3, 1.1, 3.7, 6.99, 7, 50.5, 1e4, 1e7]) {
      expect(Math.abs(logGamma(x) - lnGammaRef(x))).toBeLessThan(1e-9 * Math.max(1, Math.abs(lnGammaRef(x))));
    }
  });
});

import { describe, expect, it } from 'vitest';
import {
  ParameterError,
  bernoulli,
  constant,
  discrete,
  empirical,
  erlang,
  exponential,
  gamma,
  lognormal,
  lognormalFromMean,
  normal,
  poisson,
  triangular,
  uniform,
  weibull,
} from './index.ts';

// Plain-JS callers and specs can pass anything; the factories must say what was wrong.
const loose = <F extends (...args: never[]) => unknown>(f: F) => f as unknown as (...args: unknown[]) => unknown;

describe('parameter validation', () => {
  const cases: [string, () => unknown, RegExp][] = [
    ['uniform max below min', () => uniform(5, 3), /^uniform: max must be >= min, given min 5 and max 3$/],
    ['uniform non-finite', () => uniform(Number.NaN, Infinity), /min must be a finite number, given NaN; max must be a finite number, given Infinity/],
    ['exponential rate 0', () => exponential(0), /^exponential: rate must be a finite number > 0, given 0$/],
    ['exponential rate as a string', () => loose(exponential)('2'), /rate must be a finite number > 0, given "2"/],
    ['normal negative sd', () => normal(0, -1), /^normal: sd must be a finite number >= 0, given -1$/],
    ['lognormal bad mu and sigma', () => lognormal(Number.NaN, -0.5), /^lognormal: mu must be a finite number, given NaN; sigma must be a finite number >= 0, given -0.5$/],
    ['lognormalFromMean mean 0', () => lognormalFromMean(0, 10), /^lognormalFromMean: mean must be a finite number > 0, given 0$/],
    ['triangular mode outside', () => triangular(1, 7, 6), /^triangular: mode must lie in \[min, max\] = \[1, 6\], given 7$/],
    ['triangular min equals max', () => triangular(2, 2, 2), /max must be > min, given min 2 and max 2/],
    ['gamma shape and scale', () => gamma(-1, 0), /^gamma: shape must be a finite number > 0, given -1; scale must be a finite number > 0, given 0$/],
    ['erlang k not an integer', () => erlang(2.5, 1), /^erlang: k must be an integer >= 1, given 2.5$/],
    ['erlang rate negative', () => erlang(2, -1), /^erlang: rate must be a finite number > 0, given -1$/],
    ['weibull shape 0', () => weibull(0, 1), /^weibull: shape must be a finite number > 0, given 0$/],
    ['poisson negative mean', () => poisson(-3), /^poisson: mean must be a finite number >= 0, given -3$/],
    ['poisson infinite mean', () => poisson(Infinity), /mean must be a finite number >= 0, given Infinity/],
    ['bernoulli p above 1', () => bernoulli(1.5), /^bernoulli: p must be a number in \[0, 1\], given 1.5$/],
    ['discrete lengths differ', () => discrete([1, 2], [1]), /weights must have one entry per value, given 2 values and 1 weights/],
    ['discrete negative weight', () => discrete([1, 2], [1, -1]), /weights\[1\] must be a finite number >= 0, given -1/],
    ['discrete all weights zero', () => discrete([1, 2], [0, 0]), /weights must have a finite sum > 0, given sum 0/],
    ['discrete empty', () => discrete([], []), /values must be a non-empty array of numbers, given \[\]/],
    ['empirical non-number value', () => loose(empirical)([1, 'x']), /^empirical: values\[1\] must be a finite number, given "x"$/],
    ['constant NaN', () => constant(Number.NaN), /^constant: value must be a finite number, given NaN$/],
  ];
  for (const [label, call, message] of cases) {
    it(`rejects ${label}, naming the parameter, the value and what is valid`, () => {
      expect(call).toThrow(ParameterError);
      expect(call).toThrow(message);
    });
  }

  it('lists every problem at once, each with the parameter it concerns', () => {
    try {
      triangular(Number.NaN, 'x' as unknown as number, Infinity);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RangeError);
      expect((error as ParameterError).problems.map((p) => p.param)).toEqual(['min', 'mode', 'max']);
    }
  });
});

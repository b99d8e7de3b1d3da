/**
 * Random streams and distributions for the DES kernel.
 *
 * - Streams: `createStream(seed, replication, name[, entity])` is a `Uniform` (a function giving
 *   [0, 1)), keyed by a documented hash of its arguments, never by call order.
 * - Keyed draws for common random numbers: `KeyedRandom` / `keyedUniform` give draw k of entity
 *   e (a parcel) without a generator per entity.
 * - Distributions: factories returning `{ name, mean, variance, sample(u) }`; `fromSpec` builds
 *   them from scenario JSON.
 * - Arrivals: `nhpp` for hour-of-day rates times a day multiplier.
 * - Bit-exact math (`ln`, `exp`, `pow`): everything here avoids Math.log/exp/pow/sin/cos, whose
 *   last bit varies between engines.
 */
export type { Distribution, Uniform } from './distribution.ts';
export { createStream } from './create-stream.ts';
export { streamKeyString, keyedStreamKey } from './stream-key.ts';
export { keyedUniform } from './keyed-uniform.ts';
export { KeyedRandom } from './keyed-random.ts';
export { KeyedCursor } from './keyed-cursor.ts';

export { ln, exp, pow } from './math.ts';
export { logGamma } from './log-gamma.ts';

export { ParameterError } from './check.ts';
export type { ParameterProblem } from './check.ts';
export { uniform } from './uniform.ts';
export { exponential } from './exponential.ts';
export { normal } from './normal.ts';
export { lognormal } from './lognormal.ts';
export { lognormalFromMean } from './lognormal-from-mean.ts';
export { triangular } from './triangular.ts';
export { gamma } from './gamma.ts';
export { erlang } from './erlang.ts';
export { weibull } from './weibull.ts';
export { poisson } from './poisson.ts';
export { bernoulli } from './bernoulli.ts';
export { discrete } from './discrete.ts';
export { empirical } from './empirical.ts';
export { constant, deterministic } from './constant.ts';

export { fromSpec, validateDistributionSpec, DistributionSpecError } from './distribution-spec.ts';
export type { DistributionSpec, Issue } from './distribution-spec.ts';

export { nhpp, DEFAULT_NHPP_HORIZON } from './nhpp.ts';
export type { ArrivalProcess, NhppOptions } from './nhpp.ts';

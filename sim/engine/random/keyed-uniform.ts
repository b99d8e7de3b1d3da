import { describeValue, isIndex } from './check.ts';
import { keyedDraw } from './splitmix64.ts';

/**
 * Draw k of entity e in the keyed stream `key`: a uniform in [0, 1) that depends on (key, e, k)
 * alone, not on which other entities exist or in which order anything is drawn. This is how a
 * parcel's draws stay tied to the parcel for common random numbers, at about the cost of a
 * stream draw and without building a generator per parcel.
 *
 * Construction (counter-based SplitMix64; all arithmetic modulo 2^64):
 *   s = mix64(key XOR e)
 *   u = (mix64(s + (k + 1) * 0x9e3779b97f4a7c15) >>> 11) / 2^53
 * where mix64(z) is Stafford's Mix13: z ^= z >>> 30; z *= 0xbf58476d1ce4e5b9; z ^= z >>> 27;
 * z *= 0x94d049bb133111eb; z ^= z >>> 31. So entity e's draws are the SplitMix64 sequence
 * started from s, and draw k is its (k + 1)-th output.
 *
 * @param key a 53-bit key from `keyedStreamKey(seed, replication, name)`
 * @param entity an integer >= 0 (a parcel id, a customer id)
 * @param k the draw's index for that entity, an integer >= 0
 */
export function keyedUniform(key: number, entity: number, k: number): number {
  if (!isIndex(key)) {
    throw new RangeError(`keyedUniform: key must be an integer in [0, 2^53), given ${describeValue(key)}`);
  }
  if (!isIndex(entity)) {
    throw new RangeError(`keyedUniform: entity must be an integer in [0, 2^53), given ${describeValue(entity)}`);
  }
  if (!(isIndex(k) && k < Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`keyedUniform: k must be an integer in [0, 2^53 - 1), given ${describeValue(k)}`);
  }
  return keyedDraw(key, entity, k + 1);
}

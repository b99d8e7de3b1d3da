import { describeValue, isIndex } from './check.ts';
import type { Uniform } from './distribution.ts';
import { entitySeed, splitmixAt, splitmixFill } from './splitmix64.ts';

/**
 * A reusable `Uniform` over one entity's keyed draws k, k + 1, ..., for samplers that consume
 * several uniforms (normal, gamma, poisson). Create one per keyed stream and `seek` it to each
 * entity: nothing is allocated per entity, and the entity's SplitMix64 state is computed once,
 * so each draw costs one mix. `cursor.seek(e, k).next()` equals `keyedUniform(key, e, k)`.
 *
 * Give each purpose its own stream name (`'parcel.destination'`, `'parcel.cod'`) rather than
 * ranges of k: a sampler's number of draws can vary, and would shift a neighbouring purpose's k.
 */
export class KeyedCursor {
  readonly key: number;
  /** The next draw of the current entity; pass it to `Distribution.sample`. */
  readonly next: Uniform;
  private readonly seed = new Int32Array(2);
  private n = 1;

  constructor(key: number) {
    if (!isIndex(key)) {
      throw new RangeError(`KeyedCursor: key must be an integer in [0, 2^53), given ${describeValue(key)}`);
    }
    this.key = key;
    this.next = () => splitmixAt(this.seed[0]!, this.seed[1]!, this.n++);
    this.seek(0);
  }

  /**
   * Writes the next `count` draws of the current entity to `out[0 .. count)`, as `count` calls of
   * `next()` would return them. For a handler that takes several draws at once: a double returned
   * through a call that the optimizer did not inline is boxed (16 bytes each), a draw written to
   * a Float64Array is not.
   */
  fill(out: Float64Array, count: number): Float64Array {
    if (!(Number.isInteger(count) && count >= 0 && count <= out.length)) {
      throw new RangeError(`KeyedCursor.fill: count must be an integer in [0, ${out.length}] (the length of out), given ${describeValue(count)}`);
    }
    splitmixFill(this.seed[0]!, this.seed[1]!, this.n, out, count);
    this.n += count;
    return out;
  }

  /** Points the cursor at draw k of `entity`. */
  seek(entity: number, k = 0): this {
    if (!isIndex(entity)) {
      throw new RangeError(`KeyedCursor.seek: entity must be an integer in [0, 2^53), given ${describeValue(entity)}`);
    }
    if (!(isIndex(k) && k < Number.MAX_SAFE_INTEGER)) {
      throw new RangeError(`KeyedCursor.seek: k must be an integer in [0, 2^53 - 1), given ${describeValue(k)}`);
    }
    entitySeed(this.key, entity, this.seed);
    this.n = k + 1;
    return this;
  }
}

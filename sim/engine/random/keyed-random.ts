import { KeyedCursor } from './keyed-cursor.ts';
import { keyedUniform } from './keyed-uniform.ts';
import { keyedStreamKey } from './stream-key.ts';

/**
 * Counter-based draws keyed to entities, for common random numbers: `uniform(e, k)` is draw k of
 * entity e, the same whichever other entities exist and in whatever order they are drawn. Two
 * scenarios with the same seed thus give parcel 1234 the same destination wherever they do not
 * differ. The key comes from `keyedStreamKey`; the draws from `keyedUniform`.
 */
export class KeyedRandom {
  readonly key: number;

  constructor(seed: number | string, replication: number, name: string) {
    this.key = keyedStreamKey(seed, replication, name);
  }

  /** Draw k of `entity`, a uniform in [0, 1). */
  uniform(entity: number, k: number): number {
    return keyedUniform(this.key, entity, k);
  }

  /** A reusable Uniform over one entity's draws; see `KeyedCursor`. */
  cursor(): KeyedCursor {
    return new KeyedCursor(this.key);
  }
}

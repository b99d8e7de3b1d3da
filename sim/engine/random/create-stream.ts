import alea from 'seedrandom/lib/alea.js';
import type { Uniform } from './distribution.ts';
import { streamKeyString } from './stream-key.ts';

/**
 * A stream of uniforms in [0, 1) for `(seed, replication, name[, entity])`.
 *
 * Derivation: seedrandom's Alea generator (`seedrandom/lib/alea.js`), seeded with the canonical
 * key `JSON.stringify(['stream', seed, replication, name])` (with `entity` appended when given;
 * see `streamKeyString`). Alea's Mash hash turns the key into its three 32-bit words of state.
 * The key alone decides the numbers, never the order in which streams are created, so adding a
 * stream or a node leaves every other stream's draws alone, and replication r draws the same
 * numbers on any worker, alone or after others.
 *
 * The stream is the generator function itself: a draw is one call (under 10 ns). Each output is
 * a multiple of 2^-32 and may be exactly 0 (never 1); samplers take logs of `1 - u`.
 */
export function createStream(
  seed: number | string,
  replication: number,
  name: string,
  entity?: number,
): Uniform {
  return alea(streamKeyString(seed, replication, name, entity));
}

import alea from 'seedrandom/lib/alea.js';
import { describeValue } from './check.ts';

/**
 * The canonical key of a stream: `JSON.stringify(['stream', seed, replication, name])`, or with
 * `entity` as a fifth element when given. For example `createStream(42, 0, 'demand')` is keyed
 * by `["stream",42,0,"demand"]`.
 *
 * JSON makes the key unambiguous with no escaping rules of our own: strings are quoted and
 * escaped, so a name containing `|`, `,` or `"` cannot pose as another field; the seed 42 and
 * the seed "42" differ; a stream with an entity has one more element than one without. Numbers
 * print as ECMAScript's shortest round-trip form, identical on every engine.
 */
export function streamKeyString(
  seed: number | string,
  replication: number,
  name: string,
  entity?: number,
): string {
  checkKey('createStream', seed, replication, name, entity);
  return JSON.stringify(
    entity === undefined
      ? ['stream', seed, replication, name]
      : ['stream', seed, replication, name, entity],
  );
}

/**
 * The 53-bit key that `keyedUniform` and `KeyedRandom` use for `(seed, replication, name)`.
 *
 * Derivation: seed Alea (as `createStream` does) with `JSON.stringify(['keyed', seed,
 * replication, name])`; take its first two outputs as 32-bit words a and b (each output is a
 * multiple of 2^-32, so `output * 2^32` is exact); the key is `(a >>> 11) * 2^32 + b`. The
 * `'keyed'` tag keeps these keys apart from the plain stream of the same name.
 */
export function keyedStreamKey(seed: number | string, replication: number, name: string): number {
  checkKey('KeyedRandom', seed, replication, name, undefined);
  const next = alea(JSON.stringify(['keyed', seed, replication, name]));
  const a = next() * 4294967296;
  const b = next() * 4294967296;
  return (a >>> 11) * 4294967296 + b;
}

function checkKey(
  who: string,
  seed: unknown,
  replication: unknown,
  name: unknown,
  entity: unknown,
): void {
  const problems: string[] = [];
  if (!(typeof seed === 'string' || (typeof seed === 'number' && Number.isFinite(seed)))) {
    problems.push(`seed must be a finite number or a string, given ${describeValue(seed)}`);
  }
  if (!(Number.isSafeInteger(replication) && (replication as number) >= 0)) {
    problems.push(`replication must be an integer >= 0, given ${describeValue(replication)}`);
  }
  if (!(typeof name === 'string' && name.length > 0)) {
    problems.push(`name must be a non-empty string, given ${describeValue(name)}`);
  }
  if (entity !== undefined && !(Number.isSafeInteger(entity) && (entity as number) >= 0)) {
    problems.push(`entity must be an integer >= 0 or omitted, given ${describeValue(entity)}`);
  }
  if (problems.length > 0) throw new RangeError(`${who}: ${problems.join('; ')}`);
}

import { canonicalJson } from './canonical-json.ts';
import { sha256 } from './sha256.ts';

/**
 * The hex SHA-256 of the canonical JSON (keys sorted at every depth) of a resolved scenario: the
 * first part of a job's key `(scenario hash, seed, replication)`. Equal data, equal hash, whatever
 * the key order or the machine.
 */
export function scenarioHash(resolved: unknown): string {
  return sha256(canonicalJson(resolved));
}

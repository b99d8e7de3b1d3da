import { canonicalJson } from './canonical-json.ts';
import { sha256 } from './sha256.ts';
import { workerInputs } from './worker-bundle.ts';

let cached: string | undefined;

/**
 * The version of the code a worker runs: the SHA-256 of every file that goes into the worker
 * (the model, the engine, the data, the dependencies it imports, the lockfile and the TypeScript
 * settings: see worker-bundle.ts) with its contents' hash. Two machines with the same checkout and
 * `npm ci` get the same version; any change to a file a replication depends on gives another,
 * while changes to the CLI, the reports or the docs do not. Shards of different versions are
 * never merged, and a queue worker refuses jobs made by another version. Once per process.
 */
export function codeVersion(): string {
  cached ??= sha256(canonicalJson(workerInputs()));
  return cached;
}

import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { workerBundle } from './worker-bundle.ts';

/** Builds a shared setup, or reads the one an earlier run built from the same code, data and key. */
export type SetupCache = (kind: string, key: string, build: () => Promise<unknown>) => Promise<unknown>;

/** Cached setups kept; older ones are deleted (a national network is ~15 MB). */
const KEEP = 8;
let writes = 0;

/**
 * Shared setups (the India network as columns) kept on disk between runs, so that a run does not
 * spend a second building the network the previous run built. A cache that can never be stale:
 * an entry's name is the SHA-256 of the code and data that built it (`version`), the Node version
 * (the file is V8's serialization) and the setup's key (network options and seed), so any change
 * to any of them misses and rebuilds. An unreadable entry is rebuilt; entries are written whole
 * and renamed into place, so a run never reads one half-written.
 */
export function diskSetupCache(dir: string, version: string): SetupCache {
  return async (kind, key, build) => {
    const name = createHash('sha256').update(JSON.stringify([version, process.version, kind, key])).digest('hex');
    const path = join(dir, `${name}.v8`);
    try {
      return deserialize(readFileSync(path));
    } catch {
      // not there yet, or unreadable: build it
    }
    const value = await build();
    try {
      mkdirSync(dir, { recursive: true });
      const temporary = `${path}.${process.pid}.${++writes}.tmp`;
      writeFileSync(temporary, serialize(value));
      renameSync(temporary, path);
      prune(dir);
    } catch {
      // a read-only or full disk costs the next run a rebuild, nothing else
    }
    return value;
  };
}

function prune(dir: string): void {
  const entries = readdirSync(dir)
    .filter((f) => f.endsWith('.v8'))
    .map((f) => ({ path: join(dir, f), mtime: statSync(join(dir, f)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime || (a.path < b.path ? -1 : 1));
  for (const old of entries.slice(KEEP)) rmSync(old.path, { force: true });
}

/**
 * The project's cache, beside the worker bundle, versioned by the bundle's name (a hash of the
 * code and data every worker runs, checked fresh against every source file). Undefined when there
 * is no bundle (`SIM_WORKER_BUNDLE=0`, esbuild missing) or with `SIM_SETUP_CACHE=0`: setups are
 * then built for each run.
 */
export function projectSetupCache(): SetupCache | undefined {
  if (process.env.SIM_SETUP_CACHE === '0') return undefined;
  const bundle = workerBundle();
  if (bundle === null) return undefined;
  const path = fileURLToPath(bundle);
  return diskSetupCache(join(dirname(path), 'setup'), path.slice(dirname(path).length + 1));
}

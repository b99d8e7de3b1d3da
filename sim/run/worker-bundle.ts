import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The Node worker as one JavaScript file, bundled by esbuild (the compiler tsx itself runs) into
 * `node_modules/.cache/india-parcel-sim/`. A worker that loads TypeScript through tsx registers a
 * loader, which on Node 20 runs in a thread of its own and answers every import by message: about
 * 0.9 s before a worker's first replication, twice that when two workers start at once. The bundle
 * loads in a fraction of that.
 *
 * It is a cache, rebuilt whenever any file that went into it changed: the manifest lists every
 * input with its SHA-256, and a bundle is used only when all of them still match (a new file can
 * only enter through an import in a file that changed). It is never trusted blindly, because a
 * stale worker would compute results from old code.
 *
 * Returns null when the bundle cannot be made (esbuild missing, a read-only folder) or when
 * `SIM_WORKER_BUNDLE=0`: the caller then starts workers through tsx, slower but the same code.
 */
export function workerBundle(): URL | null {
  if (cached === undefined) {
    if (process.env.SIM_WORKER_BUNDLE === '0') return (cached = null); // the tsx path, on purpose
    try {
      cached = pathToFileURL(bundleModule(ENTRY, CACHE, ROOT).path) as URL;
    } catch (error) {
      if (process.env.SIM_DEBUG_WORKER_BUNDLE) console.error(`worker bundle unavailable: ${String(error)}`);
      cached = null;
    }
  }
  return cached;
}

let cached: URL | null | undefined;
let writes = 0;

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ENTRY = fileURLToPath(new URL('./worker-node.ts', import.meta.url));
const CACHE = join(ROOT, 'node_modules', '.cache', 'india-parcel-sim');

interface Manifest {
  bundle: string;
  /** Input path (relative to the project root) → SHA-256 of its contents. */
  inputs: Record<string, string>;
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function isFresh(manifest: Manifest, cacheDir: string, root: string): boolean {
  for (const [input, hash] of Object.entries(manifest.inputs)) {
    try {
      if (sha256(join(root, input)) !== hash) return false;
    } catch {
      return false;
    }
  }
  return existsSync(join(cacheDir, manifest.bundle));
}

/**
 * `entry` bundled into `cacheDir` (inputs recorded relative to `root`): the cached bundle when
 * every input is unchanged (`built` false), else a new one.
 */
export function bundleModule(entry: string, cacheDir: string, root: string): { path: string; built: boolean } {
  const manifestPath = join(cacheDir, `${basename(entry)}.bundle.json`);
  try {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    if (isFresh(manifest, cacheDir, root)) return { path: join(cacheDir, manifest.bundle), built: false };
  } catch {
    // no manifest yet, or unreadable: build
  }
  return { path: build(entry, cacheDir, root, manifestPath), built: true };
}

function build(entry: string, cacheDir: string, root: string, manifestPath: string): string {
  const { code, inputs } = analyse(entry, root);
  const name = `${basename(entry).replace(/\.[cm]?[jt]s$/, '')}-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`;
  mkdirSync(cacheDir, { recursive: true });
  // Write then rename, so a process that starts workers meanwhile never reads half a file.
  const temporary = (file: string): string => `${file}.${process.pid}.${++writes}.tmp`;
  const bundlePath = join(cacheDir, name);
  const t1 = temporary(bundlePath);
  writeFileSync(t1, code);
  renameSync(t1, bundlePath);
  const t2 = temporary(manifestPath);
  writeFileSync(t2, JSON.stringify({ bundle: name, inputs } satisfies Manifest, null, 1));
  renameSync(t2, manifestPath);
  return bundlePath;
}

/** `entry` bundled in memory: the code, and every input with its SHA-256. */
function analyse(entry: string, root: string): { code: Uint8Array; inputs: Record<string, string> } {
  // esbuild: a dependency of this project pinned to the release tsx uses, so it is installed once.
  const esbuild = loadEsbuild();
  const result = esbuild.buildSync({
    entryPoints: [entry],
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    metafile: true,
    sourcemap: 'inline',
    sourcesContent: false,
    logLevel: 'silent',
    // CommonJS dependencies (seedrandom, @stdlib) call require() for Node built-ins.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  const code = result.outputFiles[0]!.contents;
  const inputs: Record<string, string> = {};
  // Every file esbuild read, plus what decides how they were read: the lockfile (a dependency's
  // package.json may point elsewhere after an update) and the TypeScript settings.
  const extra = ['package-lock.json', 'tsconfig.json'].filter((f) => existsSync(join(root, f)));
  for (const input of [...Object.keys(result.metafile.inputs), ...extra].sort()) {
    const path = resolve(root, input);
    inputs[relative(root, path).split('\\').join('/')] = sha256(path);
  }
  return { code, inputs };
}

/**
 * Every file the worker's code is made of (path relative to the project → SHA-256): the inputs
 * the bundle's manifest lists, or, when no bundle can be written, the same list found in memory.
 * What `codeVersion` hashes. Throws only when esbuild itself is missing.
 */
export function workerInputs(): Record<string, string> {
  try {
    bundleModule(ENTRY, CACHE, ROOT);
    return (JSON.parse(readFileSync(join(CACHE, `${basename(ENTRY)}.bundle.json`), 'utf8')) as Manifest).inputs;
  } catch {
    return analyse(ENTRY, ROOT).inputs;
  }
}

type Esbuild = typeof import('esbuild');

/** esbuild, loaded synchronously (spawning a worker is synchronous) and only when a bundle is built. */
function loadEsbuild(): Esbuild {
  return createRequire(import.meta.url)('esbuild') as Esbuild;
}

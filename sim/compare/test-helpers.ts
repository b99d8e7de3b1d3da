/**
 * Test-only helpers: a small seeded PRNG and synthetic result sets in the result-folder format.
 * Not exported from index.ts.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseResultSet } from './parse-result-set.ts';
import type { HistogramBin, RawResultFolder, ResultSet } from './types.ts';

/** mulberry32 (Tommy Ettinger, public domain): 32-bit state, fine for test data, seeded. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draws by Box–Muller from a seeded uniform. */
export function normalSource(seed: number): () => number {
  const u = mulberry32(seed);
  return () => {
    const u1 = 1 - u(); // (0, 1]: log stays finite
    const u2 = u();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  };
}

export interface SyntheticSpec {
  readonly dir?: string;
  readonly scenarioName?: string;
  readonly scenarioHash?: string;
  readonly seed?: number | string;
  /** metric → per-replication values (NaN for an empty cell). */
  readonly metrics: Readonly<Record<string, readonly number[]>>;
  readonly histogram?: readonly HistogramBin[];
  /** The resolved scenario the manifest holds; default `{ name }`. */
  readonly scenario?: unknown;
}

function mean(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}

/** The three (four) files of a result folder, written the way the report writer is specified to. */
export function syntheticFolder(spec: SyntheticSpec): RawResultFolder {
  const names = Object.keys(spec.metrics);
  const n = spec.metrics[names[0]!]?.length ?? 0;
  const scenarioName = spec.scenarioName ?? 'regression-small';
  const scenarioHash = spec.scenarioHash ?? 'abc123def4567890';
  const seed = spec.seed ?? 42;
  const manifest = { scenario: spec.scenario ?? { name: scenarioName }, scenarioName, scenarioHash, seed, replications: n, version: '0.1.0', gitCommit: null, timings: { wallSeconds: 1.5 } };
  const metrics: Record<string, unknown> = {};
  for (const name of names) {
    const xs = spec.metrics[name]!;
    const m = mean(xs);
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
    metrics[name] = { mean: m, sd, ci95: [m - 2 * sd, m + 2 * sd], n: xs.length };
  }
  const summary = { scenario: scenarioName, scenarioHash, seed, replications: n, metrics };
  const lines = [['replication', ...names].join(',')];
  for (let r = 0; r < n; r++) {
    lines.push([String(r), ...names.map((name) => { const x = spec.metrics[name]![r]!; return Number.isNaN(x) ? '' : String(x); })].join(','));
  }
  return {
    dir: spec.dir ?? 'results/synthetic',
    manifestJson: `${JSON.stringify(manifest, null, 2)}\n`,
    summaryJson: `${JSON.stringify(summary, null, 2)}\n`,
    replicationsCsv: `${lines.join('\n')}\n`,
    leadTimeHistogramCsv:
      spec.histogram === undefined ? undefined : `hour,count\n${spec.histogram.map((b) => `${b.hour},${b.count}`).join('\n')}\n`,
  };
}

export function syntheticResultSet(spec: SyntheticSpec): ResultSet {
  return parseResultSet(syntheticFolder(spec));
}

/** Writes a synthetic folder under a fresh temp dir; returns its path. */
export function writeSyntheticFolder(root: string, name: string, spec: SyntheticSpec): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  const raw = syntheticFolder({ ...spec, dir });
  writeFileSync(join(dir, 'manifest.json'), raw.manifestJson);
  writeFileSync(join(dir, 'summary.json'), raw.summaryJson);
  writeFileSync(join(dir, 'replications.csv'), raw.replicationsCsv);
  if (raw.leadTimeHistogramCsv !== undefined) writeFileSync(join(dir, 'leadtime-histogram.csv'), raw.leadTimeHistogramCsv);
  return dir;
}

export function tempRoot(): string {
  return mkdtempSync(join(tmpdir(), 'sim-compare-'));
}

/** n draws of mean + sd·Z. */
export function draws(z: () => number, n: number, mean = 0, sd = 1): number[] {
  return Array.from({ length: n }, () => mean + sd * z());
}

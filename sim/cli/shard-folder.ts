import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { WRITTEN_BY } from '../report/index.ts';
import { exactJson, type JobDone, type JobKey, parseExactJson, type ReplicationOutput, type ShardSetting } from '../run/index.ts';
import type { Scenario } from '../scenario/index.ts';
import { UsageError } from './exit-codes.ts';

/**
 * A shard's folder holds `manifest.json` (which says it is a shard, of what, and which jobs) and
 * this file: every job's output, which only `sim merge` reads. No `summary.json`, no tables: a
 * shard never looks like a whole run, and nothing mistakes it for one.
 */
export const SHARD_OUTPUTS = 'shard-outputs.json';
const FORMAT = 'india-parcel-sim shard outputs, version 1';

/** What a shard's manifest says (beside `writtenBy` and `files`, added by writeResultFolder). */
export interface ShardManifest {
  note: string;
  /** The command that was split, and so the one `sim merge` finishes. */
  command: 'run' | 'sweep';
  scenario: Scenario;
  scenarioName: string;
  /** A run's job hash, or a sweep's hash of base input and grid. */
  scenarioHash: string;
  seed: number | string;
  replications: number;
  /** Sweep points by name, in order (sweeps only). */
  points?: string[];
  shard: ShardSetting;
  /** Jobs in the whole run (replications, or points × replications), and this shard's positions among them. */
  jobs: number;
  positions: number[];
  codeVersion: string;
  version: string;
  gitCommit: string | null;
  timings: { wallMs: number; startedAt: string };
}

/** One job in a shard: where it sits in the run, its output and wall time. */
export interface ShardEntry {
  position: number;
  /** The sweep point's name, or null in a run. */
  point: string | null;
  replication: number;
  wallMs: number;
  output: ReplicationOutput;
}

/** The files of a shard's folder, for writeResultFolder. */
export function shardFolderFiles(manifest: ShardManifest, entries: readonly ShardEntry[]): Record<string, string> {
  return {
    [SHARD_OUTPUTS]: `${exactJson({ format: FORMAT, jobs: entries })}\n`,
    'manifest.json': `${JSON.stringify(manifest, null, 2)}\n`,
  };
}

/** Every shard of one run, checked: what `sim merge` needs to redo the run from stored outputs. */
export interface ShardSet {
  manifest: ShardManifest;
  /** Outputs by job key (`jobKeyText`). */
  outputs: Map<string, JobDone>;
  dirs: { dir: string; shard: ShardSetting; jobs: number; wallMs: number }[];
}

/** `(scenario hash, seed, replication)` as one string, the key outputs merge by. */
export function jobKeyText(key: JobKey): string {
  return `${key.scenarioHash}|${JSON.stringify(key.seed)}|${key.replication}`;
}

/**
 * Reads shard folders and checks they make one whole run: all shards (not result folders or
 * anything else), of one command, scenario, seed, replication count and code version, holding
 * every job of the run exactly once. Anything else is a UsageError naming the folders, the field
 * and the values, or the replications missing or duplicated.
 */
export function readShardSet(dirs: readonly string[]): ShardSet {
  if (dirs.length === 0) throw new UsageError('sim merge: give the shard folders to merge (e.g. sim merge results/tiny-1-abcd1234-shard-*)');
  const seen = new Map<string, string>();
  const shards = dirs.map((dir) => {
    const real = existsSync(dir) ? realpathSync(dir) : dir;
    const twice = seen.get(real);
    if (twice !== undefined) throw new UsageError(`sim merge: ${dir} is given twice${twice === dir ? '' : ` (also as ${twice})`}; give each shard once`);
    seen.set(real, dir);
    return readShard(dir);
  });
  const [first, ...rest] = shards;
  const a = first!;
  for (const b of rest) {
    const differ = (what: string, x: unknown, y: unknown, hint: string): never => {
      throw new UsageError(`sim merge: the shards are of different ${what}: ${a.dir} has ${show(x)}, ${b.dir} has ${show(y)}${hint}; nothing was written`);
    };
    const m = a.manifest;
    const n = b.manifest;
    if (m.command !== n.command) differ('commands', `sim ${m.command}`, `sim ${n.command}`, '');
    if (m.scenarioHash !== n.scenarioHash) {
      const fields = differences(m.scenario, n.scenario);
      differ('scenarios', `${m.scenarioName} (hash ${m.scenarioHash.slice(0, 12)})`, `${n.scenarioName} (hash ${n.scenarioHash.slice(0, 12)})`, fields.length > 0 ? `; fields that differ: ${fields.join(', ')}` : '');
    }
    if (m.seed !== n.seed) differ('seeds', `seed ${JSON.stringify(m.seed)}`, `seed ${JSON.stringify(n.seed)}`, '');
    if (m.replications !== n.replications || m.jobs !== n.jobs) differ('run sizes', `${m.replications} replications (${m.jobs} jobs)`, `${n.replications} replications (${n.jobs} jobs)`, '');
    if (m.codeVersion !== n.codeVersion) {
      differ('code versions', `version ${m.codeVersion.slice(0, 12)}`, `version ${n.codeVersion.slice(0, 12)}`, ' (the model, engine, data or dependencies changed between them: their results are not one run); rerun every shard from one checkout');
    }
  }
  const where = new Map<number, string>();
  const outputs = new Map<string, JobDone>();
  for (const s of shards) {
    for (const e of s.entries) {
      const other = where.get(e.position);
      if (other !== undefined) {
        throw new UsageError(`sim merge: ${describeJob(a.manifest, e.position)} is in both ${other} and ${s.dir}${other === s.dir ? ' (twice)' : ''}; give each shard of one split once; nothing was written`);
      }
      where.set(e.position, s.dir);
      outputs.set(jobKeyText(e.output.key), { output: e.output, wallMs: e.wallMs });
    }
  }
  const missing: number[] = [];
  for (let j = 0; j < a.manifest.jobs; j++) if (!where.has(j)) missing.push(j);
  if (missing.length > 0) {
    const count = a.manifest.shard.count;
    const owners = [...new Set(missing.map((j) => j % count))].sort((x, y) => x - y);
    const listed = missing.slice(0, 8).map((j) => describeJob(a.manifest, j)).join('; ') + (missing.length > 8 ? `; and ${missing.length - 8} more` : '');
    throw new UsageError(
      `sim merge: ${missing.length} of ${a.manifest.jobs} jobs are in no shard given: ${listed}. In a split ${count} ways they belong to shard${owners.length === 1 ? '' : 's'} ${owners.map((i) => `${i}/${count}`).join(', ')}: was a folder left out, or did that shard fail?; nothing was written`,
    );
  }
  return { manifest: a.manifest, outputs, dirs: shards.map((s) => ({ dir: s.dir, shard: s.manifest.shard, jobs: s.entries.length, wallMs: s.manifest.timings.wallMs })) };
}

interface ReadShard {
  dir: string;
  manifest: ShardManifest;
  entries: ShardEntry[];
}

function readShard(dir: string): ReadShard {
  const not = (why: string): never => {
    throw new UsageError(`sim merge: ${dir} ${why}; sim merge takes the folders that sim run --shard or sim sweep --shard wrote; nothing was written`);
  };
  if (!existsSync(dir)) not('does not exist');
  if (!statSync(dir).isDirectory()) not('is a file, not a folder');
  let manifest: ShardManifest | undefined;
  try {
    manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as ShardManifest;
  } catch {
    not('has no readable manifest.json');
  }
  const m = manifest as ShardManifest & { writtenBy?: unknown };
  if (m === null || typeof m !== 'object' || m.writtenBy !== WRITTEN_BY) not('has a manifest.json this tool did not write');
  if (m.shard === undefined) not(existsSync(join(dir, 'summary.json')) ? "is a whole run's result folder, not a shard" : 'is not a shard folder (its manifest names no shard)');
  let parsed: { format?: unknown; jobs?: unknown } | undefined;
  try {
    parsed = parseExactJson(readFileSync(join(dir, SHARD_OUTPUTS), 'utf8')) as { format?: unknown; jobs?: unknown };
  } catch (error) {
    not(`has no readable ${SHARD_OUTPUTS} (${(error as Error).message.split('\n')[0]})`);
  }
  if (parsed?.format !== FORMAT || !Array.isArray(parsed.jobs)) not(`has a ${SHARD_OUTPUTS} of another format (expected "${FORMAT}")`);
  const entries = parsed!.jobs as ShardEntry[];
  const positions = entries.map((e) => e.position);
  if (positions.length !== m.positions.length || positions.some((p, i) => p !== m.positions[i])) not(`holds jobs ${positions.join(', ')} where its manifest lists ${m.positions.join(', ')}: the folder was changed after it was written`);
  return { dir, manifest: m, entries };
}

/** "replication 3" in a run; "point model.policy=kirana, replication 1" in a sweep. */
function describeJob(m: ShardManifest, position: number): string {
  if (m.command === 'run') return `replication ${position}`;
  const point = m.points?.[Math.floor(position / m.replications)] ?? `#${Math.floor(position / m.replications)}`;
  return `point ${point}, replication ${position % m.replications}`;
}

/** Paths where two scenarios differ, with both values (at most 6). */
function differences(a: unknown, b: unknown, path = '', out: string[] = []): string[] {
  if (out.length >= 6) return out;
  const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
  if (isObject(a) && isObject(b)) {
    for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) differences(a[k], b[k], path === '' ? k : `${path}.${k}`, out);
  } else if (JSON.stringify(a) !== JSON.stringify(b)) {
    out.push(`${path || '(scenario)'} (${show(a)} vs ${show(b)})`);
  }
  return out;
}

function show(x: unknown): string {
  const text = typeof x === 'string' ? x : JSON.stringify(x) ?? 'absent';
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

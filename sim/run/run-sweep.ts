import type { Job } from './protocol.ts';
import { type RunOptions, runJobs } from './run-jobs.ts';
import type { RunResult } from './run-replications.ts';
import { jobFor, type RunSpec } from './run-spec.ts';
import { jobScenarioHash } from './run-replication.ts';
import { validateReplications } from './run-replications.ts';

/** One point of a sweep: a name and what it changes in the base input (objects merge deeply, arrays and values replace). */
export interface SweepPoint {
  name: string;
  patch: Record<string, unknown>;
}

export interface SweepResult {
  points: { name: string; run: RunResult }[];
}

/**
 * Runs every point's replications 0..n−1 together on one pool (the jobs of all points interleave,
 * so workers stay busy), with common random numbers: every point uses the base's seed and the
 * same replication indices, so replication r of every point draws the same demand wherever the
 * points do not differ, and a paired comparison (`pairedDifference`) sees the effect, not noise.
 * Each point's result equals `runReplications` of its own spec. Rejects if any job fails.
 */
export async function runSweep(base: RunSpec, points: readonly SweepPoint[], options: RunOptions = {}): Promise<SweepResult> {
  validateReplications(base.replications);
  const names = new Set<string>();
  for (const p of points) {
    if (names.has(p.name)) throw new RangeError(`runSweep: point names must be unique, given ${JSON.stringify(p.name)} twice`);
    names.add(p.name);
  }
  const specs = sweepSpecs(base, points);
  const jobs = sweepJobs(specs);
  const started = performance.now();
  const done = await runJobs(jobs, options);
  const wallMs = performance.now() - started;
  return {
    points: specs.map((spec, i) => {
      const mine = done.slice(i * spec.replications, (i + 1) * spec.replications);
      return {
        name: points[i]!.name,
        run: {
          kind: spec.kind,
          scenario: spec.scenario,
          scenarioHash: jobScenarioHash(jobFor(spec, 0)),
          seed: spec.seed,
          replications: spec.replications,
          shard: null,
          outputs: mine.map((d) => d.output),
          timing: { wallMs, replicationWallMs: mine.map((d) => d.wallMs) },
        },
      };
    }),
  };
}

/** Each point's own spec: the base with the point's patch, named `<scenario>/<point>`. */
export function sweepSpecs(base: RunSpec, points: readonly SweepPoint[]): RunSpec[] {
  return points.map((p) => ({ ...base, scenario: `${base.scenario}/${p.name}`, input: deepMerge(base.input, p.patch) }) as RunSpec);
}

/** A sweep's jobs in the order it runs and splits them (`--shard`): point by point, replications 0..n−1 within each. */
export function sweepJobs(specs: readonly RunSpec[]): Job[] {
  const jobs: Job[] = [];
  for (const spec of specs) for (let r = 0; r < spec.replications; r++) jobs.push(jobFor(spec, r));
  return jobs;
}

function deepMerge(base: unknown, patch: unknown): unknown {
  if (!isRecord(base) || !isRecord(patch)) return structuredClone(patch);
  const out: Record<string, unknown> = structuredClone(base);
  for (const [k, v] of Object.entries(patch)) out[k] = k in base ? deepMerge(base[k], v) : structuredClone(v);
  return out;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

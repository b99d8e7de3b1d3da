import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readShardSet } from './shard-folder.ts';

const SIM = fileURLToPath(new URL('../../bin/sim.js', import.meta.url));
/** Runs sim in `cwd` with only the given shard variables (none of the caller's leak in). */
function sim(cwd: string, env: Record<string, string>, ...args: string[]) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(SHARD_|SLURM_ARRAY_|JOB_COMPLETION_INDEX)/.test(k)));
  return spawnSync(process.execPath, [SIM, ...args], { cwd, encoding: 'utf8', env: { ...clean, ...env } });
}
const RUN = ['run', 'tiny', '--replications', '4'];
const DAY = ['--days', '1'];
const SWEEP = ['sweep', 'tiny', '--days', '1', '--replications', '2', '--param', 'model.policy=amazon,kirana'];

/** Every file under `dir` (relative path → text). */
function files(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out[join(e.parentPath, e.name).slice(dir.length + 1)] = readFileSync(join(e.parentPath, e.name), 'utf8');
  }
  return out;
}

/** The files of a result folder other than manifests (which hold timings and provenance). */
function results(dir: string): Record<string, string> {
  return Object.fromEntries(Object.entries(files(dir)).filter(([name]) => !name.endsWith('manifest.json')));
}

describe('sim run|sweep --shard and sim merge, as a batch scheduler runs them', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'sim-shard-'));
  const whole = join(tmp, 'whole');

  it('three shards of a run, split by --shard, SHARD_INDEX/SHARD_COUNT and a Kubernetes index, merge into the unsplit run byte for byte', () => {
    // --shard none: the whole run, whatever a scheduler's environment says.
    const w = sim(tmp, { SLURM_ARRAY_TASK_ID: '0', SLURM_ARRAY_TASK_COUNT: '2' }, ...RUN, ...DAY, '--shard', 'none', '--out', whole);
    expect(w.status, w.stderr).toBe(0);
    const a = sim(tmp, {}, ...RUN, ...DAY, '--shard', '0/3', '--out', join(tmp, 's0'));
    expect(a.status, a.stderr).toBe(0);
    expect(a.stderr).toContain('shard 0 of 3 (--shard 0/3): 2 of 4 jobs');
    const b = sim(tmp, { SHARD_INDEX: '1', SHARD_COUNT: '3' }, ...RUN, ...DAY, '--out', join(tmp, 's1'));
    expect(b.status, b.stderr).toBe(0);
    expect(b.stderr).toContain('shard 1 of 3 (SHARD_INDEX=1, SHARD_COUNT=3): 1 of 4 jobs');
    // No --out: the shard's default folder is the unsplit run's name plus the shard.
    const c = sim(tmp, { JOB_COMPLETION_INDEX: '2', SHARD_COUNT: '3' }, ...RUN, ...DAY);
    expect(c.status, c.stderr).toBe(0);
    const defaultName = readdirSync(join(tmp, 'results'))[0]!;
    expect(defaultName).toMatch(/^tiny-1-[0-9a-f]{8}-shard-2-of-3$/);
    const s2 = join(tmp, 'results', defaultName);

    for (const [dir, index, replications] of [[join(tmp, 's0'), 0, [0, 3]], [join(tmp, 's1'), 1, [1]], [s2, 2, [2]]] as const) {
      // A shard never looks like a whole run: no summary, no tables; its manifest says what it is.
      expect(readdirSync(dir).sort()).toEqual(['manifest.json', 'shard-outputs.json']);
      const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
      expect(m).toMatchObject({ writtenBy: 'india-parcel-sim', command: 'run', scenarioName: 'tiny', seed: 1, replications: 4, jobs: 4, shard: { index, count: 3 }, positions: replications });
      expect(m.codeVersion).toMatch(/^[0-9a-f]{64}$/);
    }

    const merged = sim(tmp, {}, 'merge', join(tmp, 's1'), s2, join(tmp, 's0'), '--json');
    expect(merged.status, merged.stderr).toBe(0);
    // Without --out, merge writes where the unsplit run would have.
    expect(merged.stderr).toContain(`results: ${join('results', defaultName.replace(/-shard-2-of-3$/, ''))}\n`);
    const out = join(tmp, 'results', defaultName.replace(/-shard-2-of-3$/, ''));
    expect(merged.stdout).toBe(readFileSync(join(whole, 'summary.json'), 'utf8'));
    expect(results(out)).toEqual(results(whole));
    expect(Object.keys(results(whole))).toContain('summary.json');
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(m.mergedFrom.map((s: { shard: string }) => s.shard)).toEqual(['1/3', '2/3', '0/3']);
    expect(m.codeVersion).toBe(JSON.parse(readFileSync(join(whole, 'manifest.json'), 'utf8')).codeVersion);
  });

  it('a sweep split as a Slurm array (--array=1-2) merges into the unsplit sweep, every point byte for byte', () => {
    const wholeSweep = join(tmp, 'sweep-whole');
    const w = sim(tmp, {}, ...SWEEP, '--out', wholeSweep);
    expect(w.status, w.stderr).toBe(0);
    for (const id of ['1', '2']) {
      const r = sim(tmp, { SLURM_ARRAY_TASK_ID: id, SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_COUNT: '2' }, ...SWEEP, '--out', join(tmp, `sweep-${id}`));
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toContain(`SLURM_ARRAY_TASK_ID=${id}, SLURM_ARRAY_TASK_MIN=1, SLURM_ARRAY_TASK_COUNT=2`);
    }
    // Jobs go round-robin over points × replications: each shard holds some of both points.
    const points = (id: string) => JSON.parse(readFileSync(join(tmp, `sweep-${id}`, 'shard-outputs.json'), 'utf8')).jobs.map((j: { point: string }) => j.point);
    expect(points('1')).toEqual(['model.policy=amazon', 'model.policy=kirana']);
    const merged = sim(tmp, {}, 'merge', join(tmp, 'sweep-1'), join(tmp, 'sweep-2'), '--out', join(tmp, 'sweep-merged'));
    expect(merged.status, merged.stderr).toBe(0);
    expect(merged.stdout).toContain('model.policy=kirana');
    expect(results(join(tmp, 'sweep-merged'))).toEqual(results(wholeSweep));
    expect(Object.keys(results(wholeSweep))).toEqual(expect.arrayContaining(['sweep.csv', 'points/01-model.policy=amazon/summary.json', 'points/02-model.policy=kirana/replications.csv']));
  });

  it('a bad shard from the flag or the environment exits 2 naming the flag or variable and its value, and writes nothing', () => {
    // shard.test.ts checks every variable's messages; here, that the command exits 2 with them.
    const before = files(tmp);
    const cases: [Record<string, string>, string[], string][] = [
      [{ SHARD_INDEX: '5', SHARD_COUNT: '2' }, [], 'SHARD_INDEX=5, SHARD_COUNT=2: the shard index must be in 0..1, given 5'],
      [{}, ['--shard', 'half'], '--shard half: must be i/N with N ≥ 1 and 0 ≤ i < N'],
      [{ SLURM_ARRAY_TASK_ID: '1', SLURM_ARRAY_TASK_COUNT: '8' }, [], 'SLURM_ARRAY_TASK_ID=1, SLURM_ARRAY_TASK_COUNT=8: a run of 4 replications splits at most 4 ways, not 8'],
    ];
    for (const [env, flags, message] of cases) {
      const r = sim(tmp, env, ...RUN, ...DAY, ...flags, '--out', join(tmp, 'never'));
      expect(r.status, `${JSON.stringify(env)} ${flags.join(' ')}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(files(tmp)).toEqual(before);
  });

  it('sim merge refuses, naming the problem, shards of different scenarios, seeds or code versions, and missing or duplicate replications', () => {
    const s0 = join(tmp, 's0');
    const s1 = join(tmp, 's1');
    const s2 = join(tmp, 'results', readdirSync(join(tmp, 'results')).find((n) => n.endsWith('-shard-2-of-3'))!);
    expect(sim(tmp, {}, ...RUN, '--days', '2', '--shard', '2/3', '--out', join(tmp, 'days2')).status).toBe(0);
    // A shard made by other code: what merge sees of it is its manifest's code version.
    cpSync(s2, join(tmp, 'other-code'), { recursive: true });
    const m = JSON.parse(readFileSync(join(tmp, 'other-code', 'manifest.json'), 'utf8'));
    writeFileSync(join(tmp, 'other-code', 'manifest.json'), JSON.stringify({ ...m, codeVersion: 'f'.repeat(64) }));
    cpSync(s2, join(tmp, 'seed9'), { recursive: true });
    writeFileSync(join(tmp, 'seed9', 'manifest.json'), JSON.stringify({ ...m, seed: 9 }));
    cpSync(s1, join(tmp, 's1-copy'), { recursive: true });
    const before = files(tmp);
    const viaCli: [string[], string][] = [
      [[s0, s1, join(tmp, 'days2')], `the shards are of different scenarios: ${s0} has tiny (hash ${m.scenarioHash.slice(0, 12)}), ${join(tmp, 'days2')} has tiny (hash`],
      [[s0, s1, join(tmp, 'other-code')], `the shards are of different code versions: ${s0} has version ${m.codeVersion.slice(0, 12)}, ${join(tmp, 'other-code')} has version ffffffffffff`],
      [[s0, s2], '1 of 4 jobs are in no shard given: replication 1. In a split 3 ways they belong to shard 1/3'],
      [[s0, s1, s2, join(tmp, 's1-copy')], `replication 1 is in both ${s1} and ${join(tmp, 's1-copy')}`],
    ];
    for (const [dirs, message] of viaCli) {
      const r = sim(tmp, {}, 'merge', ...dirs, '--out', join(tmp, 'never'));
      expect(r.status, `${dirs.join(' ')}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stderr).toContain('nothing was written');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    // The same check, called as the command calls it, for the other refusals.
    const refusal = (dirs: string[]): string => {
      try {
        readShardSet(dirs);
      } catch (error) {
        expect((error as Error).name).toBe('UsageError');
        return (error as Error).message;
      }
      return 'accepted';
    };
    expect(refusal([s0, s1, join(tmp, 'days2')])).toContain('fields that differ: days (1 vs 2)');
    expect(refusal([s0, s1, join(tmp, 'seed9')])).toContain(`the shards are of different seeds: ${s0} has seed 1, ${join(tmp, 'seed9')} has seed 9`);
    expect(refusal([s0, s1, s1, s2])).toContain(`${s1} is given twice`);
    expect(refusal([s0, s1, whole])).toContain(`${whole} is a whole run's result folder, not a shard`);
    expect(refusal([s0, join(tmp, 'no-such')])).toContain(`${join(tmp, 'no-such')} does not exist`);
    expect(refusal([s0, s1, s2])).toBe('accepted');
    expect(files(tmp)).toEqual(before);
  });
});

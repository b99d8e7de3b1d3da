/**
 * `npm run baselines:update -- --reason "why"`: regenerates results/baselines/ from the built-in
 * scenarios, each at a small scale so the regression check in `npm test` stays quick. Updating a
 * baseline is a deliberate, reviewed change: the reason is recorded in each baseline's manifest.
 *
 *   npm run baselines:update -- --reason "Speed Post timetable (issue 4)" [--only tiny]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_BASELINE_ROOT, updateBaseline } from '../sim/compare/index.ts';
import { BASELINE_RUNS } from './baseline-runs.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
const reason = argv[argv.indexOf('--reason') + 1];
if (!argv.includes('--reason') || reason === undefined || reason.startsWith('--')) {
  console.error('baselines:update needs --reason "why the baselines move" (it is kept in each baseline manifest)');
  process.exit(2);
}
const only = argv.flatMap((a, i) => (argv[i - 1] === '--only' ? [a] : []));
const scratch = mkdtempSync(join(tmpdir(), 'baselines-'));
try {
  for (const run of BASELINE_RUNS) {
    if (only.length > 0 && !only.includes(run.scenario)) continue;
    const out = join(scratch, run.scenario);
    const child = spawnSync(process.execPath, [join(root, 'bin/sim.js'), 'run', run.scenario, ...run.args, '--workers', '1', '--out', out], {
      cwd: root,
      encoding: 'utf8',
    });
    if (child.status !== 0) throw new Error(`sim run ${run.scenario} failed (exit ${child.status}):\n${child.stderr}`);
    const updated = updateBaseline(out, join(root, DEFAULT_BASELINE_ROOT), reason);
    console.log(`${run.scenario}: ${updated.dir}`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

/**
 * The regression gate: every committed baseline in results/baselines/ is re-run from the resolved
 * scenario stored in its manifest (same seed, same replications) and compared with it. The
 * simulator is deterministic, so unchanged code reproduces every metric exactly (verdict `same`);
 * a change that moves any metric (better, worse, or too little data to tell: `inconclusive`)
 * fails here, with the statistical verdicts in the message, until the baselines are regenerated
 * on purpose (`npm run baselines:update -- --reason "…"`), which records why.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkAgainstBaseline, compareExact, loadResultSet } from './index.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const baselineRoot = join(root, 'results', 'baselines');
const names = existsSync(baselineRoot) ? readdirSync(baselineRoot).filter((n) => existsSync(join(baselineRoot, n, 'manifest.json'))).sort() : [];
const scratch = mkdtempSync(join(tmpdir(), 'baseline-check-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function simRun(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'bin/sim.js'), ...args], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('committed baselines', () => {
  it('exist for tiny and for small-scale versions of the built-in scenarios', () => {
    expect(names).toContain('tiny');
    expect(names.length).toBeGreaterThanOrEqual(5);
  });

  it('fails a run whose customers are less often at home (the gate can fail)', async () => {
    const out = join(scratch, 'tiny-moved');
    const run = await simRun(['run', 'tiny', '--set', 'model.customer.availabilityAmazon=0.6', '--workers', '1', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const check = checkAgainstBaseline(out, baselineRoot, { allowDifferentScenarios: true });
    const moved = check.report.rows.filter((r) => r.verdict !== 'same').map((r) => r.metric);
    expect(moved).toContain('firstAttempt.success.share');
    expect(moved).toContain('rto.share');
  }, 300_000);

  describe.concurrent.each(names)('%s', (name) => {
    it('re-runs to results that no metric has moved from', async () => {
      const manifest = JSON.parse(readFileSync(join(baselineRoot, name, 'manifest.json'), 'utf8')) as { scenario: unknown };
      const file = join(scratch, `${name}.json`);
      writeFileSync(file, JSON.stringify(manifest.scenario));
      const out = join(scratch, `${name}-result`);
      const run = await simRun(['run', file, '--workers', '1', '--out', out]);
      expect(run.code, run.stderr).toBe(0);
      const check = checkAgainstBaseline(out, baselineRoot);
      const moved = check.report.rows.filter((r) => r.verdict !== 'same');
      const exact = compareExact(loadResultSet(join(baselineRoot, name)), loadResultSet(out));
      expect(
        moved.map((r) => `${r.metric}: ${r.verdict}`),
        `metrics moved against results/baselines/${name} (${exact.identical ? 'identical bytes' : exact.message}); if the change is meant, run npm run baselines:update -- --reason "…"`,
      ).toEqual([]);
      expect(check.exitCode).toBe(0);
    }, 300_000);
  });
});

import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const run = (command: string, args: string[], env: Record<string, string> = {}) =>
  JSON.parse(execFileSync(command, args, { cwd: root, encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env } }));

describe('worker threads load TypeScript', () => {
  it('under the tsx CLI and under plain node after register() (the bin/sim.js way), with the same answer', async () => {
    const [viaTsx, viaRegister] = await Promise.all([
      Promise.resolve().then(() => run(fileURLToPath(new URL('node_modules/.bin/tsx', `file://${root}`)), [fixture('run-two.ts')])),
      Promise.resolve().then(() => run(process.execPath, [fixture('register-then-run-two.mjs')])),
    ]);
    expect(viaTsx.replications).toBe(2);
    expect(viaTsx.metrics['parcels.created'].n).toBe(2);
    expect(viaRegister).toEqual(viaTsx);
  });

  it('gives the same answer from the bundled worker and from workers that load the TypeScript through tsx', async () => {
    const [bundled, throughTsx] = await Promise.all([
      Promise.resolve().then(() => run(process.execPath, [fixture('register-then-run-two.mjs')])),
      Promise.resolve().then(() => run(process.execPath, [fixture('register-then-run-two.mjs')], { SIM_WORKER_BUNDLE: '0' })),
    ]);
    expect(bundled.replications).toBe(2);
    expect(throughTsx).toEqual(bundled);
  });

  it('starts workers when node runs with V8 options, which a worker refuses in its own flags', () => {
    const plain = run(process.execPath, [fixture('register-then-run-two.mjs')]);
    const tuned = run(process.execPath, ['--max-old-space-size=3000', '--stack-size=2000', '--no-warnings', fixture('register-then-run-two.mjs')]);
    expect(tuned).toEqual(plain);
  });
});

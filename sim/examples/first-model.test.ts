import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { firstModel } from './first-model.ts';

describe("the first model (docs/engine.md)", () => {
  it('prints what docs/engine.md shows (first-model.out, reviewed once)', () => {
    const expected = readFileSync(new URL('./first-model.out', import.meta.url), 'utf8').trimEnd().split('\n');
    expect(firstModel()).toEqual(expected);
  });

  it('sorts one parcel at a time, in arrival order', () => {
    const lines = firstModel();
    expect(lines.map((l) => l.split('  ')[1])).toEqual([
      'A starts sorting', 'A sorted', 'B starts sorting', 'B sorted', 'C starts sorting', 'C sorted',
    ]);
    // Each start is the previous end: the sorter never idles while a parcel waits.
    const time = (i: number) => lines[i]!.split('  ')[0];
    expect(time(2)).toBe(time(1));
    expect(time(4)).toBe(time(3));
  });
});

describe('the first model run as docs/engine.md and the README say (npx tsx sim/examples/first-model.ts)', () => {
  it('prints first-model.out', async () => {
    const { spawnSync } = await import('node:child_process');
    const { fileURLToPath } = await import('node:url');
    const file = fileURLToPath(new URL('./first-model.ts', import.meta.url));
    const tsx = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url));
    const r = spawnSync(process.execPath, [tsx, file], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(readFileSync(new URL('./first-model.out', import.meta.url), 'utf8'));
  });
});

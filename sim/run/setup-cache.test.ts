import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diskSetupCache } from './setup-cache.ts';

const dir = mkdtempSync(join(tmpdir(), 'setup-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A build that counts its calls and returns typed arrays, as network columns are. */
function counting(value: number): { build: () => Promise<unknown>; calls: () => number } {
  let calls = 0;
  return {
    build: async () => {
      calls++;
      return { lon: Float64Array.of(value, -0, 1 / 3), name: ['a', 'b'] };
    },
    calls: () => calls,
  };
}

describe('the disk cache of shared setups', () => {
  it('builds once and reads the same value back on the next run', async () => {
    const cache = diskSetupCache(join(dir, 'a'), 'code-1');
    const b = counting(7);
    const first = await cache('india', 'key', b.build);
    const second = await diskSetupCache(join(dir, 'a'), 'code-1')('india', 'key', b.build);
    expect(b.calls()).toBe(1);
    expect(second).toStrictEqual(first);
    expect((second as { lon: Float64Array }).lon).toBeInstanceOf(Float64Array);
  });

  it('builds anew when the code, the kind or the key differs', async () => {
    const b = counting(1);
    await diskSetupCache(join(dir, 'b'), 'code-1')('india', 'key', b.build);
    await diskSetupCache(join(dir, 'b'), 'code-2')('india', 'key', b.build);
    await diskSetupCache(join(dir, 'b'), 'code-2')('example', 'key', b.build);
    await diskSetupCache(join(dir, 'b'), 'code-2')('india', 'other key', b.build);
    expect(b.calls()).toBe(4);
  });

  it('rebuilds an entry it cannot read, and mends it', async () => {
    const cache = diskSetupCache(join(dir, 'c'), 'code-1');
    const b = counting(3);
    await cache('india', 'key', b.build);
    const [file] = readdirSync(join(dir, 'c'));
    writeFileSync(join(dir, 'c', file!), 'not a serialization');
    expect(await cache('india', 'key', b.build)).toStrictEqual(await b.build());
    await cache('india', 'key', b.build);
    expect(b.calls()).toBe(3); // the first build, the rebuild, and the comparison above
  });

  it('keeps the eight newest entries', async () => {
    const cache = diskSetupCache(join(dir, 'd'), 'code-1');
    for (let k = 0; k < 11; k++) await cache('india', `key ${k}`, counting(k).build);
    expect(readdirSync(join(dir, 'd')).filter((f) => f.endsWith('.v8'))).toHaveLength(8);
    expect(readdirSync(join(dir, 'd')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('runs without it when the folder cannot be written (the value is still built and returned)', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    const b = counting(5);
    expect(await diskSetupCache(join(file, 'below'), 'code-1')('india', 'key', b.build)).toStrictEqual(await b.build());
  });
});

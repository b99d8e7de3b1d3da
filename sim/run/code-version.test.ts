import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { codeVersion } from './index.ts';
import { workerInputs } from './worker-bundle.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('codeVersion', () => {
  it('hashes the files a worker runs, the model and engine among them, but not the CLI', () => {
    const inputs = workerInputs();
    expect(Object.keys(inputs)).toContain('sim/run/worker-entry.ts');
    expect(Object.keys(inputs)).toContain('package-lock.json');
    expect(Object.keys(inputs).some((f) => f.startsWith('sim/model/'))).toBe(true);
    expect(Object.keys(inputs).some((f) => f.startsWith('sim/engine/'))).toBe(true);
    expect(Object.keys(inputs).some((f) => f.startsWith('sim/cli'))).toBe(false);
    // Each entry is the hash of the file as it is now (an independent read).
    expect(inputs['sim/run/worker-entry.ts']).toBe(createHash('sha256').update(readFileSync(`${root}sim/run/worker-entry.ts`)).digest('hex'));
    expect(codeVersion()).toMatch(/^[0-9a-f]{64}$/);
    expect(codeVersion()).toBe(codeVersion());
  });
});

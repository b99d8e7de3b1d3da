import { describe, expect, it } from 'vitest';
import { v8Says } from '../engine/v8-says.ts';
import { modelConfig, withModelDefaults } from './model-config.ts';

describe('withModelDefaults', () => {
  it('adds the fields a config lacks and leaves the given ones', () => {
    const given = modelConfig({ costs: { rto: 140 } }) as unknown as Record<string, Record<string, unknown>>;
    delete given.costs!.handoff;
    delete given.emissions;
    const filled = withModelDefaults(given as never);
    expect(filled.costs.rto).toBe(140);
    expect(filled.costs.handoff).toBe(modelConfig().costs.handoff);
    expect(filled.emissions).toEqual(modelConfig().emissions);
  });

  it("gives the first call's config the hidden classes of every later one (asked of V8)", () => {
    // A worker's first replication must not differ in shape from the next: V8 would throw away
    // every function optimised on the first config's objects (it did, with an object spread).
    const walk = `((a, b) => { const differ = []; const go = (x, y, path) => { if (x === null || typeof x !== 'object' || Array.isArray(x)) return; if (!%HaveSameMap(x, y)) differ.push(path || '(top)'); for (const k of Object.keys(x)) go(x[k], y[k], path + '.' + k); }; go(a, b, ''); return differ; })`;
    const configs = '[0, 1, 2].map(() => m.withModelDefaults(m.modelConfig({})))';
    expect(JSON.parse(v8Says(new URL('./model-config.ts', import.meta.url), `((c) => [${walk}(c[0], c[1]), ${walk}(c[1], c[2])])(${configs})`))).toEqual([[], []]);
  });
});

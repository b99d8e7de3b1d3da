import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, formatPath, mergePatch, parsePath, parseSet } from './index.ts';

describe('mergePatch (RFC 7396)', () => {
  it('merges objects field by field, replaces lists and values, and null deletes', () => {
    const target = { a: { b: 1, c: [1, 2] }, d: 'x', e: { f: 1 } };
    expect(mergePatch(target, { a: { c: [3] }, d: null, e: { g: 2 } })).toEqual({ a: { b: 1, c: [3] }, e: { f: 1, g: 2 } });
    expect(target).toEqual({ a: { b: 1, c: [1, 2] }, d: 'x', e: { f: 1 } }); // unchanged
  });

  it('a patch that is not an object replaces the target whole', () => {
    expect(mergePatch({ a: 1 }, [1])).toEqual([1]);
    expect(mergePatch({ a: 1 }, 'x')).toBe('x');
  });
});

describe('paths and --set', () => {
  it('parsePath reads dots, indices and quoted keys, and formatPath writes them back', () => {
    const path = parsePath('model.nodeOverrides["Cochin NSH"].capacityMultiplier');
    expect(path).toEqual(['model', 'nodeOverrides', 'Cochin NSH', 'capacityMultiplier']);
    expect(formatPath(path)).toBe('model.nodeOverrides["Cochin NSH"].capacityMultiplier');
    expect(formatPath(['model', 'holidays', 0])).toBe('model.holidays[0]');
  });

  it('--set reads its value as YAML: numbers, booleans, null, lists, and strings otherwise', () => {
    expect(parseSet('days=3').value).toBe(3);
    expect(parseSet('model.policies.indiaPost.tracking=true').value).toBe(true);
    expect(parseSet('model.disruptions.x=null').value).toBeNull();
    expect(parseSet('model.holidays=["2024-10-02"]').value).toEqual(['2024-10-02']);
    expect(parseSet('model.policy=kirana').value).toBe('kirana');
  });

  it('--set without "=" or on one list item says what to write instead', () => {
    expect(() => parseSet('days')).toThrow('--set "days": must be path=value, e.g. --set model.policy=kirana');
    expect(() => parseSet('model.holidays[0]=2024-10-02')).toThrow('a list is set whole');
  });
});

describe('did you mean', () => {
  it('suggests the nearest candidate only when it is a likely typo', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(didYouMean('polcy', ['policy', 'policies'])).toBe('policy');
    expect(didYouMean('Kerla', ['Karnataka', 'Kerala'])).toBe('Kerala');
    expect(didYouMean('zzz', ['policy'])).toBeUndefined();
  });
});

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, scenarioHash, sha256 } from './index.ts';

describe('canonicalJson', () => {
  it('sorts object keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('leaves out undefined fields, as an absent optional field', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
  });

  it("writes an imported file ({ sha256, content }) as its hash alone: the hash names the content", () => {
    const file = { sha256: 'ab12', content: 'name,type\nKochi SC,sort-centre\n' };
    expect(canonicalJson({ import: { nodes: file } })).toBe('{"import":{"nodes":{"sha256":"ab12"}}}');
    expect(canonicalJson({ import: { nodes: { ...file, content: 'other' } } })).toBe(canonicalJson({ import: { nodes: file } }));
    expect(canonicalJson({ sha256: 'ab12' })).toBe('{"sha256":"ab12"}');
  });

  it("keys an imported network's shared setup (and disk cache entry) by its files' hashes: another file, another key", async () => {
    const { indiaNetworkKey } = await import('./model-kinds.ts');
    const input = (sha256: string, content: string) => ({ network: { import: { nodes: { sha256, content }, lanes: { sha256: 'l', content: '' } } }, model: {} });
    expect(indiaNetworkKey(input('n1', 'a,b\n'), 1)).toBe(indiaNetworkKey(input('n1', 'text not read twice'), 1));
    expect(indiaNetworkKey(input('n2', 'a,b\n'), 1)).not.toBe(indiaNetworkKey(input('n1', 'a,b\n'), 1));
  });

  it('refuses NaN, Infinity and class instances, naming the path', () => {
    expect(() => canonicalJson({ demand: { perDay: Number.NaN } })).toThrow('$.demand.perDay must be a finite number, given NaN');
    expect(() => canonicalJson({ when: new Date(0) })).toThrow('$.when must be a plain object, array, string, number, boolean or null, given Date');
  });
});

describe('scenarioHash', () => {
  it('is the same for the same data written in another key order', () => {
    expect(scenarioHash({ riders: 40, days: 7, nested: { x: 1, y: [1, 2] } })).toBe(scenarioHash({ nested: { y: [1, 2], x: 1 }, days: 7, riders: 40 }));
    expect(scenarioHash({ riders: 40 })).not.toBe(scenarioHash({ riders: 41 }));
  });

  it('is SHA-256 of the canonical JSON, as node:crypto computes it', () => {
    const value = { name: 'baseline', text: 'कोलकाता 📦', n: [0.1, -2, 1e21] };
    expect(scenarioHash(value)).toBe(createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex'));
  });
});

describe('sha256', () => {
  it('matches node:crypto for empty, short, block-boundary and long inputs', () => {
    const inputs = ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'ü'.repeat(100), 'x'.repeat(100_000)];
    for (const s of inputs) expect(sha256(s), `length ${s.length}`).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
  });
});

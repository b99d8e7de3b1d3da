import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stripDynamicJsonImportAttributes } from './strip-json-import-attributes.ts';

describe('stripDynamicJsonImportAttributes (the dev server’s fix for JSON imports with attributes)', () => {
  it('leaves sim/data’s eight dataset imports as plain dynamic imports of the same files', () => {
    const source = readFileSync(new URL('../sim/data/load-india-data.ts', import.meta.url), 'utf8');
    const files = [...source.matchAll(/import\('(\.\/[\w-]+\.json)'/g)].map((m) => m[1]);
    expect(files).toHaveLength(8); // five of the dataset, two of the shapes, the state neighbours
    const out = stripDynamicJsonImportAttributes(source);
    expect(out).not.toContain('with:');
    expect([...out.matchAll(/import\('(\.\/[\w-]+\.json)'\)/g)].map((m) => m[1])).toEqual(files);
  });

  it('handles either quote and any spacing, and touches neither other attributes nor non-JSON imports', () => {
    expect(stripDynamicJsonImportAttributes(`import("./a.json",{with:{type:"json"}})`)).toBe(`import("./a.json")`);
    expect(stripDynamicJsonImportAttributes(`import( './a.json' , { with: { type: 'json', }, } )`)).toBe(`import('./a.json')`);
    for (const untouched of [`import('./a.js', { with: { type: 'json' } })`, `import('./a.css', { with: { type: 'css' } })`, `import('./a.json')`]) {
      expect(stripDynamicJsonImportAttributes(untouched)).toBe(untouched);
    }
  });
});

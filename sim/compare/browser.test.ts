import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as browser from './browser.ts';
import * as node from './index.ts';

const here = dirname(fileURLToPath(import.meta.url));

/** Every module specifier reachable from `file` through relative imports. */
function reachableImports(file: string, seen = new Set<string>(), found = new Set<string>()): Set<string> {
  if (seen.has(file)) return found;
  seen.add(file);
  const source = readFileSync(join(here, file), 'utf8');
  for (const match of source.matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)) {
    const spec = match[1]!;
    found.add(spec);
    if (spec.startsWith('./')) reachableImports(spec.slice(2), seen, found);
  }
  return found;
}

describe('the browser entry', () => {
  it('reaches no Node built-in module', () => {
    const nodeOnly = [...reachableImports('browser.ts')].filter((spec) => spec.startsWith('node:'));
    expect(nodeOnly).toEqual([]);
    // The scan itself works: the Node entry does reach node:fs.
    expect(reachableImports('index.ts').has('node:fs')).toBe(true);
  });

  it('offers everything index.ts does except the three file-system functions', () => {
    const missing = Object.keys(node).filter((name) => !(name in browser));
    expect(missing.sort()).toEqual(['checkAgainstBaseline', 'loadResultSet', 'updateBaseline']);
  });
});

import type { IndiaData, IndiaShapes } from '../data/index.ts';
import { checkReferences } from './check-references.ts';
import { isPlainObject } from './merge-patch.ts';
import { overlaps, resolveLayers } from './resolve-layers.ts';
import type { Scenario, ScenarioIssue } from './scenario.ts';
import { readImports } from './scenario-imports.ts';
import { type SetOverride, setPatch } from './parse-set.ts';
import { argumentLayer, parseLayer, type ScenarioLayer } from './scenario-layer.ts';

/**
 * A scenario from files a person picked in a page, as `loadScenario` loads one from disk: the
 * picked file, its `extends` chain (built-ins from `builtins`, other bases from the picked files),
 * resolved over the defaults; the files it imports (nodes.csv, lanes.csv, orders) taken from the
 * picked files by their path relative to the scenario, or by their name alone; every reference
 * and imported row checked against the India data. `files` maps each picked file's name (or path
 * within a picked folder) to its text; `sha256` hashes a text (the pure one in sim/run, as an http
 * page may lack `crypto.subtle`); `sets`: `--set` overrides, applied last.
 */
export function loadPickedScenario(
  entry: string,
  files: ReadonlyMap<string, string>,
  builtins: ReadonlyMap<string, string>,
  data: IndiaData,
  shapes: IndiaShapes | undefined,
  sha256: (text: string) => string,
  sets: readonly SetOverride[] = [],
): { scenario: Scenario; issues: ScenarioIssue[] } {
  const issues: ScenarioIssue[] = [];
  const layers: ScenarioLayer[] = [];
  const find = (path: string, relativeTo: string | undefined): string | undefined => {
    const clean = (p: string): string => p.replace(/^\.\//, '');
    const dir = relativeTo !== undefined && relativeTo.includes('/') ? relativeTo.slice(0, relativeTo.lastIndexOf('/') + 1) : '';
    const base = path.slice(path.lastIndexOf('/') + 1);
    return [clean(`${dir}${clean(path)}`), clean(path), base].find((k) => files.has(k));
  };
  const seen = new Set<string>();
  let current: { key: string; text: string; builtin: boolean } | undefined = files.has(entry) ? { key: entry, text: files.get(entry)!, builtin: false } : undefined;
  if (current === undefined) issues.push({ path: '', message: `no picked file named ${JSON.stringify(entry)}; picked: ${[...files.keys()].join(', ')}`, at: { source: entry, line: 0, col: 0 } });
  while (current !== undefined) {
    const source = current.builtin ? `scenarios/${current.key}.yaml` : current.key;
    const { layer, issues: parseIssues } = parseLayer(current.text, source, current.builtin ? undefined : current.key);
    issues.push(...parseIssues);
    layers.unshift(layer);
    seen.add(source);
    const base = isPlainObject(layer.data) ? layer.data.extends : undefined;
    if (base === undefined || base === null) break;
    const next: { key: string; text: string; builtin: boolean } | undefined =
      typeof base !== 'string' ? undefined
      : builtins.has(base) ? { key: base, text: builtins.get(base)!, builtin: true }
      : current.builtin ? undefined
      : (() => {
          const key = find(base, current.key);
          return key === undefined ? undefined : { key, text: files.get(key)!, builtin: false };
        })();
    if (next === undefined || seen.has(next.builtin ? `scenarios/${next.key}.yaml` : next.key)) {
      issues.push({ path: 'extends', message: `must be a built-in scenario (${[...builtins.keys()].join(', ')}) or one of the picked files, without cycles, given ${JSON.stringify(base)}`, at: layer.locate(['extends']) });
      break;
    }
    current = next;
  }
  const top = layers[layers.length - 1];
  const own = top !== undefined && isPlainObject(top.data) && typeof top.data.name === 'string' ? top.data.name : undefined;
  const stem = entry.slice(entry.lastIndexOf('/') + 1).replace(/\.(ya?ml|json)$/i, '').toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+/, '') || 'scenario';
  for (const set of sets) layers.push(argumentLayer(set.source, setPatch(set)));
  const { scenario, issues: resolveIssues } = resolveLayers(layers, own !== undefined && /^[a-z0-9][a-z0-9-]*$/.test(own) ? own : stem);
  issues.push(...resolveIssues);
  issues.push(
    ...readImports(
      scenario,
      layers,
      (path, relativeTo) => {
        const key = find(path, relativeTo);
        return key === undefined ? { problem: `${JSON.stringify(path)} is not among the picked files (${[...files.keys()].join(', ')}); pick it with the scenario` } : { text: files.get(key)!, display: key };
      },
      sha256,
    ),
  );
  if (!issues.some((i) => i.message.startsWith('not valid YAML'))) {
    const before = [...issues];
    for (const issue of checkReferences(scenario, layers, data, shapes, before)) if (!before.some((i) => overlaps(i.path, issue.path))) issues.push(issue);
  }
  return { scenario, issues };
}

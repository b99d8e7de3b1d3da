import type { IndiaData } from '../data/index.ts';
import { buildNetwork, currentState, type NetworkOptions, validateNetworkOptions } from '../network/index.ts';
import { networkOptions } from './check-resolved.ts';
import { didYouMean } from './did-you-mean.ts';
import { type FieldPath, formatPath } from './field-path.ts';
import { locateInLayers } from './locate-in-layers.ts';
import { isPlainObject } from './merge-patch.ts';
import type { Scenario, ScenarioIssue } from './scenario.ts';
import type { ScenarioLayer } from './scenario-layer.ts';

/**
 * Checks what the scenario names against the India data: region states and district codes,
 * monsoon states, and node names (hub closures, node overrides). Node names need the network
 * itself, so it is built only when the scenario names a node.
 */
export function checkReferences(s: Scenario, layers: readonly ScenarioLayer[], data: IndiaData): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const report = (path: FieldPath, message: string, key = false): void => {
    const at = locateInLayers(layers, path, key);
    issues.push({ path: formatPath(path), message, ...(at !== undefined && { at }) });
  };
  const options = networkOptions(s);
  const states = [...new Set(data.districts.filter((d) => d.code !== null).map((d) => currentState(d.state, d.code)))].sort();
  const { issues: optionIssues } = validateNetworkOptions(options, data);
  for (const issue of optionIssues) {
    const m = /^(states|districts)\[(\d+)\]$/.exec(issue.path);
    if (m) report(['region', m[1]!, Number(m[2])], issue.message.replace(/^(unknown state "([^"]*)")/, (_, head: string, given: string) => head + hint(given, states)));
  }
  const named: { path: FieldPath; name: string; key: boolean }[] = [];
  const disruptions = isPlainObject(s.model.disruptions) ? s.model.disruptions : {};
  for (const [id, d] of Object.entries(disruptions)) {
    if (!isPlainObject(d)) continue;
    if (d.type === 'monsoon' && Array.isArray(d.states)) {
      d.states.forEach((state, i) => {
        if (typeof state === 'string' && !states.includes(state)) {
          report(['model', 'disruptions', id, 'states', i], `unknown state ${JSON.stringify(state)}${hint(state, states)}; valid states are ${states.join(', ')}`);
        }
      });
    }
    if (d.type === 'hub-closure' && typeof d.node === 'string') named.push({ path: ['model', 'disruptions', id, 'node'], name: d.node, key: false });
  }
  if (isPlainObject(s.model.nodeOverrides)) for (const name of Object.keys(s.model.nodeOverrides)) named.push({ path: ['model', 'nodeOverrides', name], name, key: true });
  if (named.length > 0 && optionIssues.length === 0) {
    let names: Set<string>;
    try {
      names = nodeNames(data, options, s.seed);
    } catch {
      return issues; // The network cannot be built: its options were reported already.
    }
    const region = s.region.districts.length > 0 ? `districts ${s.region.districts.join(', ')}` : s.region.states.length > 0 ? s.region.states.join(', ') : 'all India';
    for (const { path, name, key } of named) {
      if (names.has(name)) continue;
      report(path, `no node named ${JSON.stringify(name)} in this scenario's network (region: ${region})${hint(name, names)}; \`sim network <scenario> --nodes\` lists the names`, key);
    }
  }
  return issues;
}

// The node names of the last few networks built here: `sim validate` of several files that close
// hubs of one network builds it once (~0.5–1 s). A cache, not state: the names depend only on the key.
const namesOf = new Map<string, Set<string>>();

function nodeNames(data: IndiaData, options: NetworkOptions, seed: number | string): Set<string> {
  const key = JSON.stringify([options, seed]);
  let names = namesOf.get(key);
  if (names === undefined) {
    names = new Set(buildNetwork(data, options, seed).nodes.map((n) => n.name));
    if (namesOf.size >= 4) namesOf.delete(namesOf.keys().next().value!);
    namesOf.set(key, names);
  }
  return names;
}

function hint(given: string, candidates: Iterable<string>): string {
  const near = didYouMean(given, candidates);
  return near === undefined ? '' : ` (did you mean "${near}"?)`;
}

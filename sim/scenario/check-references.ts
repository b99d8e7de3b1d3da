import type { IndiaData, IndiaShapes } from '../data/index.ts';
import { demandProblems } from '../model/index.ts';
import { buildNetwork, currentState, placeContext, regionMask, type Network, type NetworkOptions, NetworkOptionsError, type OptionIssue, validateNetworkOptions } from '../network/index.ts';
import { networkOptions } from './check-resolved.ts';
import { didYouMean } from './did-you-mean.ts';
import { type FieldPath, formatPath, parsePath } from './field-path.ts';
import { locateInLayers } from './locate-in-layers.ts';
import { isPlainObject } from './merge-patch.ts';
import { readOrders } from './read-orders.ts';
import type { Scenario, ScenarioIssue } from './scenario.ts';
import { importedText, ordersKey, rememberOrders } from './scenario-imports.ts';
import { simulationInput } from './simulation-input.ts';
import type { ScenarioLayer } from './scenario-layer.ts';

/**
 * Checks what the scenario names against the India data: region states and district codes,
 * monsoon states, node names (hub closures, node overrides), and the network it imports or edits:
 * every bad row of an imported file, every edit that cannot apply, demand the network cannot
 * reach. Those need the network itself, so it is built (with `shapes`, if given, to tell whether
 * a node lies in India) only when the scenario names a node, imports or edits. `earlier`: problems
 * already found, so a file that could not be read is not checked again.
 */
export function checkReferences(s: Scenario, layers: readonly ScenarioLayer[], data: IndiaData, shapes?: IndiaShapes, earlier: readonly ScenarioIssue[] = []): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const report = (path: FieldPath, message: string, key = false): void => {
    const at = locateInLayers(layers, path, key);
    issues.push({ path: formatPath(path), message, ...(at !== undefined && { at }) });
  };
  // The options around any imported files (whose texts may not have been read: reported already).
  const { import: _files, ...around } = s.network;
  const options = networkOptions({ ...s, network: around, imports: undefined });
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
  const rules = Array.isArray(s.model.rules) ? s.model.rules : [];
  const codes = new Set(options.districts ?? data.districts.filter((d, i) => d.code !== null && (!options.states || options.states.includes(currentState(d.state, d.code)))).map((d) => d.code!));
  rules.forEach((rule, r) => {
    const when = isPlainObject(rule) && isPlainObject(rule.when) ? rule.when : {};
    if (Array.isArray(when.states)) {
      when.states.forEach((state, i) => {
        if (typeof state === 'string' && !states.includes(state)) report(['model', 'rules', r, 'when', 'states', i], `unknown state ${JSON.stringify(state)}${hint(state, states)}; valid states are ${states.join(', ')}`);
      });
    }
    if (Array.isArray(when.districts)) {
      when.districts.forEach((code, i) => {
        if (typeof code === 'number' && !codes.has(code)) report(['model', 'rules', r, 'when', 'districts', i], `district ${code} is not in this scenario's region; the rule would never apply`);
      });
    }
  });
  // A user's orders: read against the dataset and the region, every bad row listed.
  const orderFile = s.imports?.['model.demand.import'];
  if (orderFile !== undefined && optionIssues.length === 0) {
    const ctx = placeContext(data);
    const mask = regionMask(ctx, { states: options.states ?? null, districts: options.districts ?? null });
    const read = readOrders(importedText(s, 'model.demand.import').content, ctx, (i) => mask[i] === true, shapes);
    for (const b of read.issues) issues.push({ path: 'model.demand.import', message: b.message, at: { source: orderFile.file, line: b.line, col: b.col } });
    const last = addDays(s.model.startDate, s.days - 1);
    if (read.issues.length === 0 && read.orders.date !== null && !read.orders.date.some((d) => d >= s.model.startDate && d <= last)) {
      report(['model', 'demand', 'import'], `${orderFile.file}: no row is dated within the order days ${s.model.startDate}..${last} (model.startDate and days); move model.startDate or the dates`);
    }
    if (read.issues.length === 0) rememberOrders(ordersKey(s)!, read);
  }
  const orders = orderFile !== undefined;
  const edits = s.network.import !== undefined || Object.keys(s.network.nodes ?? {}).length > 0 || Object.keys(s.network.lanes ?? {}).length > 0;
  const unread = earlier.some((i) => i.path.startsWith('network') || i.path.startsWith('model.rules') || i.path.startsWith('model.demand'));
  if ((named.length > 0 || edits || rules.length > 0 || orders) && optionIssues.length === 0 && !unread && issues.length === 0) {
    const plain = !edits && rules.length === 0 && !orders;
    let network: Network | undefined;
    let names: Set<string>;
    try {
      if (plain) {
        names = nodeNames(data, networkOptions(s), s.seed, shapes);
      } else {
        network = networkFor(data, networkOptions(s), s.seed, shapes);
        names = new Set(network.nodes.map((n) => n.name));
      }
    } catch (error) {
      if (error instanceof NetworkOptionsError) for (const issue of error.issues) issues.push(networkIssue(s, layers, issue));
      return issues; // Otherwise the options were reported already.
    }
    const region = s.region.districts.length > 0 ? `districts ${s.region.districts.join(', ')}` : s.region.states.length > 0 ? s.region.states.join(', ') : 'all India';
    for (const { path, name, key } of named) {
      if (names.has(name)) continue;
      report(path, `no node named ${JSON.stringify(name)} in this scenario's network (region: ${region})${hint(name, names)}; \`sim network <scenario> --nodes\` lists the names`, key);
    }
    // Demand the network (or the rules) leave without a carrier: before anything runs.
    if (network !== undefined) {
      let problems: string[] = [];
      try {
        problems = demandProblems(network, simulationInput(s).model);
      } catch {
        // An invalid model config: reported by the schema and validateModelConfig.
      }
      const at: FieldPath = rules.length > 0 ? ['model', 'rules'] : s.network.import ? ['network', 'import'] : edits ? ['network'] : ['model', 'demand', 'import'];
      for (const message of problems) report(at, message);
    }
  }
  return issues;
}

// The node names of the last few networks built here for names alone: `sim validate` of several
// files that close hubs of one network builds it once (~0.5–1 s). A cache, not state: the names
// depend only on the key.
const namesOf = new Map<string, Set<string>>();

function nodeNames(data: IndiaData, options: NetworkOptions, seed: number | string, shapes?: IndiaShapes): Set<string> {
  const key = JSON.stringify([options, seed, shapes !== undefined]);
  let names = namesOf.get(key);
  if (names === undefined) {
    names = new Set(buildNetwork(data, options, seed, shapes).nodes.map((n) => n.name));
    if (namesOf.size >= 4) namesOf.delete(namesOf.keys().next().value!);
    namesOf.set(key, names);
  }
  return names;
}

// The last four networks built here for their edits, imports or rules (a national one takes 1–2 s;
// `sim validate` of several files, or one checked again, builds it once). Keyed by the options, which
// hold imported files' contents, and the seed.
const networks = new Map<string, Network>();

function networkFor(data: IndiaData, options: NetworkOptions, seed: number | string, shapes?: IndiaShapes): Network {
  const key = JSON.stringify([options, seed, shapes !== undefined]);
  let network = networks.get(key);
  if (network === undefined) {
    network = buildNetwork(data, options, seed, shapes);
    if (networks.size >= 4) networks.delete(networks.keys().next().value!);
    networks.set(key, network);
  }
  return network;
}

/** A problem the network builder found, as a scenario problem: at the row of an imported file, or at the edit that caused it. */
function networkIssue(s: Scenario, layers: readonly ScenarioLayer[], issue: OptionIssue): ScenarioIssue {
  if (issue.at !== undefined) {
    const field = `network.import.${issue.at.file}`;
    return { path: field, message: issue.message, at: { source: s.imports?.[field]?.file ?? `${issue.at.file}.csv`, line: issue.at.line, col: issue.at.col } };
  }
  let path: FieldPath;
  try {
    path = issue.path === '' ? ['network'] : ['network', ...parsePath(issue.path)];
  } catch {
    path = ['network'];
  }
  // An edit as a whole (`network.nodes["X"]`) is pointed at by its key, a field of one by its value.
  const where = locateInLayers(layers, issue.path === '' ? (s.network.import ? ['network', 'import'] : ['network']) : path, path.length === 3);
  return { path: formatPath(path), message: issue.message, ...(where !== undefined && { at: where }) };
}

function hint(given: string, candidates: Iterable<string>): string {
  const near = didYouMean(given, candidates);
  return near === undefined ? '' : ` (did you mean "${near}"?)`;
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

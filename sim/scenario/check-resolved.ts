import { validateModelConfig } from '../model/index.ts';
import { type NetworkOptions, validateNetworkOptions } from '../network/index.ts';
import { checkValue } from './check-layer.ts';
import type { FieldSchema, ObjectField } from './field-schema.ts';
import { didYouMean } from './did-you-mean.ts';
import { type FieldPath, formatPath, getAt, parsePath } from './field-path.ts';
import { locateInLayers } from './locate-in-layers.ts';
import { isPlainObject } from './merge-patch.ts';
import { importedOrders, importedText } from './scenario-imports.ts';
import type { Scenario, ScenarioIssue } from './scenario.ts';
import type { ScenarioLayer } from './scenario-layer.ts';

/** Fields a sweep may not vary: they name the run or are the run's own loop. */
const NOT_SWEEPABLE = new Set(['name', 'question', 'extends', 'seed', 'replications', 'warmupDays', 'sweep']);

/**
 * Checks the merged scenario as a whole: required fields, what the model's and the network's own
 * validators say, date ranges, disruptions outside the simulated days, and sweeps. Each problem
 * points at the layer that wrote the field.
 */
export function checkResolved(scenario: Scenario, layers: readonly ScenarioLayer[], schema: ObjectField): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const report = (path: FieldPath, message: string, key = false): void => {
    const at = locateInLayers(layers, path, key);
    issues.push({ path: formatPath(path), message, ...(at !== undefined && { at }) });
  };

  requiredFields(schema, scenario, [], report);

  // The model's and the network's own validators: one set of rules, whoever calls them.
  // (A model or network that is not an object was reported by the schema checks; nothing to take apart then.)
  const { import: _orders, ...demand } = isPlainObject(scenario.model) && isPlainObject(scenario.model.demand) ? scenario.model.demand : {};
  const model = { ...scenario.model, demand, days: scenario.days } as Parameters<typeof validateModelConfig>[0];
  for (const issue of safely(() => validateModelConfig(model))) {
    const path = issue.path === 'days' ? ['days'] : ['model', ...parsePathLoose(issue.path)];
    report(path, issue.message);
  }
  // The imported files are checked once read (checkReferences); here, the options around them.
  const { import: _files, ...network } = isPlainObject(scenario.network) ? scenario.network : ({} as Scenario['network']);
  for (const issue of safely(() => validateNetworkOptions(networkOptions({ ...scenario, network, imports: undefined })).issues)) {
    const [head, ...rest] = parsePathLoose(issue.path);
    const path = head === 'states' || head === 'districts' ? ['region', head, ...rest] : head === 'scale' ? ['scale'] : ['network', ...(head === undefined ? [] : [head]), ...rest];
    report(path, issue.message);
  }

  safely(() => {
    checkDisruptionDates(scenario, report);
    return [];
  });
  if (Number.isInteger(scenario.warmupDays) && Number.isInteger(scenario.days) && scenario.warmupDays > 0 && scenario.warmupDays >= scenario.days) {
    report(['warmupDays'], `must be less than days (${scenario.days}): the warm-up's orders are not measured, so some order days must remain, given ${scenario.warmupDays}`);
  }
  checkSweep(scenario, layers, schema, report);
  return issues;
}

/**
 * The network options a scenario builds with: its imported files' texts (read by the loader) in
 * place of their paths; edits only when there are some, so a scenario without them simulates, and
 * hashes, as before they existed.
 */
export function networkOptions(s: Scenario): NetworkOptions {
  const { import: files, nodes, lanes, ...network } = s.network;
  const o: NetworkOptions = { ...network, scale: s.scale };
  if (isPlainObject(nodes) && Object.keys(nodes).length > 0) o.nodes = nodes;
  if (isPlainObject(lanes) && Object.keys(lanes).length > 0) o.lanes = lanes;
  if (files !== undefined) o.import = { nodes: importedText(s, 'network.import.nodes'), lanes: importedText(s, 'network.import.lanes') };
  // Orders by coordinates are demand points of the network (catchments are computed for them).
  const orders = importedOrders(s);
  if (orders !== undefined && orders.points.lon.length > 0) o.points = orders.points;
  if (s.region.states.length > 0) o.states = s.region.states;
  if (s.region.districts.length > 0) o.districts = s.region.districts;
  return o;
}

function requiredFields(field: FieldSchema, value: unknown, path: FieldPath, report: (p: FieldPath, m: string) => void): void {
  if (!isPlainObject(value)) return;
  if (field.kind === 'object') {
    for (const k of field.required ?? []) {
      if (value[k] === undefined && !(path.length === 0 && k === 'question')) report([...path, k], `is required: ${field.fields[k]?.doc ?? ''}`.trim());
    }
    for (const [k, child] of Object.entries(field.fields)) requiredFields(child, value[k], [...path, k], report);
  } else if (field.kind === 'map') {
    for (const [k, v] of Object.entries(value)) requiredFields(field.values, v, [...path, k], report);
  } else if (field.kind === 'union') {
    const tag = value[field.tag];
    if (tag === undefined) report([...path, field.tag], `is required: one of ${Object.keys(field.variants).join(', ')}`);
    else if (typeof tag === 'string' && field.variants[tag]) requiredFields(field.variants[tag], value, path, report);
  }
}

function checkDisruptionDates(s: Scenario, report: (p: FieldPath, m: string) => void): void {
  const start = s.model.startDate;
  if (typeof start !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(start)) return;
  const last = addDays(start, s.days + s.model.drainDays - 1);
  if (!isPlainObject(s.model.disruptions)) return;
  for (const [id, d] of Object.entries(s.model.disruptions)) {
    if (!isPlainObject(d)) continue;
    const path = ['model', 'disruptions', id];
    const from = typeof d.from === 'string' ? d.from : undefined;
    const to = d.type === 'hub-closure' && from !== undefined && typeof d.days === 'number' ? addDays(from, d.days - 1) : typeof d.to === 'string' ? d.to : undefined;
    if (from === undefined || to === undefined) continue;
    if (d.type === 'monsoon' && to < from) report([...path, 'to'], `must be on or after from (${from}), given "${to}": the window ends before it starts`);
    if (d.type === 'festive' && Array.isArray(d.saleDays)) {
      d.saleDays.forEach((day, i) => {
        if (typeof day === 'string' && (day < from || day > to)) report([...path, 'saleDays', i], `must lie in the festive window ${from}..${to}, given "${day}"`);
      });
    }
    if (to >= from && (to < start || from > last)) {
      report([...path, 'from'], `the disruption (${from}..${to}) lies outside the simulated days ${start}..${last} (model.startDate + days + model.drainDays); move model.startDate or the dates`);
    }
  }
}

/** The most points a sweep grid may have (every combination of its values is a run). */
export const MAX_SWEEP_POINTS = 1_000;

function checkSweep(s: Scenario, layers: readonly ScenarioLayer[], schema: ObjectField, report: (p: FieldPath, m: string, key?: boolean) => void): void {
  if (!isPlainObject(s.sweep)) return;
  const sizes = Object.values(s.sweep).map((v) => (Array.isArray(v) ? v.length : 1));
  const points = sizes.reduce((a, b) => a * b, 1);
  if (points > MAX_SWEEP_POINTS) {
    report(['sweep'], `makes a grid of ${points > 1e15 ? points.toExponential(1) : points.toLocaleString('en-US')} points (${sizes.join(' × ')}), more than the ${MAX_SWEEP_POINTS.toLocaleString('en-US')} a sweep may have; sweep fewer values or parameters`);
    return;
  }
  for (const [param, values] of Object.entries(s.sweep)) {
    const at: FieldPath = ['sweep', param];
    let path: (string | number)[];
    try {
      path = parsePath(param);
    } catch (error) {
      report(at, `is not a parameter path: ${(error as Error).message}`, true);
      continue;
    }
    const field = fieldAt(schema, s, path);
    if (field === undefined || NOT_SWEEPABLE.has(String(path[0]))) {
      const hint = didYouMean(param, sweepablePaths(schema, s));
      report(at, `sweeps over "${param}", which is not a parameter of this scenario${hint ? ` (did you mean "${hint}"?)` : ''} (a sweep varies a field such as network.kiranaCount or model.policy)`, true);
      continue;
    }
    if (!Array.isArray(values)) continue;
    values.forEach((v, i) => checkValue(field, v, [...at, i], s, schema, (_p, message) => report([...at, i], `${param}: ${message}`)));
  }
  void layers;
}

/** The schema of the field at `path` in scenario `s` (map entries must exist; a union takes its variant from `s`). */
export function fieldAt(root: ObjectField, s: unknown, path: FieldPath): FieldSchema | undefined {
  let field: FieldSchema = root;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    if (field.kind === 'object') {
      const next: FieldSchema | undefined = field.fields[String(seg)];
      if (next === undefined) return undefined;
      field = next;
    } else if (field.kind === 'map') {
      if (getAt(s, [...path.slice(0, i), seg]) === undefined) return undefined;
      field = field.values;
    } else if (field.kind === 'array' && typeof seg === 'number') {
      field = field.items;
    } else {
      return undefined;
    }
    if (field.kind === 'union') {
      const tag = getAt(s, [...path.slice(0, i + 1), field.tag]);
      const variant: FieldSchema | undefined = typeof tag === 'string' ? field.variants[tag] : undefined;
      if (variant === undefined) return undefined;
      field = variant;
    }
  }
  return field;
}

/** Every leaf parameter path of the scenario, for did-you-mean. */
function sweepablePaths(root: ObjectField, s: unknown): string[] {
  const out: string[] = [];
  const visit = (field: FieldSchema, path: (string | number)[]): void => {
    if (field.kind === 'object') for (const [k, f] of Object.entries(field.fields)) visit(f, [...path, k]);
    else if (field.kind === 'map') {
      const v = getAt(s, path);
      if (isPlainObject(v)) for (const k of Object.keys(v)) visit(field.values, [...path, k]);
    } else if (field.kind === 'union') {
      const tag = getAt(s, [...path, field.tag]);
      if (typeof tag === 'string' && field.variants[tag]) visit(field.variants[tag], path);
    } else if (!NOT_SWEEPABLE.has(String(path[0]))) out.push(formatPath(path));
  };
  visit(root, []);
  return out;
}

function parsePathLoose(text: string): (string | number)[] {
  if (text === '') return [];
  try {
    return parsePath(text);
  } catch {
    return text.split('.');
  }
}

function safely<T>(f: () => T[]): T[] {
  try {
    return f();
  } catch {
    // A validator that trips over a wrong type: the layer checks have reported it already.
    return [];
  }
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

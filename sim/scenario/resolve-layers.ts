import { checkLayer } from './check-layer.ts';
import { checkResolved } from './check-resolved.ts';
import { fillDefaults } from './fill-defaults.ts';
import { isPlainObject, mergePatch } from './merge-patch.ts';
import type { Scenario, ScenarioIssue } from './scenario.ts';
import { scenarioDefaults } from './scenario-defaults.ts';
import type { ScenarioLayer } from './scenario-layer.ts';
import { SCENARIO_SCHEMA } from './scenario-schema.ts';

/**
 * Merges layers (the root base first, `--set` last) as JSON merge patches, lays them over the
 * defaults and checks everything: each layer against the schema, then the whole. Pure (no file
 * access), so a browser can resolve scenarios it fetched. `name` is the entry file's own name
 * (never inherited from a base).
 */
export function resolveLayers(layers: readonly ScenarioLayer[], name: string): { scenario: Scenario; issues: ScenarioIssue[] } {
  let merged: unknown = {};
  for (const layer of layers) {
    const { extends: _extends, name: _name, ...rest } = isPlainObject(layer.data) ? layer.data : {};
    merged = mergePatch(merged, rest, keepsNull);
  }
  const scenario = { name, ...(fillDefaults(SCENARIO_SCHEMA, { ...scenarioDefaults(), question: undefined }, merged) as object) } as Scenario;
  scenario.name = name;
  const issues: ScenarioIssue[] = [];
  for (const layer of layers) {
    if (!isPlainObject(layer.data)) {
      issues.push({ path: '', message: `must be a mapping of fields (name, question, network, model…), given ${Array.isArray(layer.data) ? 'a list' : JSON.stringify(layer.data)}`, at: layer.locate([]) });
      continue;
    }
    issues.push(...checkLayer(layer, SCENARIO_SCHEMA, merged));
    if (layer.file !== undefined && layer.broken !== true && (typeof layer.data.question !== 'string' || layer.data.question.trim() === '')) {
      if (layer.data.question === undefined) issues.push({ path: 'question', message: 'is required in every scenario file: the question it answers, in a sentence', at: layer.locate([]) });
    }
  }
  // The layer checks see a field first, with its own position; say it once.
  const reported = new ReportedPaths(issues);
  for (const issue of checkResolved(scenario, layers, SCENARIO_SCHEMA)) {
    if (reported.overlaps(issue.path)) continue;
    issues.push(issue);
    reported.add(issue.path);
  }
  return { scenario, issues };
}

/**
 * The paths of the issues reported so far, to say each problem once: a new issue is left out
 * when its path and a reported one `overlaps`. Answers in time proportional to the path's length,
 * not to the issues already found (a list of 100,000 bad district codes made that quadratic).
 */
export class ReportedPaths {
  private readonly exact = new Set<string>();
  /** Every proper prefix of a reported path, cut where `overlaps` cuts (before `.` or `[`). */
  private readonly within = new Set<string>();

  constructor(issues: readonly { path: string }[] = []) {
    for (const i of issues) this.add(i.path);
  }

  add(path: string): void {
    this.exact.add(path);
    for (const cut of cuts(path)) this.within.add(path.slice(0, cut));
  }

  overlaps(path: string): boolean {
    if (this.exact.has(path) || this.within.has(path)) return true;
    for (const cut of cuts(path)) if (this.exact.has(path.slice(0, cut))) return true;
    return false;
  }
}

function cuts(path: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < path.length; i++) if (path[i] === '.' || path[i] === '[') out.push(i);
  return out;
}

/** Maps whose entries may be `null` (a node removed, a lane closed), kept through the merge. */
function keepsNull(path: readonly string[]): boolean {
  return path.length === 2 && path[0] === 'network' && (path[1] === 'nodes' || path[1] === 'lanes');
}

/** One path is the other or contains it. */
export function overlaps(a: string, b: string): boolean {
  const within = (x: string, y: string): boolean => x === y || (x.startsWith(y) && (x[y.length] === '.' || x[y.length] === '['));
  return within(a, b) || within(b, a);
}

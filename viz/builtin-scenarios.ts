/// <reference types="vite/client" />
import type { IndiaInput, RunSpec } from '../sim/run/browser.ts';
import {
  argumentLayer,
  parseLayer,
  parseSet,
  resolveLayers,
  type Scenario,
  type ScenarioIssue,
  type ScenarioLayer,
  type SetOverride,
  setPatch,
  simulationInput,
} from '../sim/scenario/browser.ts';

/**
 * The built-in scenarios (`scenarios/*.yaml`), bundled as text by Vite so the page needs no server
 * and no file access. They are resolved by sim/scenario's own `parseLayer` + `resolveLayers` (what
 * `loadScenario` does after reading the files), so a page run simulates, hashes and summarises
 * exactly as `sim run <name>` does. Eager: the files are a few kilobytes in all.
 */
const FILES = import.meta.glob<string>('../scenarios/*.yaml', { query: '?raw', import: 'default', eager: true });

/** Built-in name → YAML text. */
export const BUILTIN_TEXTS: ReadonlyMap<string, string> = new Map(
  Object.entries(FILES)
    .map(([path, text]) => [path.slice(path.lastIndexOf('/') + 1, -'.yaml'.length), text] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
);

/** A built-in as the panel lists it. */
export interface BuiltinEntry {
  name: string;
  /** The scenario's `question`, shown as help text. */
  question: string;
  /** No region: the whole country; a run takes tens of seconds in a browser, not one or two. */
  national: boolean;
  /** The resolved scenario (no page overrides). */
  scenario: Scenario;
}

/**
 * Loads a built-in as `loadScenario(name, { sets })` does: the `extends` chain (root base first),
 * then one layer per `--set`, resolved over the defaults. Sources read `scenarios/<name>.yaml`, as
 * the CLI prints them from the repository root. Bases must be built-ins: the page has no other files.
 */
export function loadBuiltin(name: string, sets: readonly SetOverride[] = [], texts: ReadonlyMap<string, string> = BUILTIN_TEXTS): { scenario: Scenario; issues: ScenarioIssue[] } {
  const issues: ScenarioIssue[] = [];
  const layers: ScenarioLayer[] = [];
  const seen: string[] = [];
  let current: string | undefined = name;
  while (current !== undefined) {
    const source = `scenarios/${current}.yaml`;
    const text = texts.get(current);
    if (text === undefined) {
      issues.push({ path: seen.length === 0 ? '' : 'extends', message: `no built-in scenario named ${JSON.stringify(current)}; built-ins: ${[...texts.keys()].join(', ')}`, at: { source: seen.length === 0 ? current : `scenarios/${seen[seen.length - 1]}.yaml`, line: 0, col: 0 } });
      break;
    }
    const { layer, issues: parseIssues } = parseLayer(text, source, source);
    issues.push(...parseIssues);
    layers.unshift(layer);
    seen.push(current);
    const base = isRecord(layer.data) ? layer.data.extends : undefined;
    if (base === undefined || base === null) break;
    if (typeof base !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(base) || seen.includes(base)) {
      issues.push({ path: 'extends', message: `the page follows only built-in bases without cycles, given ${JSON.stringify(base)}`, at: layer.locate(['extends']) });
      break;
    }
    current = base;
  }
  const top = layers[layers.length - 1];
  const own = top !== undefined && isRecord(top.data) && typeof top.data.name === 'string' ? top.data.name : undefined;
  const resolvedName = own !== undefined && /^[a-z0-9][a-z0-9-]*$/.test(own) ? own : name;
  for (const set of sets) layers.push(argumentLayer(set.source, setPatch(set)));
  const resolved = resolveLayers(layers, resolvedName);
  return { scenario: resolved.scenario, issues: [...issues, ...resolved.issues] };
}

/** Every built-in, resolved once (a broken one is left out rather than breaking the page). */
export function builtinEntries(texts: ReadonlyMap<string, string> = BUILTIN_TEXTS): BuiltinEntry[] {
  const out: BuiltinEntry[] = [];
  for (const name of texts.keys()) {
    const { scenario, issues } = loadBuiltin(name, [], texts);
    if (issues.length > 0) continue;
    out.push({ name, question: scenario.question, national: scenario.region.states.length === 0 && scenario.region.districts.length === 0, scenario });
  }
  return out;
}

/** The experiment a scenario describes, as sim/run takes it: the CLI's `runSpecFor`. */
export function runSpecFor(s: Scenario): Extract<RunSpec, { kind: 'india' }> {
  return { kind: 'india', input: simulationInput(s) as unknown as IndiaInput, scenario: s.name, seed: s.seed, replications: s.replications };
}

/** The panel's controls. */
export interface PanelParams {
  kiranaCount: number;
  policy: string;
  kiranaShare: number;
  demandMultiplier: number;
  /** Add a monsoon over the region's states for every simulated day. */
  monsoon: boolean;
  replications: number;
  seed: number | string;
}

/** The controls as a scenario leaves them: what an untouched panel shows. */
export function paramsOf(s: Scenario): PanelParams {
  return {
    kiranaCount: s.network.kiranaCount,
    policy: s.model.policy,
    kiranaShare: s.model.policies.kirana.share,
    demandMultiplier: 1,
    monsoon: false,
    replications: s.replications,
    seed: s.seed,
  };
}

/**
 * The panel's controls as `--set` overrides on the resolved scenario: one per control that differs
 * from it, parsed by sim/scenario's own `parseSet` from the text a command line would carry (so the
 * page can print the equivalent `sim run` command, and an untouched panel adds nothing).
 * `monsoonStates` are the region's states (today's names, as the network's nodes carry them).
 */
export function panelSets(s: Scenario, p: PanelParams, monsoonStates: readonly string[]): SetOverride[] {
  const base = paramsOf(s);
  const sets: SetOverride[] = [];
  // A value as a person would type it when it reads back the same (`model.policy=kirana`), else as
  // JSON, which is YAML and reads back exactly (a seed "007", objects).
  const set = (path: string, value: unknown): void => {
    if (typeof value === 'string' || typeof value === 'number') {
      const plain = parseSet(`${path}=${String(value)}`);
      if (plain.value === value) return void sets.push(plain);
    }
    sets.push(parseSet(`${path}=${JSON.stringify(value)}`));
  };
  if (p.seed !== base.seed) set('seed', p.seed);
  if (p.replications !== base.replications) set('replications', p.replications);
  if (p.kiranaCount !== base.kiranaCount) set('network.kiranaCount', p.kiranaCount);
  if (p.policy !== base.policy) set('model.policy', p.policy);
  if (p.kiranaShare !== base.kiranaShare) set('model.policies.kirana.share', p.kiranaShare);
  if (p.demandMultiplier !== 1) set('model.demand.parcelsPerDay', Math.round(s.model.demand.parcelsPerDay * p.demandMultiplier));
  if (p.monsoon) {
    // The whole simulated span (order days and drain days): the model rejects windows outside it.
    const from = s.model.startDate;
    const to = addDays(from, s.days + s.model.drainDays - 1);
    set('model.disruptions.page-monsoon', { type: 'monsoon', states: [...monsoonStates], from, to });
  }
  return sets;
}

/** The command line that runs what the page runs. */
export function cliCommand(name: string, sets: readonly SetOverride[]): string {
  const quote = (t: string): string => `'${t.replace(/'/g, `'\\''`)}'`;
  return ['sim run', name, ...sets.map((s) => (s.source.startsWith('--set ') ? `--set ${quote(s.source.slice('--set '.length))}` : s.source))].join(' ');
}

/**
 * The input with the model's event log on, for the page's playback replication. Sampling draws its
 * random number for every parcel whether the log is on or not, so the simulation is the same; only
 * the hash differs, which is why playback is a separate job and never part of the summary.
 */
export function withEventLog(input: IndiaInput): IndiaInput {
  return { network: input.network, model: { ...structuredClone(input.model), eventLog: { enabled: true, sampleShare: 0.05, maxEvents: 20_000 } } };
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

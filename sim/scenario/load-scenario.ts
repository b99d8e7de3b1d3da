import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, relative, resolve } from 'node:path';
import { type IndiaData, type IndiaShapes, loadIndiaShapes } from '../data/index.ts';
import { BUILTIN_DIR, builtinNames } from './builtin-scenarios.ts';
import { checkReferences } from './check-references.ts';
import { checkWorkload } from './check-workload.ts';
import { didYouMean } from './did-you-mean.ts';
import { isPlainObject } from './merge-patch.ts';
import { type SetOverride, setPatch } from './parse-set.ts';
import { ReportedPaths, resolveLayers } from './resolve-layers.ts';
import type { Scenario, ScenarioIssue } from './scenario.ts';
import { YAML_LIMITS } from './parse-yaml-safely.ts';
import { readImports } from './scenario-imports.ts';
import { argumentLayer, parseLayer, type ScenarioLayer } from './scenario-layer.ts';

export interface LoadOptions {
  /** `--set` overrides (and `--days`, `--scale` turned into them), applied last, in order. */
  sets?: readonly SetOverride[];
  /** Where built-in names are looked up; default `scenarios/`. */
  builtinDir?: string;
  /** The India data, to check state names, district codes and node names; without it those checks are skipped. */
  data?: () => Promise<IndiaData>;
  /** District polygons, to check that imported and added nodes and orders lie in India and in their district (with `data`); default the embedded ones. */
  shapes?: () => Promise<IndiaShapes>;
}

export interface LoadedScenario {
  /** The resolved scenario; meaningful only when `issues` is empty. */
  scenario: Scenario;
  /** Every problem found, in file order. */
  issues: ScenarioIssue[];
  /** The files read, the root base first (absolute paths). */
  files: string[];
}

/**
 * Loads a scenario by built-in name (`baseline`) or path (`./my.yaml`, `.json` too), follows its
 * `extends` chain, applies `--set` overrides, resolves it over the defaults and checks it all,
 * collecting every problem with its file, line and column.
 */
export async function loadScenario(ref: string, options: LoadOptions = {}): Promise<LoadedScenario> {
  const builtinDir = options.builtinDir ?? BUILTIN_DIR;
  const issues: ScenarioIssue[] = [];
  const entry = findScenario(ref, process.cwd(), builtinDir);
  const empty = { scenario: resolveLayers([], 'scenario').scenario, issues, files: [] };
  if ('problem' in entry) {
    issues.push({ path: '', message: entry.problem, at: { source: ref, line: 0, col: 0 } });
    return empty;
  }
  const layers = loadChain(entry.file, [], issues, builtinDir);
  const files = layers.map((l) => l.file!);
  const top = layers[layers.length - 1];
  const ownName = top !== undefined && isPlainObject(top.data) && typeof top.data.name === 'string' ? top.data.name : undefined;
  const name = ownName !== undefined && /^[a-z0-9][a-z0-9-]*$/.test(ownName) ? ownName : stem(entry.file);
  for (const set of options.sets ?? []) layers.push(argumentLayer(set.source, setPatch(set)));
  const { scenario, issues: resolveIssues } = resolveLayers(layers, name);
  issues.push(...resolveIssues);
  issues.push(...readImports(scenario, layers, readFrom, (text) => createHash('sha256').update(text).digest('hex')));
  if (options.data !== undefined && !issues.some((i) => i.message.startsWith('not valid YAML'))) {
    const data = await options.data();
    // The shapes too (for points in India and in districts): a scenario checked with and without them could differ.
    const shapes = await (options.shapes ?? loadIndiaShapes)();
    // Said once: a reference problem at a path the checks before reported is left out (several at one
    // path among the reference problems, such as an orders file's bad rows, all stay).
    const reported = new ReportedPaths(issues);
    const before = [...issues];
    try {
      for (const issue of checkReferences(scenario, layers, data, shapes, before)) if (!reported.overlaps(issue.path)) issues.push(issue);
    } catch (error) {
      // A reference check that trips over a value of the wrong type: the schema checks reported it.
      if (issues.length === 0) throw error;
    }
    if (issues.length === 0) issues.push(...checkWorkload(scenario, data));
  }
  return { scenario, issues: sortIssues(issues, files), files };
}

/** Reads an imported file, relative to the scenario file that names it (the working directory for `--set`). */
function readFrom(path: string, relativeTo: string | undefined): { text: string; display: string } | { problem: string } {
  const file = resolve(relativeTo === undefined ? process.cwd() : dirname(relativeTo), path);
  try {
    return { text: readFileSync(file, 'utf8'), display: display(file) };
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const why = e.code === 'ENOENT' ? 'no such file' : e.code === 'EISDIR' ? 'is a folder' : e.message;
    return { problem: `cannot read ${JSON.stringify(path)} (${display(file)}): ${why}; paths are relative to the scenario file that names them` };
  }
}

/** A built-in name or a path to a file, relative to `cwd`. */
export function findScenario(ref: string, cwd: string, builtinDir: string): { file: string } | { problem: string } {
  const asPath = resolve(cwd, ref);
  if (existsSync(asPath) && statSync(asPath).isFile()) return { file: asPath };
  if (isBuiltinName(ref)) {
    const file = resolve(builtinDir, `${ref}.yaml`);
    if (existsSync(file)) return { file };
  }
  const names = builtinNames(builtinDir);
  const hint = didYouMean(ref.replace(/\.(ya?ml|json)$/, ''), names);
  return {
    problem: `no scenario file or built-in scenario named ${JSON.stringify(ref)}${hint ? ` (did you mean "${hint}"?)` : ''}; built-ins: ${names.join(', ')} (or give a path to a .yaml or .json file)`,
  };
}

function isBuiltinName(ref: string): boolean {
  return /^[a-z0-9][a-z0-9-]*$/.test(ref);
}

function loadChain(file: string, stack: string[], issues: ScenarioIssue[], builtinDir: string): ScenarioLayer[] {
  const source = display(file);
  let text: string;
  try {
    // Refused before reading: a file of gigabytes would take the memory it claims.
    const size = statSync(file).size;
    if (size > YAML_LIMITS.bytes) {
      issues.push({ path: '', message: `the file has ${size.toLocaleString('en-US')} bytes, more than the ${YAML_LIMITS.bytes.toLocaleString('en-US')} a scenario may have`, at: { source, line: 0, col: 0 } });
      return [];
    }
    text = readFileSync(file, 'utf8');
  } catch (error) {
    issues.push({ path: '', message: `cannot read the file: ${(error as Error).message}`, at: { source, line: 0, col: 0 } });
    return [];
  }
  const { layer, issues: parseIssues } = parseLayer(text, source, file);
  issues.push(...parseIssues);
  if (parseIssues.length === 0 && (layer.data === null || layer.data === undefined)) {
    issues.push({ path: '', message: 'the file is empty; a scenario needs at least a question (and usually extends: baseline)', at: { source, line: 1, col: 1 } });
    layer.data = {};
  }
  const base = isPlainObject(layer.data) ? layer.data.extends : undefined;
  if (base === undefined || base === null) return [layer];
  const at = layer.locate(['extends']);
  if (typeof base !== 'string' || base === '') {
    issues.push({ path: 'extends', message: `must be a built-in scenario name or a path relative to this file, given ${JSON.stringify(base)}`, at });
    return [layer];
  }
  const looksLikePath = base.includes('/') || /\.(ya?ml|json)$/.test(base);
  const baseFile = looksLikePath ? resolve(dirname(file), base) : resolve(builtinDir, `${base}.yaml`);
  const chain = [...stack, file];
  if (chain.includes(baseFile)) {
    const loop = [...chain.slice(chain.indexOf(baseFile)), baseFile].map(display).join(' → ');
    issues.push({ path: 'extends', message: `extends cycle: ${loop}; a scenario cannot be its own base`, at });
    return [layer];
  }
  if (!existsSync(baseFile)) {
    const names = builtinNames(builtinDir);
    const hint = looksLikePath ? undefined : didYouMean(base, names);
    const what = looksLikePath ? `no file ${display(baseFile)}` : `no built-in scenario named ${JSON.stringify(base)}${hint ? ` (did you mean "${hint}"?)` : ''}; built-ins: ${names.join(', ')}`;
    issues.push({ path: 'extends', message: `${what} (a base is a built-in name or a path relative to this file)`, at });
    return [layer];
  }
  return [...loadChain(baseFile, chain, issues, builtinDir), layer];
}

/** A path as people read it: relative to the working directory when inside it. */
function display(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') || rel === '' ? file : rel;
}

function stem(file: string): string {
  const s = basename(file, extname(file)).toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+/, '');
  return s === '' ? 'scenario' : s;
}

/** Issues in the order of the files (root base first), then by line and column; the command line last. */
function sortIssues(issues: ScenarioIssue[], files: string[]): ScenarioIssue[] {
  const order = files.map(display);
  const rank = (i: ScenarioIssue): number => {
    if (i.at === undefined) return order.length + 1;
    const r = order.indexOf(i.at.source);
    return r < 0 ? order.length : r;
  };
  return issues
    .map((issue, index) => ({ issue, index }))
    .sort((a, b) => rank(a.issue) - rank(b.issue) || (a.issue.at?.line ?? 0) - (b.issue.at?.line ?? 0) || (a.issue.at?.col ?? 0) - (b.issue.at?.col ?? 0) || a.index - b.index)
    .map((x) => x.issue);
}

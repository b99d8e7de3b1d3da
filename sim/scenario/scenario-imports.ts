import type { ImportedOrders } from '../model/index.ts';
import type { DemandPoints } from '../network/index.ts';
import { existingDepth, type FieldPath, formatPath, getAt } from './field-path.ts';
import type { Scenario, ScenarioIssue } from './scenario.ts';
import type { ScenarioLayer } from './scenario-layer.ts';

/** The scenario fields that name a file to read: a network's nodes and lanes, a user's orders. */
export const IMPORT_FIELDS: readonly FieldPath[] = [
  ['network', 'import', 'nodes'],
  ['network', 'import', 'lanes'],
  ['model', 'demand', 'import'],
];

/** A file a scenario imports, as its manifest records it: where it was read (as given on the command line) and its SHA-256. */
export interface ImportRef {
  file: string;
  sha256: string;
}

// Files read for scenarios, by SHA-256 of their text: what `networkOptions` and `simulationInput`
// put into a run's input. Content-addressed, so it can never hand one scenario another's file; the
// loader (or the page, for files a user picked) fills it.
const texts = new Map<string, string>();

/** Keeps a file's text under its hash, for the scenarios that import it. */
export function rememberImport(sha256: string, text: string): void {
  texts.set(sha256, text);
}

/** The text a scenario imports at `field` (`network.import.nodes`…); throws, naming the file, when it was not read. */
export function importedText(s: Scenario, field: string): { sha256: string; content: string } {
  const ref = s.imports?.[field];
  if (ref === undefined) throw new Error(`${field}: the scenario names a file there, but it was not read; load the scenario with loadScenario (or read the file and call rememberImport)`);
  const content = texts.get(ref.sha256);
  if (content === undefined) throw new Error(`${field}: ${ref.file} (sha256 ${ref.sha256.slice(0, 12)}…) was not read in this process; load the scenario with loadScenario`);
  return { sha256: ref.sha256, content };
}

// Orders files read against the dataset (`readOrders`), by the SHA-256 of their text and the
// region they were read for: what simulationInput puts into a run.
const orders = new Map<string, { orders: ImportedOrders; points: DemandPoints }>();

/** Keeps a read orders file, under its hash and region (`ordersKey`). */
export function rememberOrders(key: string, read: { orders: ImportedOrders; points: DemandPoints }): void {
  orders.set(key, read);
}

/** The key a scenario's orders are kept under: the file's hash and the region they were placed in. */
export function ordersKey(s: Scenario): string | undefined {
  const ref = s.imports?.['model.demand.import'];
  return ref === undefined ? undefined : JSON.stringify([ref.sha256, s.region.states, s.region.districts]);
}

/** The orders a scenario imports, as read against the dataset; throws, naming the file, when they were not. */
export function importedOrders(s: Scenario): { sha256: string; orders: ImportedOrders; points: DemandPoints } | undefined {
  const key = ordersKey(s);
  if (key === undefined) return undefined;
  const read = orders.get(key);
  const ref = s.imports!['model.demand.import']!;
  if (read === undefined) throw new Error(`model.demand.import: ${ref.file} was not read against the India data in this process; load the scenario with loadScenario and its data`);
  return { sha256: ref.sha256, ...read };
}

/** How the loader reads a file: its text, or a problem in words. */
export type ReadImport = (path: string, relativeTo: string | undefined) => { text: string; display: string } | { problem: string };

/**
 * Reads every file the scenario imports, each relative to the file of the layer that named it
 * (the working directory for `--set`), hashes it and records it in `s.imports` (by field path).
 * Returns a problem for each file that cannot be read, pointing at the field.
 */
export function readImports(s: Scenario, layers: readonly ScenarioLayer[], read: ReadImport, sha256: (text: string) => string): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const imports: Record<string, ImportRef> = {};
  for (const path of IMPORT_FIELDS) {
    const value = getAt(s, path);
    if (typeof value !== 'string' || value === '') continue;
    const layer = [...layers].reverse().find((l) => existingDepth(l.data, path) === path.length);
    const got = read(value, layer?.file);
    const field = formatPath(path);
    if ('problem' in got) {
      issues.push({ path: field, message: got.problem, ...(layer && { at: layer.locate(path) }) });
      continue;
    }
    const hash = sha256(got.text);
    rememberImport(hash, got.text);
    imports[field] = { file: got.display, sha256: hash };
  }
  if (Object.keys(imports).length > 0) s.imports = imports;
  return issues;
}

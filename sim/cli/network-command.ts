import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadIndiaData } from '../data/index.ts';
import { buildNetwork, networkCounts, networkFiles } from '../network/index.ts';
import { OutputRefusedError, writeResultFolder } from '../report/index.ts';
import { networkOptions, type Scenario } from '../scenario/index.ts';
import { packageVersion } from './build-info.ts';
import { loadOrExit, type ScenarioArgs } from './load-or-exit.ts';

/**
 * `sim network <scenario>`: what the scenario's network holds (networkCounts), or with --nodes
 * every node's type, name and state, or with --export DIR the network as files to edit and import.
 */
export async function networkCommand(args: ScenarioArgs & { scenario: string; json?: boolean; nodes?: boolean; export?: string }): Promise<void> {
  const s = await loadOrExit(args.scenario, args);
  const data = await loadIndiaData();
  if (args.export !== undefined) return exportNetwork(s, args.export);
  const t0 = performance.now();
  const network = buildNetwork(data, networkOptions(s), s.seed);
  const seconds = (performance.now() - t0) / 1000;
  if (args.nodes) {
    const lines = ['type\tname\tstate', ...network.nodes.map((n) => `${n.type}\t${n.name}\t${n.state}`)];
    process.stdout.write(`${lines.join('\n')}\n`);
    return;
  }
  const counts = networkCounts(network);
  if (args.json) {
    process.stdout.write(`${JSON.stringify(counts, null, 2)}\n`);
    return;
  }
  const n = (x: number): string => x.toLocaleString('en-US');
  const rows = (o: Record<string, number>): string[] => {
    const w = Math.max(...Object.keys(o).map((k) => k.length));
    return Object.entries(o).map(([k, v]) => `    ${k.padEnd(w)}  ${n(v).padStart(9)}`);
  };
  const source = s.imports?.['network.import.nodes'] ? `imported from ${s.imports['network.import.nodes'].file}, ` : '';
  process.stdout.write(
    [
      `${s.name}: network of ${n(counts.districts)} district${counts.districts === 1 ? '' : 's'} (${source}built in ${seconds.toFixed(1)} s)`,
      '  facilities by type:',
      ...rows(counts.nodes),
      '  lanes by mode:',
      ...rows(counts.lanes),
      `  postmen ${n(counts.postmen)} at ${n(counts.deliveryPostOffices)} delivery post offices; PIN codes ${n(counts.pins)}, ${n(counts.directPins)} reached directly by Amazon; urban cells ${n(counts.urbanCells)}, ${n(counts.directUrbanCells)} reached directly`,
      `  states: ${Object.keys(counts.byState).length} (--json gives facilities by state; --nodes lists every node; --export DIR writes it as files)`,
      '',
    ].join('\n'),
  );
}

const EXPORTED = ['nodes.csv', 'lanes.csv', 'nodes.geojson'] as const;

/**
 * Writes the scenario's network (its edits applied) at full scale as DIR/nodes.csv, lanes.csv and
 * nodes.geojson, with a manifest.json naming the scenario and each file's SHA-256. A folder this
 * command wrote is replaced only while its files are as it wrote them: exported files are meant
 * to be edited, and a second export must not wipe someone's edits.
 */
async function exportNetwork(s: Scenario, dir: string): Promise<void> {
  const data = await loadIndiaData();
  const t0 = performance.now();
  const network = buildNetwork(data, { ...networkOptions(s), scale: 1 }, s.seed);
  const files = networkFiles(network, data);
  refuseIfEdited(dir);
  const sha = (text: string): string => createHash('sha256').update(text).digest('hex');
  const manifest = {
    kind: 'network-export',
    scenario: s.name,
    seed: s.seed,
    region: s.region,
    version: packageVersion(),
    nodes: network.nodes.length,
    lanes: network.lanes.length,
    sha256: Object.fromEntries(EXPORTED.map((f) => [f, sha(files[f])])),
  };
  writeResultFolder(dir, { ...files, 'manifest.json': `${JSON.stringify(manifest, null, 2)}\n` }, '--export');
  const seconds = (performance.now() - t0) / 1000;
  process.stdout.write(
    `${s.name}: ${network.nodes.length.toLocaleString('en-IN')} nodes and ${network.lanes.length.toLocaleString('en-IN')} lanes written to ${dir}/ (${EXPORTED.join(', ')}; capacities at full scale) in ${seconds.toFixed(1)} s\n` +
      `import them with:  network: { import: { nodes: ${join(dir, 'nodes.csv')}, lanes: ${join(dir, 'lanes.csv')} } }  (paths relative to the scenario file)\n`,
  );
}

function refuseIfEdited(dir: string): void {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) return;
  let manifest: { kind?: unknown; sha256?: Record<string, string> };
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as typeof manifest;
  } catch {
    return; // not ours: writeResultFolder refuses it
  }
  if (manifest.kind !== 'network-export' || manifest.sha256 === undefined) return;
  const edited = EXPORTED.filter((f) => existsSync(join(dir, f)) && createHash('sha256').update(readFileSync(join(dir, f))).digest('hex') !== manifest.sha256![f]);
  if (edited.length > 0) {
    throw new OutputRefusedError(`--export ${dir}: ${edited.join(', ')} changed since this command wrote ${edited.length === 1 ? 'it' : 'them'}; exporting again would overwrite those edits, so nothing was written; give a new folder`);
  }
}

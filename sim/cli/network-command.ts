import { loadIndiaData } from '../data/index.ts';
import { buildNetwork, networkCounts } from '../network/index.ts';
import { networkOptions } from '../scenario/index.ts';
import { loadOrExit, type ScenarioArgs } from './load-or-exit.ts';

/** `sim network <scenario>`: what the scenario's network holds (networkCounts), or with --nodes every node's type, name and state. */
export async function networkCommand(args: ScenarioArgs & { scenario: string; json?: boolean; nodes?: boolean }): Promise<void> {
  const s = await loadOrExit(args.scenario, args);
  const data = await loadIndiaData();
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
  process.stdout.write(
    [
      `${s.name}: network of ${n(counts.districts)} district${counts.districts === 1 ? '' : 's'} (built in ${seconds.toFixed(1)} s)`,
      '  facilities by type:',
      ...rows(counts.nodes),
      '  lanes by mode:',
      ...rows(counts.lanes),
      `  postmen ${n(counts.postmen)} at ${n(counts.deliveryPostOffices)} delivery post offices; PIN codes ${n(counts.pins)}, ${n(counts.directPins)} reached directly by Amazon; urban cells ${n(counts.urbanCells)}, ${n(counts.directUrbanCells)} reached directly`,
      `  states: ${Object.keys(counts.byState).length} (--json gives facilities by state; --nodes lists every node)`,
      '',
    ].join('\n'),
  );
}

import type { HistogramJSON } from '../engine/stats/index.ts';
import { type ReplicationOutput, replicationsCsv, type Summary, summaryJson } from '../run/index.ts';
import { eventLogFiles } from './event-log-files.ts';

/** `manifest.json`: how the results were made. Timings live here and only here, so summary.json stays byte-identical run to run. */
export interface ResultManifest {
  scenario: unknown;
  scenarioName: string;
  scenarioHash: string;
  seed: number | string;
  replications: number;
  version: string;
  gitCommit: string | null;
  timings: { wallMs: number; replicationWallMs: number[]; startedAt: string };
  [key: string]: unknown;
}

/** What the tables need besides the replications: the first day, and district names by dataset index. */
export interface TableContext {
  startDate: string;
  district?: (index: number) => { code: number | null; name: string } | undefined;
}

/**
 * The files of a result folder (DESIGN.md, "Runs, results and comparison"): `manifest.json`,
 * `summary.json` and `replications.csv` (sim/run's formats), and the India model's tables as CSV,
 * each the mean over replications (`daily.csv`, `districts.csv`, `nodes.csv`) or their sum
 * (`leadtime-histogram.csv`, counts). Pure: text in, text out.
 */
export function resultFolderFiles(outputs: readonly ReplicationOutput[], summary: Summary, manifest: ResultManifest, ctx: TableContext): Record<string, string> {
  const files: Record<string, string> = {
    'summary.json': summaryJson(summary),
    'replications.csv': replicationsCsv(outputs),
  };
  const tables = outputs.map((o) => o.tables as Partial<IndiaTables>);
  if (tables.length > 0 && tables.every((t) => t.daily && t.byDistrict && t.byNode && t.leadTimeHistogram)) {
    const all = tables as IndiaTables[];
    files['daily.csv'] = dailyCsv(all, ctx.startDate);
    files['districts.csv'] = districtsCsv(all, ctx);
    files['nodes.csv'] = nodesCsv(all);
    files['leadtime-histogram.csv'] = histogramCsv(all.map((t) => t.leadTimeHistogram));
  }
  // The sampled parcels' events, when the model logged them (model.eventLog.enabled); the manifest says how many and how big.
  const events = eventLogFiles(outputs, ctx.startDate, ctx.district);
  if (events !== undefined) Object.assign(files, events.files);
  files['manifest.json'] = `${JSON.stringify(events === undefined ? manifest : { ...manifest, eventLog: events.record }, null, 2)}\n`;
  return files;
}

/** The India model's per-replication tables (`ReplicationResult` minus metrics), as they cross the worker boundary. */
interface IndiaTables {
  daily: Record<'created' | 'delivered' | 'returned' | 'backlog' | 'lastMileQueue', number[]>;
  byDistrict: { district: number[]; state: string[]; created: number[]; delivered: number[]; returned: number[]; leadTimeHoursMean: number[]; within48hShare: number[] };
  byNode: { type: string[]; nodes: number[]; capacityPerDay: number[]; handledPerDay: number[]; utilisation: number[]; queueMean: number[]; queueMax: number[] };
  leadTimeHistogram: HistogramJSON;
}

/** Mean over replications of column `get(t)[i]`, summed in replication order (deterministic bytes). */
function meanAt(tables: readonly IndiaTables[], get: (t: IndiaTables) => readonly number[], i: number): number {
  let sum = 0;
  for (const t of tables) sum += get(t)[i] ?? 0;
  return sum / tables.length;
}

function dailyCsv(tables: readonly IndiaTables[], startDate: string): string {
  const cols = ['created', 'delivered', 'returned', 'backlog', 'lastMileQueue'] as const;
  const days = Math.max(...tables.map((t) => t.daily.created.length));
  const lines = [['day', 'date', ...cols].join(',')];
  for (let d = 0; d < days; d++) lines.push([d + 1, addDays(startDate, d), ...cols.map((c) => num(meanAt(tables, (t) => t.daily[c], d)))].join(','));
  return `${lines.join('\n')}\n`;
}

function districtsCsv(tables: readonly IndiaTables[], ctx: TableContext): string {
  const first = tables[0]!.byDistrict;
  const cols = ['created', 'delivered', 'returned', 'leadTimeHoursMean', 'within48hShare'] as const;
  const lines = [['code', 'district', 'state', ...cols].join(',')];
  first.district.forEach((index, i) => {
    const d = ctx.district?.(index);
    lines.push([d?.code ?? '', csv(d?.name ?? String(index)), csv(first.state[i] ?? ''), ...cols.map((c) => num(meanAt(tables, (t) => t.byDistrict[c], i)))].join(','));
  });
  return `${lines.join('\n')}\n`;
}

function nodesCsv(tables: readonly IndiaTables[]): string {
  const first = tables[0]!.byNode;
  const cols = ['nodes', 'capacityPerDay', 'handledPerDay', 'utilisation', 'queueMean', 'queueMax'] as const;
  const lines = [['type', ...cols].join(',')];
  first.type.forEach((type, i) => lines.push([type, ...cols.map((c) => num(meanAt(tables, (t) => t.byNode[c], i)))].join(',')));
  return `${lines.join('\n')}\n`;
}

/** `hour,count`: the lower edge of each 1-hour bin and the parcels delivered in it, over all replications. */
function histogramCsv(histograms: readonly HistogramJSON[]): string {
  const first = histograms[0]!;
  const lines = ['hour,count'];
  first.counts.forEach((_, i) => {
    let count = 0;
    for (const h of histograms) count += h.counts[i] ?? 0;
    lines.push(`${first.edges[i]},${count}`);
  });
  return `${lines.join('\n')}\n`;
}

/** Shortest round-trip form, trimmed to 6 decimals so means print as people expect (deterministic). */
function num(x: number): string {
  return Number.isFinite(x) ? String(Math.round(x * 1e6) / 1e6) : '';
}

function csv(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

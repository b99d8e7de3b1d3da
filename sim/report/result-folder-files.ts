import type { HistogramJSON } from '../engine/stats/index.ts';
// sim/run's browser entry (the same functions): the page builds the per-node tables of its own runs with this file.
import { type ReplicationOutput, replicationsCsv, type Summary, summaryJson } from '../run/browser.ts';
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

/** What the tables need besides the replications: the first day, district names by dataset index, and the network's nodes. */
export interface TableContext {
  startDate: string;
  district?: (index: number) => { code: number | null; name: string } | undefined;
  /** The network's nodes by id, for `nodes.csv` and `lanes.csv`; without them those tables are left out. */
  nodes?: NodeDescriptions;
}

/** The network's nodes as columns (index = node id): what a per-node row says about the node itself. */
export interface NodeDescriptions {
  name: readonly string[];
  type: readonly string[];
  operator: readonly string[];
  /** Dataset index of the node's district. */
  district: ArrayLike<number>;
  state: readonly string[];
  lon: ArrayLike<number>;
  lat: ArrayLike<number>;
}

/**
 * The files of a result folder (DESIGN.md, "Runs, results and comparison"): `manifest.json`,
 * `summary.json` and `replications.csv` (sim/run's formats), and the India model's tables as CSV,
 * each the mean over replications (`daily.csv`, `districts.csv`, `node-types.csv`, `nodes.csv`:
 * one row per node, `lanes.csv`: one row per lane used) or their sum (`leadtime-histogram.csv`,
 * counts). Pure: text in, text out.
 */
export function resultFolderFiles(outputs: readonly ReplicationOutput[], summary: Summary, manifest: ResultManifest, ctx: TableContext): Record<string, string> {
  const files: Record<string, string> = {
    'summary.json': summaryJson(summary),
    'replications.csv': replicationsCsv(outputs),
  };
  const tables = outputs.map((o) => o.tables as Partial<IndiaTables>);
  if (tables.length > 0 && tables.every((t) => t.daily && t.byDistrict && t.byNodeType && t.leadTimeHistogram)) {
    const all = tables as IndiaTables[];
    files['daily.csv'] = dailyCsv(all, ctx.startDate);
    files['districts.csv'] = districtsCsv(all, ctx);
    files['node-types.csv'] = nodeTypesCsv(all);
    files['leadtime-histogram.csv'] = histogramCsv(all.map((t) => t.leadTimeHistogram));
    if (all.every((t) => t.bottleneckDaily)) files['bottlenecks-daily.csv'] = bottlenecksDailyCsv(all, ctx.startDate);
    if (ctx.nodes !== undefined && all.every((t) => t.nodes && t.lanes)) {
      files['nodes.csv'] = nodesCsv(all, ctx.nodes, ctx);
      files['lanes.csv'] = lanesCsv(all, ctx.nodes);
    }
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
  byNodeType: { type: string[]; nodes: number[]; capacityPerDay: number[]; handledPerDay: number[]; utilisation: number[]; queueMean: number[]; queueMax: number[] };
  nodes?: Record<NodeColumn, number[]>;
  lanes?: Record<LaneColumn, number[]> & { from: number[]; to: number[]; mode: string[] };
  bottleneckDaily?: { kind: string[]; minutes: number[][] };
  leadTimeHistogram: HistogramJSON;
}

type NodeColumn = 'capacityPerDay' | 'staff' | 'expectedPerDay' | 'handledPerDay' | 'queueMean' | 'queueMax' | 'waits' | 'waitHoursTotal' | 'waitHoursP90';
type LaneColumn = 'departuresPerDay' | 'capacityPerDeparture' | 'departures' | 'parcels' | 'leftBehind' | 'justMissed' | 'waitHoursTotal';

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

function nodeTypesCsv(tables: readonly IndiaTables[]): string {
  const first = tables[0]!.byNodeType;
  const cols = ['nodes', 'capacityPerDay', 'handledPerDay', 'utilisation', 'queueMean', 'queueMax'] as const;
  const lines = [['type', ...cols].join(',')];
  first.type.forEach((type, i) => lines.push([type, ...cols.map((c) => num(meanAt(tables, (t) => t.byNodeType[c], i)))].join(',')));
  return `${lines.join('\n')}\n`;
}

/**
 * One row per node, means over replications: capacity and staff as run, expected last-mile
 * parcels a day, handled a day, utilisation (handled ÷ capacity), the queue (time-weighted mean,
 * maximum), and the waits that ended there (mean and 90th percentile hours, and their total in
 * parcel-hours: what ranks bottlenecks).
 */
function nodesCsv(tables: readonly IndiaTables[], d: NodeDescriptions, ctx: TableContext): string {
  const header = [
    'id', 'name', 'type', 'operator', 'districtCode', 'district', 'state', 'lat', 'lon', 'capacityPerDay', 'staff', 'expectedPerDay',
    'handledPerDay', 'utilisation', 'queueMean', 'queueMax', 'waitHoursMean', 'waitHoursP90', 'waitParcelHours',
  ];
  const lines = [header.join(',')];
  const n = d.name.length;
  for (let i = 0; i < n; i++) {
    const m = (c: NodeColumn): number => meanAt(tables, (t) => t.nodes![c], i);
    const cap = m('capacityPerDay');
    const waits = m('waits');
    const district = ctx.district?.(d.district[i]!);
    lines.push([
      i, csv(d.name[i]!), d.type[i], d.operator[i], district?.code ?? '', csv(district?.name ?? ''), csv(d.state[i]!), d.lat[i], d.lon[i],
      num(cap), num(m('staff')), num(m('expectedPerDay')), num(m('handledPerDay')), num(cap > 0 ? m('handledPerDay') / cap : 0),
      num(m('queueMean')), num(m('queueMax')), num(waits > 0 ? m('waitHoursTotal') / waits : 0), num(m('waitHoursP90')), num(m('waitHoursTotal')),
    ].join(','));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * One row per lane used (by from, to and mode, over every replication), means over replications:
 * its timetable and capacity, parcels carried over the run, how full its departures left,
 * parcels left behind by full ones, parcels that just missed one (ready within the hour after it),
 * and the carried parcels' waits (mean hours, and their total in parcel-hours).
 */
function lanesCsv(tables: readonly IndiaTables[], d: NodeDescriptions): string {
  const rows = new Map<string, { from: number; to: number; mode: string; sums: Record<LaneColumn, number> }>();
  const cols: LaneColumn[] = ['departuresPerDay', 'capacityPerDeparture', 'departures', 'parcels', 'leftBehind', 'justMissed', 'waitHoursTotal'];
  for (const t of tables) {
    const l = t.lanes!;
    l.from.forEach((from, k) => {
      const key = `${from}>${l.to[k]}/${l.mode[k]}`;
      let row = rows.get(key);
      if (row === undefined) rows.set(key, (row = { from, to: l.to[k]!, mode: l.mode[k]!, sums: Object.fromEntries(cols.map((c) => [c, 0])) as Record<LaneColumn, number> }));
      for (const c of cols) row.sums[c] += c === 'departuresPerDay' || c === 'capacityPerDeparture' ? l[c][k]! / tables.length : l[c][k]!;
    });
  }
  const ordered = [...rows.values()].sort((a, b) => a.from - b.from || a.to - b.to || (a.mode < b.mode ? -1 : a.mode > b.mode ? 1 : 0));
  const reps = tables.length;
  const lines = ['from,fromName,to,toName,mode,departuresPerDay,capacityPerDeparture,parcels,departures,meanFill,leftBehind,justMissed,waitHoursMean,waitParcelHours'];
  for (const r of ordered) {
    const s = r.sums;
    const per = (x: number): number => x / reps;
    const fill = s.departures > 0 ? s.parcels / s.departures / (s.capacityPerDeparture || Infinity) : 0;
    lines.push([
      r.from, csv(d.name[r.from]!), r.to, csv(d.name[r.to]!), r.mode, num(s.departuresPerDay), num(s.capacityPerDeparture), num(per(s.parcels)), num(per(s.departures)),
      num(fill), num(per(s.leftBehind)), num(per(s.justMissed)), num(s.parcels > 0 ? s.waitHoursTotal / s.parcels : 0), num(per(s.waitHoursTotal)),
    ].join(','));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The shifting bottleneck day by day: for each kind of resource (node types, `linehaul`, `none`
 * when nothing held a backlog), the share of the day it held the longest backlog (Roser's active
 * periods), mean over replications; each row adds up to 1.
 */
function bottlenecksDailyCsv(tables: readonly IndiaTables[], startDate: string): string {
  const first = tables[0]!.bottleneckDaily!;
  const days = first.minutes[0]?.length ?? 0;
  const lines = [['day', 'date', ...first.kind].join(',')];
  for (let d = 0; d < days; d++) lines.push([d + 1, addDays(startDate, d), ...first.kind.map((_, k) => num(meanAt(tables, (t) => t.bottleneckDaily!.minutes[k]!, d) / 1440))].join(','));
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

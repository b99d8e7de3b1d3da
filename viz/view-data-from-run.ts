import { parseResultSet } from '../sim/compare/index.ts';
import { type ReplicationOutput, replicationsCsv, type RunResult, summarize, summaryJson } from '../sim/run/browser.ts';
import { type NodeDescriptions, resultFolderFiles } from '../sim/report/index.ts';
import { perLaneRows, perNodeRows, withPerNodeTables } from './per-node-tables.ts';
import type { DailyRow, DistrictRow, LoggedEvent, NodeRow, ViewData } from './view-data.ts';

/** The tables a replication of the India model returns (`ReplicationResult` minus metrics). */
interface IndiaTables {
  daily?: { created: number[]; delivered: number[]; returned: number[]; backlog: number[] };
  byDistrict?: { district: number[]; state: string[]; created: number[]; delivered: number[]; returned: number[]; leadTimeHoursMean: number[]; within48hShare: number[] };
  byNodeType?: { type: string[]; nodes: number[]; capacityPerDay: number[]; handledPerDay: number[]; utilisation: number[] };
  leadTimeHistogram?: { edges: number[]; counts: number[] };
  eventLog?: LoggedEvent[];
}

/** `summary.json` text for a run, exactly as the CLI writes it (sim/run's `summarize` + `summaryJson`). */
export function runSummaryJson(run: RunResult): string {
  return summaryJson(summarize(run.outputs, { scenario: run.scenario, scenarioHash: run.scenarioHash, seed: run.seed }));
}

/** A district of the dataset by its index (what the model's `byDistrict.district` holds): its Census code and name. */
export type DistrictOf = (index: number) => { code: number | null; name: string } | undefined;

/** The run's network described node by node (sim/report's `nodeDescriptions`) and its first day: what `nodes.csv` and `lanes.csv` need besides the replications. */
export interface RunNetwork {
  nodes: NodeDescriptions;
  startDate: string;
}

/**
 * A run made in the page, as the views' ViewData; `districtOf` turns the model's district indices
 * into Census codes (as `districts.csv` does), `network` is the run's network options and
 * `playback` the replication run with the event log on (the summarised ones have it off, as the CLI's).
 * With `described`, the per-node and per-lane rows are those of the `nodes.csv` and `lanes.csv`
 * that `sim run` writes for the same replications (sim/report's own writer, read back as a folder's).
 */
export function viewDataFromRun(run: RunResult, label: string, districtOf: DistrictOf, network: Record<string, unknown>, playback?: ReplicationOutput, described?: RunNetwork): ViewData {
  const manifest = manifestOf(run);
  const set = parseResultSet({
    dir: label,
    manifestJson: JSON.stringify(manifest),
    summaryJson: runSummaryJson(run),
    replicationsCsv: replicationsCsv(run.outputs),
  });
  const tables = run.outputs.map((o) => o.tables as IndiaTables);
  const n = Math.max(1, tables.length);
  const mean = (pick: (t: IndiaTables) => number[] | undefined, i: number): number => tables.reduce((s, t) => s + (pick(t)?.[i] ?? 0), 0) / n;

  const first = tables[0] ?? {};
  const districts: DistrictRow[] = (first.byDistrict?.district ?? []).flatMap((index, i) => {
    const d = districtOf(index);
    if (d === undefined || d.code === null) return [];
    return [
      {
        code: d.code,
        name: d.name,
        state: first.byDistrict!.state[i] ?? '',
        created: mean((t) => t.byDistrict?.created, i),
        delivered: mean((t) => t.byDistrict?.delivered, i),
        returned: mean((t) => t.byDistrict?.returned, i),
        leadTimeHoursMean: mean((t) => t.byDistrict?.leadTimeHoursMean, i),
        within48hShare: mean((t) => t.byDistrict?.within48hShare, i),
      },
    ];
  });
  const daily: DailyRow[] = (first.daily?.created ?? []).map((_, day) => ({
    day: day + 1,
    created: mean((t) => t.daily?.created, day),
    delivered: mean((t) => t.daily?.delivered, day),
    returned: mean((t) => t.daily?.returned, day),
    backlog: mean((t) => t.daily?.backlog, day),
  }));
  const nodes: NodeRow[] = (first.byNodeType?.type ?? []).map((type, i) => ({
    type,
    nodes: first.byNodeType!.nodes[i] ?? 0,
    capacityPerDay: mean((t) => t.byNodeType?.capacityPerDay, i),
    handledPerDay: mean((t) => t.byNodeType?.handledPerDay, i),
    utilisation: mean((t) => t.byNodeType?.utilisation, i),
  }));
  const histogram = (first.leadTimeHistogram?.counts ?? []).map((_, i) => ({
    hour: first.leadTimeHistogram!.edges[i] ?? i,
    count: tables.reduce((s, t) => s + (t.leadTimeHistogram?.counts[i] ?? 0), 0),
  }));
  const view: ViewData = { label, source: 'page', set, districts, daily, nodes, histogram };
  if (described !== undefined) {
    const summary = summarize(run.outputs, { scenario: run.scenario, scenarioHash: run.scenarioHash, seed: run.seed });
    const manifest = { ...manifestOf(run), scenario: run.scenario, version: '', gitCommit: null, timings: { wallMs: 0, replicationWallMs: [], startedAt: '' } };
    const files = resultFolderFiles(run.outputs, summary, manifest, { startDate: described.startDate, district: districtOf, nodes: described.nodes });
    withPerNodeTables(view, perNodeRows(label, files['nodes.csv']), perLaneRows(label, files['lanes.csv']));
  } else {
    withPerNodeTables(view, { note: 'This run has no per-node table: its network could not be described node by node in the page.' }, { note: 'This run has no lane table.' });
  }
  const log = (playback?.tables as IndiaTables | undefined)?.eventLog ?? first.eventLog;
  if (log !== undefined && log.length > 0) view.playback = { events: log, network, seed: run.seed };
  return view;
}

function manifestOf(run: RunResult) {
  return { scenarioName: run.scenario, scenarioHash: run.scenarioHash, seed: run.seed, replications: run.replications };
}

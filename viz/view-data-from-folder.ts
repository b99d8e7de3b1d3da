import { csvParse } from 'd3';
import { parseResultSet } from '../sim/compare/index.ts';
import type { DailyRow, DistrictRow, NodeRow, ViewData } from './view-data.ts';

/** A result folder's files by name (`summary.json`, `districts.csv`…), as text. */
export type FolderFiles = ReadonlyMap<string, string>;

/**
 * A result folder (`sim run`'s output) as ViewData. ADAPTER: the folder writer lives in
 * `sim/scenario/` + `sim/cli.ts`, not in the tree yet, so the column names of `districts.csv`,
 * `daily.csv` and `nodes.csv` are read loosely: the `ReplicationResult` field names, in any case
 * or with `_`; rows per replication (a `replication` column) are averaged by key.
 */
export function viewDataFromFolder(label: string, files: FolderFiles): ViewData {
  const need = (name: string): string => {
    const text = files.get(name);
    if (text === undefined) throw new Error(`result folder ${label}: ${name} is missing (need manifest.json, summary.json, replications.csv)`);
    return text;
  };
  const set = parseResultSet({
    dir: label,
    manifestJson: need('manifest.json'),
    summaryJson: need('summary.json'),
    replicationsCsv: need('replications.csv'),
    leadTimeHistogramCsv: files.get('leadtime-histogram.csv'),
  });
  const districts = averaged(files.get('districts.csv'), 'district').map(
    (r): DistrictRow => ({
      district: num(r, 'district'),
      state: str(r, 'state'),
      created: num(r, 'created'),
      delivered: num(r, 'delivered'),
      returned: num(r, 'returned'),
      leadTimeHoursMean: num(r, 'leadTimeHoursMean'),
      within48hShare: num(r, 'within48hShare'),
    }),
  );
  const daily = averaged(files.get('daily.csv'), 'day').map(
    (r): DailyRow => ({ day: num(r, 'day'), created: num(r, 'created'), delivered: num(r, 'delivered'), returned: num(r, 'returned'), backlog: num(r, 'backlog') }),
  );
  const nodes = averaged(files.get('nodes.csv'), 'type').map(
    (r): NodeRow => ({ type: str(r, 'type'), nodes: num(r, 'nodes'), capacityPerDay: num(r, 'capacityPerDay'), handledPerDay: num(r, 'handledPerDay'), utilisation: num(r, 'utilisation') }),
  );
  const histogram = (set.leadTimeHistogram ?? []).map((b) => ({ hour: b.hour, count: b.count }));
  return { label, set, districts, daily, nodes, histogram };
}

type Row = Record<string, string>;

/** Column lookup that ignores case and `_`/`-`, so `lead_time_hours_mean` finds `leadTimeHoursMean`. */
function field(row: Row, name: string): string | undefined {
  const want = name.toLowerCase();
  for (const [k, v] of Object.entries(row)) if (k.toLowerCase().replaceAll(/[_\-\s]/g, '') === want) return v;
  return undefined;
}
const num = (row: Row, name: string): number => Number(field(row, name) ?? Number.NaN);
const str = (row: Row, name: string): string => field(row, name) ?? '';

/** Rows grouped by `key` (first-seen order), numeric columns averaged over replications. */
function averaged(text: string | undefined, key: string): Row[] {
  if (text === undefined) return [];
  const groups = new Map<string, Row[]>();
  for (const row of csvParse(text) as unknown as Row[]) {
    const k = field(row, key) ?? '';
    groups.set(k, [...(groups.get(k) ?? []), row]);
  }
  return [...groups.values()].map((rows) => {
    const out: Row = { ...rows[0]! };
    for (const col of Object.keys(out)) {
      const values = rows.map((r) => Number(r[col]));
      if (values.every((v) => Number.isFinite(v))) out[col] = String(values.reduce((a, b) => a + b, 0) / values.length);
    }
    return out;
  });
}

/** Reads a folder from `<input type=file webkitdirectory multiple>` (or several files picked at once). */
export async function filesFromInput(list: FileList): Promise<FolderFiles> {
  const files = new Map<string, string>();
  for (const f of Array.from(list)) files.set(f.name, await f.text());
  return files;
}

const FOLDER_FILES = ['manifest.json', 'summary.json', 'replications.csv', 'daily.csv', 'districts.csv', 'nodes.csv', 'leadtime-histogram.csv'];

/** Fetches a result folder served at `base` (e.g. by `sim viz <result-dir>`); optional files may be absent. */
export async function filesFromUrl(base: string): Promise<FolderFiles> {
  const root = base.endsWith('/') ? base : `${base}/`;
  const files = new Map<string, string>();
  await Promise.all(
    FOLDER_FILES.map(async (name) => {
      const response = await fetch(root + name);
      if (response.ok) files.set(name, await response.text());
    }),
  );
  return files;
}

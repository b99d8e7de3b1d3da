import { parseResultSet } from '../sim/compare/index.ts';
import { csvTable } from './csv-table.ts';
import { perLaneRows, perNodeRows, withPerNodeTables } from './per-node-tables.ts';
import type { DailyRow, DistrictRow, NodeRow, ViewData } from './view-data.ts';

/** A result folder's files by name (`summary.json`, `districts.csv`…), as text. */
export type FolderFiles = ReadonlyMap<string, string>;

/**
 * A result folder (`sim run`'s output, written by sim/report's `resultFolderFiles`) as ViewData.
 * Every CSV is read by column name. `manifest.json`, `summary.json` and `replications.csv` are
 * required; the tables are optional (a folder without them shows its summary and no map).
 * Districts are keyed by the Census `code` column (`district` is the name). Node types come from
 * `node-types.csv`, or from a `nodes.csv` that is the by-type table (header `type,…`), or are
 * summed from a `nodes.csv` of one row per node (`id,…,type,…`), which with `lanes.csv` also
 * gives the per-node and per-lane rows (absent in older folders: the views say so).
 */
export function viewDataFromFolder(label: string, files: FolderFiles): ViewData {
  const need = (name: string): string => {
    const text = files.get(name);
    if (text === undefined) throw new Error(`result folder ${label}: ${name} is missing (a result folder has manifest.json, summary.json and replications.csv)`);
    return text;
  };
  const set = parseResultSet({
    dir: label,
    manifestJson: need('manifest.json'),
    summaryJson: need('summary.json'),
    replicationsCsv: need('replications.csv'),
    leadTimeHistogramCsv: files.get('leadtime-histogram.csv'),
  });
  const histogram = (set.leadTimeHistogram ?? []).map((b) => ({ hour: b.hour, count: b.count }));
  const view: ViewData = { label, source: 'folder', set, districts: districtRows(label, files.get('districts.csv')), daily: dailyRows(label, files.get('daily.csv')), nodes: nodeTypeRows(label, files), histogram };
  withPerNodeTables(view, perNodeRows(label, files.get('nodes.csv')), perLaneRows(label, files.get('lanes.csv')));
  return view;
}

function districtRows(folder: string, text: string | undefined): DistrictRow[] {
  if (text === undefined) return [];
  const metrics = ['created', 'delivered', 'returned', 'leadTimeHoursMean', 'within48hShare'] as const;
  const t = csvTable(folder, 'districts.csv', text, ['code', ...metrics]);
  // A row without a code (a polygon kept only for drawing) has nothing to key it on the map.
  return t.rows
    .filter((r) => Number.isInteger(t.num(r, 'code')))
    .map((r) => ({
      code: t.num(r, 'code'),
      name: t.str(r, 'district'),
      state: t.str(r, 'state'),
      created: t.num(r, 'created'),
      delivered: t.num(r, 'delivered'),
      returned: t.num(r, 'returned'),
      leadTimeHoursMean: t.num(r, 'leadTimeHoursMean'),
      within48hShare: t.num(r, 'within48hShare'),
    }));
}

function dailyRows(folder: string, text: string | undefined): DailyRow[] {
  if (text === undefined) return [];
  const t = csvTable(folder, 'daily.csv', text, ['day', 'created', 'delivered', 'returned', 'backlog']);
  return t.rows.map((r) => ({ day: t.num(r, 'day'), created: t.num(r, 'created'), delivered: t.num(r, 'delivered'), returned: t.num(r, 'returned'), backlog: t.num(r, 'backlog') }));
}

const TYPE_COLUMNS = ['type', 'nodes', 'capacityPerDay', 'handledPerDay', 'utilisation'];

function nodeTypeRows(folder: string, files: FolderFiles): NodeRow[] {
  const byType = files.get('node-types.csv');
  if (byType !== undefined) return typeTable(folder, 'node-types.csv', byType);
  const nodes = files.get('nodes.csv');
  if (nodes === undefined) return [];
  // Older folders: nodes.csv was the by-type table.
  if (/^\uFEFF?"?type"?,/.test(nodes)) return typeTable(folder, 'nodes.csv', nodes);
  const t = csvTable(folder, 'nodes.csv', nodes, ['id', 'type', 'capacityPerDay', 'handledPerDay']);
  const sums = new Map<string, NodeRow>();
  for (const r of t.rows) {
    const type = t.str(r, 'type');
    const row = sums.get(type) ?? { type, nodes: 0, capacityPerDay: 0, handledPerDay: 0, utilisation: 0 };
    row.nodes++;
    row.capacityPerDay += t.num(r, 'capacityPerDay') || 0;
    row.handledPerDay += t.num(r, 'handledPerDay') || 0;
    sums.set(type, row);
  }
  // As the model's by-type table: parcels handled a day over the type's summed capacity.
  for (const row of sums.values()) row.utilisation = row.capacityPerDay > 0 ? row.handledPerDay / row.capacityPerDay : 0;
  return [...sums.values()];
}

function typeTable(folder: string, file: string, text: string): NodeRow[] {
  const t = csvTable(folder, file, text, TYPE_COLUMNS);
  return t.rows.map((r) => ({ type: t.str(r, 'type'), nodes: t.num(r, 'nodes'), capacityPerDay: t.num(r, 'capacityPerDay'), handledPerDay: t.num(r, 'handledPerDay'), utilisation: t.num(r, 'utilisation') }));
}

/** The last segment of a folder path or URL (`/@fs/tmp/runs/baseline-1-ab12/` → `baseline-1-ab12`), the folder's label in the page. */
export function folderLabel(pathOrUrl: string): string {
  const parts = pathOrUrl.split(/[\\/]/).filter((p) => p !== '');
  return parts.at(-1) ?? pathOrUrl;
}

/** Reads a folder from `<input type=file webkitdirectory multiple>` (or several files picked at once); files in subfolders are skipped. */
export async function filesFromInput(list: FileList): Promise<FolderFiles> {
  const files = new Map<string, string>();
  for (const f of Array.from(list)) {
    const depth = f.webkitRelativePath === '' ? 0 : f.webkitRelativePath.split('/').length - 2;
    if (depth <= 0 && /\.(csv|json)$/.test(f.name)) files.set(f.name, await f.text());
  }
  return files;
}

/** What a folder holds when its manifest does not list its files (folders written before it did). */
const LEGACY_FILES = ['summary.json', 'replications.csv', 'daily.csv', 'districts.csv', 'nodes.csv', 'leadtime-histogram.csv'];

/**
 * Fetches a result folder served at `base` (e.g. by `sim viz <result-dir>`). The manifest comes
 * first and names the folder's files, so absent optional files are never requested (a 404 is a
 * console error in the browser).
 */
export async function filesFromUrl(base: string): Promise<FolderFiles> {
  const root = base.endsWith('/') ? base : `${base}/`;
  const get = async (name: string): Promise<string | undefined> => {
    const response = await fetch(root + name);
    return response.ok ? response.text() : undefined;
  };
  const manifest = await get('manifest.json');
  if (manifest === undefined) throw new Error(`${root}manifest.json could not be fetched: is ${base} a result folder written by sim run?`);
  const files = new Map<string, string>([['manifest.json', manifest]]);
  const listed = (JSON.parse(manifest) as { files?: unknown }).files;
  const names = Array.isArray(listed) ? listed.filter((f): f is string => typeof f === 'string' && /^[^/]+\.(csv|json)$/.test(f) && f !== 'manifest.json') : LEGACY_FILES;
  await Promise.all(
    names.map(async (name) => {
      const text = await get(name);
      if (text !== undefined) files.set(name, text);
    }),
  );
  return files;
}

import { csvTable } from './csv-table.ts';
import type { LaneDetailRow, NodeDetailRow, ViewData } from './view-data.ts';

const NODE_TEXT = ['name', 'type', 'operator', 'district', 'state'] as const;
const NODE_NUMBERS = [
  'lat', 'lon', 'capacityPerDay', 'staff', 'expectedPerDay', 'handledPerDay', 'utilisation', 'queueMean', 'queueMax', 'waitHoursMean', 'waitHoursP90', 'waitParcelHours',
] as const;
const LANE_NUMBERS = ['departuresPerDay', 'capacityPerDeparture', 'parcels', 'departures', 'meanFill', 'leftBehind', 'justMissed', 'waitHoursMean', 'waitParcelHours'] as const;

/** A table's rows, or why the result has none (a sentence for people). */
export type Rows<T> = { rows: T[]; note?: undefined } | { rows?: undefined; note: string };

/**
 * `nodes.csv` of one row per node, read by column name. A result without one (no file, or the
 * by-type table older folders wrote under that name, header `type,…`) or with one that lacks a
 * column gets a note saying so instead of rows: the rest of the folder still shows, and the
 * views say why there are no node rows, naming the missing columns.
 */
export function perNodeRows(folder: string, text: string | undefined): Rows<NodeDetailRow> {
  if (text === undefined) return { note: `${NO_TABLE} (no nodes.csv).` };
  if (/^\uFEFF?"?type"?,/.test(text)) return { note: `${NO_TABLE}: its nodes.csv is the by-type table of folders written before sim run wrote one row per node.` };
  let t;
  try {
    t = csvTable(folder, 'nodes.csv', text, ['id', 'districtCode', ...NODE_TEXT, ...NODE_NUMBERS]);
  } catch (error) {
    return { note: `${NO_TABLE}: ${(error as Error).message}.` };
  }
  return {
    rows: t.rows.map((r) => {
      const row = { id: t.num(r, 'id'), districtCode: Number.isInteger(t.num(r, 'districtCode')) ? t.num(r, 'districtCode') : null } as NodeDetailRow;
      for (const c of NODE_TEXT) row[c] = t.str(r, c);
      for (const c of NODE_NUMBERS) row[c] = t.num(r, c);
      return row;
    }),
  };
}

/** `lanes.csv` (one row per lane used), read by column name, or a note on why there is none. */
export function perLaneRows(folder: string, text: string | undefined): Rows<LaneDetailRow> {
  if (text === undefined) return { note: 'This result has no lanes.csv: it was written before sim run wrote one.' };
  let t;
  try {
    t = csvTable(folder, 'lanes.csv', text, ['from', 'fromName', 'to', 'toName', 'mode', ...LANE_NUMBERS]);
  } catch (error) {
    return { note: `This result has no lane table the page can read: ${(error as Error).message}.` };
  }
  return {
    rows: t.rows.map((r) => {
      const row = { from: t.num(r, 'from'), fromName: t.str(r, 'fromName'), to: t.num(r, 'to'), toName: t.str(r, 'toName'), mode: t.str(r, 'mode') } as LaneDetailRow;
      for (const c of LANE_NUMBERS) row[c] = t.num(r, c);
      return row;
    }),
  };
}

const NO_TABLE = 'This result has no per-node table';

/** Puts a result's per-node and per-lane rows, or the notes on why it has none, on its ViewData. */
export function withPerNodeTables(view: ViewData, nodes: Rows<NodeDetailRow>, lanes: Rows<LaneDetailRow>): void {
  if (nodes.rows !== undefined) view.perNode = nodes.rows;
  else view.perNodeNote = nodes.note;
  if (lanes.rows !== undefined) view.perLane = lanes.rows;
  else view.perLaneNote = lanes.note;
}

import { csvTable } from './csv-table.ts';
import type { LaneDetailRow, NodeDetailRow } from './view-data.ts';

const NODE_TEXT = ['name', 'type', 'operator', 'district', 'state'] as const;
const NODE_NUMBERS = [
  'lat', 'lon', 'capacityPerDay', 'staff', 'expectedPerDay', 'handledPerDay', 'utilisation', 'queueMean', 'queueMax', 'waitHoursMean', 'waitHoursP90', 'waitParcelHours',
] as const;
const LANE_NUMBERS = ['departuresPerDay', 'capacityPerDeparture', 'parcels', 'departures', 'meanFill', 'leftBehind', 'justMissed', 'waitHoursMean', 'waitParcelHours'] as const;

/**
 * `nodes.csv` of one row per node, read by column name; undefined when there is no file or it is
 * the by-type table older folders wrote under that name (header `type,…`): such a result has no
 * per-node rows to show, which the views say. A missing column fails with its name.
 */
export function perNodeRows(folder: string, text: string | undefined): NodeDetailRow[] | undefined {
  if (text === undefined || /^\uFEFF?"?type"?,/.test(text)) return undefined;
  const t = csvTable(folder, 'nodes.csv', text, ['id', 'districtCode', ...NODE_TEXT, ...NODE_NUMBERS]);
  return t.rows.map((r) => {
    const row = { id: t.num(r, 'id'), districtCode: Number.isInteger(t.num(r, 'districtCode')) ? t.num(r, 'districtCode') : null } as NodeDetailRow;
    for (const c of NODE_TEXT) row[c] = t.str(r, c);
    for (const c of NODE_NUMBERS) row[c] = t.num(r, c);
    return row;
  });
}

/** `lanes.csv` (one row per lane used), read by column name; undefined when the folder has none. */
export function perLaneRows(folder: string, text: string | undefined): LaneDetailRow[] | undefined {
  if (text === undefined) return undefined;
  const t = csvTable(folder, 'lanes.csv', text, ['from', 'fromName', 'to', 'toName', 'mode', ...LANE_NUMBERS]);
  return t.rows.map((r) => {
    const row = { from: t.num(r, 'from'), fromName: t.str(r, 'fromName'), to: t.num(r, 'to'), toName: t.str(r, 'toName'), mode: t.str(r, 'mode') } as LaneDetailRow;
    for (const c of LANE_NUMBERS) row[c] = t.num(r, c);
    return row;
  });
}

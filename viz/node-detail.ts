import { escapeHtml } from './summary-table.ts';
import type { NodeDetailRow } from './view-data.ts';

/** The numbers of a node's `nodes.csv` row that the detail box shows, in this order, with words for people. */
export const NODE_DETAIL_COLUMNS: readonly [keyof NodeDetailRow, string][] = [
  ['capacityPerDay', 'capacity a day'],
  ['staff', 'staff'],
  ['expectedPerDay', 'expected parcels a day'],
  ['handledPerDay', 'handled a day'],
  ['utilisation', 'utilisation'],
  ['queueMean', 'queue, mean'],
  ['queueMax', 'queue, max'],
  ['waitHoursMean', 'wait, mean (h)'],
  ['waitHoursP90', 'wait, P90 (h)'],
  ['waitParcelHours', 'parcel-hours waited'],
];

const format = (column: keyof NodeDetailRow, v: number): string =>
  !Number.isFinite(v) ? '–' : column === 'utilisation' ? `${(v * 100).toFixed(1)} %` : Number.isInteger(v) ? v.toLocaleString('en-US') : Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(2);

/**
 * A node's row as the map's detail box shows it: name, type, operator and place, then the
 * numbers (means over replications). Each number row carries its `nodes.csv` column in
 * `data-column` and the exact value in `data-value`.
 */
export function nodeDetailHtml(row: NodeDetailRow): string {
  const rows = NODE_DETAIL_COLUMNS.map(([c, label]) => `<tr data-column="${c}"><th scope="row">${label}</th><td data-value="${row[c]}">${format(c, row[c] as number)}</td></tr>`).join('');
  return `<h3 data-node-id="${row.id}">${escapeHtml(row.name)}</h3><p>${escapeHtml(row.type)}, ${escapeHtml(row.operator)}; ${escapeHtml(row.district)}, ${escapeHtml(row.state)} (node ${row.id})</p><table>${rows}</table>`;
}

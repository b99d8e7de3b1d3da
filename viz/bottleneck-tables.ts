import { bottlenecks } from '../sim/report/index.ts';
import { escapeHtml } from './summary-table.ts';
import type { ViewData } from './view-data.ts';

/** What the page or report says when a result has no per-node rows (with the reader's note on why). */
export function noNodeTable(view: ViewData): string {
  return `${view.perNodeNote ?? 'This result has no per-node table.'} Run the scenario again with this version of sim run to see which nodes held parcels up.`;
}

/** Parcel-hours and queues as the CLI prints them: whole numbers with separators from 100 up. */
const amount = (x: number): string => (x >= 100 ? Math.round(x).toLocaleString('en-US') : Number.isInteger(x) ? String(x) : x.toFixed(1));
const pct = (x: number, digits: number): string => `${(100 * x).toFixed(digits)} %`;
const cell = (value: number, text: string): string => `<td data-value="${value}">${text}</td>`;

/**
 * The five nodes and five lanes where parcels waited longest in total (sim/report's
 * `bottlenecks`, as `sim run` prints them), as two tables: name, where, parcel-hours, mean wait,
 * utilisation (nodes) or mean fill (lanes), the largest queue or the parcels left behind. With
 * `onShowNode` (the page), a node's name is a button that shows it on the map. Each row carries
 * the node id (`data-node-id`) or lane ends, and each number cell its exact value.
 */
export function bottleneckTables(doc: Document, view: ViewData, options: { onShowNode?: (id: number) => void; n?: number } = {}): HTMLElement {
  const section = doc.createElement('section');
  section.className = 'bottlenecks';
  const top = bottlenecks(view.perNode ?? [], view.perLane ?? [], options.n ?? 5);
  const head = (cols: string[]): string => `<thead><tr>${cols.map((c) => `<th scope="col">${c}</th>`).join('')}</tr></thead>`;
  const byId = new Map(view.perNode?.map((r) => [r.id, r]));
  const districtOf = (id: number): string => byId.get(id)?.district ?? '';
  const none = (cols: number): string => `<tr><td colspan="${cols}" class="text">no parcel waited</td></tr>`;
  const nodes =
    view.perNode === undefined
      ? `<p class="no-node-table">${escapeHtml(noNodeTable(view))}</p>`
      : `<table class="bottleneck-nodes"><caption>Nodes</caption>${head(['#', 'node', 'type', 'district', 'parcel-hours', 'mean wait (h)', 'utilisation', 'largest queue'])}<tbody>${top.nodes
          .map((b, i) => {
            const r = view.perNode![b.row]!;
            const name = options.onShowNode === undefined ? escapeHtml(r.name) : `<button type="button" class="show-node" data-node-id="${r.id}" title="Show on the map">${escapeHtml(r.name)}</button>`;
            return `<tr data-node-id="${r.id}"><td>${i + 1}</td><th scope="row">${name}</th><td class="text">${escapeHtml(r.type)}</td><td class="text">${escapeHtml(r.district)}, ${escapeHtml(r.state)}</td>${cell(b.parcelHours, amount(b.parcelHours))}${cell(b.waitHoursMean, b.waitHoursMean.toFixed(1))}${cell(b.utilisation, pct(b.utilisation, 0))}${cell(b.queueMax, amount(b.queueMax))}</tr>`;
          })
          .join('') || none(8)}</tbody></table>`;
  const lanes =
    view.perLane === undefined
      ? `<p class="no-lane-table">${escapeHtml(view.perLaneNote ?? 'This result has no lane table.')}</p>`
      : `<table class="bottleneck-lanes"><caption>Lanes</caption>${head(['#', 'lane', 'mode', 'districts', 'parcel-hours', 'mean wait (h)', 'mean fill', 'left behind'])}<tbody>${top.lanes
          .map((b, i) => {
            const r = view.perLane![b.row]!;
            const districts = view.perNode === undefined ? '' : `${escapeHtml(districtOf(r.from))} → ${escapeHtml(districtOf(r.to))}`;
            return `<tr data-from="${r.from}" data-to="${r.to}" data-mode="${escapeHtml(r.mode)}"><td>${i + 1}</td><th scope="row">${escapeHtml(b.name)}</th><td class="text">${escapeHtml(r.mode)}</td><td class="text">${districts}</td>${cell(b.parcelHours, amount(b.parcelHours))}${cell(b.waitHoursMean, b.waitHoursMean.toFixed(1))}${cell(b.utilisation, pct(b.utilisation, 1))}${cell(b.leftBehind, amount(b.leftBehind))}</tr>`;
          })
          .join('') || none(8)}</tbody></table>`;
  section.innerHTML = `<h2>Bottlenecks: where parcels waited longest in total</h2>
<p class="note">Parcel-hours waited over the run (mean of the replications), from nodes.csv and lanes.csv. A node counts every wait that ended there: for a pick wave, a departure, a delivery wave.</p>
<div class="bottleneck-tables">${nodes}${lanes}</div>`;
  if (options.onShowNode !== undefined) {
    for (const button of section.querySelectorAll<HTMLButtonElement>('button.show-node')) button.addEventListener('click', () => options.onShowNode!(Number(button.dataset.nodeId)));
  }
  return section;
}

import type { IndiaShapes } from '../sim/data/index.ts';
import { noNodeTable } from './bottleneck-tables.ts';
import { type DistrictInfo, DISTRICT_METRICS, districtMetric, IndiaMap, NODE_CLASS_COLORS, NODE_METRICS, NODE_STYLE, nodeClass, nodeClassLabels, nodeMetric } from './map/index.ts';
import type { NetworkLayers } from './network-layers.ts';
import { nodeDetailHtml } from './node-detail.ts';
import { escapeHtml } from './summary-table.ts';
import type { ViewData } from './view-data.ts';

/** The map view: metric picker, node layer toggles, the map and a district detail box. */
export function mapPanel(root: HTMLElement, shapes: IndiaShapes, districts: readonly DistrictInfo[]) {
  root.innerHTML = `
    <div class="map-controls">
      <label>Colour districts by <select name="metric">${DISTRICT_METRICS.map((m) => `<option value="${m.id}">${m.label}</option>`).join('')}</select></label>
      <fieldset class="layers"><legend>Node layers</legend>${Object.entries(NODE_STYLE)
        .map(([type, s]) => `<label><input type="checkbox" name="layer" value="${type}" ${s.on ? 'checked' : ''}><span class="swatch" style="background:${s.color}"></span>${s.label} <span class="count" data-type="${type}"></span></label>`)
        .join('')}</fieldset>
      <label>Colour nodes by <select name="node-metric"><option value="type">type (the national network)</option>${NODE_METRICS.map((m) => `<option value="${m.id}">${m.label}</option>`).join('')}</select></label>
      <div class="node-legend"></div>
      <section class="node-detail" aria-live="polite"><h3>Node</h3><p>Colour nodes by a measure, then click a node.</p></section>
      <p class="hint">Drag to pan, wheel or +/− to zoom, arrows to pan, 0 to reset; click a district for its detail, or a node when nodes are coloured by a measure.</p>
    </div>
    <div class="map-host"></div>
    <section class="district-detail" aria-live="polite"><h3>District</h3><p>Click a district.</p></section>`;
  const select = root.querySelector<HTMLSelectElement>('select[name=metric]')!;
  const detail = root.querySelector<HTMLElement>('.district-detail')!;
  const nodeSelect = root.querySelector<HTMLSelectElement>('select[name=node-metric]')!;
  const nodeLegend = root.querySelector<HTMLElement>('.node-legend')!;
  const nodeDetail = root.querySelector<HTMLElement>('.node-detail')!;
  let view: ViewData | undefined;
  /** Row index of each node id of the shown result (ids are the rows' own, not assumed to be positions). */
  let rowOf = new Map<number, number>();
  const map = new IndiaMap(shapes, districts, {
    width: 720,
    height: 760,
    label: 'Map of India by district with the parcel network (boundaries schematic)',
    onDistrictClick: (d) => showDetail(d),
    onNodeClick: (i) => showNodeRow(i),
  });
  root.querySelector('.map-host')!.append(map.element);

  const showDetail = (district: number): void => {
    const info = districts[district];
    const row = info?.code === null || info === undefined ? undefined : view?.districts.find((r) => r.code === info.code);
    const lines = row === undefined ? ['<p>No parcels of this result in this district.</p>'] : DISTRICT_METRICS.map((m) => `<tr><th scope="row">${m.label}</th><td>${m.format(m.value(row))}</td></tr>`);
    detail.innerHTML = `<h3>${escapeHtml(info?.name ?? String(district))}, ${escapeHtml(info?.state ?? '')}</h3>${row === undefined ? lines.join('') : `<table>${lines.join('')}<tr><th scope="row">delivered / returned</th><td>${row.delivered.toFixed(0)} / ${row.returned.toFixed(0)}</td></tr></table>`}`;
  };

  const recolour = (): void => {
    const metric = districtMetric(select.value);
    map.setColouring(view === undefined ? undefined : { values: new Map(view.districts.map((r) => [r.code, metric.value(r)])), label: metric.label, format: metric.format, kind: 'sequential' });
  };
  select.addEventListener('change', recolour);
  const layerBoxes = [...root.querySelectorAll<HTMLInputElement>('input[name=layer]')];
  const applyLayers = (): void => {
    map.setVisibleTypes(layerBoxes.filter((b) => b.checked).map((b) => b.value));
    drawNodeLegend();
  };
  layerBoxes.forEach((box) => box.addEventListener('change', applyLayers));

  // Nodes by a measure: the result's own nodes (nodes.csv, or the page run's same table), in classes.
  let classes: Uint8Array | undefined;
  const showNodeRow = (i: number): void => {
    const row = view?.perNode?.[i];
    if (row === undefined) return;
    map.selectNode(i);
    nodeDetail.innerHTML = nodeDetailHtml(row);
  };
  const drawNodeLegend = (): void => {
    const metric = nodeMetric(nodeSelect.value);
    if (metric === undefined || classes === undefined || view?.perNode === undefined) {
      nodeLegend.replaceChildren();
      return;
    }
    const counts = new Array<number>(NODE_CLASS_COLORS.length).fill(0);
    const shown = map.visibleTypes;
    view.perNode.forEach((r, i) => {
      if (shown.has(r.type)) counts[classes![i]!]!++;
    });
    const labels = nodeClassLabels(metric);
    nodeLegend.innerHTML = `<p>${escapeHtml(metric.label)}, nodes shown:</p><ul>${labels
      .map((l, c) => `<li data-class="${c}" data-count="${counts[c]}"><span class="swatch" style="background:${NODE_CLASS_COLORS[c]}"></span>${escapeHtml(l)}: ${counts[c]!.toLocaleString('en-IN')}</li>`)
      .join('')}</ul>`;
  };
  const applyNodes = (): void => {
    const metric = nodeMetric(nodeSelect.value);
    const rows = view?.perNode;
    for (const option of nodeSelect.options) option.disabled = option.value !== 'type' && rows === undefined;
    if (metric === undefined || rows === undefined) {
      classes = undefined;
      map.setNodeColouring(undefined);
      nodeDetail.innerHTML = rows === undefined && view !== undefined ? `<h3>Node</h3><p class="no-node-table">${escapeHtml(noNodeTable(view))}</p>` : '<h3>Node</h3><p>Colour nodes by a measure, then click a node.</p>';
    } else {
      classes = Uint8Array.from(rows, (r) => nodeClass(metric, metric.value(r)));
      map.setNodeColouring({
        lon: Float64Array.from(rows, (r) => r.lon),
        lat: Float64Array.from(rows, (r) => r.lat),
        type: rows.map((r) => r.type),
        cls: classes,
        colors: NODE_CLASS_COLORS,
        describe: (i) => {
          const r = rows[i]!;
          const v = metric.value(r);
          return `${r.name} (${r.type}, ${r.district}): ${metric.label.replace(/ \(.*$/, '')} ${Number.isFinite(v) ? (metric.id === 'utilisation' ? `${(v * 100).toFixed(0)} %` : v.toFixed(1)) : 'n/a'}`;
        },
      });
    }
    drawNodeLegend();
  };
  nodeSelect.addEventListener('change', applyNodes);
  return {
    map,
    setView(next: ViewData): void {
      view = next;
      rowOf = new Map(view.perNode?.map((r, i) => [r.id, i]));
      recolour();
      if (view.perNode === undefined) nodeSelect.value = 'type';
      nodeDetail.innerHTML = '<h3>Node</h3><p>Colour nodes by a measure, then click a node.</p>';
      applyNodes();
    },
    /**
     * Shows node `id` of the shown result (its nodes.csv row): colours nodes by a measure if they
     * were by type, turns its type's layer on, zooms to it, rings it and opens its row.
     */
    showNode(id: number): void {
      const i = rowOf.get(id);
      if (i === undefined) return;
      if (nodeMetric(nodeSelect.value) === undefined) {
        nodeSelect.value = NODE_METRICS[0]!.id;
        applyNodes();
      }
      const box = layerBoxes.find((b) => b.value === view!.perNode![i]!.type);
      if (box !== undefined && !box.checked) {
        box.checked = true;
        applyLayers();
      }
      map.focusNode(i);
      showNodeRow(i);
    },
    /** Where node `id` of the shown result is on screen, when nodes are coloured by a measure. */
    nodeClientPoint(id: number): { x: number; y: number } | undefined {
      const i = rowOf.get(id);
      return i === undefined ? undefined : map.nodeClientPoint(i);
    },
    setNetwork(layers: NetworkLayers): void {
      map.setNetwork(layers);
      for (const span of root.querySelectorAll<HTMLElement>('.count')) span.textContent = `(${map.nodeCount(span.dataset.type ?? '').toLocaleString('en-IN')})`;
    },
  };
}

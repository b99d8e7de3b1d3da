import type { IndiaShapes } from '../sim/data/index.ts';
import { type DistrictInfo, DISTRICT_METRICS, districtMetric, IndiaMap, NODE_STYLE } from './map/index.ts';
import type { NetworkLayers } from './network-layers.ts';
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
      <p class="hint">Drag to pan, wheel or +/− to zoom, arrows to pan, 0 to reset; click a district for its detail.</p>
    </div>
    <div class="map-host"></div>
    <section class="district-detail" aria-live="polite"><h3>District</h3><p>Click a district.</p></section>`;
  const select = root.querySelector<HTMLSelectElement>('select[name=metric]')!;
  const detail = root.querySelector<HTMLElement>('.district-detail')!;
  let view: ViewData | undefined;
  const map = new IndiaMap(shapes, districts, {
    width: 720,
    height: 760,
    label: 'Map of India by district with the parcel network (boundaries schematic)',
    onDistrictClick: (d) => showDetail(d),
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
  root.querySelectorAll<HTMLInputElement>('input[name=layer]').forEach((box) =>
    box.addEventListener('change', () => map.setVisibleTypes([...root.querySelectorAll<HTMLInputElement>('input[name=layer]:checked')].map((b) => b.value))),
  );
  return {
    map,
    setView(next: ViewData): void {
      view = next;
      recolour();
    },
    setNetwork(layers: NetworkLayers): void {
      map.setNetwork(layers);
      for (const span of root.querySelectorAll<HTMLElement>('.count')) span.textContent = `(${map.nodeCount(span.dataset.type ?? '').toLocaleString('en-IN')})`;
    },
  };
}

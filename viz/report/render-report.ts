import { parseHTML } from 'linkedom';
import { GENERATOR_META } from '../../sim/report/written-by.ts';
import type { IndiaShapes } from '../../sim/data/index.ts';
import { bottleneckTables } from '../bottleneck-tables.ts';
import { stageBarsChart } from '../charts/index.ts';
import { renderCharts } from '../charts-panel.ts';
import { districtMetric } from '../map/district-metrics.ts';
import { escapeHtml, summaryTable } from '../summary-table.ts';
import type { ViewData } from '../view-data.ts';
import { districtMapSvg } from './district-map-svg.ts';

export interface ReportOptions {
  shapes: IndiaShapes;
  /** Census code of each district of the dataset, by index (`loadIndiaData().districts[i].code`): how the maps find a row's shape. */
  codes: readonly (number | null)[];
  /** Page title; default the result's label. */
  title?: string;
}

/**
 * `report.html` for a result: the page's headline table, where the lead time goes (stacked bars
 * by stage), the bottleneck nodes and lanes, district maps and charts as inline SVG,
 * rendered in Node with d3 on a linkedom document. Self-contained (no scripts, no external
 * files), so it reads offline and can be mailed. `sim report <result-dir>` wires it: load the
 * folder with `viewDataFromFolder`, the shapes with `loadIndiaShapes()` and the codes from
 * `loadIndiaData()`, then write the string.
 */
export function renderReport(view: ViewData, options: ReportOptions): string {
  const title = options.title ?? `Result: ${view.label}`;
  const { document } = parseHTML(`<!doctype html><html lang="en"><head><meta charset="utf-8">${GENERATOR_META}<title>${escapeHtml(title)}</title></head><body></body></html>`);
  const style = document.createElement('style');
  style.textContent = STYLE;
  document.head.append(style);
  const body = document.body;
  const h1 = document.createElement('h1');
  h1.textContent = title;
  body.append(h1);
  body.append(summaryTable(document as unknown as Document, view));
  // Why the headline numbers are what they are: where the lead time goes, and where parcels waited.
  const why = document.createElement('section');
  why.className = 'why';
  body.append(why);
  const time = document.createElement('figure');
  why.append(time);
  stageBarsChart(time as unknown as Element, [{ tag: '', metrics: view.set.summary.metrics }], { width: 760 });
  why.append(bottleneckTables(document as unknown as Document, view));
  const maps = document.createElement('section');
  maps.className = 'maps';
  body.append(maps);
  for (const id of ['within48h', 'rto']) {
    const figure = document.createElement('figure');
    maps.append(figure);
    districtMapSvg(figure as unknown as Element, options.shapes, options.codes, view.districts, districtMetric(id), 460, 500);
  }
  const charts = document.createElement('section');
  charts.className = 'charts';
  body.append(charts);
  renderCharts(charts as unknown as Element, view);
  return `<!doctype html>\n${document.documentElement.outerHTML}\n`;
}

const STYLE = `body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1a1a1a}
.maps,.charts{display:flex;flex-wrap:wrap;gap:.5rem}figure{margin:0;border:1px solid #ddd}
table{border-collapse:collapse}th,td{border:1px solid #ddd;padding:2px 6px;text-align:right}th[scope=row],td.text{text-align:left;font-weight:normal}
.why{margin:1rem 0}.why figure{display:inline-block}.bottleneck-tables{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-start}caption{text-align:left;font-weight:600}.note{color:#444;font-size:.9rem}h2{font-size:1.1rem}`;

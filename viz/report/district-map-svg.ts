import * as d3 from 'd3';
import type { IndiaShapes } from '../../sim/data/index.ts';
import type { DistrictMetric } from '../map/district-metrics.ts';
import { rewindForD3 } from '../map/rewind-for-d3.ts';
import type { DistrictRow } from '../view-data.ts';

/**
 * A static district map (SVG only, no canvas or zoom) for the report: districts coloured by a
 * metric, the outline on top, captioned. Rows are keyed by Census code; `codes[i]` is the code of
 * the dataset's district `i` (the shapes' `district` property), null for drawing-only polygons.
 */
export function districtMapSvg(container: Element, shapes: IndiaShapes, codes: readonly (number | null)[], rows: readonly DistrictRow[], metric: DistrictMetric, width = 520, height = 560): SVGSVGElement {
  const districts = rewindForD3(shapes.districts);
  const projection = d3.geoMercator().fitExtent(
    [
      [8, 28],
      [width - 8, height - 40],
    ],
    districts as unknown as d3.GeoPermissibleObjects,
  );
  const path = d3.geoPath(projection);
  const byCode = new Map(rows.map((r) => [r.code, metric.value(r)]));
  const valueAt = (district: number): number | undefined => {
    const code = codes[district];
    const v = code === null || code === undefined ? undefined : byCode.get(code);
    return v !== undefined && Number.isFinite(v) ? v : undefined;
  };
  const finite = [...byCode.values()].filter((v) => Number.isFinite(v));
  const [lo, hi] = (d3.extent(finite) as [number, number] | [undefined, undefined]).map((v) => v ?? 0) as [number, number];
  const color = d3.scaleSequential(d3.interpolateCividis).domain(lo === hi ? [lo - 1, hi + 1] : [lo, hi]);
  const svg = d3
    .select(container)
    .append('svg')
    .attr('xmlns', 'http://www.w3.org/2000/svg')
    .attr('width', width)
    .attr('height', height)
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('role', 'img')
    .attr('aria-label', `Map of India by district: ${metric.label} (boundaries schematic)`)
    .attr('font-family', 'system-ui, sans-serif')
    .attr('font-size', 11);
  svg.append('text').attr('x', 4).attr('y', 16).attr('font-size', 13).attr('font-weight', 600).text(`By district: ${metric.label}`);
  svg
    .append('g')
    .selectAll('path')
    .data(districts.features)
    .join('path')
    .attr('d', (f) => path(f as unknown as d3.GeoPermissibleObjects))
    .attr('data-code', (f) => codes[f.properties.district] ?? '')
    .attr('fill', (f) => {
      const v = valueAt(f.properties.district);
      return v === undefined ? '#e6e6e6' : color(v);
    })
    .attr('stroke', '#fff')
    .attr('stroke-width', 0.3)
    .append('title')
    .text((f) => {
      const v = valueAt(f.properties.district);
      return v === undefined ? 'no data' : metric.format(v);
    });
  svg.append('path').attr('d', path(shapes.outline as unknown as d3.GeoPermissibleObjects)).attr('fill', 'none').attr('stroke', '#333');
  svg.append('text').attr('x', 8).attr('y', height - 24).text('boundaries schematic');
  const noData = districts.features.filter((f) => valueAt(f.properties.district) === undefined).length;
  const legend = svg.append('text').attr('class', 'legend').attr('x', 8).attr('y', height - 8).attr('data-no-data', noData);
  if (finite.length === 0) legend.text(`no district has data (${noData} districts grey)`);
  else legend.attr('data-min', lo).attr('data-max', hi).text(`colour (cividis): ${metric.format(lo)} → ${metric.format(hi)}; grey: no data (${noData} of ${districts.features.length})`);
  return svg.node()!;
}

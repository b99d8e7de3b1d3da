import * as d3 from 'd3';
import type { IndiaShapes } from '../../sim/data/index.ts';
import type { DistrictMetric } from '../map/district-metrics.ts';
import { rewindForD3 } from '../map/rewind-for-d3.ts';
import type { DistrictRow } from '../view-data.ts';

/** A static district map (SVG only, no canvas or zoom) for the report: districts coloured by a metric, the outline on top, captioned. */
export function districtMapSvg(container: Element, shapes: IndiaShapes, rows: readonly DistrictRow[], metric: DistrictMetric, width = 520, height = 560): SVGSVGElement {
  const districts = rewindForD3(shapes.districts);
  const projection = d3.geoMercator().fitExtent(
    [
      [8, 28],
      [width - 8, height - 40],
    ],
    districts as unknown as d3.GeoPermissibleObjects,
  );
  const path = d3.geoPath(projection);
  const values = new Map(rows.map((r) => [r.district, metric.value(r)]));
  const finite = [...values.values()].filter((v) => Number.isFinite(v));
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
    .attr('fill', (f) => {
      const v = values.get(f.properties.district);
      return v === undefined || !Number.isFinite(v) ? '#e6e6e6' : color(v);
    })
    .attr('stroke', '#fff')
    .attr('stroke-width', 0.3)
    .append('title')
    .text((f) => {
      const v = values.get(f.properties.district);
      return v === undefined ? 'no data' : metric.format(v);
    });
  svg.append('path').attr('d', path(shapes.outline as unknown as d3.GeoPermissibleObjects)).attr('fill', 'none').attr('stroke', '#333');
  svg.append('text').attr('x', 8).attr('y', height - 24).text('boundaries schematic');
  if (finite.length > 0) svg.append('text').attr('x', 8).attr('y', height - 8).text(`colour (cividis): ${metric.format(lo)} → ${metric.format(hi)}; grey: no parcels`);
  return svg.node()!;
}

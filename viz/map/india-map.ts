import * as d3 from 'd3';
import type { IndiaShapes } from '../../sim/data/index.ts';
import type { EditLayer, NetworkLayers } from '../network-layers.ts';
import { type ColouredNodes, NodeColourLayer } from './node-colour-layer.ts';
import { drawSquares } from './draw-squares.ts';
import { EDIT_COLOURS, NODE_DRAW_ORDER, NODE_STYLE } from './node-style.ts';
import { rewindForD3 } from './rewind-for-d3.ts';

/** A district of the dataset, by dataset index (the shapes' `district` property). */
export interface DistrictInfo {
  /** Census 2011 district code, what result rows are keyed by; null for drawing-only polygons. */
  code: number | null;
  name: string;
  state: string;
}

export interface MapColouring {
  /** Value per Census district code; districts without a finite value are drawn grey ("no data"). */
  values: ReadonlyMap<number, number>;
  label: string;
  format: (v: number) => string;
  /** `sequential`: cividis from low to high; `diverging`: a purple–orange scale centred on 0 (differences). */
  kind: 'sequential' | 'diverging';
  /** Diverging only: whether a positive difference is better, so better is purple and worse orange, as in the verdict table. */
  higherIsBetter?: boolean;
}

export interface IndiaMapOptions {
  width: number;
  height: number;
  /** Called with the dataset index of a clicked (or Enter-pressed) district. */
  onDistrictClick?: (district: number) => void;
  /** Called with the index of a clicked node of the coloured node layer (`setNodeColouring`); the district under it is then not clicked. */
  onNodeClick?: (node: number) => void;
  /** Accessible name of the map. */
  label: string;
}

const NO_DATA = '#e6e6e6';

/**
 * India: district polygons (SVG, coloured by a metric) under the official outline, with the
 * network on a canvas above them. Pan and zoom (d3-zoom) move the SVG group by a transform and
 * redraw the canvas with the same transform: the dense layers (20,000 kiranas) are a few
 * thousand fillRect calls per frame, not DOM nodes, which is what keeps zooming smooth.
 */
export class IndiaMap {
  readonly element: HTMLDivElement;
  private readonly svg: d3.Selection<SVGSVGElement, unknown, null, undefined>;
  private readonly layer: d3.Selection<SVGGElement, unknown, null, undefined>;
  private readonly paths: d3.Selection<SVGPathElement, IndiaShapes['districts']['features'][number], SVGGElement, unknown>;
  private readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  private readonly base: CanvasRenderingContext2D;
  private readonly districtPaths: Path2D[];
  private readonly outlinePath: Path2D;
  private readonly borders = new Path2D();
  private fills: string[];
  private readonly tooltip: HTMLDivElement;
  private readonly legend: HTMLDivElement;
  private readonly projection: d3.GeoProjection;
  private readonly zoom: d3.ZoomBehavior<SVGSVGElement, unknown>;
  private transform = d3.zoomIdentity;
  private colouring: MapColouring | undefined;
  private network: { layers: NetworkLayers; x: Float32Array; y: Float32Array; byType: Map<string, Uint32Array>; lanes: number[] } | undefined;
  private visible = new Set(Object.entries(NODE_STYLE).filter(([, s]) => s.on).map(([t]) => t));
  private overlay: { x: Float32Array; y: Float32Array; color: string } | undefined;
  /** A result's own nodes coloured by a measure; while set, it replaces the by-type node layers. */
  private coloured: NodeColourLayer | undefined;
  /** Frames drawn since creation; the fps measurement reads it. */
  framesDrawn = 0;

  constructor(
    shapes: IndiaShapes,
    private readonly districts: readonly DistrictInfo[],
    private readonly options: IndiaMapOptions,
  ) {
    const { width, height } = options;
    const districtShapes = rewindForD3(shapes.districts);
    this.element = document.createElement('div');
    this.element.className = 'india-map';
    this.element.style.cssText = `position:relative;width:${width}px;height:${height}px`;
    this.projection = d3.geoMercator().fitExtent(
      [
        [8, 8],
        [width - 8, height - 28],
      ],
      districtShapes as unknown as d3.GeoPermissibleObjects,
    );
    const path = d3.geoPath(this.projection);

    this.svg = d3
      .select(this.element)
      .append('svg')
      .attr('width', width)
      .attr('height', height)
      .attr('role', 'img')
      .attr('aria-label', options.label)
      .attr('tabindex', 0)
      .style('position', 'absolute')
      .style('inset', '0');
    this.layer = this.svg.append('g');
    this.paths = this.layer
      .append('g')
      .attr('class', 'districts')
      .selectAll<SVGPathElement, IndiaShapes['districts']['features'][number]>('path')
      .data(districtShapes.features)
      .join('path')
      .attr('d', (f) => path(f as unknown as d3.GeoPermissibleObjects))
      .attr('fill', NO_DATA)
      // Invisible here: the base canvas paints the districts (a transformed SVG of 640 polygons
      // repaints at ~14 fps in software rendering); the paths stay for hover, click and tests.
      .attr('fill-opacity', 0)
      .attr('pointer-events', 'all')
      .attr('data-district', (f) => f.properties.district)
      .attr('data-code', (f) => districts[f.properties.district]?.code ?? '')
      .on('mousemove', (event: MouseEvent, f) => this.hover(event, f.properties.district))
      .on('mouseleave', () => (this.tooltip.hidden = true))
      .on('click', (event: MouseEvent, f) => {
        const node = this.nodeAt(event);
        if (node !== undefined && options.onNodeClick !== undefined) options.onNodeClick(node);
        else options.onDistrictClick?.(f.properties.district);
      });
    // The official land boundary over the districts (DOMAIN.md, Maps).
    this.layer
      .append('path')
      .attr('class', 'outline')
      .attr('d', path(shapes.outline as unknown as d3.GeoPermissibleObjects))
      .attr('fill', 'none')
      .attr('stroke', 'none');
    this.svg
      .append('text')
      .attr('class', 'caption')
      .attr('x', 8)
      .attr('y', height - 8)
      .attr('font-size', 12)
      .attr('fill', '#333')
      .text('boundaries schematic');

    const dpr = globalThis.devicePixelRatio || 1;
    const baseCanvas = document.createElement('canvas');
    baseCanvas.width = Math.round(width * dpr);
    baseCanvas.height = Math.round(height * dpr);
    baseCanvas.style.cssText = `position:absolute;inset:0;width:${width}px;height:${height}px;pointer-events:none`;
    baseCanvas.setAttribute('aria-hidden', 'true');
    this.element.prepend(baseCanvas);
    this.base = baseCanvas.getContext('2d')!;
    this.districtPaths = districtShapes.features.map((f) => new Path2D(path(f as unknown as d3.GeoPermissibleObjects) ?? ''));
    this.outlinePath = new Path2D(path(shapes.outline as unknown as d3.GeoPermissibleObjects) ?? '');
    this.fills = districtShapes.features.map(() => NO_DATA);
    for (const p of this.districtPaths) this.borders.addPath(p);
    this.canvas = document.createElement('canvas');
    this.canvas.width = Math.round(width * dpr);
    this.canvas.height = Math.round(height * dpr);
    this.canvas.style.cssText = `position:absolute;inset:0;width:${width}px;height:${height}px;pointer-events:none`;
    this.canvas.setAttribute('aria-hidden', 'true');
    this.element.append(this.canvas);
    this.ctx = this.canvas.getContext('2d')!;
    this.ctx.scale(dpr, dpr);

    this.tooltip = document.createElement('div');
    this.tooltip.className = 'map-tooltip';
    this.tooltip.setAttribute('role', 'status');
    this.tooltip.hidden = true;
    this.element.append(this.tooltip);
    this.legend = document.createElement('div');
    this.legend.className = 'map-legend';
    this.element.append(this.legend);

    this.zoom = d3
      .zoom<SVGSVGElement, unknown>()
      .scaleExtent([1, 40])
      .translateExtent([
        [0, 0],
        [width, height],
      ])
      .on('zoom', (event: d3.D3ZoomEvent<SVGSVGElement, unknown>) => {
        this.transform = event.transform;
        this.layer.attr('transform', event.transform.toString());
        this.draw();
      });
    this.svg.call(this.zoom);
    // Keyboard: + and − zoom, arrows pan, so the map works without a mouse.
    this.svg.on('keydown', (event: KeyboardEvent) => {
      const step = 60;
      const moves: Record<string, () => void> = {
        '+': () => this.zoom.scaleBy(this.svg, 1.5),
        '=': () => this.zoom.scaleBy(this.svg, 1.5),
        '-': () => this.zoom.scaleBy(this.svg, 1 / 1.5),
        ArrowLeft: () => this.zoom.translateBy(this.svg, step / this.transform.k, 0),
        ArrowRight: () => this.zoom.translateBy(this.svg, -step / this.transform.k, 0),
        ArrowUp: () => this.zoom.translateBy(this.svg, 0, step / this.transform.k),
        ArrowDown: () => this.zoom.translateBy(this.svg, 0, -step / this.transform.k),
        '0': () => this.zoom.transform(this.svg, d3.zoomIdentity),
      };
      const move = moves[event.key];
      if (move !== undefined) {
        event.preventDefault();
        move();
      }
    });
    this.draw();
  }

  /** Colours districts by a metric (or clears the colours with undefined). */
  setColouring(colouring: MapColouring | undefined): void {
    this.colouring = colouring;
    const color = this.colorScale();
    this.paths.attr('fill', (f) => {
      const v = this.valueAt(f.properties.district);
      return v === undefined || !Number.isFinite(v) || color === undefined ? NO_DATA : color(v);
    });
    this.fills = this.paths.nodes().map((p) => p.getAttribute('fill') ?? NO_DATA);
    this.drawLegend(color);
    this.draw();
  }

  setNetwork(layers: NetworkLayers): void {
    const n = layers.lon.length;
    const x = new Float32Array(n);
    const y = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const p = this.projection([layers.lon[i]!, layers.lat[i]!]) ?? [Number.NaN, Number.NaN];
      x[i] = p[0];
      y[i] = p[1];
    }
    const byType = new Map<string, Uint32Array>();
    layers.types.forEach((type, t) => {
      const ids: number[] = [];
      for (let i = 0; i < n; i++) if (layers.type[i] === t) ids.push(i);
      byType.set(type, Uint32Array.from(ids));
    });
    // The heaviest lanes only: thousands of thin mesh lanes would hide the map under a grey veil.
    const lanes = d3.range(layers.laneFrom.length).sort((a, b) => layers.laneVolume[b]! - layers.laneVolume[a]!).slice(0, 600);
    this.network = { layers, x, y, byType, lanes };
    this.draw();
  }

  /** How many nodes of a type the map holds (for the legend and tests). */
  nodeCount(type: string): number {
    return this.network?.byType.get(type)?.length ?? 0;
  }

  setVisibleTypes(types: Iterable<string>): void {
    this.visible = new Set(types);
    this.draw();
  }

  get visibleTypes(): ReadonlySet<string> {
    return this.visible;
  }

  /**
   * Colours a result's own nodes by a measure (node-colour-layer.ts) in place of the by-type
   * layers, which come back with undefined. The layer toggles still choose the types shown.
   */
  setNodeColouring(nodes: ColouredNodes | undefined): void {
    this.coloured = nodes === undefined ? undefined : new NodeColourLayer(nodes, (p) => this.projection(p));
    this.draw();
  }

  /** Rings node `i` of the coloured layer (undefined: none). */
  selectNode(i: number | undefined): void {
    if (this.coloured !== undefined) this.coloured.selected = i;
    this.draw();
  }

  /** Zooms in on node `i` of the coloured layer (to scale `k`, centred on it). */
  focusNode(i: number, k = 8): void {
    const x = this.coloured?.x[i];
    const y = this.coloured?.y[i];
    if (x === undefined || y === undefined || !Number.isFinite(x)) return;
    this.zoom.transform(this.svg, d3.zoomIdentity.translate(this.options.width / 2, this.options.height / 2).scale(k).translate(-x, -y));
  }

  /** Where node `i` of the coloured layer is on screen (client coordinates), for people's tools and tests. */
  nodeClientPoint(i: number): { x: number; y: number } | undefined {
    const x = this.coloured?.x[i];
    const y = this.coloured?.y[i];
    if (x === undefined || y === undefined || !Number.isFinite(x)) return undefined;
    const rect = this.element.getBoundingClientRect();
    return { x: rect.left + x * this.transform.k + this.transform.x, y: rect.top + y * this.transform.k + this.transform.y };
  }

  /** The coloured layer's visible node under a pointer event (within 6 px), if any. */
  private nodeAt(event: MouseEvent): number | undefined {
    if (this.coloured === undefined) return undefined;
    const rect = this.element.getBoundingClientRect();
    const t = this.transform;
    return this.coloured.pick((event.clientX - rect.left - t.x) / t.k, (event.clientY - rect.top - t.y) / t.k, 6 / t.k, this.visible);
  }

  /** Moving parcels for playback, as [lon, lat] pairs; null removes them. */
  setOverlay(points: Float64Array | null, color = '#d7191c'): void {
    if (points === null) {
      this.overlay = undefined;
    } else {
      const n = points.length / 2;
      const x = new Float32Array(n);
      const y = new Float32Array(n);
      for (let i = 0; i < n; i++) {
        const p = this.projection([points[2 * i]!, points[2 * i + 1]!]) ?? [Number.NaN, Number.NaN];
        x[i] = p[0];
        y[i] = p[1];
      }
      this.overlay = { x, y, color };
    }
    this.draw();
  }

  /** Zooms to the bounds of the district with this Census code (playback focuses its first district). */
  focusDistrict(code: number): void {
    const f = this.paths.filter((d) => this.districts[d.properties.district]?.code === code).datum();
    if (f === undefined) return;
    const [[x0, y0], [x1, y1]] = d3.geoPath(this.projection).bounds(f as unknown as d3.GeoPermissibleObjects);
    const k = Math.min(20, 0.8 / Math.max((x1 - x0) / this.options.width, (y1 - y0) / this.options.height));
    this.zoom.transform(this.svg, d3.zoomIdentity.translate(this.options.width / 2, this.options.height / 2).scale(k).translate(-(x0 + x1) / 2, -(y0 + y1) / 2));
  }

  /**
   * Frames a second during a scripted zoom: zooms in and out through d3-zoom (the same path a
   * wheel takes) on every animation frame for `ms`, and counts frames. UI timing, not a result.
   */
  measureZoomFps(ms = 3000): Promise<{ fps: number; frames: number; seconds: number }> {
    return new Promise((resolve) => {
      const start = performance.now();
      let frames = 0;
      const centre: [number, number] = [this.options.width * 0.45, this.options.height * 0.55];
      const tick = (now: number): void => {
        const t = (now - start) / ms;
        if (t >= 1) {
          this.zoom.transform(this.svg, d3.zoomIdentity);
          const seconds = (now - start) / 1000;
          resolve({ fps: frames / seconds, frames, seconds });
          return;
        }
        // Scale 1 → 12 → 1 around a point in central India.
        const k = 1 + 11 * Math.sin(Math.PI * t);
        this.zoom.transform(this.svg, d3.zoomIdentity.translate(centre[0], centre[1]).scale(k).translate(-centre[0], -centre[1]));
        frames++;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
  }

  private colorScale(): ((v: number) => string) | undefined {
    const c = this.colouring;
    if (c === undefined) return undefined;
    const values = [...c.values.values()].filter((v) => Number.isFinite(v));
    if (values.length === 0) return undefined;
    if (c.kind === 'diverging') {
      const m = d3.max(values, (v) => Math.abs(v)) || 1;
      // interpolatePuOr runs purple → orange; worse must land on orange whichever way is worse.
      return d3.scaleDiverging(d3.interpolatePuOr).domain(c.higherIsBetter === true ? [m, 0, -m] : [-m, 0, m]);
    }
    const [lo, hi] = d3.extent(values) as [number, number];
    return d3.scaleSequential(d3.interpolateCividis).domain(lo === hi ? [lo - 1, hi + 1] : [lo, hi]);
  }

  /** The colouring's value for a district by dataset index (through its Census code); undefined when it has none. */
  private valueAt(district: number): number | undefined {
    const code = this.districts[district]?.code;
    const v = code === null || code === undefined ? undefined : this.colouring?.values.get(code);
    return v !== undefined && Number.isFinite(v) ? v : undefined;
  }

  /**
   * The legend spans the values' real range (a diverging one ±the largest difference, centred on
   * 0), never the scale's padded domain; `data-min`/`data-max` carry the values' extent and
   * `data-no-data` the districts drawn grey, for people reading the DOM and for tests.
   */
  private drawLegend(color: ((v: number) => string) | undefined): void {
    const c = this.colouring;
    this.legend.replaceChildren();
    delete this.legend.dataset.min;
    delete this.legend.dataset.max;
    delete this.legend.dataset.noData;
    if (c === undefined || color === undefined) return;
    const values = [...c.values.values()].filter((v) => Number.isFinite(v));
    const [min, max] = d3.extent(values) as [number, number];
    const m = Math.max(Math.abs(min), Math.abs(max));
    const [lo, hi] = c.kind === 'diverging' ? [-m, m] : [min, max];
    this.legend.dataset.min = String(min);
    this.legend.dataset.max = String(max);
    const noData = this.districts.filter((_, i) => this.valueAt(i) === undefined).length;
    this.legend.dataset.noData = String(noData);
    const title = document.createElement('div');
    title.textContent = c.label;
    const bar = document.createElement('div');
    bar.className = 'legend-bar';
    bar.style.background = `linear-gradient(to right, ${d3.range(0, 1.01, 0.1).map((t) => color(lo + t * (hi - lo))).join(',')})`;
    const ends = document.createElement('div');
    ends.className = 'legend-ends';
    ends.innerHTML = `<span>${c.format(lo)}</span><span>${c.format(hi)}</span>`;
    const note = document.createElement('div');
    note.className = 'legend-note';
    note.textContent = `${c.kind === 'diverging' ? `B − A from ${c.format(min)} to ${c.format(max)}; orange worse, purple better; ` : ''}grey: no data (${noData} of ${this.districts.length} districts)`;
    this.legend.append(title, bar, ends, note);
  }

  private hover(event: MouseEvent, district: number): void {
    const info = this.districts[district];
    const v = this.valueAt(district);
    const rect = this.element.getBoundingClientRect();
    this.tooltip.hidden = false;
    this.tooltip.style.left = `${event.clientX - rect.left + 12}px`;
    this.tooltip.style.top = `${event.clientY - rect.top + 12}px`;
    const node = this.nodeAt(event);
    this.tooltip.textContent =
      node !== undefined
        ? this.coloured!.nodes.describe(node)
        : `${info?.name ?? district}, ${info?.state ?? ''}${this.colouring === undefined ? '' : ` — ${this.colouring.label}: ${v === undefined ? 'no data' : this.colouring.format(v)}`}`;
  }

  /** District fills and borders and the outline, through the zoom transform (Path2D, cached). */
  private drawDistricts(): void {
    const b = this.base;
    const t = this.transform;
    const dpr = globalThis.devicePixelRatio || 1;
    b.setTransform(1, 0, 0, 1, 0, 0);
    b.clearRect(0, 0, b.canvas.width, b.canvas.height);
    b.setTransform(dpr * t.k, 0, 0, dpr * t.k, dpr * t.x, dpr * t.y);
    this.districtPaths.forEach((p, i) => {
      b.fillStyle = this.fills[i] ?? NO_DATA;
      b.fill(p);
    });
    // All borders in one stroke call: 640 separate strokes cost more than the fills.
    b.strokeStyle = '#ffffff';
    b.lineWidth = 0.3 / t.k;
    b.stroke(this.borders);
    // The official land boundary over the districts (DOMAIN.md, Maps).
    b.strokeStyle = '#333333';
    b.lineWidth = 1 / t.k;
    b.stroke(this.outlinePath);
  }

  /**
   * A scenario's edits over the network: lanes added (solid) or changed (dashed) in their colour,
   * closed lanes dashed red; nodes added ringed green, changed ringed orange, removed crossed red
   * where they stood. Drawn whatever node layers are on: an edit is what the reader looks for.
   */
  private drawEdits(e: EditLayer): void {
    const { ctx, transform: t } = this;
    const net = this.network!;
    const px = (lon: number, lat: number): [number, number] => {
      const p = this.projection([lon, lat]) ?? [Number.NaN, Number.NaN];
      return [p[0] * t.k + t.x, p[1] * t.k + t.y];
    };
    ctx.save();
    ctx.lineWidth = 2;
    for (const l of e.lanes) {
      ctx.strokeStyle = EDIT_COLOURS[l.status];
      ctx.setLineDash(l.status === 'added' ? [] : [6, 4]);
      const [ax, ay] = px(l.from[0], l.from[1]);
      const [bx, by] = px(l.to[0], l.to[1]);
      ctx.beginPath();
      ctx.moveTo(ax, ay);
      ctx.lineTo(bx, by);
      ctx.stroke();
    }
    ctx.setLineDash([]);
    const ring = (ids: readonly number[], colour: string): void => {
      ctx.strokeStyle = colour;
      for (const i of ids) {
        ctx.beginPath();
        ctx.arc(net.x[i]! * t.k + t.x, net.y[i]! * t.k + t.y, 7, 0, 2 * Math.PI);
        ctx.stroke();
      }
    };
    ring(e.addedNodes, EDIT_COLOURS.added);
    ring(e.changedNodes, EDIT_COLOURS.changed);
    ctx.strokeStyle = EDIT_COLOURS.closed;
    for (const r of e.removedNodes) {
      const [x, y] = px(r.lon, r.lat);
      ctx.beginPath();
      ctx.moveTo(x - 6, y - 6);
      ctx.lineTo(x + 6, y + 6);
      ctx.moveTo(x + 6, y - 6);
      ctx.lineTo(x - 6, y + 6);
      ctx.stroke();
    }
    ctx.restore();
  }

  /** How many edits of each kind the map shows (for the legend and tests). */
  editCounts(): { addedNodes: number; changedNodes: number; removedNodes: number; addedLanes: number; changedLanes: number; closedLanes: number } {
    const e = this.network?.layers.edits;
    const lanes = (s: string): number => e?.lanes.filter((l) => l.status === s).length ?? 0;
    return { addedNodes: e?.addedNodes.length ?? 0, changedNodes: e?.changedNodes.length ?? 0, removedNodes: e?.removedNodes.length ?? 0, addedLanes: lanes('added'), changedLanes: lanes('changed'), closedLanes: lanes('closed') };
  }

  /** Lanes, then node layers, then playback dots, all through the current zoom transform. */
  private draw(): void {
    const { ctx, transform: t } = this;
    const { width, height } = this.options;
    this.drawDistricts();
    ctx.clearRect(0, 0, width, height);
    this.framesDrawn++;
    const net = this.network;
    if (net !== undefined) {
      const { layers, x, y } = net;
      const maxVolume = layers.laneVolume[net.lanes[0] ?? 0] ?? 1;
      ctx.strokeStyle = 'rgba(0, 80, 160, 0.35)';
      ctx.lineCap = 'round';
      for (const l of net.lanes) {
        const a = layers.laneFrom[l]!;
        const b = layers.laneTo[l]!;
        // Width by volume (area-honest: square root), 0.3–4 px.
        ctx.lineWidth = 0.3 + 3.7 * Math.sqrt(layers.laneVolume[l]! / maxVolume);
        ctx.beginPath();
        ctx.moveTo(x[a]! * t.k + t.x, y[a]! * t.k + t.y);
        ctx.lineTo(x[b]! * t.k + t.x, y[b]! * t.k + t.y);
        ctx.stroke();
      }
      for (const type of NODE_DRAW_ORDER) {
        if (!this.visible.has(type) || this.coloured !== undefined) continue;
        const ids = net.byType.get(type);
        const style = NODE_STYLE[type];
        if (ids === undefined || style === undefined) continue;
        // Dots grow a little with zoom so a zoomed-in city separates into stores.
        ctx.fillStyle = style.color;
        ctx.strokeStyle = 'rgba(0,0,0,0.5)';
        ctx.lineWidth = 0.5;
        drawSquares(ctx, ids, x, y, t, style.size * Math.min(3, Math.sqrt(t.k)), width, height);
      }
    }
    this.coloured?.draw(ctx, t, this.visible, width, height);
    if (net?.layers.edits !== undefined) this.drawEdits(net.layers.edits);
    const o = this.overlay;
    if (o !== undefined) {
      ctx.fillStyle = o.color;
      for (let i = 0; i < o.x.length; i++) {
        ctx.beginPath();
        ctx.arc(o.x[i]! * t.k + t.x, o.y[i]! * t.k + t.y, 3, 0, 2 * Math.PI);
        ctx.fill();
      }
    }
  }
}

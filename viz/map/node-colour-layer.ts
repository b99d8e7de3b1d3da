import * as d3 from 'd3';
import { NODE_DRAW_ORDER, NODE_STYLE } from './node-style.ts';
import { drawSquares } from './draw-squares.ts';

/** A result's nodes coloured by a measure: place, type and class of each, and the class colours. */
export interface ColouredNodes {
  lon: ArrayLike<number>;
  lat: ArrayLike<number>;
  type: readonly string[];
  /** Index into `colors`; higher classes are drawn later (on top) and a little larger. */
  cls: Uint8Array;
  colors: readonly string[];
  /** The tooltip's words for node `i`. */
  describe(i: number): string;
}

/**
 * The map's node layer when nodes are coloured by a measure. Everything that does not change
 * with the zoom is done once here: projecting the places and grouping node indices by class and
 * type, so a frame is one fillStyle per class and a fillRect per visible node, as the by-type
 * layer draws. Picking goes through a quadtree of the visible nodes, built on the first pick
 * after the visible types change.
 */
export class NodeColourLayer {
  readonly x: Float32Array;
  readonly y: Float32Array;
  /** [class][type] → node indices, in draw order. */
  private readonly groups: { cls: number; type: string; ids: Uint32Array }[] = [];
  private tree: { key: string; tree: d3.Quadtree<number> } | undefined;
  selected: number | undefined;

  constructor(
    readonly nodes: ColouredNodes,
    project: (p: [number, number]) => [number, number] | null,
  ) {
    const n = nodes.type.length;
    this.x = new Float32Array(n);
    this.y = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const p = project([nodes.lon[i]!, nodes.lat[i]!]) ?? [Number.NaN, Number.NaN];
      this.x[i] = p[0];
      this.y[i] = p[1];
    }
    const lists = new Map<string, number[]>();
    for (let i = 0; i < n; i++) {
      const key = `${nodes.cls[i]}|${nodes.type[i]}`;
      let list = lists.get(key);
      if (list === undefined) lists.set(key, (list = []));
      list.push(i);
    }
    const order = [...NODE_DRAW_ORDER, ...new Set(nodes.type.filter((t) => !NODE_DRAW_ORDER.includes(t)))];
    for (let cls = 0; cls < nodes.colors.length; cls++) {
      for (const type of order) {
        const list = lists.get(`${cls}|${type}`);
        if (list !== undefined) this.groups.push({ cls, type, ids: Uint32Array.from(list) });
      }
    }
  }

  /** Side of node `i`'s square at zoom `k`: its type's size, larger for the higher classes, growing a little with zoom. */
  private size(cls: number, type: string, k: number): number {
    return Math.max(NODE_STYLE[type]?.size ?? 2, cls >= 2 ? 1.5 + 0.6 * cls : 0) * Math.min(3, Math.sqrt(k));
  }

  draw(ctx: CanvasRenderingContext2D, t: { k: number; x: number; y: number }, visible: ReadonlySet<string>, width: number, height: number): void {
    const { x, y } = this;
    for (const { cls, type, ids } of this.groups) {
      if (!visible.has(type)) continue;
      ctx.fillStyle = this.nodes.colors[cls]!;
      drawSquares(ctx, ids, x, y, t, this.size(cls, type, t.k), width, height);
    }
    const i = this.selected;
    if (i !== undefined && Number.isFinite(x[i]!)) {
      ctx.strokeStyle = '#000';
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.arc(x[i]! * t.k + t.x, y[i]! * t.k + t.y, 7, 0, 2 * Math.PI);
      ctx.stroke();
    }
  }

  /** The visible node nearest to (bx, by) in unzoomed map coordinates, within `radius` of them; ties go to the node drawn on top. */
  pick(bx: number, by: number, radius: number, visible: ReadonlySet<string>): number | undefined {
    const key = [...visible].sort().join(',');
    if (this.tree?.key !== key) {
      // Added in draw order, so among nodes at one place the last added (drawn on top) wins below.
      const ids: number[] = [];
      for (const g of this.groups) if (visible.has(g.type)) for (const i of g.ids) if (Number.isFinite(this.x[i]!)) ids.push(i);
      this.tree = { key, tree: d3.quadtree<number>().x((i) => this.x[i]!).y((i) => this.y[i]!).addAll(ids) };
    }
    let best: number | undefined;
    let bestD = radius * radius;
    let bestRank = -1;
    this.tree.tree.visit((node, x0, y0, x1, y1) => {
      if (!node.length) {
        for (let leaf: d3.QuadtreeLeaf<number> | undefined = node as d3.QuadtreeLeaf<number>; leaf; leaf = leaf.next) {
          const i = leaf.data;
          const d = (this.x[i]! - bx) ** 2 + (this.y[i]! - by) ** 2;
          const r = this.nodes.cls[i]! * 100 + NODE_DRAW_ORDER.indexOf(this.nodes.type[i]!);
          if (d < bestD || (d === bestD && r > bestRank)) (best = i), (bestD = d), (bestRank = r);
        }
      }
      return x0 > bx + radius || x1 < bx - radius || y0 > by + radius || y1 < by - radius;
    });
    return best;
  }
}

import { cosDeg, flatKm } from './geo.ts';

/** Cell size bounds in degrees; within them, cells hold ~2 points on average over the points' extent. */
const MIN_CELL_DEG = 0.05;
const MAX_CELL_DEG = 4;

/**
 * Points in a uniform lon/lat grid, for "nearest point to here" among tens of thousands of points.
 * Ties (equal distance) go to the lower id, so answers never depend on insertion order.
 */
export class GridIndex {
  private readonly cells = new Map<number, number[]>();
  private readonly lon: number[];
  private readonly lat: number[];
  readonly size: number;
  private readonly cellDeg: number;
  private minCx = Infinity;
  private maxCx = -Infinity;
  private minCy = Infinity;
  private maxCy = -Infinity;

  /** `ids[k]` sits at (lon[k], lat[k]); queries return ids. */
  constructor(
    lon: readonly number[],
    lat: readonly number[],
    private readonly ids: readonly number[] = lon.map((_, k) => k),
  ) {
    this.lon = [...lon];
    this.lat = [...lat];
    this.size = lon.length;
    let x0 = Infinity;
    let x1 = -Infinity;
    let y0 = Infinity;
    let y1 = -Infinity;
    for (let k = 0; k < lon.length; k++) {
      x0 = Math.min(x0, lon[k]!);
      x1 = Math.max(x1, lon[k]!);
      y0 = Math.min(y0, lat[k]!);
      y1 = Math.max(y1, lat[k]!);
    }
    const span = lon.length > 0 ? (x1 - x0 + 0.1) * (y1 - y0 + 0.1) : 1;
    this.cellDeg = Math.min(MAX_CELL_DEG, Math.max(MIN_CELL_DEG, Math.sqrt((2 * span) / Math.max(1, lon.length))));
    for (let k = 0; k < lon.length; k++) {
      const x = this.cellOf(lon[k]!);
      const y = this.cellOf(lat[k]!);
      this.minCx = Math.min(this.minCx, x);
      this.maxCx = Math.max(this.maxCx, x);
      this.minCy = Math.min(this.minCy, y);
      this.maxCy = Math.max(this.maxCy, y);
      const key = cellKey(x, y);
      const list = this.cells.get(key);
      if (list) list.push(k);
      else this.cells.set(key, [k]);
    }
  }

  private cellOf(deg: number): number {
    return Math.floor(deg / this.cellDeg);
  }

  /** The id of the nearest point and its distance (km, equirectangular), or null when empty. */
  nearest(lon: number, lat: number, accept?: (id: number) => boolean): { id: number; km: number } | null {
    if (this.size === 0) return null;
    const cx = this.cellOf(lon);
    const cy = this.cellOf(lat);
    // Km spanned by one cell, the smaller (east–west) side: rings beyond best/cellKm cannot win.
    const cellKm = this.cellDeg * 111.19 * cosDeg(Math.min(Math.abs(lat) + this.cellDeg * 4, 60));
    let best = -1;
    let bestKm = Infinity;
    // Beyond this ring there are no cells with points.
    const maxRing = Math.max(Math.abs(cx - this.minCx), Math.abs(cx - this.maxCx), Math.abs(cy - this.minCy), Math.abs(cy - this.maxCy));
    for (let ring = 0; ring <= maxRing; ring++) {
      if (best >= 0 && (ring - 1) * cellKm > bestKm) break;
      // Only the cells on the ring's perimeter: the inner rings were searched already.
      const step = ring === 0 ? 1 : 2 * ring;
      for (let gx = cx - ring; gx <= cx + ring; gx++) {
        const edge = gx === cx - ring || gx === cx + ring;
        for (let gy = cy - ring; gy <= cy + ring; gy += edge ? 1 : step) {
          const list = this.cells.get(cellKey(gx, gy));
          if (!list) continue;
          for (const k of list) {
            const id = this.ids[k]!;
            if (accept && !accept(id)) continue;
            const km = flatKm(lon, lat, this.lon[k]!, this.lat[k]!);
            if (km < bestKm || (km === bestKm && id < this.ids[best]!)) {
              best = k;
              bestKm = km;
            }
          }
        }
      }
    }
    return best < 0 ? null : { id: this.ids[best]!, km: bestKm };
  }

  /** Ids of all points within `km` (equirectangular), in ascending id order. */
  within(lon: number, lat: number, km: number): number[] {
    const cellKm = this.cellDeg * 111.19 * cosDeg(Math.min(Math.abs(lat) + this.cellDeg * 4, 60));
    const r = Math.ceil(km / cellKm) + 1;
    const cx = this.cellOf(lon);
    const cy = this.cellOf(lat);
    const out: number[] = [];
    for (let gx = cx - r; gx <= cx + r; gx++) {
      for (let gy = cy - r; gy <= cy + r; gy++) {
        for (const k of this.cells.get(cellKey(gx, gy)) ?? []) {
          if (flatKm(lon, lat, this.lon[k]!, this.lat[k]!) <= km) out.push(this.ids[k]!);
        }
      }
    }
    return out.sort((a, b) => a - b);
  }
}


function cellKey(x: number, y: number): number {
  return (x + 2000) * 4000 + (y + 2000);
}

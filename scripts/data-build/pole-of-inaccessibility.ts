import type { Position } from 'geojson';

/**
 * The point of a multipolygon farthest from its edges (its pole of inaccessibility), searched on
 * its largest part by the polylabel method (Mapbox, ISC licence, re-implemented): quarter cells
 * while they may beat the best point found. Unlike a centroid it always lies inside the polygon.
 * Distances are planar in degrees with longitude scaled by cos(latitude), enough to rank points.
 */
export function poleOfInaccessibility(polygons: Position[][][], precisionDeg = 0.001): [number, number] {
  let largest = polygons[0]!;
  let largestArea = -1;
  for (const poly of polygons) {
    const a = Math.abs(ringArea(poly[0]!));
    if (a > largestArea) {
      largestArea = a;
      largest = poly;
    }
  }
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of largest[0]!) {
    minX = Math.min(minX, p[0]!);
    minY = Math.min(minY, p[1]!);
    maxX = Math.max(maxX, p[0]!);
    maxY = Math.max(maxY, p[1]!);
  }
  const kx = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const dist = (x: number, y: number): number => signedDistance(x, y, largest, kx);
  const size = Math.min(maxX - minX, maxY - minY);
  let h = size / 2;
  if (h === 0) return [minX, minY];
  type Cell = { x: number; y: number; h: number; d: number; max: number };
  const cell = (x: number, y: number, half: number): Cell => {
    const d = dist(x, y);
    return { x, y, h: half, d, max: d + half * Math.SQRT2 };
  };
  const queue: Cell[] = [];
  for (let x = minX; x < maxX; x += size) {
    for (let y = minY; y < maxY; y += size) queue.push(cell(x + h, y + h, h));
  }
  let best = cell((minX + maxX) / 2, (minY + maxY) / 2, 0);
  while (queue.length > 0) {
    queue.sort((a, b) => a.max - b.max);
    const c = queue.pop()!;
    if (c.d > best.d) best = c;
    if (c.max - best.d <= precisionDeg) continue;
    h = c.h / 2;
    queue.push(cell(c.x - h, c.y - h, h), cell(c.x + h, c.y - h, h), cell(c.x - h, c.y + h, h), cell(c.x + h, c.y + h, h));
  }
  return [best.x, best.y];
}

function ringArea(ring: Position[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  return s / 2;
}

/** Distance to the nearest edge, positive inside the polygon (outer ring minus holes). */
function signedDistance(x: number, y: number, polygon: Position[][], kx: number): number {
  let inside = false;
  let min = Infinity;
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i]!;
      const b = ring[j]!;
      if (a[1]! > y !== b[1]! > y && x < ((b[0]! - a[0]!) * (y - a[1]!)) / (b[1]! - a[1]!) + a[0]!) inside = !inside;
      min = Math.min(min, segmentDistance(x, y, a, b, kx));
    }
  }
  return (inside ? 1 : -1) * min;
}

function segmentDistance(px: number, py: number, a: Position, b: Position, kx: number): number {
  const ax = a[0]! * kx;
  const ay = a[1]!;
  let dx = b[0]! * kx - ax;
  let dy = b[1]! - ay;
  let x = ax;
  let y = ay;
  if (dx !== 0 || dy !== 0) {
    const t = ((px * kx - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy);
    if (t > 1) {
      x = b[0]! * kx;
      y = b[1]!;
    } else if (t > 0) {
      x += dx * t;
      y += dy * t;
    }
  }
  dx = px * kx - x;
  dy = py - y;
  return Math.sqrt(dx * dx + dy * dy);
}

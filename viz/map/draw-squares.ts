/** A zoom transform as d3-zoom gives it: scale k, then translate (x, y). */
export interface MapTransform {
  k: number;
  x: number;
  y: number;
}

/**
 * Fills a square of side `s` at each node `ids[j]` (map coordinates `x[i]`, `y[i]`, zoomed by `t`),
 * skipping those off the canvas: the network layer and the coloured-node layer both draw tens of
 * thousands of nodes this way on every frame, in the current fill style.
 */
export function drawSquares(ctx: CanvasRenderingContext2D, ids: Uint32Array, x: Float32Array, y: Float32Array, t: MapTransform, s: number, width: number, height: number): void {
  const h = s / 2;
  for (let j = 0; j < ids.length; j++) {
    const i = ids[j]!;
    const px = x[i]! * t.k + t.x;
    const py = y[i]! * t.k + t.y;
    if (px < -s || py < -s || px > width + s || py > height + s) continue;
    ctx.fillRect(px - h, py - h, s, s);
  }
}

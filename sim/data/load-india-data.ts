import type { IndiaData, IndiaShapes } from './india-data.ts';

let data: Promise<IndiaData> | undefined;
let shapes: Promise<IndiaShapes> | undefined;

/**
 * The embedded dataset, parsed on first call and shared after. Dynamic JSON imports keep it out of
 * the start-up path and work alike in Node (tsx, vitest) and the browser (Vite splits it into chunks).
 */
export function loadIndiaData(): Promise<IndiaData> {
  data ??= Promise.all([
    import('./districts.json', { with: { type: 'json' } }),
    import('./pincodes.json', { with: { type: 'json' } }),
    import('./offices.json', { with: { type: 'json' } }),
    import('./towns.json', { with: { type: 'json' } }),
    import('./meta.json', { with: { type: 'json' } }),
    import('./state-neighbours.json', { with: { type: 'json' } }),
  ]).then(([d, p, o, t, m, n]) => ({
    districts: d.default.districts as IndiaData['districts'],
    pincodes: p.default as IndiaData['pincodes'],
    offices: o.default as IndiaData['offices'],
    towns: t.default as IndiaData['towns'],
    meta: m.default as IndiaData['meta'],
    stateNeighbours: n.default as IndiaData['stateNeighbours'],
  }));
  return data;
}

/** District polygons and the India outline, for drawing ("boundaries schematic") and for tests. */
export function loadIndiaShapes(): Promise<IndiaShapes> {
  shapes ??= Promise.all([
    import('./district-shapes.json', { with: { type: 'json' } }),
    import('./india-outline.json', { with: { type: 'json' } }),
  ]).then(([d, o]) => ({
    districts: d.default as unknown as IndiaShapes['districts'],
    outline: o.default as unknown as IndiaShapes['outline'],
  }));
  return shapes;
}

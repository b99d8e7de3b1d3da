import type { IndiaShapes } from '../../sim/data/index.ts';

type Features = IndiaShapes['districts'];

/**
 * The district polygons with rings wound as d3-geo expects: exterior rings clockwise, holes
 * anticlockwise. d3-geo works on the sphere, where a ring's winding decides which side is inside;
 * GeoJSON (RFC 7946) winds the other way, and a wrongly wound district would paint the whole globe
 * except itself (and ruin `fitExtent`). Pure: returns new coordinates, leaves the input alone.
 */
export function rewindForD3(districts: Features): Features {
  return {
    ...districts,
    features: districts.features.map((f) => ({
      ...f,
      geometry: {
        ...f.geometry,
        coordinates: f.geometry.coordinates.map((polygon) => polygon.map((ring, i) => (isClockwise(ring) === (i === 0) ? ring : [...ring].reverse()))),
      },
    })),
  };
}

/** Planar shoelace sum over [lon, lat] (y up): negative area means clockwise. */
function isClockwise(ring: readonly number[][]): boolean {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j]![0]! * ring[i]![1]!) - (ring[i]![0]! * ring[j]![1]!);
  return sum < 0;
}

import type { IndiaData } from '../data/index.ts';
import { GridIndex } from './grid-index.ts';
import { currentState, postalCircle } from './postal-circles.ts';

/** What the builders share: the dataset, each district's state and circle, and a PIN index to place points in districts. */
export interface PlaceContext {
  data: IndiaData;
  stateOf: string[];
  circleOf: string[];
  pins: GridIndex;
  /** The district of a point: that of the nearest PIN code (the PINs were placed by point-in-polygon). */
  districtAt(lon: number, lat: number): number;
  /** Towns (dataset indices), largest first, of Census districts. */
  towns: number[];
  /** The nearest PIN code point to a point, and how far it is (km), or null without PINs. */
  nearestPin(lon: number, lat: number): { lon: number; lat: number; km: number } | null;
}

export function placeContext(data: IndiaData): PlaceContext {
  const stateOf = data.districts.map((d) => currentState(d.state, d.code));
  const circleOf = data.districts.map((d) => (d.drawOnly ? '' : postalCircle(d.state, d.code)));
  const pins = new GridIndex(data.pincodes.lon, data.pincodes.lat);
  const towns = data.towns.name.map((_, i) => i);
  return {
    data,
    stateOf,
    circleOf,
    pins,
    towns,
    nearestPin(lon, lat) {
      const hit = pins.nearest(lon, lat);
      return hit ? { lon: data.pincodes.lon[hit.id]!, lat: data.pincodes.lat[hit.id]!, km: hit.km } : null;
    },
    districtAt(lon, lat) {
      const hit = pins.nearest(lon, lat);
      if (!hit) throw new Error(`districtAt(${lon}, ${lat}): the dataset has no PIN codes`);
      return data.pincodes.district[hit.id]!;
    },
  };
}

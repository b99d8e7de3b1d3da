export { IndiaMap, type MapColouring, type IndiaMapOptions, type DistrictInfo } from './india-map.ts';
export { DISTRICT_METRICS, districtMetric, type DistrictMetric } from './district-metrics.ts';
export { differenceByDistrict } from './difference-by-district.ts';
export { NODE_STYLE, NODE_DRAW_ORDER, EDIT_COLOURS } from './node-style.ts';

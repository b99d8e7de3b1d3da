export { IndiaMap, type MapColouring, type IndiaMapOptions, type DistrictInfo } from './india-map.ts';
export { DISTRICT_METRICS, districtMetric, type DistrictMetric } from './district-metrics.ts';
export { differenceByDistrict } from './difference-by-district.ts';
export { NODE_STYLE, NODE_DRAW_ORDER, EDIT_COLOURS } from './node-style.ts';
export { NODE_METRICS, NODE_CLASS_COLORS, nodeClass, nodeClassLabels, nodeMetric, type NodeMetric } from './node-metrics.ts';
export type { ColouredNodes } from './node-colour-layer.ts';

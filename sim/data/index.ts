export type { District, PincodeColumns, OfficeColumns, TownColumns, DataMeta, IndiaData, IndiaShapes } from './india-data.ts';
export { loadIndiaData, loadIndiaShapes } from './load-india-data.ts';

// The static report: the page's charts as SVG, rendered in Node (linkedom), for `sim report`.
export { renderReport, type ReportOptions } from './render-report.ts';
export { renderReportFromFolder } from './render-report-from-folder.ts';
export { districtMapSvg } from './district-map-svg.ts';

// viz/: the browser app (Vite + D3) and the pieces other code reuses: charts (page and static
// report), the map, result loading, and the static report renderer.
export * from './charts/index.ts';
export * from './map/index.ts';
export type { ViewData, DistrictRow, DailyRow, NodeRow, NodeDetailRow, LaneDetailRow, LoggedEvent } from './view-data.ts';
export { bottleneckTables } from './bottleneck-tables.ts';
export { stageShiftTable } from './stage-shift-table.ts';
export { viewDataFromRun, runSummaryJson } from './view-data-from-run.ts';
export { viewDataFromFolder, type FolderFiles } from './view-data-from-folder.ts';
// Not builtin-scenarios.ts: it bundles scenarios/*.yaml with Vite's import.meta.glob, which plain
// Node lacks; Node code loads scenarios with sim/scenario's loadScenario.
export { networkLayers, type NetworkLayers } from './network-layers.ts';
export { PlaybackState } from './playback-state.ts';

// Reports: the result folder (files and the atomic writer) and the guard that keeps every writer
// off files the tool did not write.
export { writeResultFolder, removePartialFolders } from './result-folder.ts';
export { resultFolderFiles, type NodeDescriptions, type ResultManifest, type TableContext } from './result-folder-files.ts';
export { nodeDescriptions } from './node-descriptions.ts';
export { eventLogFiles, istTime, MAX_OCEL_EVENTS, type EventLogRecord } from './event-log-files.ts';
export { assertReplaceableFolder, assertReplaceableHtml, OutputRefusedError, refusalToReplaceFolder } from './output-guard.ts';
export { GENERATOR_META, WRITTEN_BY } from './written-by.ts';
export { bottlenecks, formatBottlenecks, formatShiftingBottleneck, type Bottleneck } from './bottlenecks.ts';
export { formatStageTable, stageTable } from './where-time-goes.ts';
export { formatSpeedPostTable } from './speed-post-table.ts';
export { textTable } from './text-table.ts';

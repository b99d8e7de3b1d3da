// Reports: the result folder (files and the atomic writer). Aggregation, report.html and charts
// arrive with their issue.
export { writeResultFolder, removePartialFolders } from './result-folder.ts';
export { resultFolderFiles, type ResultManifest, type TableContext } from './result-folder-files.ts';

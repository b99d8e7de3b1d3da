import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { loadIndiaShapes } from '../../sim/data/index.ts';
import { viewDataFromFolder } from '../view-data-from-folder.ts';
import { renderReport } from './render-report.ts';

const FILES = ['manifest.json', 'summary.json', 'replications.csv', 'daily.csv', 'districts.csv', 'nodes.csv', 'leadtime-histogram.csv'];

/** Node only: reads a result folder and returns its `report.html` text (the caller writes it). */
export async function renderReportFromFolder(dir: string): Promise<string> {
  const files = new Map<string, string>();
  for (const name of FILES) if (existsSync(join(dir, name))) files.set(name, readFileSync(join(dir, name), 'utf8'));
  return renderReport(viewDataFromFolder(basename(dir), files), { shapes: await loadIndiaShapes() });
}

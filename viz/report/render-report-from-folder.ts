import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { loadIndiaData, loadIndiaShapes } from '../../sim/data/index.ts';
import { viewDataFromFolder } from '../view-data-from-folder.ts';
import { renderReport } from './render-report.ts';

/**
 * Node only: reads a result folder and returns its `report.html` text (the caller writes it).
 * Every top-level `.csv` and `.json` file is read; which of them the report uses is the folder
 * reader's business (optional tables may be absent).
 */
export async function renderReportFromFolder(dir: string): Promise<string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (/\.(csv|json)$/.test(name) && existsSync(path) && statSync(path).isFile()) files.set(name, readFileSync(path, 'utf8'));
  }
  const [shapes, data] = await Promise.all([loadIndiaShapes(), loadIndiaData()]);
  return renderReport(viewDataFromFolder(basename(resolve(dir)), files), { shapes, codes: data.districts.map((d) => d.code) });
}

import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertReplaceableHtml } from '../report/index.ts';
import { UsageError } from './exit-codes.ts';

/** `sim report <result-dir> [--out file]`: writes a self-contained report.html (SVG charts, no scripts). */
export async function reportCommand(args: { dir: string; out?: string }): Promise<void> {
  if (!existsSync(join(args.dir, 'summary.json'))) {
    throw new UsageError(`sim report: ${args.dir} is not a result folder (no summary.json); give a folder written by sim run`);
  }
  const out = args.out ?? join(args.dir, 'report.html');
  assertReplaceableHtml(out, args.out === undefined ? 'sim report' : '--out');
  const { renderReportFromFolder } = await import('../../viz/report/render-report-from-folder.ts');
  const html = await renderReportFromFolder(args.dir);
  // Temp file + rename: an interrupted write never leaves a half report under the final name.
  const tmp = `${out}.tmp`;
  writeFileSync(tmp, html);
  renameSync(tmp, out);
  console.log(`wrote ${out}`);
}

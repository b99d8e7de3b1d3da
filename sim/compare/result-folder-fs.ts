/**
 * All of sim/compare's file-system use lives here, so everything else runs in a browser too.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { assertReplaceableFolder } from '../report/output-guard.ts';
import { WRITTEN_BY } from '../report/written-by.ts';
import { CompareInputError } from './compare-input-error.ts';
import type { RawResultFolder } from './types.ts';

/** The files a result folder must hold. */
export const REQUIRED_FILES = ['manifest.json', 'summary.json', 'replications.csv'] as const;
/** Read when present; absent is not an error. */
export const OPTIONAL_FILES = ['leadtime-histogram.csv'] as const;

/** Reads a result folder's files as text. Throws CompareInputError naming the folder and what is missing. */
export function readResultFolder(dir: string): RawResultFolder {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new CompareInputError(`result folder ${dir}: not found (expected a folder holding ${REQUIRED_FILES.join(', ')})`);
  }
  const missing = REQUIRED_FILES.filter((file) => !existsSync(join(dir, file)));
  if (missing.length > 0) {
    throw new CompareInputError(
      `result folder ${dir}: missing ${missing.join(', ')} (a result folder holds ${REQUIRED_FILES.join(', ')}; an interrupted run leaves none of them)`,
    );
  }
  const read = (file: string) => readFileSync(join(dir, file), 'utf8');
  const histogram = join(dir, OPTIONAL_FILES[0]);
  return {
    dir,
    manifestJson: read('manifest.json'),
    summaryJson: read('summary.json'),
    replicationsCsv: read('replications.csv'),
    leadTimeHistogramCsv: existsSync(histogram) ? readFileSync(histogram, 'utf8') : undefined,
  };
}

/**
 * Replaces folder `dir` with exactly `files` (name → text), atomically as far as a reader is
 * concerned: written to a sibling temp folder, then swapped in by rename, so an interrupted
 * update leaves the old folder or the new one, never a mix. A `dir` that is not a result folder
 * this tool wrote is never touched (OutputRefusedError); the manifest (a JSON object) gains
 * `writtenBy` and its `files`.
 */
export function replaceFolder(dir: string, given: Readonly<Record<string, string>>): void {
  assertReplaceableFolder(dir, 'baseline');
  const manifest = JSON.parse(given['manifest.json'] ?? '{}') as Record<string, unknown>;
  const files = { ...given, 'manifest.json': `${JSON.stringify({ writtenBy: WRITTEN_BY, ...manifest, files: Object.keys(given).sort() }, null, 2)}\n` };
  mkdirSync(dirname(dir), { recursive: true });
  const temp = `${dir}.tmp-${process.pid}`;
  const old = `${dir}.old-${process.pid}`;
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(temp, name), text);
  if (existsSync(dir)) renameSync(dir, old);
  renameSync(temp, dir);
  rmSync(old, { recursive: true, force: true });
}

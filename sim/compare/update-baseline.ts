import { baselineDirFor } from './baseline-dir-for.ts';
import { CompareInputError } from './compare-input-error.ts';
import { parseResultSet } from './parse-result-set.ts';
import { readResultFolder, replaceFolder } from './result-folder-fs.ts';

export interface UpdatedBaseline {
  /** `<baselineRoot>/<scenarioName>`. */
  readonly dir: string;
  readonly scenarioName: string;
}

function folderName(dir: string): string {
  const parts = dir.replace(/[\\/]+$/, '').split(/[\\/]/);
  return parts[parts.length - 1] ?? dir;
}

/**
 * Makes a result folder the committed baseline of its scenario: copies `summary.json` and
 * `replications.csv` byte for byte (so exact mode still holds against the source run),
 * `leadtime-histogram.csv` when present, and `manifest.json` with
 * `baseline: { reason, from: <result folder name> }` added. No wall-clock date is written, so
 * updating twice from the same run gives the same files. Replaces any previous baseline of the
 * scenario atomically. Updating a baseline is a deliberate, reviewed change: `reason` is
 * required and lands in the diff a reviewer reads.
 *
 * Throws CompareInputError (exit 2) for an empty reason or a missing or malformed result folder.
 */
export function updateBaseline(resultDir: string, baselineRoot: string, reason: string): UpdatedBaseline {
  if (typeof reason !== 'string' || reason.trim() === '') {
    throw new CompareInputError(
      `reason: updating a baseline needs a reason (why the new numbers are right), given ${JSON.stringify(reason)}`,
    );
  }
  const raw = readResultFolder(resultDir);
  const set = parseResultSet(raw);
  const dir = baselineDirFor(baselineRoot, set.manifest.scenarioName);
  const manifest = { ...(JSON.parse(raw.manifestJson) as Record<string, unknown>) };
  manifest.baseline = { reason: reason.trim(), from: folderName(resultDir) };
  const files: Record<string, string> = {
    'manifest.json': `${JSON.stringify(manifest, null, 2)}\n`,
    'summary.json': raw.summaryJson,
    'replications.csv': raw.replicationsCsv,
  };
  if (raw.leadTimeHistogramCsv !== undefined) files['leadtime-histogram.csv'] = raw.leadTimeHistogramCsv;
  replaceFolder(dir, files);
  return { dir, scenarioName: set.manifest.scenarioName };
}

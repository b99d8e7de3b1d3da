import { CompareInputError } from './compare-input-error.ts';
import { parseCsv } from './parse-csv.ts';
import { parseReplicationsCsv } from './parse-replications-csv.ts';
import type { HistogramBin, RawResultFolder, ResultManifest, ResultSet, ResultSummary } from './types.ts';

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CompareInputError(`${where}: not valid JSON (${(error as Error).message})`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isSeed = (v: unknown) => typeof v === 'number' || typeof v === 'string';
const isCount = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** Checks the fields compare reads; collects every problem before it throws. */
function checkFields(
  value: unknown,
  where: string,
  fields: Record<string, [test: (v: unknown) => boolean, valid: string]>,
): Record<string, unknown> {
  if (!isRecord(value)) throw new CompareInputError(`${where}: must be a JSON object, given ${typeof value}`);
  const problems: string[] = [];
  for (const [name, [test, valid]] of Object.entries(fields)) {
    if (!test(value[name])) problems.push(`"${name}" must be ${valid}, given ${JSON.stringify(value[name]) ?? 'nothing'}`);
  }
  if (problems.length > 0) throw new CompareInputError(`${where}: ${problems.join('; ')}`);
  return value;
}

function parseHistogram(text: string, where: string): HistogramBin[] {
  const rows = parseCsv(text);
  const header = rows[0]?.map((h) => h.trim());
  if (header?.[0] !== 'hour' || header[1] !== 'count') {
    throw new CompareInputError(`${where}: the header must be "hour,count", given ${JSON.stringify(rows[0]?.join(',') ?? '')}`);
  }
  const bins: HistogramBin[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    if (row.length === 1 && row[0] === '') continue;
    const hour = Number(row[0]);
    const count = Number(row[1]);
    if (row.length < 2 || !Number.isFinite(hour) || !Number.isFinite(count) || count < 0) {
      throw new CompareInputError(`${where}: line ${r + 1} must be "<hour>,<count ≥ 0>", given ${JSON.stringify(row.join(','))}`);
    }
    bins.push({ hour, count });
  }
  return bins;
}

/**
 * Turns the text of a result folder into a ResultSet. Pure (no fs), so the browser can feed it
 * fetched files. Throws CompareInputError naming the folder and file for anything malformed or
 * inconsistent (manifest and summary of different scenarios; a row count other than
 * `replications`).
 */
export function parseResultSet(raw: RawResultFolder): ResultSet {
  const at = (file: string) => `${raw.dir}/${file}`;
  const manifest = checkFields(parseJson(raw.manifestJson, at('manifest.json')), at('manifest.json'), {
    scenarioName: [(v) => typeof v === 'string' && v !== '', 'a non-empty string'],
    scenarioHash: [(v) => typeof v === 'string' && v !== '', 'a non-empty string (hex)'],
    seed: [isSeed, 'a number or a string'],
    replications: [isCount, 'a non-negative integer'],
  }) as ResultManifest;
  const summary = checkFields(parseJson(raw.summaryJson, at('summary.json')), at('summary.json'), {
    scenarioHash: [(v) => typeof v === 'string', 'a string (hex)'],
    seed: [isSeed, 'a number or a string'],
    replications: [isCount, 'a non-negative integer'],
    metrics: [isRecord, 'an object of metric summaries'],
  }) as unknown as ResultSummary;
  const replications = parseReplicationsCsv(raw.replicationsCsv, at('replications.csv'));

  const problems: string[] = [];
  if (summary.scenarioHash !== manifest.scenarioHash) {
    problems.push(`summary.json has scenarioHash ${summary.scenarioHash}, manifest.json ${manifest.scenarioHash}`);
  }
  if (String(summary.seed) !== String(manifest.seed)) {
    problems.push(`summary.json has seed ${summary.seed}, manifest.json ${manifest.seed}`);
  }
  if (replications.replications.length !== manifest.replications) {
    problems.push(
      `replications.csv has ${replications.replications.length} rows, manifest.json says ${manifest.replications} replications`,
    );
  }
  if (problems.length > 0) throw new CompareInputError(`${raw.dir}: the files disagree: ${problems.join('; ')}`);

  const leadTimeHistogram =
    raw.leadTimeHistogramCsv === undefined ? undefined : parseHistogram(raw.leadTimeHistogramCsv, at('leadtime-histogram.csv'));
  return { dir: raw.dir, manifest, summary, replications, leadTimeHistogram, raw };
}

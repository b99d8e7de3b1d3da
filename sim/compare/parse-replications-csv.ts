import { CompareInputError } from './compare-input-error.ts';
import { parseCsv } from './parse-csv.ts';
import type { ReplicationTable } from './types.ts';

/**
 * Reads `replications.csv`: header `replication,<metric…>`, one row per replication. A cell is
 * `String(x)` of a number (`Infinity` included) or empty for NaN. `where` names the file in errors.
 */
export function parseReplicationsCsv(text: string, where: string): ReplicationTable {
  const rows = parseCsv(text);
  const header = rows[0];
  if (header === undefined || header.length === 0 || header[0] !== 'replication') {
    throw new CompareInputError(
      `${where}: the header must start with "replication", given ${JSON.stringify(header?.join(',') ?? '')}`,
    );
  }
  const metrics = header.slice(1);
  const seen = new Set<string>();
  for (const metric of metrics) {
    if (metric === '' || seen.has(metric)) {
      throw new CompareInputError(
        `${where}: metric names in the header must be non-empty and unique, given ${JSON.stringify(metric)}`,
      );
    }
    seen.add(metric);
  }
  const replications: number[] = [];
  const columns = metrics.map(() => [] as number[]);
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    if (row.length === 1 && row[0] === '') continue; // a blank line
    if (row.length !== header.length) {
      throw new CompareInputError(
        `${where}: line ${r + 1} has ${row.length} fields; the header has ${header.length}`,
      );
    }
    const index = Number(row[0]);
    if (row[0] === '' || !Number.isInteger(index) || index < 0) {
      throw new CompareInputError(
        `${where}: line ${r + 1}: replication must be a non-negative integer, given ${JSON.stringify(row[0])}`,
      );
    }
    replications.push(index);
    for (let m = 0; m < metrics.length; m++) {
      const cell = (row[m + 1] ?? '').trim();
      const value = cell === '' ? Number.NaN : Number(cell);
      if (cell !== '' && Number.isNaN(value) && cell !== 'NaN') {
        throw new CompareInputError(
          `${where}: line ${r + 1}, metric ${metrics[m]}: must be a number or empty, given ${JSON.stringify(cell)}`,
        );
      }
      columns[m]!.push(value);
    }
  }
  const values: Record<string, number[]> = {};
  metrics.forEach((metric, m) => {
    values[metric] = columns[m]!;
  });
  return { metrics, replications, values };
}
